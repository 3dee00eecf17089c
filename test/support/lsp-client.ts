// A minimal LSP client for protocol tests: starts the built server as a separate process over
// stdio and speaks JSON-RPC to it, as any editor would.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeFinding } from './expectations';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { fixtureAsOf } from './expectations';

export interface Published {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; message: string; codeDescription?: { href: string } }[];
}

const root = join(__dirname, '..', '..');

/** A JSON-RPC client over any connection to the server (a process's stdio, a browser worker). */
export class LspTestClient {
  readonly published: Published[] = [];
  readonly messages: { type: number; message: string }[] = [];
  /** The server's log (window/logMessage). */
  readonly logs: string[] = [];
  settings: Record<string, unknown> = {};
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];

  constructor(readonly connection: MessageConnection) {
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    this.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => this.messages.push(m));
    this.connection.onNotification('window/logMessage', (m: { message: string }) => void this.logs.push(m.message));
    this.connection.onNotification('parPlan/treeChanged', () => undefined);
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', (m: { type: number; message: string }) => {
      this.messages.push(m);
      return null;
    });
    this.connection.listen();
  }

  async initialize(initializationOptions: Record<string, unknown> = {}, workspaceFolder = root): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspaceFolder).toString(),
      workspaceFolders: [{ uri: pathToFileURL(workspaceFolder).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics for the uri that satisfy the test (default: any). */
  diagnostics(uri: string, test: (p: Published) => boolean = () => true, timeoutMs = 10_000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'par-plan', version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /**
   * Opens a rule fixture and returns the diagnostics it gets. A follow-up fixture (`# as-of:`) is
   * checked on its day, given as the setting parPlan.asOf; the server re-reads settings
   * asynchronously, so this waits for the publication `expected` describes (or the last one after 5 s)
   * and closes the document after.
   */
  async fixtureDiagnostics(uri: string, text: string, describe: (p: Published) => string[], expected: string[]): Promise<string[]> {
    const asOf = fixtureAsOf(text);
    if (!asOf) {
      const published = this.diagnostics(uri);
      await this.open(uri, text);
      return describe(await published);
    }
    this.settings = { asOf };
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const onDay = this.diagnostics(uri, (p) => JSON.stringify(describe(p)) === JSON.stringify(expected), 5000).catch(() => undefined);
    await this.open(uri, text);
    await onDay;
    const last = this.published.filter((p) => p.uri === uri).at(-1);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    this.settings = {};
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    return last ? describe(last) : [];
  }
}

/** The built desktop server (dist/server.js) as a separate process over stdio. */
export class TestClient extends LspTestClient {
  readonly process: ChildProcess;
  stderr = '';

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env) {
    const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    super(createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
    this.process = child;
    child.stderr!.on('data', (d) => (this.stderr += String(d)));
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

/** LSP severities by number (1 error … 4 hint), as the expectations name them. */
export const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];

/** Published diagnostics in the form inline expectations are compared in (describeFinding), sorted. */
export function describedDiagnostics(p: Published): string[] {
  return p.diagnostics
    .map((d) => describeFinding({ line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, severity: SEVERITY_NAMES[d.severity], code: d.code }))
    .sort();
}
