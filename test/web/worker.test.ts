// The web build's server (dist/web/server.js) in a real Web Worker of headless Chromium, driven over
// postMessage by the same JSON-RPC test client as the stdio tests, with the same rule fixtures. Files
// it asks for (parPlan/readFile) are answered as the web client answers them: from the workspace
// folder only. Needs Debian's chromium (.ci/run installs it); prints a skip line where it is absent.

import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Message } from 'vscode-jsonrpc';
import { describeFinding, parseExpectations } from '../support/expectations';
import { LspTestClient, describedDiagnostics } from '../support/lsp-client';

const root = join(__dirname, '..', '..');
const CHROMIUM = process.env.PAR_E2E_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`test/web/worker.test.ts skipped: no Chromium at ${CHROMIUM} (install Debian's chromium)`);


const PAGE = `<!doctype html><meta charset="utf-8"><script>
  const worker = new Worker('/server.js');
  worker.onmessage = (event) => window.fromServer(event.data);
  worker.onerror = (event) => window.fromServer({ workerError: String(event.message) });
  window.toServer = (message) => worker.postMessage(message);
</script>`;

class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback) {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message) {
    this.callback?.(message);
  }
}

class PageWriter extends AbstractMessageWriter {
  constructor(private readonly page: Page) {
    super();
  }
  async write(message: Message) {
    await this.page.evaluate((m) => (globalThis as unknown as { toServer(m: unknown): void }).toServer(m), message as unknown);
  }
  end() {}
}

let http: Server;
let browser: Browser;
let client: LspTestClient;
const workerErrors: string[] = [];
const reads: string[] = [];

beforeAll(async () => {
  if (!available) return;
  const script = readFileSync(join(root, 'dist', 'web', 'server.js'));
  http = createServer((req, res) => {
    if (req.url === '/server.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as { port: number }).port;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage();
  const reader = new PageReader();
  await page.exposeFunction('fromServer', (message: Message & { workerError?: string }) => {
    if (message.workerError) workerErrors.push(message.workerError);
    else reader.deliver(message);
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  client = new LspTestClient(createMessageConnection(reader, new PageWriter(page)));
  // As the web client answers: files of the workspace folder only (here: the test fixtures).
  const workspace = join(root, 'test', 'fixtures');
  client.connection.onRequest('parPlan/readFile', ({ uri }: { uri: string }) => {
    reads.push(uri);
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : '';
    if (!path.startsWith(`${workspace}/`) || !existsSync(path)) return { kind: 'missing' };
    return { kind: 'file', base64: readFileSync(path).toString('base64') };
  });
  await client.connection.sendRequest('initialize', {
    processId: null,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'fixtures' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { locale: 'vi', extensionUri: 'https://example.invalid/par-plan' },
  });
  await client.connection.sendNotification('initialized', {});
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)));
});

describe.skipIf(!available)('the web server in a Chromium Web Worker', () => {
  it('reports the inline expectations of every rule fixture, as the desktop server does', async () => {
    const dir = join(root, 'test', 'fixtures', 'rules');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.par.yaml'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      // Their own URIs: a fixture may name a file beside it (a results file), read through the client.
      const uri = pathToFileURL(join(dir, name)).href;
      const expected = parseExpectations(text).map(describeFinding).sort();
      expect(await client.fixtureDiagnostics(uri, text, describedDiagnostics, expected), name).toEqual(expected);
    }
    expect(workerErrors).toEqual([]);
  });

  it('reads the workspace .par-plan.json through the client, and links rule pages inside the extension', async () => {
    const path = join(root, 'test', 'fixtures', 'web', 'plans', 'sample.par.yaml');
    const uri = pathToFileURL(path).href;
    const published = client.diagnostics(uri);
    await client.open(uri, readFileSync(join(root, 'samples', 'ha-tinh-2023.par.yaml'), 'utf8'));
    const p = await published;
    // The config (locale en, missing-deadline off) came through parPlan/readFile.
    expect(p.diagnostics.map((d) => d.code)).toEqual(['par/missing-lead', 'par/missing-lead']);
    expect(p.diagnostics[0].message).toMatch(/lead unit/);
    expect(p.diagnostics[0].codeDescription?.href).toBe('https://example.invalid/par-plan/docs/rules/missing-lead.md');
    expect(reads).toContain(pathToFileURL(join(root, 'test', 'fixtures', 'web', '.par-plan.json')).href);
  });

  it('answers completion and hover', async () => {
    const uri = 'vscode-vfs://github/example/plans/completion.par.yaml';
    const text = 'plan:\n  title: K\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            lead: [so noi]\n            deadline: Năm 2023\n';
    const published = client.diagnostics(uri);
    await client.open(uri, text);
    await published;
    const completion = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 19 } });
    expect(completion.items.map((i) => i.label)).toContain('Sở Nội vụ');
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 20 } });
    expect(hover?.contents.value).toContain('1.1');
  });
});
