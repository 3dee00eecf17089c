// The server survives what real clients and workspaces throw at it: malformed requests, unknown
// methods, a client that disconnects, broken configuration and registry files.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, fileUri } from '../support/lsp-client';

const root = join(__dirname, '..', '..');
const sample = readFileSync(join(root, 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');

describe('malformed requests', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = new TestClient();
    await client.initialize();
  });
  afterAll(() => client.stop());

  it('answers bad params, unknown methods and bad positions without dying', async () => {
    const uri = 'untitled:robust.par.yaml';
    const opened = client.diagnostics(uri);
    await client.open(uri, sample);
    await opened;
    // Params of the wrong shape: the handler fails inside its guard and answers nothing.
    await expect(client.request('textDocument/hover', { textDocument: { uri } })).resolves.toBeNull();
    await expect(client.request('textDocument/completion', 'nonsense')).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('parPlan/tree', null)).resolves.toBeNull();
    // Out-of-range positions are clamped: line -5 is the file's start (a comment: nothing to explain);
    // the reversed range from past the end, with no diagnostics given, asks for no action.
    await expect(client.request('textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 1e9 } })).resolves.toBeNull();
    await expect(client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1e6, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).resolves.toEqual([]);
    await expect(client.request('par/no-such-method', {})).rejects.toThrow(/Unhandled method|not found/i);
    // Still serving.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toHaveLength(9);
    expect(client.stderr).not.toMatch(/TypeError|RangeError/);
  });

  it('survives a message that is not JSON', async () => {
    client.process.stdin!.write('Content-Length: 11\r\n\r\n{not json}\n');
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: 'untitled:robust.par.yaml' } });
    expect(symbols).toHaveLength(9);
  });
});

describe('a client that goes away', () => {
  it('lets the server exit by itself, promptly', async () => {
    const server = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.stdin!.write('Content-Length: 52\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","para');
    server.stdin!.end();
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 5000))]);
    expect(code).not.toBe('still running');
    if (server.exitCode === null) server.kill();
  });
});

describe('broken workspace files', () => {
  it('reports a broken .par-plan.json and a broken registry, and checks with the bundled data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-lsp-broken-'));
    const plan = join(dir, 'a.par.yaml');
    writeFileSync(plan, sample);
    writeFileSync(join(dir, '.par-plan.json'), '{ "rules": { "par/missing-lead": "error" ');
    writeFileSync(join(dir, 'units.json'), JSON.stringify({ id: 'x', units: [{ id: 'a', name: 'A', kind: 'nope' }] }));
    const client = new TestClient();
    try {
      client.settings = { registry: 'units.json', catalog: '../../../etc/passwd' };
      await client.initialize({}, dir);
      const p = client.diagnostics(fileUri(plan));
      await client.open(fileUri(plan), sample);
      const published = await p;
      expect(published.diagnostics).toHaveLength(5);
      expect(published.diagnostics.every((d) => d.severity === 2)).toBe(true);
      const messages = client.messages.map((m) => m.message).join('\n');
      expect(messages).toContain('.par-plan.json');
      expect(messages).toContain('units.json');
      expect(messages).toContain('using the bundled registry');
      expect(messages).toContain('outside the workspace');
    } finally {
      await client.stop();
    }
  });
});
