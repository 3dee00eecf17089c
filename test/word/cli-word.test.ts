// `par-plan import` / `par-plan export` in-process (runImport / runExport with an io object).

import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { runExport, runImport } from '../../server/src/cli/word';
import { repo, SAMPLE } from './helpers';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'par-plan-word-'));
  copyFileSync(repo('samples/ha-tinh-2023.par.yaml'), join(dir, 'ha-tinh-2023.par.yaml'));
  copyFileSync(repo('test/fixtures/seed/000_305705c128854940.txt'), join(dir, 'seed.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), cwd: dir }, out: () => out.join(''), err: () => err.join('') };
}

describe('par-plan export', () => {
  it('writes a .docx next to the plan by default, and an .xlsx chosen by -o', async () => {
    const a = io();
    expect(await runExport(['ha-tinh-2023.par.yaml'], a.io)).toBe(0);
    expect(a.err()).toContain('ha-tinh-2023.docx');
    expect(readFileSync(join(dir, 'ha-tinh-2023.docx')).subarray(0, 2).toString()).toBe('PK');
    const b = io();
    expect(await runExport(['ha-tinh-2023.par.yaml', '-o', 'theo-doi.xlsx'], b.io)).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'theo-doi.xlsx')));
    expect(zip.file('xl/worksheets/sheet1.xml')).not.toBeNull();
    const c = io();
    expect(await runExport(['ha-tinh-2023.par.yaml', '--format', 'xlsx'], c.io)).toBe(0);
    expect(existsSync(join(dir, 'ha-tinh-2023.xlsx'))).toBe(true);
  });

  it('writes one self-contained .html page, and overwrites it only with --force', async () => {
    const a = io();
    expect(await runExport(['ha-tinh-2023.par.yaml', '-o', 'ke-hoach.html'], a.io)).toBe(0);
    const page = readFileSync(join(dir, 'ke-hoach.html'), 'utf8');
    expect(page.match(/<tr class="task">/g)).toHaveLength(41);
    expect(page.match(/<tr class="section">/g)).toHaveLength(8);
    expect(page.match(/<svg class="chart-svg"/g)).toHaveLength(4);
    expect(page).not.toMatch(/<script|<link|\bsrc=/);
    writeFileSync(join(dir, 'ke-hoach.html'), 'giữ nguyên');
    const b = io();
    expect(await runExport(['ha-tinh-2023.par.yaml', '--format', 'html', '-o', 'ke-hoach.html'], b.io)).toBe(2);
    expect(b.err()).toContain('ke-hoach.html đã có; thêm --force');
    expect(readFileSync(join(dir, 'ke-hoach.html'), 'utf8')).toBe('giữ nguyên');
    const c = io();
    expect(await runExport(['ha-tinh-2023.par.yaml', '-o', 'ke-hoach.html', '--force', '--locale', 'en'], c.io)).toBe(0);
    const english = readFileSync(join(dir, 'ke-hoach.html'), 'utf8');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Tasks per lead unit');
    // No temporary file left beside it.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses a plan with YAML syntax errors, with the message and its line', async () => {
    writeFileSync(join(dir, 'broken.par.yaml'), 'plan:\n  title: "x\nsections: [\n');
    const a = io();
    expect(await runExport(['broken.par.yaml', '-o', 'broken.docx'], a.io)).toBe(2);
    expect(a.err()).toMatch(/^broken\.par\.yaml:\d+:\d+: Lỗi cú pháp YAML/m);
    expect(a.err()).toMatch(/Không xuất broken\.par\.yaml/);
    expect(existsSync(join(dir, 'broken.docx'))).toBe(false);
    const en = io();
    expect(await runExport(['broken.par.yaml', '--locale', 'en'], en.io)).toBe(2);
    expect(en.err()).toMatch(/YAML syntax error/);
    expect(en.err()).toMatch(/Not exported/);
    const html = io();
    expect(await runExport(['broken.par.yaml', '-o', 'broken.html'], html.io)).toBe(2);
    expect(html.err()).toMatch(/^broken\.par\.yaml:\d+:\d+: /m);
    expect(existsSync(join(dir, 'broken.html'))).toBe(false);
  });

  it('exits 2 on misuse', async () => {
    for (const args of [[], ['a.par.yaml', 'b.par.yaml'], ['ha-tinh-2023.par.yaml', '--format', 'pdf'], ['ha-tinh-2023.par.yaml', '-o', 'x.pdf'], ['ha-tinh-2023.par.yaml', '--bogus'], ['missing.par.yaml'], ['ha-tinh-2023.par.yaml', '--locale', 'fr']]) {
      const a = io();
      expect(await runExport(args, a.io), args.join(' ')).toBe(2);
      expect(a.err().length).toBeGreaterThan(0);
    }
    const h = io();
    expect(await runExport(['--help'], h.io)).toBe(0);
    expect(h.out()).toMatch(/^Cách dùng: par-plan export/);
  });
});

describe('par-plan import', () => {
  it('imports our own export back to the sample (stdout when no -o)', async () => {
    await runExport(['ha-tinh-2023.par.yaml', '-o', 'rt.docx'], io().io);
    const a = io();
    expect(await runImport(['rt.docx'], a.io)).toBe(0);
    expect(a.err()).toBe('');
    expect(parse(a.out())).toStrictEqual(SAMPLE);
    const b = io();
    expect(await runImport(['rt.docx', '-o', 'rt.par.yaml'], b.io)).toBe(0);
    expect(parse(readFileSync(join(dir, 'rt.par.yaml'), 'utf8'))).toStrictEqual(SAMPLE);
    expect(b.out()).toBe('');
  });

  it('imports the text form of the seed, in UTF-8 or UTF-16 (Word "Unicode text")', async () => {
    const a = io();
    expect(await runImport(['seed.txt'], a.io)).toBe(0);
    expect(parse(a.out())).toStrictEqual(SAMPLE);
    const text = readFileSync(join(dir, 'seed.txt'), 'utf8');
    writeFileSync(join(dir, 'seed16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const b = io();
    expect(await runImport(['seed16.txt'], b.io)).toBe(0);
    expect(parse(b.out())).toStrictEqual(SAMPLE);
  });

  it('exits 1 and reports rows with their number when some rows could not be mapped', async () => {
    const { buildDocx, HEAD } = await import('./helpers');
    writeFileSync(
      join(dir, 'rows.docx'),
      await buildDocx({
        before: ['ỦY BAN NHÂN DÂN', 'TỈNH HÀ TĨNH', 'KẾ HOẠCH NĂM 2024'],
        tables: [{ rows: [HEAD, ['1', '1.1 - Tên', 'Việc trước phần', 'Sở A', '', 'Năm 2024'], ['I', { text: 'Chỉ đạo', span: 5 }]] }],
      }),
    );
    const a = io();
    expect(await runImport(['rows.docx', '-o', 'rows.par.yaml'], a.io)).toBe(1);
    expect(a.err()).toMatch(/^rows\.docx: dòng bảng 2: Dòng mục nằm trước phần I\.\.VIII đầu tiên.*«Việc trước phần»/m);
    expect(a.err()).toMatch(/1 vấn đề cần xem lại/);
    expect(existsSync(join(dir, 'rows.par.yaml'))).toBe(true);
    const en = io();
    expect(await runImport(['rows.docx', '--locale', 'en'], en.io)).toBe(1);
    expect(en.err()).toMatch(/table row 2:/);
  });

  it('exits 2 on a file that is not a .docx, a missing file, or misuse; --issuer and --year override', async () => {
    writeFileSync(join(dir, 'fake.docx'), 'not a zip');
    const a = io();
    expect(await runImport(['fake.docx', '-o', 'fake.par.yaml'], a.io)).toBe(2);
    expect(a.err()).toMatch(/fake\.docx: Tệp không phải tài liệu Word \.docx/);
    expect(existsSync(join(dir, 'fake.par.yaml'))).toBe(false);
    for (const args of [[], ['nope.docx'], ['seed.txt', '--year', 'abc'], ['seed.txt', 'other.txt'], ['seed.txt', '--bad']]) {
      expect(await runImport(args, io().io), args.join(' ')).toBe(2);
    }
    const o = io();
    expect(await runImport(['seed.txt', '--issuer', 'UBND tỉnh Hà Tĩnh', '--year', '2023'], o.io)).toBe(0);
    const y = io();
    expect(await runImport(['seed.txt', '--year', '2024'], y.io)).toBe(1);
    expect(parse(y.out()).plan.year).toBe(2024);
    expect(y.err()).toMatch(/2023.*2024/);
  });
});

describe('par-plan import and export in a project', () => {
  it('use the catalog named by the project .par-plan.json', async () => {
    const project = join(dir, 'project');
    mkdirSync(project);
    const catalog = JSON.parse(readFileSync(repo('schemas/par-criteria.876-2022.json'), 'utf8'));
    catalog.codes.find((c: { code: string }) => c.code === '1.1').name = 'Tên riêng của dự án';
    catalog.areas[0].name = 'Phần một của dự án';
    writeFileSync(join(project, 'catalog.json'), JSON.stringify(catalog));
    writeFileSync(join(project, '.par-plan.json'), JSON.stringify({ catalog: 'catalog.json' }));
    writeFileSync(
      join(project, 'plan.par.yaml'),
      'plan:\n  title: Kế hoạch\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2024\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: Việc\n            lead: [Sở A]\n            support: []\n            deadline: Năm 2024\n',
    );
    const a = io();
    expect(await runExport(['project/plan.par.yaml', '-o', 'project/plan.xlsx'], a.io)).toBe(0);
    const sheet = await (await JSZip.loadAsync(readFileSync(join(project, 'plan.xlsx')))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('Tên riêng của dự án');
    expect(sheet).toContain('Phần một của dự án');

    const cells = (...texts: string[]) => texts.map((t) => `\t${t}`);
    const text = ['ỦY BAN NHÂN DÂN', 'TỈNH HÀ TĨNH', 'KẾ HOẠCH NĂM 2024', ...cells('I', 'Chỉ đạo', '', '', '', ''), '', ...cells('1', '1.1 - Tên riêng của dự án', 'Việc', 'Sở A', '', 'Năm 2024'), ''];
    writeFileSync(join(project, 'appendix.txt'), text.join('\n'));
    const b = io();
    await runImport(['project/appendix.txt'], b.io);
    expect(parse(b.out()).sections[0].items[0]).toEqual({ criteria: ['1.1'], tasks: [{ task: 'Việc', lead: ['Sở A'], support: [], deadline: 'Năm 2024' }] });
  });
});

describe('an invalid --locale', () => {
  it('is reported in the language of PAR_PLAN_LOCALE', async () => {
    const saved = process.env.PAR_PLAN_LOCALE;
    process.env.PAR_PLAN_LOCALE = 'en';
    try {
      const a = io();
      expect(await runImport(['seed.txt', '--locale', 'fr'], a.io)).toBe(2);
      expect(a.err()).toBe('Invalid option: --locale fr\n');
      const b = io();
      expect(await runExport(['ha-tinh-2023.par.yaml', '--locale', 'fr'], b.io)).toBe(2);
      expect(b.err()).toBe('Invalid option: --locale fr\n');
    } finally {
      if (saved === undefined) delete process.env.PAR_PLAN_LOCALE;
      else process.env.PAR_PLAN_LOCALE = saved;
    }
  });
});
