// The exported sample opens in LibreOffice (an independent reader of both formats), where it is
// installed: the .docx converted to PDF and re-saved, the .xlsx converted to CSV and read cell by cell.

import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPlanDocx } from '../../server/src/word/docx-export';
import { importPlanDocx } from '../../server/src/word/docx-import';
import { readPlanForExport } from '../../server/src/word/plan-data';
import { exportPlanXlsx } from '../../server/src/word/xlsx-export';
import { SAMPLE, SAMPLE_TEXT } from './helpers';

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

const office = which('soffice') ?? which('libreoffice');
if (!office) console.warn('test/word/libreoffice.test.ts skipped: neither soffice nor libreoffice is on the PATH');

describe('LibreOffice', () => {
  it.skipIf(!office)('converts the exported sample .docx to a PDF (A4 landscape, several pages)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-lo-'));
    try {
      const docx = join(dir, 'ha-tinh-2023.docx');
      writeFileSync(docx, await exportPlanDocx(SAMPLE_TEXT));
      execFileSync(office!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000, stdio: 'pipe' });
      const pdf = join(dir, 'ha-tinh-2023.pdf');
      expect(statSync(pdf).size).toBeGreaterThan(20_000);
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = bytes.toString('latin1');
      const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThan(5);
      // A4 landscape: 841.9 x 595.3 points
      expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it.skipIf(!office)('re-saves the exported sample as .docx, which still imports to the sample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-lo-'));
    try {
      const docx = join(dir, 'in.docx');
      writeFileSync(docx, await exportPlanDocx(SAMPLE_TEXT));
      execFileSync(office!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), docx], { timeout: 120_000, stdio: 'pipe' });
      const res = await importPlanDocx(readFileSync(join(dir, 'out', 'in.docx')));
      expect(res.problems).toEqual([]);
      expect(res.plan).toStrictEqual(SAMPLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it.skipIf(!office)('reads the exported .xlsx: the header row, then every task with its codes, units, deadline and dates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-lo-'));
    try {
      const xlsx = join(dir, 'theo-doi.xlsx');
      writeFileSync(xlsx, await exportPlanXlsx(SAMPLE_TEXT));
      // Field separator ",", text delimiter '"', UTF-8 (76), first line as is.
      execFileSync(office!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, xlsx], { timeout: 120_000, stdio: 'pipe' });
      const rows = parseCsv(readFileSync(join(dir, 'theo-doi.csv'), 'utf8'));
      expect(rows[0].slice(0, 10)).toEqual(['Phần', 'Tên phần', 'Mã tiêu chí', 'Tên tiêu chí', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Bắt đầu', 'Kết thúc']);
      const plan = readPlanForExport(SAMPLE_TEXT).data;
      const expected = plan.sections.flatMap((s) => s.items.flatMap((i) => i.tasks.map((t) => [s.area, i.criteria.join('; '), t.task, t.lead.join('; '), t.support.join('; '), t.deadline])));
      const read = rows.slice(1).filter((r) => r.some((c) => c !== '')).map((r) => [r[0], r[2], r[4], r[5], r[6], r[7]]);
      expect(read).toEqual(expected);
      // Dates are real dates in dd/mm/yyyy, as formatted in the sheet: "Quý IV/2023" ends on 31/12/2023.
      const quarter = rows.find((r) => r[7] === 'Quý IV/2023');
      expect(quarter?.slice(8, 10)).toEqual(['01/10/2023', '31/12/2023']);
      for (const r of rows.slice(1)) for (const date of r.slice(8, 10)) expect(date).toMatch(/^(\d{2}\/\d{2}\/\d{4}|[^\d].*|)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
