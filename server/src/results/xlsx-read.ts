// A results table from an .xlsx: the first visible worksheet, read by the one SpreadsheetML reader
// (word/xlsx-read.ts), as a Table. A merged cell's text is repeated in every slot it covers (marked
// `origin: false`), so a two-row header reads "Kết quả" above both "Tự đánh giá" and "Thẩm định".

import { readFirstSheet, type CellValue } from '../word/xlsx-read';
import type { Table, TableCell } from './table';

export const MAX_XLSX_BYTES = 100 * 1024 * 1024;
/** Cells beyond this column or row are not read (a stray cell at XFD1048576 must not allocate a grid). */
const MAX_COLUMNS = 200;
const MAX_ROWS = 100_000;

export type XlsxRead = { table: Table; sheet: string } | { error: string };

function cellOf(value: CellValue): TableCell {
  return typeof value === 'number' ? { text: String(value), number: value, origin: true } : { text: String(value), origin: true };
}

export function readXlsxTable(bytes: Uint8Array): XlsxRead {
  if (bytes.length > MAX_XLSX_BYTES) return { error: `Tệp quá lớn (${bytes.length} byte, tối đa ${MAX_XLSX_BYTES}).` };
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    return { error: 'Tệp không phải bảng tính Excel .xlsx (không phải tệp nén ZIP của Office Open XML); tệp .xls cũ hãy lưu lại dưới dạng .xlsx.' };
  }
  const sheet = readFirstSheet(bytes);
  if (sheet.error) return { error: `Không đọc được bảng tính .xlsx: ${sheet.error}.` };
  const grid = new Map<number, Map<number, TableCell>>();
  let width = 0;
  const put = (column: number, row: number, cell: TableCell) => {
    if (column >= MAX_COLUMNS || row > MAX_ROWS) return;
    let line = grid.get(row);
    if (!line) grid.set(row, (line = new Map()));
    line.set(column, cell);
    width = Math.max(width, column + 1);
  };
  for (const [row, cells] of sheet.rows) for (const [column, value] of cells) put(column, row, cellOf(value));
  for (const { from, to } of sheet.merges ?? []) {
    const text = grid.get(from.row)?.get(from.column)?.text ?? '';
    for (let row = from.row; row <= Math.min(to.row, MAX_ROWS); row++) {
      for (let column = from.column; column <= Math.min(to.column, MAX_COLUMNS - 1); column++) {
        if (row !== from.row || column !== from.column) put(column, row, { text, origin: false });
      }
    }
  }
  const rows = [...grid.keys()].sort((a, b) => a - b).map((number) => {
    const line = grid.get(number)!;
    const cells: TableCell[] = [];
    for (let column = 0; column < width; column++) cells.push(line.get(column) ?? { text: '', origin: true });
    return { number, cells };
  });
  return { table: { rows }, sheet: sheet.sheetName ?? '' };
}
