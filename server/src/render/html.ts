// PlanView and Dashboard → HTML: one set of functions for the preview webview, the dashboard webview
// and the exported page (`par-plan export plan.par.yaml -o plan.html`). The appendix comes as a list
// of rows, each an HTML string with no position or index in it, so an editor can keep the rows that
// did not change between versions (see rowKey) and replace only the others.
//
// Every text is escaped; no style attributes (the webview's CSP allows the stylesheet only); charts
// are inline SVG with <title>/<desc> and a data table beside them.

import type { Position } from '../engine/types';
import type { Chart, Dashboard } from './dashboard';
import type { RenderText } from './render-text';
import type { CellView, ColumnKey, Mark, PlanView, ProblemCounts, SectionView, TaskColumnKey } from './plan-view';
import { PLAN_STYLES } from './styles';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface AppendixRow {
  kind: 'section' | 'task';
  html: string;
  /**
   * Equal for equal HTML: a hash of the row plus its occurrence, so two identical rows get
   * different keys. An editor keeps the rows whose key it already has.
   */
  key: string;
  /** Where the row is in the document: the section's or task's first key. */
  at: Position;
  /** Where each cell's value is, by column key (data-col of its <td>). */
  cells: Partial<Record<ColumnKey, Position>>;
}

const SEVERITY_ORDER: Mark['severity'][] = ['error', 'warning', 'info', 'hint'];

function worst(marks: readonly Mark[]): Mark['severity'] {
  return SEVERITY_ORDER.find((s) => marks.some((m) => m.severity === s)) ?? 'info';
}

function paragraphs(lines: readonly string[]): string {
  return lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
}

/** A cell; a marked cell shows its findings under its text and in its tooltip. */
function cellHtml(key: ColumnKey, cell: CellView, t: RenderText, extra = ''): string {
  const text = paragraphs(cell.lines);
  if (!cell.marks.length) return `<td class="${key}" data-col="${key}"${extra}>${text}</td>`;
  const severity = worst(cell.marks);
  const messages = cell.marks.map((m) => `${t.severity[m.severity]}: ${m.message} (${m.code})`);
  const shown = cell.marks.map((m) => `<span class="mark-text" data-code="${escapeHtml(m.code)}">${escapeHtml(m.message)}</span>`).join('');
  return `<td class="${key} marked ${severity === 'hint' ? 'info' : severity}" data-col="${key}" data-marks="${cell.marks.length}" title="${escapeHtml(messages.join('\n'))}"${extra}>${text}${shown}</td>`;
}

function countsText(counts: ProblemCounts, t: RenderText): string {
  return t.problemsInSection(counts.errors, counts.warnings, counts.infos);
}

function sectionRowHtml(section: SectionView, columns: number, t: RenderText): string {
  const counts = countsText(section.problems, t);
  const badge = counts ? `<span class="section-problems" data-problems="${section.problems.errors + section.problems.warnings + section.problems.infos}">${escapeHtml(counts)}</span>` : '';
  const marks = section.marks.length ? section.marks.map((m) => `<span class="mark-text">${escapeHtml(m.message)}</span>`).join('') : '';
  const cls = section.marks.length ? ` marked ${worst(section.marks) === 'hint' ? 'info' : worst(section.marks)}` : '';
  return `<tr class="section"><td class="stt" data-col="stt">${escapeHtml(section.area)}</td><td class="title${cls}" data-col="task" colspan="${columns - 1}">${badge}${paragraphs(section.title.split(/\r\n|\r|\n/))}${marks}</td></tr>`;
}

const EMPTY_CELL: Omit<CellView, 'at'> = { lines: [''], marks: [] };

/** The rows of the appendix table in order: each section row, then one row per task. */
export function appendixRows(view: PlanView, t: RenderText): AppendixRow[] {
  const rows: Omit<AppendixRow, 'key'>[] = [];
  const hashes: string[] = [];
  const taskColumns = view.columns.map((c) => c.key).filter((k): k is TaskColumnKey => k !== 'stt' && k !== 'criterion');
  const columnSet = taskColumns.join();
  const add = (row: Omit<AppendixRow, 'key'>, hash = hashOf(row.html)) => {
    rows.push(row);
    hashes.push(hash);
  };
  for (const section of view.sections) {
    add({ kind: 'section', html: sectionRowHtml(section, view.columns.length, t), at: section.at, cells: { stt: section.at, task: section.at } });
    for (const item of section.items) {
      const span = Math.max(item.tasks.length, 1);
      const rowspan = span > 1 ? ` rowspan="${span}"` : '';
      const itemCells = `<td class="stt" data-col="stt"${rowspan}><p>${escapeHtml(item.stt)}</p></td>${cellHtml('criterion', item.criterion, t, rowspan)}`;
      if (!item.tasks.length) {
        const empty = taskColumns.map((k) => cellHtml(k, { ...EMPTY_CELL, at: item.at }, t)).join('');
        add({ kind: 'task', html: `<tr class="task empty">${itemCells}${empty}</tr>`, at: item.at, cells: { stt: item.at, criterion: item.criterion.at } });
        continue;
      }
      item.tasks.forEach((task, k) => {
        const cells: Partial<Record<ColumnKey, Position>> = {};
        if (k === 0) {
          cells.stt = item.at;
          cells.criterion = item.criterion.at;
        }
        for (const key of taskColumns) cells[key] = task.cells[key].at;
        // The same task read the same way (plan-view keeps its PlanTask), with the same marks and
        // item cells, draws the same row: most rows of a version are those of the one before.
        const marks = taskColumns.some((key) => task.cells[key].marks.length) ? JSON.stringify(taskColumns.map((key) => task.cells[key].marks)) : '';
        const signature = `${columnSet}\u0000${marks}\u0000${k === 0 ? itemCells : ''}`;
        let drawn = taskRows.get(task.task);
        if (!drawn || drawn.signature !== signature) {
          const html = `<tr class="task">${k === 0 ? itemCells : ''}${taskColumns.map((key) => cellHtml(key, task.cells[key], t)).join('')}</tr>`;
          drawn = { signature, html, hash: hashOf(html) };
          taskRows.set(task.task, drawn);
        }
        add({ kind: 'task', html: drawn.html, at: task.at, cells }, drawn.hash);
      });
    }
  }
  const keys = withOccurrences(hashes);
  return rows.map((row, i) => ({ ...row, key: keys[i] }));
}

function hashOf(html: string): string {
  // FNV-1a, 32 bits: fast, and a collision only costs a row re-sent under another key.
  let hash = 0x811c9dc5;
  for (let i = 0; i < html.length; i++) hash = Math.imul(hash ^ html.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(36)}${html.length.toString(36)}`;
}

/** Keys for rows from their hashes: the second row with a hash gets ".1", and so on. */
function withOccurrences(hashes: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return hashes.map((base) => {
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}.${n}` : base;
  });
}

/** A task row's HTML and hash, kept per task while what it shows stays the same. */
const taskRows = new WeakMap<object, { signature: string; html: string; hash: string }>();

/** The issuing body, the national motto, the appendix title and the plan-wide problems. */
export function headerHtml(view: PlanView, t: RenderText): string {
  const h = view.header;
  const issuer = h.issuer ? escapeHtml(h.issuer) : '';
  const parts = [
    `<div class="doc-header"><div class="issuer">${issuer}</div><div class="motto"><span>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><span class="sub">Độc lập - Tự do - Hạnh phúc</span></div></div>`,
    '<div class="doc-title">',
    h.appendix ? `<p class="appendix">${escapeHtml(h.appendix)}</p>` : '',
    h.title ? `<h1 class="title">${escapeHtml(h.title)}</h1>` : '',
    h.document ? `<p class="basis">(Kèm theo ${escapeHtml(h.document.replace(/\s+/g, ' ').trim())})</p>` : '',
    '</div>',
  ];
  const total = view.problems.errors + view.problems.warnings + view.problems.infos;
  parts.push(`<p class="summary" data-problems="${total}">${escapeHtml(total ? countsText(view.problems, t) : t.noProblems)}</p>`);
  if (view.planMarks.length) {
    parts.push(
      `<ul class="plan-marks" aria-label="${escapeHtml(t.planProblems)}">${view.planMarks
        .map((m, i) => `<li class="${m.severity}" data-mark="${i}">${escapeHtml(`${m.at.line + 1}:${m.at.character + 1} ${m.message} (${m.code})`)}</li>`)
        .join('')}</ul>`,
    );
  }
  return parts.join('');
}

/** The table's <colgroup> and <thead>: the Word export's columns and their relative widths. */
export function tableHeadHtml(view: PlanView): string {
  const total = view.columns.reduce((n, c) => n + c.weight, 0);
  // Widths as a <col width> attribute (no style attribute: see the CSP note at the top).
  const cols = view.columns.map((c) => `<col class="col-${c.key}" width="${((c.weight / total) * 100).toFixed(1)}%">`).join('');
  const heads = view.columns.map((c) => `<th scope="col" data-col="${c.key}">${escapeHtml(c.header)}</th>`).join('');
  return `<colgroup>${cols}</colgroup><thead><tr>${heads}</tr></thead>`;
}

// ---------------------------------------------------------------------------------------------------
// Charts

const CHART_WIDTH = 720;
const LABEL_WIDTH = 270;
const VALUE_WIDTH = 36;
const BAR_HEIGHT = 13;
const LABEL_CHARS = 42;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The bars of a chart drawn as SVG; `group(bar, series)` numbers each clickable bar. */
function chartSvg(chart: Chart, id: string, group: (bar: number, series: number) => number, t: RenderText): string {
  const seriesCount = chart.series.length;
  const rowHeight = (chart.layout === 'stacked' ? BAR_HEIGHT : BAR_HEIGHT * seriesCount) + 9;
  const legendHeight = seriesCount > 1 ? 20 : 0;
  const height = legendHeight + chart.bars.length * rowHeight + 6;
  const max = Math.max(1, ...chart.bars.map((b) => (chart.layout === 'stacked' ? b.values.reduce((a, v) => a + v, 0) : Math.max(...b.values))));
  const scale = (CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH - 8) / max;
  const out: string[] = [];
  const summary = chart.bars.map((b) => `${b.label}: ${b.values.map((v, s) => (seriesCount > 1 ? `${chart.series[s].label} ${v}` : String(v))).join(', ')}`).join('; ');
  out.push(
    `<svg class="chart-svg" role="img" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeHtml(chart.title)}</title><desc id="${id}-desc">${escapeHtml(`${chart.description} ${summary}`)}</desc>`,
  );
  if (legendHeight) {
    let x = LABEL_WIDTH;
    chart.series.forEach((s, k) => {
      out.push(`<rect class="legend s${k}" x="${x}" y="4" width="10" height="10"></rect><text x="${x + 14}" y="13">${escapeHtml(s.label)}</text>`);
      x += 24 + s.label.length * 7;
    });
  }
  chart.bars.forEach((bar, i) => {
    const top = legendHeight + i * rowHeight + 4;
    const full = bar.label;
    out.push(`<g class="bar-row" data-bar="${i}">`);
    out.push(`<text class="label" x="${LABEL_WIDTH - 6}" y="${top + (rowHeight - 9) / 2 + 4}" text-anchor="end">${escapeHtml(clip(full, LABEL_CHARS))}<title>${escapeHtml(full)}</title></text>`);
    let stackX = LABEL_WIDTH;
    bar.values.forEach((value, s) => {
      const width = Math.max(value ? 1 : 0, value * scale);
      const y = chart.layout === 'stacked' ? top : top + s * BAR_HEIGHT;
      const x = chart.layout === 'stacked' ? stackX : LABEL_WIDTH;
      const what = seriesCount > 1 ? `${full} — ${chart.series[s].label}: ${value}` : `${full}: ${value}`;
      out.push(
        `<rect class="bar s${s}" x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT - 2}" data-group="${group(i, s)}" data-value="${value}" tabindex="0" role="button" aria-label="${escapeHtml(what)}"><title>${escapeHtml(what)}</title></rect>`,
      );
      if (chart.layout === 'stacked') stackX += width;
      else out.push(`<text class="value" x="${(x + width + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 3}">${value}</text>`);
    });
    if (chart.layout === 'stacked') out.push(`<text class="value" x="${(stackX + 4).toFixed(1)}" y="${top + BAR_HEIGHT - 3}">${bar.values.reduce((a, v) => a + v, 0)}</text>`);
    out.push('</g>');
  });
  out.push(`<line class="axis" x1="${LABEL_WIDTH}" y1="${legendHeight}" x2="${LABEL_WIDTH}" y2="${height - 2}"></line>`, '</svg>');
  return out.join('');
}

function chartTable(chart: Chart, t: RenderText): string {
  const head = `<tr><th scope="col">${escapeHtml(t.unit)}</th>${chart.series.map((s) => `<th scope="col">${escapeHtml(s.label)}</th>`).join('')}</tr>`;
  const body = chart.bars.map((b) => `<tr><th scope="row">${escapeHtml(b.label)}</th>${b.values.map((v) => `<td class="num">${v}</td>`).join('')}</tr>`).join('');
  return `<details class="chart-data"><summary>${escapeHtml(t.dataTable)}</summary><table>${head}${body}</table></details>`;
}

export interface RenderedDashboard {
  html: string;
  /** The tasks behind each clickable bar, by its data-group number. */
  groups: number[][];
}

/** The dashboard: totals, the charts, and the lists of tasks with no lead unit or no deadline. */
export function dashboardHtml(dashboard: Dashboard, view: PlanView, t: RenderText): RenderedDashboard {
  const groups: number[][] = [];
  const labels = taskLabels(view);
  const { sections, items, tasks, findings } = dashboard.totals;
  const parts = [`<p class="totals">${escapeHtml(t.totals(sections, items, tasks, findings))}</p>`, '<div class="charts">'];
  for (const chart of dashboard.charts) {
    const id = `chart-${chart.id}`;
    const svg = chartSvg(chart, id, (bar, series) => groups.push(chart.bars[bar].tasks[series]) - 1, t);
    parts.push(
      `<figure class="chart" data-chart="${chart.id}" data-bars="${chart.bars.length}"><figcaption><h3>${escapeHtml(chart.title)}</h3><p class="description">${escapeHtml(chart.description)}</p></figcaption>${svg}${chart.note ? `<p class="note">${escapeHtml(chart.note)}</p>` : ''}${chartTable(chart, t)}</figure>`,
    );
  }
  parts.push('</div><div class="task-lists">');
  for (const list of dashboard.lists) {
    const entries = list.tasks.map((i) => `<li data-task="${i}">${escapeHtml(labels[i])}</li>`).join('');
    parts.push(`<div class="task-list" data-list="${list.id}" data-count="${list.tasks.length}"><h3>${escapeHtml(`${list.title} (${list.tasks.length})`)}</h3>${entries ? `<ol>${entries}</ol>` : `<p>${escapeHtml(t.noneInList)}</p>`}</div>`);
  }
  parts.push('</div>');
  return { html: parts.join(''), groups };
}

/** A short label per task, by TaskRowView.index: "II.3 — text of the task". */
export function taskLabels(view: PlanView): string[] {
  const labels: string[] = [];
  for (const section of view.sections) {
    for (const item of section.items) {
      for (const task of item.tasks) {
        const text = task.task.task.replace(/\s+/g, ' ').trim();
        labels[task.index] = `${section.area}${item.stt ? `.${item.stt}` : ''} — ${clip(text, 110)}`;
      }
    }
  }
  return labels;
}

// ---------------------------------------------------------------------------------------------------
// The exported page

export interface ExportPageOptions {
  /** The program that made the page, for its footer. */
  generator: string;
  lang: 'vi' | 'en';
}

/** One self-contained HTML page: the appendix, then the dashboard; inline CSS, inline SVG, no script. */
export function exportPage(view: PlanView, dashboard: Dashboard, t: RenderText, options: ExportPageOptions): string {
  const rows = appendixRows(view, t);
  const body = rows.map((r) => r.html).join('\n');
  const empty = view.sections.length ? '' : `<p class="empty">${escapeHtml(t.emptyPlan)}</p>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, no remote resource: the page is data only, whatever the plan's text says.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="generator" content="${escapeHtml(options.generator)}">`,
    `<title>${escapeHtml(t.pageTitle(view.header.title ?? ''))}</title>`,
    `<style>${PLAN_STYLES}</style>`,
    '</head>',
    '<body>',
    `<section class="appendix-part" aria-label="${escapeHtml(t.appendixHeading)}">`,
    headerHtml(view, t),
    empty,
    `<table class="appendix">${tableHeadHtml(view)}<tbody>\n${body}\n</tbody></table>`,
    '</section>',
    `<section class="dashboard"><h2 class="part">${escapeHtml(t.dashboardHeading)}</h2>`,
    dashboardHtml(dashboard, view, t).html,
    '</section>',
    `<p class="footer">${escapeHtml(t.generated(options.generator))}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
