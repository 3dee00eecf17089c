// The SpreadsheetML subset a results table needs: the first worksheet's cells (shared strings, inline
// strings, numbers, formula results) and its merged cells, read with word/zip.ts and the XML reader.
// A merged cell's text is repeated in every slot it covers (marked `origin: false`), so a two-row header
// reads "Kết quả" above both "Tự đánh giá" and "Thẩm định".

import { relTargets } from '../word/docx-import';
import { decodeText } from '../word/text-helpers';
import { PartTooLarge, isDamagedArchive, openOfficePackage, type OfficePackage } from '../word/zip';
import { childElements, firstChild, parseXml, textContent, type XmlElement } from '../word/xml';
import type { Table, TableCell } from './table';

export const MAX_XLSX_BYTES = 100 * 1024 * 1024;
/** Largest XML part read (uncompressed), against zip bombs. */
const MAX_XML_PART_BYTES = 64 * 1024 * 1024;
/** Cells beyond this column or row are not read (a stray cell at XFD1048576 must not allocate a grid). */
const MAX_COLUMNS = 200;
const MAX_ROWS = 100_000;

export type XlsxRead = { table: Table; sheet: string } | { error: string };

/** "C12" → [column 2, row 11] (zero-based). */
function cellRef(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [col - 1, Number(m[2]) - 1];
}

/** The text of a shared or inline string item: its t, or its rich-text runs' t (not phonetic runs). */
function stringItem(si: XmlElement): string {
  const t = firstChild(si, 'x:t');
  if (t) return textContent(t);
  return childElements(si, 'x:r').map((r) => textContent(firstChild(r, 'x:t'))).join('');
}

export function readXlsxTable(bytes: Uint8Array): XlsxRead {
  if (bytes.length > MAX_XLSX_BYTES) return { error: `Tệp quá lớn (${bytes.length} byte, tối đa ${MAX_XLSX_BYTES}).` };
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    return { error: 'Tệp không phải bảng tính Excel .xlsx (không phải tệp nén ZIP của Office Open XML); tệp .xls cũ hãy lưu lại dưới dạng .xlsx.' };
  }
  let zip: OfficePackage;
  try {
    zip = openOfficePackage(bytes, MAX_XML_PART_BYTES, decodeText);
  } catch (err) {
    if (!isDamagedArchive(err)) throw err;
    return { error: `Tệp .xlsx bị hỏng, không giải nén được: ${err.message}` };
  }
  try {
    const workbookPath = relTargets(zip.text('_rels/.rels'), '/officeDocument', '')[0] ?? 'xl/workbook.xml';
    const workbookXml = zip.text(workbookPath);
    if (workbookXml === null) return { error: 'Tệp nén không có xl/workbook.xml: không phải bảng tính .xlsx.' };
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
    const rels = zip.text(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`);
    const workbook = parseXml(workbookXml).root;
    const sheets = childElements(firstChild(firstChild(workbook ?? undefined, 'x:workbook') ?? workbook ?? undefined, 'x:sheets'), 'x:sheet');
    const first = sheets.find((s) => s.attrs.state !== 'hidden' && s.attrs.state !== 'veryHidden') ?? sheets[0];
    if (!first) return { error: 'Bảng tính không có trang (sheet) nào.' };
    const target = relsById(rels, dir).get(first.attrs['r:id'] ?? '');
    const sheetXml = target ? zip.text(target) : null;
    if (sheetXml === null) return { error: `Không đọc được trang "${first.attrs.name ?? '?'}" của bảng tính.` };
    const sharedPath = relTargets(rels, '/sharedStrings', dir)[0];
    const sharedXml = sharedPath ? zip.text(sharedPath) : null;
    const sharedRoot = sharedXml ? parseXml(sharedXml).root : null;
    const shared = childElements(sharedRoot?.name === 'x:sst' ? sharedRoot : firstChild(sharedRoot ?? undefined, 'x:sst'), 'x:si').map(stringItem);
    const parsed = parseXml(sheetXml);
    const root = parsed.root?.name === 'x:worksheet' ? parsed.root : firstChild(parsed.root ?? undefined, 'x:worksheet');
    if (!root) return { error: `Trang "${first.attrs.name ?? '?'}" không đọc được (XML hỏng${parsed.error ? `: ${parsed.error}` : ''}).` };
    return { table: sheetTable(root, shared), sheet: first.attrs.name ?? '' };
  } catch (err) {
    if (err instanceof PartTooLarge) return { error: `Phần ${err.path} của tệp quá lớn khi giải nén (${err.size} byte).` };
    throw err;
  }
}

function relsById(relsXml: string | null, dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const root = relsXml ? parseXml(relsXml).root : null;
  const list = root?.name === '#document' ? childElements(root)[0] : root;
  for (const rel of childElements(list ?? undefined)) {
    const target = rel.attrs.Target ?? '';
    out.set(rel.attrs.Id ?? '', target.startsWith('/') ? target.slice(1) : `${dir}${target}`);
  }
  return out;
}

function sheetTable(worksheet: XmlElement, shared: string[]): Table {
  const grid = new Map<number, Map<number, TableCell>>();
  let width = 0;
  const put = (col: number, row: number, cell: TableCell) => {
    if (col >= MAX_COLUMNS || row >= MAX_ROWS) return;
    let line = grid.get(row);
    if (!line) grid.set(row, (line = new Map()));
    line.set(col, cell);
    width = Math.max(width, col + 1);
  };
  let rowIndex = -1;
  for (const row of childElements(firstChild(worksheet, 'x:sheetData'), 'x:row')) {
    rowIndex = row.attrs.r ? Number(row.attrs.r) - 1 : rowIndex + 1;
    let colIndex = -1;
    for (const c of childElements(row, 'x:c')) {
      const ref = c.attrs.r ? cellRef(c.attrs.r) : null;
      colIndex = ref ? ref[0] : colIndex + 1;
      const type = c.attrs.t ?? 'n';
      const v = textContent(firstChild(c, 'x:v'));
      let cell: TableCell;
      if (type === 's') cell = { text: shared[Number(v)] ?? '', origin: true };
      else if (type === 'inlineStr') cell = { text: stringItem(firstChild(c, 'x:is') ?? c), origin: true };
      else if (type === 'n' && v.trim() !== '' && Number.isFinite(Number(v))) cell = { text: v, number: Number(v), origin: true };
      else cell = { text: v, origin: true };
      put(colIndex, ref ? ref[1] : rowIndex, cell);
    }
  }
  for (const m of childElements(firstChild(worksheet, 'x:mergeCells'), 'x:mergeCell')) {
    const [from, to] = (m.attrs.ref ?? '').split(':');
    const a = from ? cellRef(from) : null;
    const b = to ? cellRef(to) : null;
    if (!a || !b) continue;
    const origin = grid.get(a[1])?.get(a[0]);
    const text = origin?.text ?? '';
    for (let r = a[1]; r <= Math.min(b[1], MAX_ROWS - 1); r++) {
      for (let col = a[0]; col <= Math.min(b[0], MAX_COLUMNS - 1); col++) if (r !== a[1] || col !== a[0]) put(col, r, { text, origin: false });
    }
  }
  const rows = [...grid.keys()].sort((x, y) => x - y).map((r) => {
    const line = grid.get(r)!;
    const cells: TableCell[] = [];
    for (let col = 0; col < width; col++) cells.push(line.get(col) ?? { text: '', origin: true });
    return { number: r + 1, cells };
  });
  return { rows };
}
