// A results table (from .xlsx, .csv or .docx) → the results of one index year. Pure and never throws:
// every row that cannot be mapped is reported with its row number, nothing is dropped silently.
//
// Columns are mapped by their headers as offices word them ("Điểm tối đa", "Điểm tự đánh giá",
// "Điểm thẩm định", "Điểm đạt được", "Kết quả", "Ghi chú"), folded without accents; a two-row header
// with merged cells ("Kết quả" over "Tự đánh giá" | "Thẩm định") is read as one. The code is taken from
// its own column, from the STT column, or from the start of the name cell ("2.4. Chất lượng ...").
// Area rows (I..VIII) carry subtotals; a "Tổng" row is the total. Numbers come as numbers or as text,
// with a decimal comma ("2,75") or point.

import { AREA_NUMERALS } from '../engine/model';
import { compareCodes, isWellFormedCode } from '../engine/data/catalog';
import { fold } from '../engine/data/text-fold';
import type { ResultsArea, ResultsEntry, ResultsFile } from '../engine/data/results';

export interface TableCell {
  text: string;
  /** The value when the source stored a number (a spreadsheet cell). */
  number?: number;
  /** False for the slots a merged cell covers beyond its first one (they repeat its text). */
  origin: boolean;
}

export interface TableRow {
  /** The row number the user sees (spreadsheet row, CSV record, Word table row). */
  number: number;
  cells: TableCell[];
}

export interface Table {
  rows: TableRow[];
  /** Text above the table (a Word document's title paragraphs), where the year and issuer may be named. */
  before?: string[];
}

export interface TableProblem {
  /** Row of the table; 0 for the table as a whole. */
  row: number;
  message: string;
}

export interface TableImportOptions {
  issuer?: string;
  year?: number;
  source?: string;
  /** A catalog import needs no year: without one the results get year 0 and no problem is reported. */
  yearOptional?: boolean;
}

export interface TableImportResult {
  /** Undefined when nothing could be read (no header found, no year): see `problems`. */
  file?: ResultsFile;
  problems: TableProblem[];
  /** The index year and issuer as the table names them, for messages. */
  found: { year?: number; issuer?: string };
}

type Role = 'stt' | 'code' | 'name' | 'max' | 'self' | 'appraised' | 'obtained' | 'note';

/** Header words (folded) for each role; the first that matches wins, so "tự đánh giá" is not "kết quả". */
const ROLE_PATTERNS: readonly [Role, RegExp][] = [
  ['self', /tu danh gia|tu cham|tu dg\b/],
  ['appraised', /tham dinh/],
  ['max', /toi da|diem chuan/],
  ['obtained', /dat duoc|diem dat|ket qua|diem so|so diem|^diem$/],
  ['note', /ghi chu|giai trinh|nhan xet/],
  ['stt', /^(?:stt|tt|so tt|so thu tu)\.?$/],
  ['code', /^(?:ma|ma so|ma tieu chi|ma tc|ma tctp|ky hieu)\b/],
  ['name', /tieu chi|linh vuc|noi dung|chi so|ten/],
];

const LABEL: Record<Role, string> = {
  stt: 'STT',
  code: 'mã',
  name: 'tiêu chí',
  max: 'điểm tối đa',
  self: 'điểm tự đánh giá',
  appraised: 'điểm thẩm định',
  obtained: 'điểm đạt được',
  note: 'ghi chú',
};

function roleOf(text: string): Role | null {
  const f = fold(text).replace(/[:.()]+$/g, '').trim();
  if (!f) return null;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(f)) return role;
  return null;
}

interface Header {
  /** Index in `rows` of the header's first row: rows above it are the table's title. */
  start: number;
  /** Index in `rows` of the first row after the header. */
  bodyStart: number;
  columns: Partial<Record<Role, number>>;
}

function rolesOf(texts: string[]): Partial<Record<Role, number>> {
  const columns: Partial<Record<Role, number>> = {};
  texts.forEach((t, i) => {
    const role = roleOf(t);
    if (role && columns[role] === undefined) columns[role] = i;
  });
  return columns;
}

const usable = (c: Partial<Record<Role, number>>) =>
  c.max !== undefined && (c.obtained !== undefined || c.appraised !== undefined) && (c.name !== undefined || c.code !== undefined || c.stt !== undefined);

/** True when the table has a header row a results import can map (to pick the table of a document). */
export function hasResultsHeader(table: Table): boolean {
  return findHeader(table.rows) !== null;
}

function findHeader(rows: TableRow[]): Header | null {
  for (let k = 0; k < Math.min(rows.length, 20); k++) {
    const texts = rows[k].cells.map((c) => c.text);
    const single = rolesOf(texts);
    const next = rows[k + 1];
    // A two-row header has merged cells ("Kết quả" over two columns, "STT" over two rows): each
    // column's words then come from both rows ("Kết quả Điểm thẩm định").
    const merged = next && [...rows[k].cells, ...next.cells].some((c) => !c.origin);
    if (next && merged) {
      const nextTexts = next.cells.map((c) => c.text);
      const combined = rolesOf(texts.map((t, i) => (nextTexts[i] && nextTexts[i] !== t ? `${t} ${nextTexts[i]}` : t)));
      const count = (c: object) => Object.keys(c).length;
      if (usable(combined) && (!usable(single) || count(combined) > count(single))) return { start: k, bodyStart: k + 2, columns: combined };
    }
    if (usable(single)) return { start: k, bodyStart: k + 1, columns: single };
  }
  return null;
}

/** "2,75", "2.75", " 3 ", a spreadsheet number → the number; "" → null; anything else → NaN. */
export function readPoints(cell: TableCell | undefined): number | null {
  if (!cell || !cell.origin) return null;
  if (cell.number !== undefined) return cell.number;
  const t = cell.text.replace(/[\s\u00a0]/g, '');
  if (!t || /^[-–—]$/.test(t)) return null;
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return Number.NaN;
}

const CODE_AT_START = /^(\d+(?:\.\d+){1,2})\.?(?:\s*[-–—:]\s*|\s+|$)/u;
const AREA_AT_START = /^(I|II|III|IV|V|VI|VII|VIII)(?:\s*[.\-–—:]\s*|\s+)(.*)$/u;
const YEAR = /năm\s+(20\d\d)/iu;
// "tỉnh Hà Tĩnh", "TỈNH HÀ TĨNH": capitalised words after the word for province, up to "năm".
const NAME_WORD = '(?!N[ĂA]M\\b|Năm\\b)\\p{Lu}\\p{L}*';
const PROVINCE = new RegExp(`(?:[Tt][ỉi]nh|T[ỈI]NH)\\s+(${NAME_WORD}(?:\\s+${NAME_WORD})*)`, 'u');

function titleCase(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/** The index year and issuer named in the text above the header ("... NĂM 2022 CỦA TỈNH HÀ TĨNH"). */
function titleFacts(lines: string[]): { year?: number; issuer?: string } {
  const text = lines.join(' ').normalize('NFC');
  const year = YEAR.exec(text);
  const province = PROVINCE.exec(text);
  const name = province?.[1];
  return {
    year: year ? Number(year[1]) : undefined,
    issuer: name ? `UBND tỉnh ${name === name.toLocaleUpperCase('vi') ? titleCase(name) : name}` : undefined,
  };
}

const clean = (s: string) => s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
const quote = (s: string) => `«${s}»`;

function isNumberingRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t);
  return filled.length >= 3 && filled.every((t) => /^\(?\d{1,2}\)?$/.test(t) || /^\([A-Z0-9=+\-*/ ]+\)$/i.test(t));
}

export function importResultsTable(table: Table, options: TableImportOptions = {}): TableImportResult {
  const problems: TableProblem[] = [];
  const rows = table.rows;
  const header = findHeader(rows);
  const above = [...(table.before ?? []), ...rows.slice(0, header ? header.start : Math.min(rows.length, 20)).flatMap((r) => r.cells.filter((c) => c.origin).map((c) => c.text))];
  const found = titleFacts(above);
  if (!header) {
    problems.push({ row: 0, message: 'Không tìm thấy dòng tiêu đề của bảng kết quả (cần các cột "Tiêu chí" hoặc "Mã", "Điểm tối đa" và "Điểm thẩm định" hoặc "Điểm đạt được").' });
    return { problems, found };
  }
  const col = header.columns;
  const obtainedCol = col.obtained ?? col.appraised!;
  const year = options.year ?? found.year;
  if (options.year !== undefined && found.year !== undefined && found.year !== options.year) {
    problems.push({ row: 0, message: `Năm trong tiêu đề bảng (${found.year}) khác với năm được chỉ định (${options.year}); dùng ${options.year}.` });
  }
  if (year === undefined && !options.yearOptional) {
    problems.push({ row: 0, message: 'Không xác định được năm của kết quả (không có "năm NNNN" phía trên bảng): hãy chỉ định --year.' });
    return { problems, found };
  }
  const issuer = options.issuer ?? found.issuer;

  const criteria: ResultsEntry[] = [];
  const areas: ResultsArea[] = [];
  const seen = new Map<string, number>();
  const text = (row: TableRow, role: Role) => {
    const i = col[role];
    const cell = i === undefined ? undefined : row.cells[i];
    return cell && cell.origin ? clean(cell.text) : '';
  };
  for (const row of rows.slice(header.bodyStart)) {
    const texts = row.cells.map((c) => (c.origin ? clean(c.text) : ''));
    if (texts.every((t) => !t) || isNumberingRow(texts)) continue;
    const stt = text(row, 'stt');
    let name = text(row, 'name');
    const codeText = text(row, 'code');
    const codeCell = col.code === undefined ? undefined : row.cells[col.code];
    const max = readPoints(row.cells[col.max!]);
    const obtained = readPoints(row.cells[obtainedCol]);
    const self = col.self !== undefined && col.self !== obtainedCol ? readPoints(row.cells[col.self]) : null;
    const note = text(row, 'note');

    // A repeated header (a table continued on the next page).
    if (roleOf(texts[col.max!] ?? '') === 'max') continue;
    if (/^tong\b/.test(fold(stt || name))) continue; // "Tổng cộng", "Tổng điểm": the sum of the areas

    // An area row: a Roman numeral in STT, or at the start of the name.
    const areaName = AREA_AT_START.exec(name);
    const areaNumeral = (AREA_NUMERALS as readonly string[]).includes(stt.replace(/\.$/, '')) ? stt.replace(/\.$/, '') : areaName && !stt ? areaName[1] : undefined;
    if (areaNumeral) {
      const area: ResultsArea = { area: areaNumeral };
      const areaTitle = areaName && !stt ? areaName[2] : name;
      if (areaTitle) area.name = areaTitle;
      if (max !== null && !Number.isNaN(max)) area.max = max;
      if (obtained !== null && !Number.isNaN(obtained)) area.obtained = obtained;
      areas.push(area);
      continue;
    }

    let code: string | undefined;
    if (codeCell?.number !== undefined) code = String(codeCell.number);
    else if (codeText) code = codeText.replace(/\.$/, '');
    else if (isWellFormedCode(stt.replace(/\.$/, ''))) code = stt.replace(/\.$/, '');
    const inName = CODE_AT_START.exec(name);
    if (inName) {
      code ??= inName[1];
      name = name.slice(inName[0].length).trim();
    }
    if (!code || !isWellFormedCode(code)) {
      const shown = texts.filter((t) => t).join(' | ');
      problems.push({ row: row.number, message: `Dòng không có mã tiêu chí dạng "2.4" hay "3.2.2", không đưa vào kết quả: ${quote(shown)}` });
      continue;
    }
    if (seen.has(code)) {
      problems.push({ row: row.number, message: `Mã ${code} đã có ở dòng ${seen.get(code)}; dòng này không đưa vào kết quả.` });
      continue;
    }
    const bad = (value: number | null, role: Role) => {
      if (value === null) problems.push({ row: row.number, message: `${code}: thiếu ${LABEL[role]}; dòng không đưa vào kết quả.` });
      else if (Number.isNaN(value)) {
        const cell = row.cells[role === 'max' ? col.max! : obtainedCol];
        problems.push({ row: row.number, message: `${code}: ${LABEL[role]} ${quote(clean(cell?.text ?? ''))} không phải là số; dòng không đưa vào kết quả.` });
      } else return false;
      return true;
    };
    if (bad(max, 'max') || bad(obtained, col.obtained !== undefined ? 'obtained' : 'appraised')) continue;
    seen.set(code, row.number);
    if (obtained! > max!) problems.push({ row: row.number, message: `${code}: điểm đạt được ${obtained} lớn hơn điểm tối đa ${max} (giữ nguyên như trong bảng).` });
    const entry: ResultsEntry = { code, max: max!, obtained: obtained! };
    if (name) entry.name = name;
    if (self !== null) {
      if (Number.isNaN(self)) problems.push({ row: row.number, message: `${code}: điểm tự đánh giá ${quote(clean(row.cells[col.self!]?.text ?? ''))} không phải là số; bỏ qua ô này.` });
      else entry['self-assessed'] = self;
    }
    if (note) entry.note = note;
    criteria.push(entry);
  }
  if (!criteria.length) problems.push({ row: 0, message: 'Bảng không có dòng tiêu chí nào có mã và điểm.' });
  criteria.sort((a, b) => compareCodes(a.code, b.code));
  const file: ResultsFile = { 'index-year': year ?? 0, criteria };
  if (issuer) file.issuer = issuer;
  if (options.source) file.source = options.source;
  if (areas.length) file.areas = areas;
  problems.sort((a, b) => a.row - b.row);
  return { file: criteria.length ? file : undefined, problems, found };
}
