// No network and no code execution: the CLI and the language server run under a guard that records
// (and refuses) every socket, DNS lookup, HTTP request, child process, eval and new Function. The guard is checked to
// catch a real attempt, so an empty log means something.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestClient, fileUri } from '../support/lsp-client';

const root = join(__dirname, '..', '..');
const guard = join(root, 'test', 'support', 'net-guard.cjs');

function guardedLog(): { log: string; env: Record<string, string> } {
  const log = join(mkdtempSync(join(tmpdir(), 'par-net-')), 'attempts.log');
  return { log, env: { ...process.env, NET_GUARD_LOG: log, NODE_OPTIONS: `--require ${guard}` } as Record<string, string> };
}

const attempts = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8') : '');

describe('the network guard', () => {
  it('catches a real attempt (so an empty log means something)', () => {
    const { log, env } = guardedLog();
    const run = spawnSync(process.execPath, ['-e', "require('node:net').connect(80, '127.0.0.1')"], { env, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(attempts(log)).toContain('net.connect');
    const compile = spawnSync(process.execPath, ['-e', "new Function('return 1')"], { env, encoding: 'utf8' });
    expect(compile.status).not.toBe(0);
    expect(attempts(log)).toContain('new Function');
  });
});

describe('no network, no processes', () => {
  it('the CLI: check, fix, export and import', () => {
    const { log, env } = guardedLog();
    const dir = mkdtempSync(join(tmpdir(), 'par-net-cli-'));
    writeFileSync(join(dir, 'a.par.yaml'), readFileSync(join(root, 'test/fixtures/fixes/units.before.par.yaml')));
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'par-plan.js'), ...args], { cwd: dir, env, encoding: 'utf8' });
    expect(cli('check', join(root, 'samples'), join(root, 'test', 'fixtures', 'rules'), '--format', 'sarif').status).toBe(1);
    expect(cli('check', '.', '--fix').status).toBe(0);
    expect(cli('export', join(root, 'samples', 'ha-tinh-2023.par.yaml'), '-o', join(dir, 'a.docx')).status).toBe(0);
    expect(cli('export', join(root, 'samples', 'ha-tinh-2023.par.yaml'), '-o', join(dir, 'a.xlsx')).status).toBe(0);
    expect(cli('import', join(dir, 'a.docx'), '-o', join(dir, 'b.par.yaml')).status).toBe(0);
    expect(attempts(log)).toBe('');
  });

  it('the language server through a whole session', async () => {
    const { log, env } = guardedLog();
    const client = new TestClient(['--stdio'], env);
    try {
      await client.initialize({ locale: 'vi' });
      const sample = readFileSync(join(root, 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
      const uri = fileUri(join(root, 'samples', 'ha-tinh-2023.par.yaml'));
      const published = client.diagnostics(uri);
      await client.open(uri, sample);
      expect((await published).diagnostics).toHaveLength(5);
      const position = { line: 35, character: 20 };
      await client.request('textDocument/completion', { textDocument: { uri }, position });
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 14, character: 22 } });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [], only: ['quickfix', 'source.fixAll'] } });
      await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 19, character: 20 } });
      await client.request('parPlan/tree', { uri });
    } finally {
      await client.stop();
    }
    expect(attempts(log)).toBe('');
  });
});
