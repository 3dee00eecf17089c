// The periodic report: what it counts (against the statuses written in a fixture), the Word document's
// text (read from its XML without par-plan's reader), the .xlsx (read from its XML likewise), and the
// .docx opened by LibreOffice where installed.

import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { progressReport, reportDocx, reportPeriod, reportXlsx } from '../../server/src/word/report';
import { analyze } from '../support/engine';
import { repo } from './helpers';

const fixture = (name: string) => readFileSync(repo(`test/fixtures/rules/${name}`), 'utf8');

/** The text of a document.xml: its runs, a line per paragraph. */
async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n')
    .replace(/&amp;/g, '&');
}

describe('progress report', () => {
  it('counts every status, on time and late, and lists overdue tasks first, the latest first by days', () => {
    const report = progressReport(analyze(fixture('overdue-year-end.par.yaml')), { asOf: '2027-01-10' });
    expect(report.totals).toEqual({ total: 4, doneOnTime: 0, doneLate: 1, inProgress: 1, notStarted: 2, dropped: 0, overdue: 2 });
    expect(report.overdue.map((t) => [t.text, t.overdueDays, t.missingPeriod])).toEqual([
      ['Cả năm, chưa xong', 10, undefined],
      ['Hằng năm, chưa báo cáo năm 2026', 10, 'năm 2026'],
    ]);
    const q2 = progressReport(analyze(fixture('overdue.par.yaml')), { asOf: '2026-07-15', by: 'area' });
    expect(q2.totals).toMatchObject({ total: 8, doneOnTime: 2, dropped: 1, overdue: 3 });
    // By area: the section has no title of its own, so the catalog names it.
    expect(q2.groups.map((g) => g.title)).toEqual(['I. Công tác chỉ đạo, điều hành cải cách hành chính']);
  });

  it('names the period of the as-of day', () => {
    expect(reportPeriod('2026-06-30')).toBe('Quý II/2026');
    expect(reportPeriod('2026-06-30', 'half')).toBe('6 tháng đầu năm 2026');
    expect(reportPeriod('2026-11-02', 'half')).toBe('6 tháng cuối năm 2026');
    expect(reportPeriod('2026-12-31', 'year')).toBe('Năm 2026');
  });

  it('writes the Word report: header, the period in the title, totals, overdue tasks, tasks per lead unit', async () => {
    const report = progressReport(analyze(fixture('overdue-recurring.par.yaml')), { asOf: '2026-07-10' });
    const text = await docxText(await reportDocx(report));
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH HÀ TĨNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Kết quả thực hiện Kế hoạch kiểm thử theo dõi, Quý III/2026', '(Tính đến ngày 10/7/2026)']);
    expect(text).toContain('I. TỔNG HỢP');
    const overdue = text.slice(text.indexOf('II. NHIỆM VỤ QUÁ HẠN'), text.indexOf('III. KẾT QUẢ'));
    expect(overdue).toContain('Hằng quý, chỉ báo cáo quý I (chưa báo cáo Quý II/2026)\nSở Nội vụ\nHằng quý\n10');
    expect(overdue).not.toContain('đã báo cáo quý II');
    expect(text).toContain('III. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ\nSTT\nNhiệm vụ\nThời hạn\nTrạng thái\nKết quả thực hiện\nSở Nội vụ');
    expect(text).toContain('20/3/2026: Đã ban hành kế hoạch');
    expect(text).toContain('1/7/2026: Báo cáo 6 tháng (Báo cáo số 123/BC-SNV)');
  });

  it('writes the .xlsx report: one row per task, overdue first', async () => {
    const report = progressReport(analyze(fixture('overdue.par.yaml')), { asOf: '2026-07-15' });
    const zip = await JSZip.loadAsync(await reportXlsx(report));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const rows = [...sheet.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map((r) => [...r[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]));
    expect(rows[0].slice(0, 6)).toEqual(['Nhóm', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Trạng thái', 'Số ngày quá hạn']);
    expect(rows).toHaveLength(9);
    expect(rows.slice(1, 4).map((r) => r[5])).toEqual(['15', '15', '1']);
    expect(rows[1][4]).toBe('đang thực hiện; quá hạn 15 ngày');
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('<sheet name="Quý III 2026"'); // "/" cannot be in a sheet name
  });
});

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}
const office = which('soffice') ?? which('libreoffice');

describe('the report in LibreOffice', () => {
  it.skipIf(!office)('opens and reads as the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-report-'));
    try {
      const docx = join(dir, 'bao-cao.docx');
      writeFileSync(docx, await reportDocx(progressReport(analyze(fixture('overdue-recurring.par.yaml')), { asOf: '2026-06-30', period: 'half' })));
      execFileSync(office!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, docx], { timeout: 120_000, stdio: 'pipe' });
      const text = readFileSync(join(dir, 'bao-cao.txt'), 'utf8');
      expect(text).toContain('Kết quả thực hiện Kế hoạch kiểm thử theo dõi, 6 tháng đầu năm 2026');
      expect(text).toContain('(Tính đến ngày 30/6/2026)');
      expect(text).toContain('II. NHIỆM VỤ QUÁ HẠN');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
