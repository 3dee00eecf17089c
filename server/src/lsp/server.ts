// The language server: a thin transport over the engine. It keeps one PlanAnalysis per open
// document version and answers every request from it. Validation is scheduled per document and
// published only when its version is still the current one.

import {
  CodeActionKind,
  DocumentHighlightKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  LineIndex,
  SettingsResolver,
  bundledCatalog,
  addUnitToOverlay,
  bundledUnits,
  createPlanService,
  describeInternalError,
  messagesFor,
  defaultConfig,
  type DocumentSettings as EngineSettings,
  type EngineData,
  type HostProblem,
  type InternalStep,
  type Locale,
  type PlanAnalysis,
  provinceTitle,
  starterOverlay,
  unitIdsOf,
  type SeverityOrOff,
  type TextChange,
} from '../engine';
import { readAsOf, today } from '../host/as-of';
import { toCompletionItem, toDiagnostic, toDocumentSymbol, toOffsets, toPlanTree, toRange } from './convert';
import type { ServerEnvironment } from './environment';
import { PROTOCOL, type StarterOverlayResponse, type DashboardParams, type DashboardResponse, type DashboardTasksParams, type DashboardTasksResponse, type PreviewParams, type PreviewResponse, type PreviewTargetParams, type TreeParams, type TreeResponse } from './protocol';
import { appendixRows, dashboardHtml, dashboardOf, headerHtml, planView, renderText, tableHeadHtml, taskLabels, type PlanView } from '../render';

/** Editor settings under `parPlan.*`. */
export interface EditorSettings {
  locale?: 'auto' | Locale;
  rules?: Record<string, SeverityOrOff>;
  catalog?: string;
  registry?: string;
  /** The day to judge overdue tasks on (`2026-06-30` or `30/6/2026`), to review a past quarter; unset: today. */
  asOf?: string;
}

interface DocumentSettings extends EngineSettings {
  /** The registry file in use (a location of the environment), for go-to-definition; unset when not found. */
  registryFile: string | undefined;
}

const VALIDATION_DELAY_MS = 15;
const service = createPlanService();

export class PlanLanguageServer {
  /** The change that made each document's current version, in offsets of the version before it. */
  private readonly lastChange = new Map<string, { fromVersion: number; change: TextChange | undefined }>();
  private readonly documents = new TextDocuments({
    create: TextDocument.create,
    update: (document, changes, version) => {
      // One ranged change (typing) is what lets the next analysis re-parse only the edited entry.
      const only = changes.length === 1 && 'range' in changes[0] ? changes[0] : undefined;
      const change = only && 'range' in only
        ? { start: document.offsetAt(only.range.start), end: document.offsetAt(only.range.end), newLength: only.text.length }
        : undefined;
      this.lastChange.set(document.uri, { fromVersion: document.version, change });
      return TextDocument.update(document, changes, version);
    },
  });
  private readonly analyses = new Map<string, { analysis: PlanAnalysis; version: number }>();
  private readonly settingsCache = new Map<string, DocumentSettings>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly reportedProblems = new Set<string>();
  private host: SettingsResolver;
  private workspaceRoots: string[] = [];
  private clientLocale: Locale = 'vi';
  private snippetCommand = false;
  private canPullConfiguration = false;
  private editorSettings: EditorSettings = {};
  /** The preview and the dashboard of one version share its view. */
  private readonly views = new WeakMap<PlanAnalysis, PlanView>();

  constructor(
    private readonly connection: Connection,
    private readonly env: ServerEnvironment,
  ) {
    this.host = new SettingsResolver(env.files);
  }

  start(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.refreshSettings());
    c.onDidChangeConfiguration(() => void this.refreshSettings());
    c.onDidChangeWatchedFiles(() => void this.refreshSettings());
    this.documents.onDidOpen((e) => this.schedule(e.document.uri, 0));
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri, VALIDATION_DELAY_MS));
    this.documents.onDidClose((e) => {
      clearTimeout(this.timers.get(e.document.uri));
      this.timers.delete(e.document.uri);
      this.analyses.delete(e.document.uri);
      this.lastChange.delete(e.document.uri);
      c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    c.onCompletion(this.guard('completion', (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      if (!a) return null;
      const offset = a.lines.offsetAt(p.position);
      return { isIncomplete: false, items: service.completions(a, offset).map((e) => toCompletionItem(a.lines, e)) };
    }, null));
    c.onHover(this.guard('hover', (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      const hover = a ? service.hover(a, a.lines.offsetAt(p.position)) : null;
      return hover && a ? { contents: { kind: 'markdown' as const, value: hover.markdown }, range: toRange(a.lines, hover.range) } : null;
    }, null));
    c.onCodeAction(this.guard('codeActions', async (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      if (!a) return null;
      const uri = p.textDocument.uri;
      const version = this.documents.get(uri)!.version;
      const usable = service.codeActions(a, toOffsets(a.lines, p.range), p.context.only).filter((action) => action.edits.length > 0 || (action.snippet && this.snippetCommand));
      return [...usable.map((action): CodeAction => {
        const result: CodeAction = {
          title: action.title,
          kind: action.kind,
          isPreferred: action.isPreferred,
          diagnostics: action.findings?.map((f) => toDiagnostic(a.lines, uri, f, this.env.ruleDocUrl)),
        };
        if (action.snippet && this.snippetCommand) {
          result.command = {
            title: action.title,
            command: 'parPlan.insertSnippet',
            arguments: [uri, version, toRange(a.lines, { start: action.snippet.offset, end: action.snippet.replaceEnd }), action.snippet.text],
          };
        } else {
          result.edit = { documentChanges: [{ textDocument: { uri, version }, edits: action.edits.map((e) => ({ range: toRange(a.lines, e.range), newText: e.newText })) }] };
        }
        return result;
      }), ...(await this.addToOverlayActions(uri, a, toOffsets(a.lines, p.range), p.context.only))];
    }, null));
    c.onDocumentSymbol(this.guard('symbols', (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? service.documentSymbols(a).map((s) => toDocumentSymbol(a.lines, s)) : null;
    }, null));
    c.onFoldingRanges(this.guard('folding', (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      return a ? service.foldingRanges(a) : null;
    }, null));
    c.onReferences(this.guard('references', (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      if (!a) return null;
      return service.unitReferences(a, a.lines.offsetAt(p.position)).map((m): Location => ({ uri: p.textDocument.uri, range: toRange(a.lines, m.range) }));
    }, null));
    c.onDocumentHighlight(this.guard('highlight', (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      if (!a) return null;
      return service.unitReferences(a, a.lines.offsetAt(p.position)).map((m) => ({
        range: toRange(a.lines, m.range),
        kind: m.role === 'lead' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }, null));
    c.onDefinition(this.guard('definition', (p) => {
      const a = this.analysisOf(p.textDocument.uri);
      if (!a) return null;
      const found = service.unitAt(a, a.lines.offsetAt(p.position));
      if (!found || found.part.unitIds.length !== 1) return null;
      return this.registryLocation(p.textDocument.uri, found.part.unitIds[0], a.province?.id);
    }, null));
    c.onRequest(PROTOCOL.tree, this.guard('tree', (p: TreeParams): TreeResponse | null => {
      const a = this.analysisOf(p.uri);
      const doc = this.documents.get(p.uri);
      if (!a || !doc) return null;
      return { uri: p.uri, version: doc.version, tree: toPlanTree(a.lines, service.planTree(a)) };
    }, null));
    c.onRequest(PROTOCOL.starterOverlay, this.guard('starterOverlay', (): Promise<StarterOverlayResponse> => this.starterOverlay(), { text: '', count: 0, plans: 0 }));
    c.onRequest(PROTOCOL.preview, this.guard('preview', (p: PreviewParams): PreviewResponse | null => {
      const a = this.analysisOf(p.uri);
      const doc = this.documents.get(p.uri);
      if (!a || !doc) return null;
      const view = this.viewOf(a);
      const texts = renderText(a.options.locale);
      const rows = appendixRows(view, texts);
      const known = new Set(p.known ?? []);
      return {
        uri: p.uri,
        version: doc.version,
        header: headerHtml(view, texts),
        head: tableHeadHtml(view),
        rows: rows.map((row) => (known.has(row.key) ? { key: row.key } : { key: row.key, html: row.html })),
        lines: rows.map((row) => row.at.line),
        marks: view.planMarks.map((m) => m.at),
      };
    }, null));
    // Asked on a click only: the cells' places would otherwise travel with every keystroke's update.
    c.onRequest(PROTOCOL.previewTarget, this.guard('previewTarget', (p: PreviewTargetParams): Position | null => {
      const a = this.analysisOf(p.uri);
      if (!a) return null;
      const row = appendixRows(this.viewOf(a), renderText(a.options.locale))[p.row];
      if (!row) return null;
      return (p.column ? row.cells[p.column as keyof typeof row.cells] : undefined) ?? row.at;
    }, null));
    c.onRequest(PROTOCOL.dashboard, this.guard('dashboard', (p: DashboardParams): DashboardResponse | null => {
      const a = this.analysisOf(p.uri);
      const doc = this.documents.get(p.uri);
      if (!a || !doc) return null;
      const view = this.viewOf(a);
      const texts = renderText(a.options.locale);
      return { uri: p.uri, version: doc.version, html: dashboardHtml(dashboardOf(view, texts), view, texts).html };
    }, null));
    // Asked on a click only, like previewTarget: the tasks' labels and places stay on the server.
    c.onRequest(PROTOCOL.dashboardTasks, this.guard('dashboardTasks', (p: DashboardTasksParams): DashboardTasksResponse | null => {
      const a = this.analysisOf(p.uri);
      if (!a) return null;
      const view = this.viewOf(a);
      const texts = renderText(a.options.locale);
      const indexes = p.group !== undefined ? dashboardHtml(dashboardOf(view, texts), view, texts).groups[p.group] : p.task !== undefined ? [p.task] : undefined;
      if (!indexes) return null;
      const labels = taskLabels(view);
      const places = view.sections.flatMap((s) => s.items.flatMap((i) => i.tasks.map((t) => t.at)));
      return indexes.filter((i) => places[i]).map((i) => ({ label: labels[i], at: places[i] }));
    }, null));
    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const options = (params.initializationOptions ?? {}) as { locale?: string; snippetCommand?: boolean };
    this.env.initialize?.(options);
    this.clientLocale = options.locale?.toLowerCase().startsWith('vi') ? 'vi' : options.locale ? 'en' : 'vi';
    this.snippetCommand = Boolean(options.snippetCommand);
    this.canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    const location = (uri: string) => this.env.locationOf(uri) ?? [];
    this.workspaceRoots = (params.workspaceFolders ?? []).flatMap((f) => location(f.uri));
    if (!this.workspaceRoots.length && params.rootUri) this.workspaceRoots = [location(params.rootUri)].flat();
    this.host = new SettingsResolver(this.env.files, { workspaceRoots: this.workspaceRoots });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', "'", '[', ',', ' ', ':', '.', ';', '-'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceFixAll] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: 'par-plan', version: typeof PAR_PLAN_VERSION === 'string' ? PAR_PLAN_VERSION : undefined },
    };
  }

  /**
   * Every handler answers, never throws: a failure (a bug) gets an empty answer, its stack goes to the
   * log and the user is told once per request kind, so that it is reported rather than unseen.
   */
  private guard<P, R>(feature: string, handler: (params: P) => R | Promise<R>, fallback: R): (params: P) => R | Promise<R> {
    const failed = (error: unknown) => {
      this.reportInternalError({ feature }, error);
      return fallback;
    };
    return (params) => {
      try {
        const result = handler(params);
        return result instanceof Promise ? result.catch(failed) : result;
      } catch (error) {
        return failed(error);
      }
    };
  }

  private readonly shownInternalErrors = new Set<string>();

  private reportInternalError(step: InternalStep, error: unknown): void {
    this.connection.console.error(`par-plan: internal error (${JSON.stringify(step)}): ${describeInternalError(error)}`);
    const key = JSON.stringify(step);
    if (this.shownInternalErrors.has(key)) return;
    this.shownInternalErrors.add(key);
    void this.connection.window.showErrorMessage(messagesFor(this.clientLocale).internalError(step, error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
  }

  private async refreshSettings(): Promise<void> {
    if (this.canPullConfiguration) {
      try {
        this.editorSettings = ((await this.connection.workspace.getConfiguration('parPlan')) ?? {}) as EditorSettings;
      } catch {
        this.editorSettings = {};
      }
    }
    this.env.forgetReads();
    this.host = new SettingsResolver(this.env.files, { workspaceRoots: this.workspaceRoots });
    this.settingsCache.clear();
    this.analyses.clear();
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  /**
   * The settings of a document; undefined while the environment fetches files they need (the web
   * build), after which the document is checked again.
   */
  private settingsFor(uri: string): DocumentSettings | undefined {
    const editor = this.editorSettings;
    const asOf = (typeof editor.asOf === 'string' && editor.asOf.trim() && readAsOf(editor.asOf)) || today();
    const cached = this.settingsCache.get(uri);
    // A server left running overnight judges tomorrow's lateness on tomorrow's date.
    if (cached && cached.options.asOf === asOf) return cached;
    const problems: HostProblem[] = [];
    let config = defaultConfig();
    let data: EngineData = { catalog: bundledCatalog(), units: bundledUnits() };
    let registryFile: string | undefined;
    const path = this.env.locationOf(uri);
    if (path !== undefined) {
      const resolved = this.host.settingsFor(path);
      config = resolved.config;
      data = resolved.data;
      registryFile = resolved.registryFile;
      problems.push(...resolved.problems);
      const base = this.host.settingsBase(path);
      if (editor.catalog) data = { ...data, catalog: this.host.loadCatalog(base, editor.catalog, problems) };
      if (editor.registry) {
        const loaded = this.host.loadRegistry(base, editor.registry, problems);
        data = { ...data, units: loaded.units };
        registryFile = loaded.file;
      }
      // The plan's `plan.results`, read when a check needs it; a change on disk re-checks (refreshSettings).
      data = { ...data, results: this.host.resultsFor(path) };
    }
    if (this.env.hasPendingReads()) {
      // Not reported and not kept: the answers of files still on their way are not answers.
      void this.env.fetchPending().then(() => {
        this.host = new SettingsResolver(this.env.files, { workspaceRoots: this.workspaceRoots });
        this.schedule(uri, 0);
      });
      return undefined;
    }
    for (const p of problems) {
      const key = `${p.file}: ${p.message}`;
      if (this.reportedProblems.has(key)) continue;
      this.reportedProblems.add(key);
      this.connection.console.warn(`par-plan: ${key}`);
      void this.connection.window.showWarningMessage(`par-plan: ${key}`);
    }
    const locale = editor.locale && editor.locale !== 'auto' ? editor.locale : config.locale ?? this.clientLocale;
    const settings: DocumentSettings = {
      data,
      options: { locale, severities: { ...config.rules, ...(editor.rules ?? {}) }, limits: config.limits, asOf, dueSoonDays: config.dueSoonDays },
      registryFile,
    };
    this.settingsCache.set(uri, settings);
    return settings;
  }

  /** The analysis of the document's current version: built once per version, shared by every request. */
  analysisOf(uri: string): PlanAnalysis | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.analyses.get(uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    const settings = this.settingsFor(uri);
    if (!settings) return undefined;
    // The previous version lends its parse; the exact change is known when it made this version.
    const last = this.lastChange.get(uri);
    const change = cached && last && last.fromVersion === cached.version ? last.change : undefined;
    const analysis = service.analyze(doc.getText(), settings, cached ? { analysis: cached.analysis, change } : undefined);
    this.analyses.set(uri, { analysis, version: doc.version });
    return analysis;
  }

  private viewOf(analysis: PlanAnalysis): PlanView {
    let view = this.views.get(analysis);
    if (!view) this.views.set(analysis, (view = planView(analysis)));
    return view;
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => this.validate(uri), delay));
  }

  private validate(uri: string): void {
    this.timers.delete(uri);
    try {
      const doc = this.documents.get(uri);
      const analysis = this.analysisOf(uri);
      if (!doc || !analysis) return;
      // Checked and published in one synchronous run: no newer version can arrive in between, and a
      // newer one that arrives later reschedules its own check.
      const version = doc.version;
      const findings = service.findings(analysis);
      if (this.env.hasPendingReads()) {
        // A check read a file the environment is still fetching (a results file on the web): check again once it is here.
        void this.env.fetchPending().then(() => {
          this.analyses.delete(uri);
          this.schedule(uri, 0);
        });
        return;
      }
      for (const e of analysis.internalErrors) this.connection.console.error(`par-plan: internal error in ${uri} (${JSON.stringify(e.step)}): ${describeInternalError(e.error)}`);
      const diagnostics = findings.map((f) => toDiagnostic(analysis.lines, uri, f, this.env.ruleDocUrl));
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
      void this.connection.sendNotification(PROTOCOL.treeChanged, { uri, version });
      this.env.afterCheck(analysis.text.length);
    } catch (error) {
      this.reportInternalError('analysis', error);
    }
  }

  /** Where a unit is defined: the user's overlay, else the province's bundled overlay, else the base. */
  private async registryLocation(uri: string, unitId: string, provinceId: string | undefined): Promise<Location | null> {
    const overlay = this.settingsFor(uri)?.registryFile;
    for (const file of [...(overlay ? [overlay] : []), ...this.env.bundledUnitLocations(provinceId)]) {
      const text = await this.readText(file);
      const at = text?.indexOf(`"id": "${unitId}"`) ?? -1;
      if (!text || at === -1) continue;
      const start = LineIndex.of(text).positionAt(at);
      return { uri: this.env.uriOf(file), range: { start, end: { line: start.line, character: start.character + unitId.length + 8 } } };
    }
    return null;
  }

  /** A data file's text through the environment (fetched first on the web); undefined when absent or unreadable. */
  private async readText(file: string): Promise<string | undefined> {
    let bytes: Uint8Array | undefined;
    try {
      bytes = this.env.files.readFile(file);
      if (!bytes && this.env.hasPendingReads()) {
        await this.env.fetchPending();
        bytes = this.env.files.readFile(file);
      }
    } catch (error) {
      // Unreadable since it was loaded: nothing to show, and the log says why.
      this.connection.console.warn(`par-plan: ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    return bytes && new TextDecoder().decode(bytes);
  }

  /**
   * For an unknown unit, when the plan's settings name an overlay: a quick-fix that adds the unit to
   * that file (an edit of another document, so a WorkspaceEdit the editor applies and can undo).
   */
  private async addToOverlayActions(uri: string, a: PlanAnalysis, range: { start: number; end: number }, only: string[] | undefined): Promise<CodeAction[]> {
    const overlay = this.settingsFor(uri)?.registryFile;
    if (!overlay || (only && !only.some((k) => 'quickfix'.startsWith(k)))) return [];
    const unknown = service.findings(a).filter((f) => f.code === 'par/unknown-unit' && f.range.start <= range.end && f.range.end >= range.start);
    if (!unknown.length) return [];
    const overlayText = await this.readText(overlay);
    if (overlayText === undefined) return [];
    const file = overlay.split(/[\\/]/).pop() ?? overlay;
    return unknown.flatMap((finding): CodeAction[] => {
      const part = service.unitAt(a, finding.range.start)?.part;
      if (!part || part.kind !== 'unknown' || part.part.foreignProvince) return [];
      const line = a.lines.positionAt(finding.range.start).line + 1;
      const edit = addUnitToOverlay(overlayText, part.text.replace(/\s+/g, ' ').trim(), unitIdsOf(a.data.units), a.options.locale, `${uri.split('/').pop()}:${line}`);
      if (!edit) return [];
      const position = LineIndex.of(overlayText).positionAt(edit.offset);
      return [{
        title: a.messages.actionAddUnitToOverlay(part.text, file),
        kind: 'quickfix',
        diagnostics: [toDiagnostic(a.lines, uri, finding, this.env.ruleDocUrl)],
        edit: { changes: { [this.env.uriOf(overlay)]: [{ range: { start: position, end: position }, newText: edit.newText }] } },
      }];
    });
  }

  /** The workspace's plans (open ones as edited) read for unit names the registry does not know. */
  private async starterOverlay(): Promise<StarterOverlayResponse> {
    const plans: { label: string; analysis: PlanAnalysis }[] = [];
    const seen = new Set<string>();
    const add = (uri: string, label: string, analysis: PlanAnalysis | undefined) => {
      if (!analysis || seen.has(uri)) return;
      seen.add(uri);
      plans.push({ label, analysis });
    };
    for (const root of this.workspaceRoots) {
      for (const file of this.env.planFilesIn(root)) {
        const uri = this.env.uriOf(file);
        const label = file.slice(root.length + 1) || file;
        const open = this.analysisOf(uri);
        if (open) add(uri, label, open);
        else {
          const text = await this.readText(file);
          const settings = text === undefined ? undefined : this.settingsFor(uri);
          if (text !== undefined && settings) add(uri, label, service.analyze(text.replace(/^\uFEFF/, ''), settings));
        }
      }
    }
    // Open plans outside any folder the environment can list (the web build lists none) count too.
    for (const doc of this.documents.all()) add(doc.uri, doc.uri.split('/').pop() ?? doc.uri, this.analysisOf(doc.uri));
    if (!plans.length) return { text: '', count: 0, plans: 0 };
    const overlay = starterOverlay(plans, unitIdsOf(plans[0].analysis.data.units), plans[0].analysis.options.locale);
    return {
      text: overlay.unknown.length ? JSON.stringify(overlay.file, null, 2) + '\n' : '',
      count: overlay.unknown.length,
      plans: plans.length,
      province: overlay.province && provinceTitle(overlay.province),
    };
  }
}

declare const PAR_PLAN_VERSION: string;
