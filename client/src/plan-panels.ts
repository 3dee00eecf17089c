// The appendix preview ("Open Preview to the Side") and the plan overview (dashboard): two webviews
// that show the plan of the active editor, drawn by the language server (parPlan/preview,
// parPlan/dashboard) from its parse of the current text; the client parses nothing. They follow the
// server's re-checks (the diagnostics' debounce), clicks reveal the task in the editor, and the
// cursor highlights its row in the preview.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PROTOCOL, type DashboardResponse, type DashboardTasksResponse, type PreviewResponse, type TreeChangedParams } from '../../server/src/lsp/protocol';

type Kind = 'preview' | 'dashboard';

type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; row: number; column?: string }
  | { type: 'mark'; index: number }
  | { type: 'bar'; group: number }
  | { type: 'task'; index: number };

interface Place {
  line: number;
  character: number;
}

/** The last row starting at or before `line` (`lines`: each row's first line, in order), or -1. */
export function rowAtLine(lines: readonly number[], line: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle] <= line) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

class PlanPanel {
  readonly panel: vscode.WebviewPanel;
  uri: string;
  private preview: PreviewResponse | null = null;
  private ready = false;
  private busy = false;
  private again = false;
  private highlighted = -1;

  constructor(
    readonly kind: Kind,
    uri: string,
    private readonly client: BaseLanguageClient,
    private readonly extensionUri: vscode.Uri,
    column: vscode.ViewColumn,
    onDispose: () => void,
  ) {
    this.uri = uri;
    const media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
    this.panel = vscode.window.createWebviewPanel(kind === 'preview' ? 'parPlan.preview' : 'parPlan.dashboard', this.title(), { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    this.panel.webview.html = this.shell();
    this.panel.webview.onDidReceiveMessage((message: FromWebview) => void this.onMessage(message));
    this.panel.onDidDispose(onDispose);
  }

  private title(): string {
    const name = vscode.Uri.parse(this.uri).path.split('/').pop() ?? '';
    return this.kind === 'preview' ? vscode.l10n.t('Preview {0}', name) : vscode.l10n.t('Overview {0}', name);
  }

  private shell(): string {
    const webview = this.panel.webview;
    // Web Crypto: the web build's extension host has no node:crypto.
    const nonce = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(18)), (b) => b.toString(16).padStart(2, '0')).join('');
    const media = vscode.Uri.joinPath(this.extensionUri, 'dist', 'media');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'plan.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'plan-webview.js'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    const lang = vscode.env.language.toLowerCase().startsWith('vi') ? 'vi' : 'en';
    return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${css}"><title>${this.title()}</title></head><body class="interactive ${this.kind}"><main id="root" aria-live="polite"></main><script nonce="${nonce}" src="${js}"></script></body></html>`;
  }

  /** Shows another document: everything is sent again. */
  retarget(uri: string): void {
    if (uri === this.uri) return;
    this.uri = uri;
    this.preview = null;
    this.highlighted = -1;
    this.panel.title = this.title();
    void this.refresh();
  }

  /** Asks the server for the current version; one request at a time, the last change wins. */
  async refresh(): Promise<void> {
    if (!this.ready) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.again = false;
        const uri = this.uri;
        if (this.kind === 'preview') {
          const known = this.preview?.rows.map((r) => r.key);
          const response = await this.client.sendRequest<PreviewResponse | null>(PROTOCOL.preview, { uri, known });
          if (!response || uri !== this.uri) continue;
          this.preview = response;
          await this.panel.webview.postMessage({ type: 'preview', header: response.header, head: response.head, rows: response.rows.map((r) => ({ key: r.key, html: r.html })) });
          const line = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri)?.selection.active.line;
          this.highlighted = -1;
          if (line !== undefined) this.followLine(line);
        } else {
          const response = await this.client.sendRequest<DashboardResponse | null>(PROTOCOL.dashboard, { uri });
          if (!response || uri !== this.uri) continue;
          await this.panel.webview.postMessage({ type: 'dashboard', html: response.html });
        }
      } while (this.again);
    } catch (error) {
      // The server restarting or stopping: logged; the next re-check asks again.
      this.client.outputChannel.appendLine(`par-plan ${this.kind}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.busy = false;
    }
  }

  /** Highlights the row of the task at a line of the editor. */
  followLine(line: number): void {
    if (!this.preview) return;
    const row = rowAtLine(this.preview.lines, line);
    if (row < 0 || row === this.highlighted) return;
    this.highlighted = row;
    void this.panel.webview.postMessage({ type: 'highlight', row });
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A new page (first load, or the webview was reloaded): it has no rows yet.
        this.ready = true;
        this.preview = null;
        this.highlighted = -1;
        await this.refresh();
        return;
      case 'reveal': {
        this.highlighted = message.row;
        const at = await this.client.sendRequest<Place | null>(PROTOCOL.previewTarget, { uri: this.uri, row: message.row, column: message.column });
        if (at) await this.reveal(at);
        return;
      }
      case 'mark': {
        const at = this.preview?.marks[message.index];
        if (at) await this.reveal(at);
        return;
      }
      case 'task': {
        const [task] = (await this.client.sendRequest<DashboardTasksResponse | null>(PROTOCOL.dashboardTasks, { uri: this.uri, task: message.index })) ?? [];
        if (task) await this.reveal(task.at);
        return;
      }
      case 'bar': {
        const tasks = await this.client.sendRequest<DashboardTasksResponse | null>(PROTOCOL.dashboardTasks, { uri: this.uri, group: message.group });
        if (!tasks?.length) return;
        const picked = await vscode.window.showQuickPick(
          tasks.map((task) => ({ label: task.label, at: task.at })),
          { placeHolder: vscode.l10n.t('{0} tasks: choose one to show it in the editor', tasks.length), matchOnDescription: true },
        );
        if (picked) await this.reveal(picked.at);
        return;
      }
    }
  }

  private async reveal(at: Place): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri);
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(this.uri)));
    const position = new vscode.Position(at.line, at.character);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
      selection: new vscode.Range(position, position),
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

export class PlanPanels implements vscode.Disposable {
  private readonly panels: Partial<Record<Kind, PlanPanel>> = {};
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly extensionUri: vscode.Uri,
    checked: vscode.Event<TreeChangedParams>,
  ) {
    this.subscriptions = [
      checked((params) => {
        for (const panel of this.all()) if (panel.uri === params.uri) void panel.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId !== 'par-plan') return;
        for (const panel of this.all()) panel.retarget(editor.document.uri.toString());
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const panel = this.panels.preview;
        if (panel && e.textEditor.document.uri.toString() === panel.uri) panel.followLine(e.selections[0].active.line);
      }),
    ];
  }

  private all(): PlanPanel[] {
    return Object.values(this.panels).filter((p): p is PlanPanel => !!p);
  }

  /** Opens (or shows) the preview or the dashboard of a plan: the given one, else the active editor's. */
  open(kind: Kind, resource?: vscode.Uri): void {
    const editor = vscode.window.activeTextEditor;
    const uri = resource?.toString() ?? (editor?.document.languageId === 'par-plan' ? editor.document.uri.toString() : undefined);
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a plan file (*.par.yaml) first.'));
      return;
    }
    const existing = this.panels[kind];
    if (existing) {
      existing.retarget(uri);
      existing.panel.reveal(undefined, true);
      return;
    }
    this.panels[kind] = new PlanPanel(kind, uri, this.client, this.extensionUri, vscode.ViewColumn.Beside, () => {
      delete this.panels[kind];
    });
  }

  dispose(): void {
    for (const panel of this.all()) panel.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
