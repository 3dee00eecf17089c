// The follow-up round trip: `par-plan followup export` → a unit fills the sheet → `followup import`.
// The sheet is filled here the way Excel saves it (shared strings, dates as serial numbers, a
// docProps/core.xml with the save date), by editing the exported XML with jszip directly: none of
// par-plan's own writer code is involved in the filling.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { execFileSync, spawnSync } from 'node:child_process';
import { runFollowUp } from '../../server/src/cli/followup';
import { ChangedOnDiskError, readPlanOnDisk, rewritePlan } from '../../server/src/host/safe-write';
import { analyze } from '../support/engine';

const PLAN = [
  '# Kế hoạch thử: theo dõi thực hiện',
  'plan:',
  '  title: Kế hoạch CCHC',
  '  issuer: UBND tỉnh Hà Tĩnh',
  '  year: 2026',
  'sections:',
  '  - area: I',
  '    items:',
  '      - criteria: ["1.1"]',
  '        tasks:',
  '          - task: Ban hành kế hoạch kiểm tra công tác CCHC # nhiệm vụ 1',
  '            lead: [Sở Nội vụ]',
  '            deadline: Quý II/2026',
  '          - task: Tuyên truyền về cải cách hành chính',
  '            lead: [Sở Nội vụ]',
  '            support: [Sở Khoa học và Công nghệ]',
  '            deadline: Hằng quý',
  '          - task: Rà soát thủ tục hành chính',
  '            lead: [Văn phòng UBND tỉnh]',
  '            deadline: Quý III/2026',
  '          - task: Đánh giá mức độ hài lòng',
  '            lead: [Sở Nội vụ]',
  '            deadline: Quý IV/2026',
  '',
].join('\r\n');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'par-plan-followup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), cwd: dir }, out: () => out.join(''), err: () => err.join('') };
}

async function run(...args: string[]) {
  const x = io();
  const code = await runFollowUp(args, x.io);
  return { code, out: x.out(), err: x.err() };
}

interface Fill {
  status?: string;
  /** A number is written as Excel writes a date cell: its serial day. */
  done?: string | number;
  result?: string;
  evidence?: string;
}

/** Fills the rows of an exported sheet by task id, as a spreadsheet program would save them. */
async function fill(bytes: Uint8Array, rows: Record<string, Fill>, modified = '2026-07-03T02:15:00Z'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  let sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const strings: string[] = [];
  const shared = (text: string) => {
    strings.push(text);
    return strings.length - 1;
  };
  const columns: Record<keyof Fill, string> = { status: 'G', done: 'H', result: 'I', evidence: 'J' };
  for (const [id, values] of Object.entries(rows)) {
    const row = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].find((m) => m[2].includes(`>${id}<`));
    if (!row) throw new Error(`no row for ${id}`);
    let xml = row[2];
    for (const [key, value] of Object.entries(values) as [keyof Fill, string | number][]) {
      const ref = `${columns[key]}${row[1]}`;
      const cell = typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="s"><v>${shared(value)}</v></c>`;
      xml = xml.replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`), cell);
    }
    sheet = sheet.replace(row[0], `<row r="${row[1]}">${xml}</row>`);
  }
  zip.file('xl/worksheets/sheet1.xml', sheet);
  // The shared strings part, declared as a spreadsheet program declares it.
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`);
  zip.file('docProps/core.xml', `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified></cp:coreProperties>`);
  return Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
}

function planPath(name: string, text = PLAN): string {
  const path = join(dir, name);
  writeFileSync(path, '\ufeff' + text);
  return path;
}

const idsOf = (text: string) => [...text.matchAll(/^ {12}id: (t-[0-9a-f]+)\r?$/gm)].map((m) => m[1]);

describe('followup export', () => {
  it('adds ids to the plan (keeping its BOM, CRLF and comments) and writes one locked row per task of the lead', async () => {
    const plan = planPath('a.par.yaml');
    const r = await run('export', 'a.par.yaml', '--lead', 'so noi vu', '-o', 'snv.xlsx');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('4 nhiệm vụ');
    const written = readFileSync(plan, 'utf8');
    expect(written.startsWith('\ufeff# Kế hoạch thử')).toBe(true);
    expect(written.replace(/\r\n/g, '')).not.toContain('\n');
    expect(written).toContain('# nhiệm vụ 1');
    const ids = idsOf(written);
    expect(new Set(ids).size).toBe(4);
    expect(analyze(written.slice(1)).findings().filter((f) => f.severity === 'error')).toEqual([]);

    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'snv.xlsx')));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const rows = [...sheet.matchAll(/<row r="(\d+)">/g)];
    expect(rows).toHaveLength(4); // the header and the three tasks Sở Nội vụ leads
    expect(sheet).not.toContain('Rà soát thủ tục hành chính');
    expect(sheet).toMatch(/<col min="11" max="11" width="\d+" customWidth="1" hidden="1"\/>/);
    expect(sheet).toContain('<sheetProtection sheet="1"');
    expect(sheet).toContain('<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="G2:G4"><formula1>&quot;chưa thực hiện,đang thực hiện,hoàn thành,không thực hiện&quot;</formula1>');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toContain('<protection locked="0"/>');

    // A second export finds the ids in place and leaves the plan alone; an existing output needs --force.
    const again = await run('export', 'a.par.yaml', '-o', 'snv.xlsx');
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
    expect((await run('export', 'a.par.yaml', '-o', 'snv.xlsx', '--force')).code).toBe(0);
    expect(readFileSync(plan, 'utf8')).toBe(written);
  });

  it('names the sheet after the lead unit by default', async () => {
    planPath('h.par.yaml');
    const r = await run('export', 'h.par.yaml', '--lead', 'Văn phòng UBND tỉnh');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('h.theo-doi.van-phong-ubnd-tinh.xlsx (1 nhiệm vụ)');
  });

  it('refuses a lead unit that leads nothing, writing no file', async () => {
    planPath('b.par.yaml');
    const r = await run('export', 'b.par.yaml', '--lead', 'Sở Y tế', '-o', 'none.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Sở Y tế');
  });
});

describe('followup import', () => {
  it('merges status, completion day and a report dated by the file, and matching survives edits elsewhere', async () => {
    const plan = planPath('c.par.yaml');
    expect((await run('export', 'c.par.yaml', '-o', 'c.xlsx')).code).toBe(0);
    const [first, second] = idsOf(readFileSync(plan, 'utf8'));
    const filled = await fill(readFileSync(join(dir, 'c.xlsx')), {
      [first]: { status: 'Hoàn thành', done: 46188 /* 15/6/2026 */ },
      [second]: { status: 'dang thuc hien', result: 'Đã đăng 12 tin bài trên Cổng thông tin', evidence: 'Báo cáo số 45/BC-SKHCN' },
    });
    writeFileSync(join(dir, 'c-filled.xlsx'), filled);
    // Meanwhile the office adds a task at the top and rewords another one.
    const edited = readFileSync(plan, 'utf8').replace(
      '        tasks:\r\n',
      '        tasks:\r\n          - task: Nhiệm vụ bổ sung\r\n            lead: [Sở Nội vụ]\r\n            deadline: Quý IV/2026\r\n',
    ).replace('Đánh giá mức độ hài lòng', 'Đánh giá sự hài lòng của người dân');
    writeFileSync(plan, edited);

    const dry = await run('import', 'c.par.yaml', 'c-filled.xlsx', '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain(`c-filled.xlsx:2: ${first}`);
    expect(dry.out).toContain('trạng thái → hoàn thành; ngày hoàn thành → 15/6/2026');
    expect(readFileSync(plan, 'utf8')).toBe(edited);

    const r = await run('import', 'c.par.yaml', 'c-filled.xlsx');
    expect(r.code, r.err).toBe(0);
    const merged = readFileSync(plan, 'utf8');
    expect(merged.startsWith('\ufeff')).toBe(true);
    expect(merged.replace(/\r\n/g, '')).not.toContain('\n');
    expect(merged).toContain(`            id: ${first}\r\n            status: hoàn thành\r\n            done: 15/6/2026\r\n`);
    expect(merged).toContain(
      `            id: ${second}\r\n            status: đang thực hiện\r\n            progress:\r\n              - date: 3/7/2026\r\n                text: Đã đăng 12 tin bài trên Cổng thông tin\r\n                evidence: Báo cáo số 45/BC-SKHCN\r\n`,
    );
    // The merged plan reads back: the Q2 task is done on time; the recurring task's report, dated 3/7
    // by the file, counts for the third quarter, so the second is still reported missing.
    const analysis = analyze(merged.slice(1), { asOf: '2026-07-10' });
    const findings = analysis.findings().map((f) => `${analysis.lines.oneBased(f.range).line} ${f.code}`);
    expect(findings).toEqual([`${merged.slice(1).split('\r\n').findIndex((l) => l.includes('deadline: Hằng quý')) + 1} par/overdue`]);

    // Importing the same file again changes nothing.
    const twice = await run('import', 'c.par.yaml', 'c-filled.xlsx', '--date', '5/7/2026');
    expect(twice.err).toContain('Không có thay đổi');
    expect(readFileSync(plan, 'utf8')).toBe(merged);
  });

  it('reports a task gone, a task whose text changed and two files that disagree, and applies none of them', async () => {
    const plan = planPath('d.par.yaml');
    expect((await run('export', 'd.par.yaml', '-o', 'd.xlsx')).code).toBe(0);
    const [first, second, third, fourth] = idsOf(readFileSync(plan, 'utf8'));
    const exported = readFileSync(join(dir, 'd.xlsx'));
    writeFileSync(join(dir, 'd-1.xlsx'), await fill(exported, { [first]: { status: 'hoàn thành', done: '20/6/2026' }, [second]: { status: 'hoàn thành', done: '1/7/2026' }, [third]: { result: 'Đã rà soát 120 thủ tục' }, [fourth]: { status: 'đang thực hiện' } }));
    writeFileSync(join(dir, 'd-2.xlsx'), await fill(exported, { [first]: { status: 'đang thực hiện' }, [fourth]: { status: 'đang thực hiện' } }));
    // The second task is removed from the plan, the third reworded.
    const text = readFileSync(plan, 'utf8');
    const secondStart = text.indexOf('          - task: Tuyên truyền');
    const edited = (text.slice(0, secondStart) + text.slice(text.indexOf('          - task: Rà soát'))).replace('Rà soát thủ tục hành chính', 'Rà soát, đơn giản hóa thủ tục hành chính');
    writeFileSync(plan, edited);

    const r = await run('import', 'd.par.yaml', 'd-1.xlsx', 'd-2.xlsx', '--date', '2026-07-05');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`d-1.xlsx:3: ${second} nhiệm vụ không còn trong kế hoạch`);
    expect(r.err).toContain(`d-1.xlsx:4: ${third} nội dung nhiệm vụ trong kế hoạch đã đổi`);
    expect(r.err).toContain(`d-2.xlsx:2: ${first} ghi khác với d-1.xlsx:2`);
    // The fourth task: both files say the same, so it is merged once.
    expect(r.out.trim().split('\n')).toEqual([expect.stringContaining(`${fourth} "Đánh giá mức độ hài lòng": trạng thái → đang thực hiện`)]);
    const merged = readFileSync(plan, 'utf8');
    expect(merged).toBe(edited.replace(`            id: ${fourth}\r\n`, `            id: ${fourth}\r\n            status: đang thực hiện\r\n`));
  });

  it('reports a bad status and a file that is not a follow-up sheet, by row and file', async () => {
    const plan = planPath('e.par.yaml');
    expect((await run('export', 'e.par.yaml', '-o', 'e.xlsx')).code).toBe(0);
    const [first] = idsOf(readFileSync(plan, 'utf8'));
    writeFileSync(join(dir, 'e-1.xlsx'), await fill(readFileSync(join(dir, 'e.xlsx')), { [first]: { status: 'xong rồi' } }));
    writeFileSync(join(dir, 'not.xlsx'), 'plain text');
    const r = await run('import', 'e.par.yaml', 'e-1.xlsx', 'not.xlsx');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`e-1.xlsx:2: ${first} trạng thái "xong rồi" không hợp lệ`);
    expect(r.err).toContain('not.xlsx: không đọc được bảng');
  });
});

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}
const office = which('soffice') ?? which('libreoffice');

describe('a sheet saved again by LibreOffice', () => {
  it.skipIf(!office)('imports the same changes', async () => {
    const plan = planPath('g.par.yaml');
    expect((await run('export', 'g.par.yaml', '-o', 'g.xlsx')).code).toBe(0);
    const [first] = idsOf(readFileSync(plan, 'utf8'));
    writeFileSync(join(dir, 'g-filled.xlsx'), await fill(readFileSync(join(dir, 'g.xlsx')), { [first]: { status: 'hoàn thành', done: 46188, result: 'Đã ban hành Kế hoạch số 12/KH-SNV' } }));
    execFileSync(office!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'lo'), join(dir, 'g-filled.xlsx')], { timeout: 120_000, stdio: 'pipe' });
    const r = await run('import', 'g.par.yaml', 'lo/g-filled.xlsx', '--date', '30/6/2026');
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(plan, 'utf8')).toContain(`            id: ${first}\r\n            status: hoàn thành\r\n            done: 15/6/2026\r\n            progress:\r\n              - date: 30/6/2026\r\n                text: Đã ban hành Kế hoạch số 12/KH-SNV\r\n`);
  }, 150_000);
});

describe('safe rewrite of a plan', () => {
  it('refuses when the plan changed after it was read', () => {
    const path = planPath('f.par.yaml');
    const read = readPlanOnDisk(path);
    writeFileSync(path, 'changed by someone else');
    expect(() => rewritePlan(read, read.text + '# x\r\n')).toThrow(ChangedOnDiskError);
    expect(readFileSync(path, 'utf8')).toBe('changed by someone else');
  });
});
