// A results table from the bytes of a .xlsx, .csv or .docx file: the one entry point of the results
// import for the CLI and the editor. Pure (bytes in); never throws for a bad file, it says why.

import { gridRows, type DocBlock, type DocTable } from '../word/docx-read';
import { documentBlocks, MAX_DOCUMENT_XML_BYTES } from '../word/docx-import';
import { decodeText } from '../word/text-helpers';
import { PartTooLarge, isDamagedArchive, openOfficePackage, type OfficePackage } from '../word/zip';
import { readCsv } from './csv';
import { hasResultsHeader, importResultsTable, type Table, type TableImportOptions, type TableImportResult } from './table';
import { readXlsxTable } from './xlsx-read';

export type TableFormat = 'xlsx' | 'csv' | 'docx';

export function tableFormatOf(fileName: string, bytes: Uint8Array): TableFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'docx' || ext === 'docm') return 'docx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? undefined : 'csv';
}

const cellText = (slots: ReturnType<typeof gridRows>['rows'][number]) =>
  slots.map((slot) => (slot.cell ? slot.cell.paragraphs.flatMap((p) => p.lines).join(' ') : ''));

/** A Word table as rows of cells; a vertically merged cell repeats the text of the cell it continues. */
function docTable(t: DocTable): Table {
  const { rows } = gridRows(t);
  const out: Table['rows'] = [];
  rows.forEach((slots, r) => {
    const texts = cellText(slots);
    out.push({
      number: r + 1,
      cells: slots.map((slot, i) => {
        const continued = slot.cell?.vMerge === 'continue';
        return { text: continued ? out[r - 1]?.cells[i]?.text ?? '' : texts[i], origin: slot.origin && !continued };
      }),
    });
  });
  return { rows: out };
}

/** The first table of the document with a results header, and the paragraphs above it. */
function docxResultsTable(blocks: DocBlock[]): Table | undefined {
  const before: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'p') before.push(block.lines.join(' '));
    else {
      const table = docTable(block);
      if (hasResultsHeader(table)) return { ...table, before };
    }
  }
  return undefined;
}

export function readResultsTable(bytes: Uint8Array, fileName: string): { table: Table } | { error: string } {
  const format = tableFormatOf(fileName, bytes);
  if (format === 'xlsx') {
    const read = readXlsxTable(bytes);
    return 'error' in read ? read : { table: read.table };
  }
  if (format === 'csv') {
    const read = readCsv(decodeText(bytes));
    if (read.unclosedQuoteLine) return { error: `Dòng ${read.unclosedQuoteLine}: dấu nháy kép (") mở mà không đóng; tệp CSV bị cắt hoặc hỏng.` };
    return { table: read.table };
  }
  if (format === 'docx') {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { error: 'Tệp không phải tài liệu Word .docx (không phải tệp nén ZIP).' };
    let zip: OfficePackage;
    try {
      zip = openOfficePackage(bytes, MAX_DOCUMENT_XML_BYTES, decodeText);
    } catch (err) {
      if (!isDamagedArchive(err)) throw err;
      return { error: `Tệp .docx bị hỏng, không giải nén được: ${err.message}` };
    }
    try {
      const read = documentBlocks(zip);
      if ('error' in read) return read;
      const table = docxResultsTable(read.blocks);
      return table ? { table } : { error: 'Tài liệu không có bảng kết quả (cần các cột "Tiêu chí", "Điểm tối đa" và "Điểm thẩm định" hoặc "Điểm đạt được").' };
    } catch (err) {
      if (err instanceof PartTooLarge) return { error: `Phần ${err.path} của tệp quá lớn khi giải nén (${err.size} byte).` };
      throw err;
    }
  }
  return { error: 'Định dạng không hỗ trợ: chỉ .xlsx, .csv hoặc .docx.' };
}

/** Bytes of a results table → the results file data and the rows that could not be mapped. */
export function importResults(bytes: Uint8Array, fileName: string, options: TableImportOptions = {}): TableImportResult {
  const read = readResultsTable(bytes, fileName);
  if ('error' in read) return { problems: [{ row: 0, message: read.error }], found: {} };
  return importResultsTable(read.table, options);
}
