// An internal error is never dressed as a finding, and the tests fail on it. A test-only fault hook
// (server/src/engine/faults.ts; PAR_PLAN_TEST_FAULT for a spawned CLI or server) makes the analysis,
// a rule, the plain data, the deadline grammar, a feature or the import throw:
//  - the user gets one `par/internal` error naming what was being done (vi, en), never a plausible
//    wrong finding (the alias limit, an unreadable deadline), and cannot silence it;
//  - the stack goes to the CLI's standard error and to the server's log; the server keeps answering;
//  - the harness shared by the fuzz and corpus tests (`exercise`) reports a problem for every site,
//    so those tests turn red on such a bug.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { injectFaults } from '../../server/src/engine/faults';
import { TestClient } from '../support/lsp-client';
import { analyze } from '../support/engine';
import { Stats, exercise } from './harness';
import { readSample } from './sources';

const root = join(__dirname, '..', '..');
const sample = readSample(root);
afterEach(() => injectFaults(undefined));

/** The sample with a deadline no other test reads (deadline meanings are cached per text). */
const withFreshDeadline = () => sample.replace('deadline: Năm 2023', `deadline: Quý IV/2023 ${Math.random().toString(36).slice(2, 8)}`);

describe('par/internal instead of a plausible wrong finding', () => {
  it('a rule that throws: one par/internal error naming the rule; the other rules still report', () => {
    const clean = analyze(sample).findings();
    injectFaults('rule:par/missing-lead');
    const analysis = analyze(sample);
    const findings = analysis.findings();
    const internal = findings.filter((f) => f.code === 'par/internal');
    expect(internal).toHaveLength(1);
    expect(internal[0].severity).toBe('error');
    expect(internal[0].message).toMatch(/^Lỗi nội bộ của par-plan, xin báo lại: khi chạy quy tắc par\/missing-lead: InjectedFault/);
    expect(internal[0].range.end).toBeGreaterThan(internal[0].range.start);
    expect(findings.filter((f) => f.code === 'par/missing-deadline')).toEqual(clean.filter((f) => f.code === 'par/missing-deadline'));
    expect(analysis.internalErrors.map((e) => (e.error as Error).stack)).toEqual([expect.stringMatching(/InjectedFault[\s\S]*\n\s+at /)]);
    expect(analyze(sample, { locale: 'en' }).findings().find((f) => f.code === 'par/internal')?.message).toMatch(/^Internal error in par-plan, please report it: while running the rule par\/missing-lead/);
  });

  it('plainData that throws is not reported as "too many aliases"', () => {
    injectFaults('plainData');
    const findings = analyze(sample).findings();
    expect(findings.map((f) => f.code)).toContain('par/internal');
    expect(findings.find((f) => f.code === 'par/internal')!.message).toMatch(/khi chạy quy tắc par\/syntax/);
    expect(findings.some((f) => /bí danh|alias/i.test(f.message))).toBe(false);
    // Syntax first and alone: nothing else is reported on a document whose syntax check failed.
    expect(findings.every((f) => f.code === 'par/internal')).toBe(true);
  });

  it('the deadline grammar that throws is not reported as an unreadable deadline', () => {
    injectFaults('deadline');
    const findings = analyze(withFreshDeadline()).findings();
    // One per rule that reads deadlines (the follow-up rules read them through the task's follow-up state).
    const internal = findings.filter((f) => f.code === 'par/internal').map((f) => /quy tắc (par\/[\w-]+)/.exec(f.message)?.[1]);
    expect(internal.sort()).toEqual(['par/deadline-outside-year', 'par/done-late', 'par/done-without-date', 'par/dropped-without-reason', 'par/invalid-deadline', 'par/unit-superseded']);
    expect(findings.some((f) => f.code === 'par/invalid-deadline')).toBe(false);
  });

  it('the analysis that throws: one par/internal finding, nothing else', () => {
    injectFaults('analysis');
    expect(analyze(sample).findings().map((f) => [f.code, f.severity])).toEqual([['par/internal', 'error']]);
  });

  it('cannot be turned off or silenced', () => {
    injectFaults('rule:par/missing-lead');
    const off = analyze(`# par-plan-disable-next-line par/internal\n${sample}`, { severities: { 'par/internal': 'off' } });
    expect(off.findings().filter((f) => f.code === 'par/internal')).toHaveLength(1);
  });
});

describe('the fuzz and corpus harness fails on an internal error', () => {
  const SITES = ['analysis', 'rule', 'rule:par/unknown-unit', 'plainData', 'deadline', 'feature:hover', 'feature:completion', 'feature:codeActions', 'feature:symbols', 'feature:folding', 'feature:tree', 'feature:references'];
  const input = () => ({ name: 'sample', text: withFreshDeadline(), locale: 'vi' as const, probes: [100, 2000, 5000, 9000, 12000, 20000] });

  it('passes on the sample without a fault (the control)', () => {
    expect(exercise(input(), new Stats())).toEqual([]);
  });

  for (const site of SITES) {
    it(`reports a problem when ${site} throws`, () => {
      injectFaults(site);
      const problems = exercise(input(), new Stats());
      expect(problems.length, site).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(/InjectedFault|injected fault/);
    });
  }
});

describe('hosts show the internal error and log its stack', () => {
  it('the CLI: a par/internal finding, the stack on standard error, exit code 2', () => {
    const result = spawnSync(process.execPath, [join(root, 'bin', 'par-plan.js'), 'check', 'samples/ha-tinh-2023.par.yaml', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PAR_PLAN_LOCALE: '', PAR_PLAN_TEST_FAULT: 'rule:par/missing-lead' },
    });
    expect(result.status).toBe(2);
    const findings = JSON.parse(result.stdout) as { code: string; severity: string; message: string }[];
    expect(findings.filter((f) => f.code === 'par/internal')).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/par\/missing-lead/) })]);
    expect(findings.some((f) => f.code === 'par/missing-deadline')).toBe(true);
    expect(result.stderr).toMatch(/Lỗi nội bộ của par-plan, xin báo lại \(samples\/ha-tinh-2023\.par\.yaml, \{"rule":"par\/missing-lead"\}\):\nInjectedFault[^\n]*\n\s+at /);
  });

  it('the server: par/internal among the diagnostics, the stack in its log, an error shown once, and every other request answered', async () => {
    const client = new TestClient(['--stdio'], { ...process.env, PAR_PLAN_TEST_FAULT: 'rule:par/missing-lead,feature:hover' });
    try {
      await client.initialize();
      const uri = 'untitled:faulty.par.yaml';
      const published = client.diagnostics(uri);
      await client.open(uri, sample);
      const codes = (await published).diagnostics.map((d) => d.code);
      expect(codes.filter((c) => c === 'par/internal')).toHaveLength(1);
      expect(codes).toContain('par/missing-deadline');
      const position = { line: 10, character: 12 };
      expect(await client.request('textDocument/hover', { textDocument: { uri }, position })).toBeNull();
      expect(await client.request('textDocument/hover', { textDocument: { uri }, position })).toBeNull();
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols.length).toBeGreaterThan(5);
      const folding = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
      expect(folding.length).toBeGreaterThan(5);
      expect(client.logs.join('\n')).toMatch(/internal error in untitled:faulty\.par\.yaml \(\{"rule":"par\/missing-lead"\}\): InjectedFault[\s\S]*\n\s+at /);
      expect(client.logs.join('\n')).toMatch(/internal error \(\{"feature":"hover"\}\)[\s\S]*\n\s+at /);
      const shown = client.messages.filter((m) => m.type === 1).map((m) => m.message);
      expect(shown).toEqual([expect.stringMatching(/^Lỗi nội bộ của par-plan, xin báo lại: khi trả lời yêu cầu hover/)]);
    } finally {
      await client.stop();
    }
  });
});
