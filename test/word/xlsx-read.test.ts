// The SpreadsheetML reader on workbooks written here by hand, the ways other programs write them:
// shared strings found through the workbook's relationships, rich-text runs, inline strings, numbers,
// booleans, cells without a reference, and broken files (an error, never an exception).

import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { cellRef, readFirstSheet, serialToIso } from '../../server/src/word/xlsx-read';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

async function workbook(sheetXml: string, strings: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('xl/workbook.xml', `<workbook ${NS}><sheets><sheet name="A" sheetId="1" r:id="rId7"/></sheets></workbook>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>' +
      '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings/shared.xml"/>' +
      '</Relationships>',
  );
  zip.file('xl/worksheets/data.xml', `<worksheet ${NS}><sheetData>${sheetXml}</sheetData></worksheet>`);
  zip.file('xl/strings/shared.xml', `<sst ${NS}>${strings}</sst>`);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('readFirstSheet', () => {
  it('reads every kind of cell, through the relationships', async () => {
    const bytes = await workbook(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
        '<row r="3"><c t="inlineStr"><is><t>không tham chiếu</t></is></c><c><v>46188</v></c><c t="b"><v>1</v></c><c t="str"><f>A1</f><v>công thức</v></c></row>',
      '<si><t>Trạng thái</t></si><si><r><t>Hoàn </t></r><r><rPr><b/></rPr><t>thành</t></r></si>',
    );
    const sheet = readFirstSheet(bytes);
    expect(sheet.error).toBeUndefined();
    expect([...sheet.rows.get(1)!]).toEqual([[0, 'Trạng thái'], [2, 'Hoàn thành']]);
    expect([...sheet.rows.get(3)!]).toEqual([[0, 'không tham chiếu'], [1, 46188], [2, true], [3, 'công thức']]);
    expect(serialToIso(46188)).toBe('2026-06-15');
  });

  it('gives an error for a file that is not a workbook', async () => {
    expect(readFirstSheet(new TextEncoder().encode('plain text')).error).toMatch(/not an \.xlsx/);
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    expect(readFirstSheet(await zip.generateAsync({ type: 'uint8array' })).error).toBe('the workbook has no worksheet');
  });

  it('reads cell references', () => {
    expect(cellRef('A1')).toEqual({ column: 0, row: 1 });
    expect(cellRef('AB12')).toEqual({ column: 27, row: 12 });
    expect(cellRef('a1')).toBeUndefined();
  });
});
