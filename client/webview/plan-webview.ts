// The script of the preview and dashboard webviews. It parses no plan: it receives HTML drawn by the
// language server (server/src/render/) through the extension, keeps the appendix rows it already has
// (by key) and replaces only the others, and posts clicks back to the extension.
// Bundled for the browser into dist/media/plan-webview.js; loaded with the page's CSP nonce.

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface PreviewUpdate {
  type: 'preview';
  header: string;
  head: string;
  /** Every row in order: its key, and its HTML when the webview does not have it yet. */
  rows: { key: string; html?: string }[];
}

interface DashboardUpdate {
  type: 'dashboard';
  html: string;
}

interface HighlightRow {
  type: 'highlight';
  row: number;
}

type Incoming = PreviewUpdate | DashboardUpdate | HighlightRow;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;

// ---------------------------------------------------------------------------------------------------
// Preview

const rowsByKey = new Map<string, HTMLTableRowElement>();
const rowIndex = new WeakMap<Element, number>();
let rows: HTMLTableRowElement[] = [];
let active: HTMLTableRowElement | undefined;
let lastHead = '';
let lastHeader = '';

function previewParts(): { header: HTMLElement; table: HTMLTableElement; body: HTMLTableSectionElement } {
  let header = document.getElementById('plan-header');
  let table = document.getElementById('plan-table') as HTMLTableElement | null;
  if (!header || !table) {
    root.innerHTML = '<div id="plan-header"></div><table id="plan-table" class="appendix"><tbody></tbody></table>';
    header = document.getElementById('plan-header')!;
    table = document.getElementById('plan-table') as HTMLTableElement;
  }
  return { header, table, body: table.tBodies[0] };
}

/** Parses the HTML of new rows in one go. */
function parseRows(html: string[]): HTMLTableRowElement[] {
  if (!html.length) return [];
  const template = document.createElement('template');
  template.innerHTML = `<table><tbody>${html.join('')}</tbody></table>`;
  return [...(template.content.querySelector('tbody')!.rows as HTMLCollectionOf<HTMLTableRowElement>)];
}

function applyPreview(update: PreviewUpdate): void {
  const { header, table, body } = previewParts();
  if (update.header !== lastHeader) {
    header.innerHTML = lastHeader = update.header;
    focusable(header, '[data-mark]');
  }
  if (update.head !== lastHead) {
    table.querySelector('colgroup')?.remove();
    table.tHead?.remove();
    table.insertAdjacentHTML('afterbegin', (lastHead = update.head));
  }
  const fresh = parseRows(update.rows.filter((r) => r.html !== undefined).map((r) => r.html!));
  // Reachable with the keyboard: Tab to a row, Enter to show it in the editor.
  for (const row of fresh) row.tabIndex = 0;
  let next = 0;
  const kept = new Map<string, HTMLTableRowElement>();
  rows = update.rows.map((r, i) => {
    const row = r.html !== undefined ? fresh[next++] : rowsByKey.get(r.key);
    // A key the webview lacks (it reloaded): the extension sends everything again on 'ready'.
    const element = row ?? document.createElement('tr');
    kept.set(r.key, element);
    rowIndex.set(element, i);
    return element;
  });
  // Drop the rows that are gone first, so that a replaced row moves none of the rows after it.
  for (const [key, row] of rowsByKey) if (kept.get(key) !== row) row.remove();
  rowsByKey.clear();
  for (const [k, v] of kept) rowsByKey.set(k, v);
  // Put the rows in order, inserting the new ones and moving only those out of place.
  let cursor: ChildNode | null = body.firstChild;
  for (const row of rows) {
    if (row === cursor) cursor = cursor.nextSibling;
    else body.insertBefore(row, cursor);
  }
  while (cursor) {
    const after: ChildNode | null = cursor.nextSibling;
    cursor.remove();
    cursor = after;
  }
  if (active && !active.isConnected) active = undefined;
  document.body.dataset.rows = String(rows.length);
}

function highlight(index: number): void {
  const row = rows[index];
  if (row === active) return;
  active?.classList.remove('active');
  active = row;
  if (!row) return;
  row.classList.add('active');
  const box = row.getBoundingClientRect();
  // Scrolled only when out of sight, to the middle, as the editor reveals a line.
  if (box.top < 0 || box.bottom > window.innerHeight) row.scrollIntoView({ block: box.height > window.innerHeight ? 'start' : 'center' });
}

// ---------------------------------------------------------------------------------------------------
// Dashboard

function applyDashboard(update: DashboardUpdate): void {
  root.innerHTML = update.html;
  focusable(root, '[data-task]');
}

function focusable(container: Element, selector: string): void {
  for (const element of container.querySelectorAll<HTMLElement>(selector)) element.tabIndex = 0;
}

// ---------------------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<Incoming>) => {
  const message = event.data;
  if (message.type === 'preview') applyPreview(message);
  else if (message.type === 'dashboard') applyDashboard(message);
  else if (message.type === 'highlight') highlight(message.row);
});

function activate(target: Element): void {
  const bar = target.closest('[data-group]');
  if (bar) {
    vscode.postMessage({ type: 'bar', group: Number(bar.getAttribute('data-group')) });
    return;
  }
  const task = target.closest('[data-task]');
  if (task) {
    vscode.postMessage({ type: 'task', index: Number(task.getAttribute('data-task')) });
    return;
  }
  const mark = target.closest('[data-mark]');
  if (mark) {
    vscode.postMessage({ type: 'mark', index: Number(mark.getAttribute('data-mark')) });
    return;
  }
  const row = target.closest('tbody tr');
  const index = row ? rowIndex.get(row) : undefined;
  if (index === undefined) return;
  highlight(index);
  const cell = target.closest('td');
  vscode.postMessage({ type: 'reveal', row: index, column: cell?.getAttribute('data-col') ?? undefined });
}

document.addEventListener('click', (event) => {
  // A click that ends a text selection is for copying, not for jumping.
  if (String(window.getSelection() ?? '')) return;
  if (event.target instanceof Element) activate(event.target);
});
document.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof Element && event.target.closest('[data-group], [data-task], [data-mark], tbody tr')) {
    event.preventDefault();
    activate(event.target);
  }
});

vscode.postMessage({ type: 'ready' });
