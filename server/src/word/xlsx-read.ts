// The one SpreadsheetML reader: the first visible worksheet of an .xlsx as rows of cells and its merged
// ranges, enough to read back the follow-up sheets units fill in and the results tables offices keep
// (written by Excel, LibreOffice or anything else that writes .xlsx).
// Shared strings, inline strings (rich text runs joined), formula results, booleans and numbers;
// a number is kept as a number: the caller knows which columns hold dates (Excel serial days).
// Also the file's own "last modified" day from docProps/core.xml, when the writer recorded one.
//
// Pure and tolerant: a broken or foreign file gives an `error`, never an exception.

import { relTargets } from './docx-import';
import { decodeText } from './text-helpers';
import { childElements, firstChild, isElement, parseXml, textContent, type XmlElement } from './xml';
import { PartTooLarge, isDamagedArchive, openOfficePackage, type OfficePackage } from './zip';

/** Largest XML part inflated (a sheet of tens of thousands of rows fits; a zip bomb does not). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export type CellValue = string | number | boolean;

/** A merged range, by the cell references of its corners (row 1-based, column 0-based). */
export interface MergedRange {
  from: { column: number; row: number };
  to: { column: number; row: number };
}

export interface SheetRead {
  /** Row number (1-based) → column index (0-based) → value; empty cells are absent. */
  rows: Map<number, Map<number, CellValue>>;
  merges?: MergedRange[];
  /** The worksheet's name as the workbook lists it. */
  sheetName?: string;
  /** The day docProps/core.xml says the file was last modified (YYYY-MM-DD), when it says. */
  modified?: string;
  error?: string;
}

/** "AB12" → column 27 (0-based), row 12. */
export function cellRef(ref: string): { column: number; row: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(m[2]) };
}

/** ISO day of an Excel serial day number (1900 date system), or undefined when it is not a plausible day. */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The text of a string item (`<si>` or `<is>`): its `<t>`, or its rich-text runs joined; phonetic runs skipped. */
function stringItem(item: XmlElement | undefined): string {
  if (!item) return '';
  const t = firstChild(item, 'x:t');
  if (t) return textContent(t);
  return childElements(item, 'x:r').map((r) => textContent(firstChild(r, 'x:t'))).join('');
}

function part(zip: OfficePackage, path: string): XmlElement | undefined {
  const text = zip.text(path);
  return text === null ? undefined : parseXml(text).root ?? undefined;
}

/** Targets of a relationships part by id, as package paths (relative targets taken from `dir`). */
function relsById(rels: XmlElement | undefined, dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of childElements(rels, 'rel:Relationship')) {
    const target = rel.attrs.Target ?? '';
    out.set(rel.attrs.Id ?? '', target.startsWith('/') ? target.slice(1) : `${dir}${target.replace(/^\.\//, '')}`);
  }
  return out;
}

/** The first visible worksheet and the shared strings, through the package's and workbook's relationships. */
function partPaths(zip: OfficePackage): { sheet?: string; sheetName?: string; strings: string } {
  const workbookPath = relTargets(zip.text('_rels/.rels'), '/officeDocument', '')[0] ?? 'xl/workbook.xml';
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const workbook = part(zip, workbookPath);
  const sheets = childElements(firstChild(workbook, 'x:sheets'), 'x:sheet');
  const sheet = sheets.find((s) => s.attrs.state !== 'hidden' && s.attrs.state !== 'veryHidden') ?? sheets[0];
  const relsText = zip.text(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`);
  const rels = relsText === null ? undefined : parseXml(relsText).root ?? undefined;
  const sheetPath = relsById(rels, dir).get(sheet?.attrs['r:id'] ?? '');
  return {
    sheet: sheetPath ?? (zip.has(`${dir}worksheets/sheet1.xml`) ? `${dir}worksheets/sheet1.xml` : undefined),
    sheetName: sheet?.attrs.name,
    strings: relTargets(relsText, '/sharedStrings', dir)[0] ?? `${dir}sharedStrings.xml`,
  };
}

export function readFirstSheet(bytes: Uint8Array): SheetRead {
  const rows: SheetRead['rows'] = new Map();
  try {
    return readSheet(openOfficePackage(bytes, MAX_PART_BYTES, decodeText), rows);
  } catch (error) {
    if (isDamagedArchive(error)) return { rows, error: `not an .xlsx file (${error.message})` };
    if (error instanceof PartTooLarge) return { rows, error: `${error.path} is too large once uncompressed (${error.size} bytes)` };
    throw error;
  }
}

function readSheet(zip: OfficePackage, rows: SheetRead['rows']): SheetRead {
  const paths = partPaths(zip);
  const sheet = paths.sheet ? part(zip, paths.sheet) : undefined;
  if (!sheet) return { rows, error: 'the workbook has no worksheet' };
  const shared = childElements(part(zip, paths.strings), 'x:si').map(stringItem);
  const data = firstChild(sheet, 'x:sheetData');
  let nextRow = 1;
  for (const row of childElements(data, 'x:row')) {
    const r = Number(row.attrs.r) || nextRow;
    nextRow = r + 1;
    const cells = new Map<number, CellValue>();
    let nextColumn = 0;
    for (const c of childElements(row, 'x:c')) {
      const column = (c.attrs.r ? cellRef(c.attrs.r)?.column : undefined) ?? nextColumn;
      nextColumn = column + 1;
      const v = textContent(firstChild(c, 'x:v'));
      let value: CellValue | undefined;
      switch (c.attrs.t) {
        case 's':
          value = shared[Number(v)];
          break;
        case 'inlineStr':
          value = stringItem(firstChild(c, 'x:is'));
          break;
        case 'str':
        case 'e':
          value = v;
          break;
        case 'b':
          value = v === '1';
          break;
        default:
          value = v === '' ? undefined : Number(v);
          if (typeof value === 'number' && !Number.isFinite(value)) value = v;
      }
      if (value !== undefined && value !== '') cells.set(column, value);
    }
    if (cells.size) rows.set(r, cells);
  }
  const merges: MergedRange[] = [];
  for (const m of childElements(firstChild(sheet, 'x:mergeCells'), 'x:mergeCell')) {
    const [from, to] = (m.attrs.ref ?? '').split(':').map((ref) => cellRef(ref ?? ''));
    if (from && to) merges.push({ from, to });
  }
  const core = part(zip, 'docProps/core.xml');
  const modifiedEl = core?.children.find((n): n is XmlElement => isElement(n) && /(^|:)modified$/.test(n.name));
  const modified = /^\d{4}-\d{2}-\d{2}/.exec(textContent(modifiedEl))?.[0];
  return { rows, merges, sheetName: paths.sheetName, modified };
}
