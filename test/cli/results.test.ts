// The results commands as a user runs them: a separate process on real files.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'par-plan.js');
const csv = join(root, 'test', 'fixtures', 'results', 'ha-tinh-2022.csv');
const xlsx = join(root, 'test', 'fixtures', 'results', 'ha-tinh-2022-openpyxl.xlsx');
const sampleResults = join(root, 'samples', 'ket-qua-2022.par-results.yaml');

function cli(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PAR_PLAN_LOCALE: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'par-plan-results-'));

describe('par-plan results import', () => {
  it('writes the results file of a CSV, reports the unmappable row with its number and exits 1', () => {
    const dir = tempDir();
    const { status, stderr } = cli(['results', 'import', csv, '-o', 'ket-qua.par-results.yaml'], dir);
    expect(status).toBe(1);
    expect(stderr).toContain('ha-tinh-2022.csv: dòng 51: Dòng không có mã tiêu chí');
    const written = readFileSync(join(dir, 'ket-qua.par-results.yaml'), 'utf8');
    expect(written.slice(written.indexOf('issuer:'))).toBe(readFileSync(sampleResults, 'utf8').slice(readFileSync(sampleResults, 'utf8').indexOf('issuer:')));
  });

  it('never replaces an existing file without --force, and leaves no temporary file', () => {
    const dir = tempDir();
    const out = join(dir, 'k.par-results.yaml');
    writeFileSync(out, 'mine\n');
    const refused = cli(['results', 'import', xlsx, '-o', out], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('đã có; không ghi đè');
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect(cli(['results', 'import', xlsx, '-o', out, '--force'], dir).status).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('index-year: 2022');
    expect(readdirSync(dir)).toEqual(['k.par-results.yaml']);
  });

  it('exits 2 with a clear message for a table it cannot read', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.csv'), 'a;b\n1;2\n');
    const { status, stderr } = cli(['results', 'import', 'x.csv', '--locale', 'en'], dir);
    expect(status).toBe(2);
    expect(stderr).toContain('Không tìm thấy dòng tiêu đề');
    expect(cli(['results', 'import', 'nothing.csv'], dir).stderr).toContain('Không tìm thấy tệp: nothing.csv');
  });
});

describe('par-plan init → check → coverage', () => {
  it('scaffolds a plan from a results table that checks clean but for the leads and deadlines to fill', () => {
    const dir = tempDir();
    copyFileSync(csv, join(dir, 'ket-qua-2022.csv'));
    const init = cli(['init', '--results', 'ket-qua-2022.csv', '--issuer', 'UBND tỉnh Hà Tĩnh', '--year', '2023', '-o', 'ke-hoach.par.yaml'], dir);
    expect(init.status, init.stderr).toBe(1); // the unmappable row of the table
    const plan = readFileSync(join(dir, 'ke-hoach.par.yaml'), 'utf8');
    expect(plan).toContain('  results: "ket-qua-2022.par-results.yaml"');
    expect(plan).toContain('  index-year: 2022');
    expect(plan).toContain('      - criteria: ["3.2.2", "3.2.3"]\n        name: "Công khai thủ tục hành chính"\n        finding: "Đạt 2,25/3 điểm, mất 0,75 (3.2.2: 0,5/1; 3.2.3: 0,75/1)"');
    expect(plan).toContain('      - criteria: ["1.7"]\n        finding: "Đạt 0,5/1 điểm"');
    expect(plan).not.toContain('"1.1"');
    expect(existsSync(join(dir, 'ket-qua-2022.par-results.yaml'))).toBe(true);

    const check = cli(['check', 'ke-hoach.par.yaml', '--format', 'json'], dir);
    expect(check.status).toBe(0);
    const codes = (JSON.parse(check.stdout) as { code: string }[]).map((f) => f.code);
    const items = (plan.match(/- criteria:/g) ?? []).length;
    expect(codes.filter((c) => c === 'par/missing-lead')).toHaveLength(items);
    expect(codes.filter((c) => c === 'par/missing-deadline')).toHaveLength(items);
    expect(codes.filter((c) => !c.startsWith('par/missing-') && c !== 'par/unit-spelling')).toEqual([]);

    const coverage = JSON.parse(cli(['coverage', 'ke-hoach.par.yaml', '--format', 'json'], dir).stdout);
    expect(coverage.lost).toBe(14.23);
    expect(coverage.covered).toBe(0);

    // Running init again does not replace either file.
    const again = cli(['init', '--results', 'ket-qua-2022.csv', '--issuer', 'UBND tỉnh Hà Tĩnh', '-o', 'ke-hoach.par.yaml'], dir);
    expect(again.status).toBe(2);
    expect(readFileSync(join(dir, 'ke-hoach.par.yaml'), 'utf8')).toBe(plan);
  });

  it('starts from a results file too, naming it relative to the plan', () => {
    const dir = tempDir();
    const { status } = cli(['init', '--results', sampleResults, '-o', join(dir, 'p.par.yaml')], dir);
    expect(status).toBe(0);
    const plan = readFileSync(join(dir, 'p.par.yaml'), 'utf8');
    expect(plan).toContain('issuer: "UBND tỉnh Hà Tĩnh"');
    expect(plan).toContain('year: 2023');
    expect(plan).toMatch(/results: "(\.\.\/)+.*samples\/ket-qua-2022\.par-results\.yaml"/);
  });
});

describe('par-plan check and coverage with --results', () => {
  it('check --results places par/uncovered-loss on the plan header and keeps the five gaps', () => {
    const { stdout } = cli(['check', 'samples/', '--results', 'samples/ket-qua-2022.par-results.yaml']);
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('par/uncovered-loss')).map((l) => l.split(' ')[0])).toEqual(Array(3).fill('samples/ha-tinh-2023.par.yaml:4:1'));
    expect(lines.filter((l) => l.includes('par/missing-'))).toHaveLength(5);
    expect(lines.at(-1)).toBe('0 lỗi, 8 cảnh báo, 1 gợi ý trong 1 tệp.');
  });

  it('coverage prints per area what is lost and covered, and JSON in the documented shape', () => {
    const text = cli(['coverage', 'samples/ha-tinh-2023.par.yaml', '--results', 'samples/ket-qua-2022.par-results.yaml']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('mất 14,23 điểm; kế hoạch có nhiệm vụ khắc phục 10,43 điểm (73%)');
    expect(text.stdout).toContain('       8.1 (1,88 điểm): có mục nhưng chưa có nhiệm vụ đủ đơn vị chủ trì và thời hạn');
    const json = JSON.parse(cli(['coverage', 'samples/ha-tinh-2023.par.yaml', '--results', 'samples/ket-qua-2022.par-results.yaml', '--format', 'json']).stdout);
    expect(Object.keys(json)).toEqual(['plan', 'results', 'lost', 'covered', 'areas']);
    expect(json.results).toEqual({ file: 'samples/ket-qua-2022.par-results.yaml', issuer: 'UBND tỉnh Hà Tĩnh', indexYear: 2022 });
    const viii = json.areas.find((a: { area: string }) => a.area === 'VIII');
    expect(viii.uncovered).toEqual(['8.1']);
    expect(viii.codes[0]).toEqual({ code: '8.1', name: 'SIPAS (Chỉ số hài lòng về sự phục vụ hành chính)', max: 10, obtained: 8.12, lost: 1.88, covered: false, items: [{ section: 'VIII', item: 1, criteria: ['8.1'] }] });
  });

  it('coverage without results says how to give them', () => {
    const { status, stderr } = cli(['coverage', 'samples/ha-tinh-2023.par.yaml', '--locale', 'en']);
    expect(status).toBe(2);
    expect(stderr).toContain('names no results file (plan.results)');
  });
});

describe('par-plan catalog import', () => {
  it('writes a catalog file the catalog setting can use', () => {
    const dir = tempDir();
    const { status, stderr } = cli(['catalog', 'import', csv, '-o', 'danh-muc.json'], dir);
    expect(status).toBe(1);
    expect(stderr).toContain('complete: false');
    const catalog = JSON.parse(readFileSync(join(dir, 'danh-muc.json'), 'utf8'));
    expect(catalog.codes.find((c: { code: string }) => c.code === '3.2')).toMatchObject({ level: 'TC', name: 'Công khai thủ tục hành chính', maxPoints: 3 });
    writeFileSync(join(dir, '.par-plan.json'), JSON.stringify({ catalog: 'danh-muc.json' }));
    writeFileSync(join(dir, 'p.par.yaml'), 'plan:\n  title: K\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\nsections:\n  - area: III\n    items:\n      - criteria: ["3.2"]\n        tasks:\n          - task: A\n            lead: [Sở Nội vụ]\n            deadline: Năm 2023\n');
    const check = cli(['check', 'p.par.yaml'], dir);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
