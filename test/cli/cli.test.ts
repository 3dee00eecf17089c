// The `par-plan` command as a user runs it: a separate Node process on real files.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFinding, fixtureAsOf, parseExpectations } from '../support/expectations';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'par-plan.js');
const rulesDir = join(root, 'test', 'fixtures', 'rules');

function cli(args: string[], cwd = root, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PAR_PLAN_LOCALE: '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'par-plan-cli-'));
}

const HEADER = 'plan:\n  title: Kế hoạch\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\nsections:\n';

describe('rule fixtures (CLI process)', () => {
  it('reports exactly the inline expectations of every fixture', () => {
    // One run per as-of day the fixtures name (follow-up fixtures say theirs; the others hold no follow-up keys).
    const names = readdirSync(rulesDir).filter((f) => f.endsWith('.par.yaml'));
    const byAsOf = new Map<string, string[]>();
    for (const name of names) {
      const asOf = fixtureAsOf(readFileSync(join(rulesDir, name), 'utf8')) ?? '2000-01-01';
      byAsOf.set(asOf, [...(byAsOf.get(asOf) ?? []), name]);
    }
    for (const [asOf, group] of byAsOf) {
      const { stdout } = cli(['check', ...group.map((n) => `test/fixtures/rules/${n}`), '--format', 'json', '--as-of', asOf]);
      const findings = JSON.parse(stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string }[];
      for (const name of group) {
        const expected = parseExpectations(readFileSync(join(rulesDir, name), 'utf8')).map(describeFinding).sort();
        const actual = findings.filter((f) => f.file === `test/fixtures/rules/${name}`).map(describeFinding).sort();
        expect(actual, name).toEqual(expected);
      }
    }
    // The schema and syntax fixtures hold errors.
    expect(cli(['check', 'test/fixtures/rules', '--as-of', '2000-01-01']).status).toBe(1);
  });

  it('refuses an --as-of that is not a day', () => {
    const { status, stderr } = cli(['check', 'samples/', '--as-of', '31/2/2026']);
    expect(status).toBe(2);
    expect(stderr).toContain('--as-of 31/2/2026');
  });
});

describe('province fixtures (CLI process)', () => {
  it('reports exactly the inline expectations of every province fixture', () => {
    const dir = join(root, 'test', 'fixtures', 'provinces');
    const { stdout } = cli(['check', 'test/fixtures/provinces', '--format', 'json']);
    const findings = JSON.parse(stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string }[];
    const names = readdirSync(dir).filter((f) => f.endsWith('.par.yaml'));
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      const expected = parseExpectations(readFileSync(join(dir, name), 'utf8')).map(describeFinding).sort();
      const actual = findings.filter((f) => f.file === `test/fixtures/provinces/${name}`).map(describeFinding).sort();
      expect(actual, name).toEqual(expected);
    }
  });
});

describe('par-plan check', () => {
  it('reports the five real gaps of the sample as warnings and exits 0', () => {
    const { status, stdout } = cli(['check', 'samples/ha-tinh-2023.par.yaml', '--format', 'json']);
    expect(status).toBe(0);
    const findings = JSON.parse(stdout);
    expect(findings.map((f: { severity: string; code: string }) => `${f.severity} ${f.code}`)).toEqual([
      'warning par/missing-lead',
      'warning par/missing-deadline',
      'warning par/missing-deadline',
      'warning par/missing-lead',
      'warning par/missing-deadline',
    ]);
    expect(Object.keys(findings[0]).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
  });

  it('prints file:line:col severity code message and a summary, in Vietnamese by default', () => {
    const { stdout } = cli(['check', 'samples/']);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^samples\/ha-tinh-2023\.par\.yaml:\d+:\d+ warning par\/missing-lead Nhiệm vụ chưa có đơn vị chủ trì/);
    expect(lines.at(-1)).toBe('0 lỗi, 5 cảnh báo, 0 gợi ý trong 1 tệp.');
  });

  it('speaks English when asked', () => {
    const { stdout } = cli(['check', 'samples/', '--locale', 'en']);
    expect(stdout).toContain('The task has no lead unit');
    expect(stdout.trim().split('\n').at(-1)).toBe('0 error(s), 5 warning(s), 0 note(s) in 1 file(s).');
  });

  it('writes SARIF 2.1.0', () => {
    const { stdout } = cli(['check', 'samples/', '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(5);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'par/missing-lead', level: 'warning' });
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('par/flow-list-split');
    const lead = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'par/missing-lead');
    expect(lead.shortDescription.text).toBe('Nhiệm vụ chưa có đơn vị chủ trì');
    // The rule page of the installed package, readable offline.
    expect(readFileSync(new URL(lead.helpUri), 'utf8')).toMatch(/^# par\/missing-lead\n/);
  });

  it('exits 1 on errors and on too many warnings', () => {
    expect(cli(['check', 'test/fixtures/rules/schema.par.yaml']).status).toBe(1);
    expect(cli(['check', 'samples/', '--max-warnings', '4']).status).toBe(1);
    expect(cli(['check', 'samples/', '--max-warnings', '5']).status).toBe(0);
  });

  it('exits 2 when misused', () => {
    expect(cli(['check', 'no/such/file.par.yaml']).status).toBe(2);
    expect(cli(['check', 'samples/', '--format', 'xml']).status).toBe(2);
    expect(cli(['check', 'samples/', '--max-warnings', '-1']).status).toBe(2);
    expect(cli(['check', 'samples/', '--bogus']).status).toBe(2);
    expect(cli([]).status).toBe(2);
    expect(cli(['lint']).status).toBe(2);
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('par-plan check');
  });

  it('applies safe fixes with --fix, keeping comments, and reports what is left', () => {
    const dir = tempDir();
    const file = join(dir, 'ke-hoach.par.yaml');
    copyFileSync(join(root, 'test/fixtures/fixes/units.before.par.yaml'), file);
    const { status, stdout } = cli(['check', file, '--fix'], dir);
    expect(status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(root, 'test/fixtures/fixes/units.after.par.yaml'), 'utf8'));
    expect(stdout).toMatch(/đã sửa \d+ chỗ/);
  });

  it('reports a file that is not UTF-8 or not text, with a position, instead of crashing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'latin1.par.yaml'), Buffer.concat([Buffer.from(HEADER), Buffer.from([0x20, 0x20, 0x2d, 0x20, 0x61, 0x72, 0x65, 0x61, 0x3a, 0x20, 0xc0, 0x0a])]));
    writeFileSync(join(dir, 'binary.par.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    const { status, stdout } = cli(['check', '.', '--format', 'json'], dir);
    expect(status).toBe(1);
    const findings = JSON.parse(stdout);
    expect(findings).toEqual([
      expect.objectContaining({ file: 'binary.par.yaml', code: 'par/syntax', severity: 'error', line: 1 }),
      expect.objectContaining({ file: 'latin1.par.yaml', code: 'par/syntax', severity: 'error', line: 6, column: 11 }),
    ]);
    expect(findings[1].message).toContain('UTF-8');
  });

  it('reads severities and language from the nearest .par-plan.json', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'plans'));
    copyFileSync(join(root, 'samples/ha-tinh-2023.par.yaml'), join(dir, 'plans', 'a.par.yaml'));
    writeFileSync(join(dir, '.par-plan.json'), JSON.stringify({ locale: 'en', rules: { 'par/missing-deadline': 'error', 'par/missing-lead': 'off' } }));
    const { status, stdout } = cli(['check', '.', '--format', 'json'], dir);
    expect(status).toBe(1);
    const findings = JSON.parse(stdout);
    expect(findings.map((f: { severity: string; code: string }) => `${f.severity} ${f.code}`)).toEqual(Array(3).fill('error par/missing-deadline'));
    expect(findings[0].message).toContain('The task has no deadline');
  });

  it('warns about a broken config and keeps checking with the defaults', () => {
    const dir = tempDir();
    copyFileSync(join(root, 'samples/ha-tinh-2023.par.yaml'), join(dir, 'a.par.yaml'));
    writeFileSync(join(dir, '.par-plan.json'), '{ "rules": { "par/no-such-rule": "error", ');
    const { status, stdout, stderr } = cli(['check', '.'], dir);
    expect(status).toBe(0);
    expect(stderr).toContain('.par-plan.json');
    expect(stdout).toContain('5 cảnh báo');
  });

  it('uses a complete catalog from the config, and refuses one outside the workspace', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'catalog.json'),
      JSON.stringify({ id: 'x', title: 'Danh mục đầy đủ', complete: true, areas: [{ number: 2, roman: 'II', name: 'Cải cách thể chế' }], codes: [{ code: '2.4', level: 'TC', name: 'Chất lượng văn bản' }] }),
    );
    writeFileSync(join(dir, 'a.par.yaml'), `${HEADER}  - area: II\n    items:\n      - criteria: ["2.4", "2.9"]\n        tasks:\n          - task: A\n            lead: [Sở Tư pháp]\n            deadline: Năm 2023\n`);
    writeFileSync(join(dir, '.par-plan.json'), JSON.stringify({ catalog: 'catalog.json' }));
    const inside = JSON.parse(cli(['check', '.', '--format', 'json'], dir).stdout);
    expect(inside.map((f: { severity: string; code: string }) => `${f.severity} ${f.code}`)).toEqual(['warning par/unknown-criterion']);
    writeFileSync(join(dir, '.par-plan.json'), JSON.stringify({ catalog: '../../etc/passwd' }));
    const outside = cli(['check', '.', '--format', 'json'], dir);
    expect(outside.stderr).toContain('outside the workspace');
    expect(JSON.parse(outside.stdout).map((f: { severity: string }) => f.severity)).toEqual(['info']);
  });
});

describe('par-plan followup and report (process)', () => {
  it('exports a sheet with ids added to the plan, and writes the report as of a day', () => {
    const dir = tempDir();
    copyFileSync(join(rulesDir, 'overdue.par.yaml'), join(dir, 'p.par.yaml'));
    const exported = cli(['followup', 'export', 'p.par.yaml', '--lead', 'Sở Nội vụ', '-o', 'snv.xlsx'], dir);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('Đã thêm mã nhiệm vụ (id) cho 8 nhiệm vụ');
    expect(readFileSync(join(dir, 'snv.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const report = cli(['report', 'p.par.yaml', '--as-of', '15/7/2026', '-o', 'bao-cao.docx'], dir);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stderr).toContain('3 nhiệm vụ quá hạn');
    expect(cli(['report', 'p.par.yaml', '--as-of', '15/7/2026', '-o', 'bao-cao.docx'], dir).status).toBe(2);
    const dry = cli(['followup', 'import', 'p.par.yaml', 'snv.xlsx', '--dry-run'], dir);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stderr).toContain('Không có thay đổi');
  });
});
