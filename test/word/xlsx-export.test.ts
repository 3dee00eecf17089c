// The follow-up spreadsheet: unzip it and read the sheet XML.

import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { excelSerial, exportPlanXlsx } from '../../server/src/word/xlsx-export';
import { childElements, firstChild, parseXml, textContent, type XmlElement } from '../../server/src/word/xml';
import { SAMPLE_TEXT } from './helpers';

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) parts[name] = await zip.files[name].async('string');
  return parts;
}

/** Strict enough: every tag closed in order, attributes quoted, only known entities. */
function assertWellFormed(xml: string, name: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), name).toBe(true);
  const parsed = parseXml(xml);
  expect(parsed.error, name).toBeUndefined();
  expect(parsed.root, name).not.toBeNull();
  expect(xml.replace(/&(amp|lt|gt|quot|apos);/g, ''), name).not.toMatch(/&/);
  const stack: string[] = [];
  for (const m of xml.replace(/<\?[^?]*\?>/g, '').matchAll(/<(\/?)([A-Za-z_][\w:.-]*)([^>]*?)(\/?)>/g)) {
    if (m[1]) expect(stack.pop(), `${name}: </${m[2]}>`).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]);
    for (const a of m[3].matchAll(/\s([\w:.-]+)=/g)) expect(m[3], `${name}: attribute ${a[1]}`).toMatch(new RegExp(`\\s${a[1]}="[^"<]*"`));
  }
  expect(stack, name).toEqual([]);
}

interface SheetCell {
  ref: string;
  style?: string;
  type?: string;
  value: string;
}

function cellsOf(sheet: XmlElement): SheetCell[][] {
  const data = firstChild(sheet, 'x:sheetData')!;
  return childElements(data, 'x:row').map((row) =>
    childElements(row, 'x:c').map((c) => ({
      ref: c.attrs.r,
      style: c.attrs.s,
      type: c.attrs.t,
      value: c.attrs.t === 'inlineStr' ? textContent(firstChild(c, 'x:is')) : textContent(firstChild(c, 'x:v')),
    })),
  );
}

describe('exportPlanXlsx on the sample', async () => {
  const parts = await unzip(await exportPlanXlsx(SAMPLE_TEXT));
  const sheet = parseXml(parts['xl/worksheets/sheet1.xml']).root!;
  const rows = cellsOf(sheet);
  const col = (name: string) => rows[0].findIndex((c) => c.value === name);

  it('is a minimal, well-formed SpreadsheetML package', () => {
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    for (const [name, xml] of Object.entries(parts)) assertWellFormed(xml, name);
    expect(parts['[Content_Types].xml']).toContain('/xl/worksheets/sheet1.xml');
    expect(parts['xl/workbook.xml']).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Nhiệm vụ'!$A$1:$K$42</definedName>`);
    expect(parts['xl/styles.xml']).toContain('formatCode="dd/mm/yyyy"');
  });

  it('has the header row, bold and frozen, and 41 data rows under an autoFilter', () => {
    expect(rows[0].map((c) => c.value)).toEqual(['Phần', 'Tên phần', 'Mã tiêu chí', 'Tên tiêu chí', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Bắt đầu', 'Kết thúc', 'Ghi chú']);
    expect(rows[0].every((c) => c.style === '1')).toBe(true);
    expect(parts['xl/styles.xml']).toMatch(/<cellXfs count="7"><xf [^>]*\/><xf numFmtId="0" fontId="1"/);
    expect(parts['xl/styles.xml']).toMatch(/<fonts count="2"><font>.*<\/font><font><b\/>/);
    expect(rows).toHaveLength(42);
    expect(firstChild(sheet, 'x:autoFilter')!.attrs.ref).toBe('A1:K42');
    expect(firstChild(sheet, 'x:dimension')!.attrs.ref).toBe('A1:K42');
    const pane = firstChild(firstChild(firstChild(sheet, 'x:sheetViews'), 'x:sheetView'), 'x:pane')!;
    expect(pane.attrs).toMatchObject({ ySplit: '1', topLeftCell: 'A2', state: 'frozen' });
    expect(childElements(firstChild(sheet, 'x:cols'), 'x:col')).toHaveLength(11);
  });

  it('writes "Trước 15/12/2023" as a real date: no start, end 2023-12-15 = serial 45275', () => {
    const first = rows[1];
    expect(first[col('Thời hạn')].value).toBe('Trước 15/12/2023');
    expect(first[col('Bắt đầu')]).toMatchObject({ value: '', type: undefined });
    expect(first[col('Kết thúc')]).toMatchObject({ value: '45275', style: '3', type: undefined });
    expect(first.slice(0, 3).map((c) => c.value)).toEqual(['I', 'Chỉ đạo điều hành CCHC', '1.1']);
    expect(first[col('Tên tiêu chí')].value).toBe('Thực hiện Kế hoạch CCHC năm');
    expect(first[col('Đơn vị chủ trì')].value).toBe('Sở Nội vụ và các Sở, ngành chủ trì các lĩnh vực CCHC');
    expect(first[col('Đơn vị phối hợp')].value).toBe('Sở, ban, ngành cấp tỉnh; UBND cấp huyện và các cơ quan liên quan');
  });

  it('writes a year as its first and last day, a recurring deadline as text, and notes the gaps', () => {
    const byTask = (start: string) => rows.find((r) => r[col('Nhiệm vụ')].value.startsWith(start))!;
    const year = byTask('Theo dõi, đôn đốc các sở');
    expect([year[col('Bắt đầu')].value, year[col('Kết thúc')].value]).toEqual([String(excelSerial('2023-01-01')), String(excelSerial('2023-12-31'))]);
    const recurring = rows.find((r) => r[col('Thời hạn')].value === 'Thường xuyên')!;
    expect(recurring[col('Kết thúc')]).toMatchObject({ value: 'Thường xuyên', type: 'inlineStr' });
    const gap = byTask('Văn phòng UBND tỉnh thường xuyên kiểm tra');
    expect(gap[col('Ghi chú')].value).toBe('thiếu đơn vị chủ trì; thiếu thời hạn');
    const multi = rows.find((r) => r[col('Mã tiêu chí')].value.includes('5.2.3'))!;
    expect(multi[col('Mã tiêu chí')].value).toBe('5.2.3; 5.2.4; 5.3.2; 5.3.3');
    expect(rows.slice(1).filter((r) => r[col('Ghi chú')].value)).toHaveLength(3);
  });
});

describe('excelSerial', () => {
  it('counts days in the 1900 date system', () => {
    expect(excelSerial('2023-12-15')).toBe(45275);
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2024-02-29')).toBe(45351);
    expect(excelSerial('nope')).toBeNull();
  });
});

describe('exportPlanXlsx on odd plans', () => {
  it('adds "Sản phẩm" when a task has one, escapes text, never throws', async () => {
    const plan = 'plan: {title: A & B <c>, issuer: X, year: 2024}\nsections:\n  - area: II\n    items:\n      - criteria: ["2.1"]\n        tasks:\n          - {task: "Việc <1> & \\"2\\"", product: Báo cáo, deadline: Quý IX/2024}\n      - criteria: []\n        tasks: []\n';
    const parts = await unzip(await exportPlanXlsx(plan));
    for (const [name, xml] of Object.entries(parts)) assertWellFormed(xml, name);
    const rows = cellsOf(parseXml(parts['xl/worksheets/sheet1.xml']).root!);
    expect(rows[0].map((c) => c.value)).toContain('Sản phẩm');
    expect(rows[1].find((c) => c.ref === 'E2')!.value).toBe('Việc <1> & "2"');
    expect(rows[1].at(-1)!.value).toBe('thiếu đơn vị chủ trì; thời hạn không đọc được');
    expect(rows[2].at(-1)!.value).toBe('chưa có nhiệm vụ');
    for (const bad of ['', 'plan: [', 'sections: 7']) expect((await exportPlanXlsx(bad)).length).toBeGreaterThan(500);
  });
});
