// Import of a PAR plan appendix from the plain-text form of a Word table.
//
// Input shape (what Word's "save as text" / copy of a table gives):
//   - header lines first (ỦY BAN NHÂN DÂN / TỈNH ..., national motto, PHỤ LỤC I, the title in capitals,
//     "(Kèm theo Kế hoạch số ...)");
//   - then the table: every cell starts with a TAB at the start of a line; a cell may go on over several
//     lines (continuation lines have no leading TAB, and may even be blank); rows are usually separated
//     by a blank line, but blank lines also occur inside cells, so rows are cut by counting cells (6 per row).
//   - columns: STT | criterion ("code - name (finding)") | task | lead units | support units | deadline.
//
// The row clean-up and row -> plan logic (`tidyRow`, `isColumnNumbers`, `mapTableRows`, `fillPlanInfo`,
// `parseHeader`) is shared with the .docx import (docx-import.ts), which builds the same rows of cells
// from WordprocessingML.
//
// The function is pure (no fs, no clock) and never throws; whatever it cannot map goes to `problems`
// with its 1-based line number and its text, so nothing is dropped silently.
//
// Rules (also documented in the report that came with this file):
//   - Text is NFC-normalised; runs of spaces / TABs / NBSP are collapsed and each line is trimmed.
//   - Text cells (criterion, task, section title): lines are kept as separate paragraphs ("\n"),
//     except that a line starting with a lowercase letter continues the previous line (joined by a space),
//     unless it starts with a list marker ("a) ", "đ. ", "ii) ").
//     Blank lines inside a cell are dropped.
//   - Unit cells (lead, support) and the deadline cell: all lines are joined with one space (so a name
//     broken across lines, "Sở Kế hoạch và\n Đầu tư", becomes one name); lead/support are then split on
//     ";" only. An empty cell stays empty: lead: [], support: [], deadline: "".
//   - Criterion cell: one or more "code - text" segments separated by ";" (a new segment starts only where
//     ";" is followed by a code and a dash). In each segment the written name runs up to the first line
//     break, the first top-level "(" that opens a group of three words or more (or is never closed), or
//     the first ": " - searched after the official name when the segment starts with it, so parentheses
//     or colons inside an official name do not cut it. The rest is the finding; exactly one pair of
//     parentheses is removed when it encloses the whole finding.
//   - `name` is written only when a written name is not simply the official name: for an item without
//     a code, or when some segment's written name differs (case and spacing aside) from the official name
//     of its code, or no official name is known for the code. Then `name` holds all written names joined
//     with "; ".

import { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Catalog } from '../engine/data/catalog';
import { AREA_NUMERALS } from '../engine/model';
import { catalogNames } from './catalog-names';

export interface ImportProblem {
  /** 1-based line number in the input text. */
  line: number;
  message: string;
}

export interface ImportedTask {
  task: string;
  lead: string[];
  support: string[];
  deadline: string;
  /** Only from a table with a "Sản phẩm" column (the .docx import). */
  product?: string;
  /** Only from a table with a "Ghi chú" column (the .docx import). */
  note?: string;
}

export interface ImportedItem {
  criteria: string[];
  name?: string;
  finding?: string;
  tasks: ImportedTask[];
}

export interface ImportedSection {
  area: string;
  title?: string;
  items: ImportedItem[];
}

export interface ImportedPlanInfo {
  title?: string;
  issuer?: string;
  year?: number;
  'index-year'?: number;
  document?: string;
  appendix?: string;
}

export interface ImportedPlan {
  plan: ImportedPlanInfo;
  sections: ImportedSection[];
}

export interface ImportOptions {
  /** Issuer to use instead of the one read from the header (e.g. "UBND tỉnh Hà Tĩnh"). */
  issuer?: string;
  /** Plan year to use instead of the one read from the title. */
  year?: number;
  /** Name of the source shown in the YAML header comment. */
  source?: string;
  /** Catalog whose official criterion names decide when `name` is written (default: the bundled one). */
  catalog?: Catalog;
  /** Official name of a criterion code; overrides `catalog`. */
  officialName?: (code: string) => string | undefined;
}

/** The official criterion names an import compares written names with. */
export function officialNameOf(options: ImportOptions): (code: string) => string | undefined {
  return options.officialName ?? catalogNames(options.catalog).criterion;
}

export interface ImportResult {
  yaml: string;
  plan: ImportedPlan;
  problems: ImportProblem[];
}

const GAP_COMMENT = ' Ô trống trong bản gốc';

const COLUMNS = 6;

/** "I" .. "VIII": the numerals of the areas, as the engine knows them. */
export function isAreaNumeral(s: string): boolean {
  return (AREA_NUMERALS as readonly string[]).includes(s);
}

const COLUMN_LABELS = ['STT', 'tiêu chí', 'nhiệm vụ/giải pháp', 'đơn vị chủ trì', 'đơn vị phối hợp', 'thời hạn', 'sản phẩm', 'ghi chú'];
const HEADING_PATTERNS: RegExp[] = [
  /^STT\.?$/i,
  /tiêu chí/i,
  /nhiệm vụ|giải pháp/i,
  /chủ trì/i,
  /phối hợp/i,
  /thời hạn|thời gian/i,
];

// ---------------------------------------------------------------------------------------------------
// Text helpers

/** Text of a .txt file (or an XML part): UTF-8, or UTF-16 with a byte-order mark (Word's "Unicode text"). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

const SPACE_RUN = /[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g;

/** Collapses whitespace runs (TAB, NBSP, ...) to one space and trims. */
export function normalizeSpace(s: string): string {
  return s.replace(SPACE_RUN, ' ').trim();
}

function lowerVi(s: string): string {
  return s.toLocaleLowerCase('vi');
}

function sameName(a: string, b: string): boolean {
  const k = (s: string) => lowerVi(normalizeSpace(s)).replace(/[\s.;:,]+$/u, '');
  return k(a) === k(b);
}

export function quote(s: string): string {
  return `«${s}»`;
}

function capitalizeFirst(s: string): string {
  return s.length ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s;
}

function titleCaseWords(s: string): string {
  return lowerVi(s)
    .split(' ')
    .map((w) => capitalizeFirst(w))
    .join(' ');
}

const LETTER_BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_BOUNDARY_AFTER = '(?![\\p{L}\\p{N}])';

/** Fixed spellings restored after sentence-casing a title written in capitals. */
const TITLE_SPELLINGS: string[] = [
  'Chỉ số PAR Index',
  'Chỉ số CCHC',
  'PAR Index',
  'PAR',
  'CCHC',
  'UBND',
  'HĐND',
  'SIPAS',
  'PAPI',
  'PCI',
  'TTHC',
  'KT-XH',
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceWord(text: string, lowerForm: string, spelled: string): string {
  const re = new RegExp(LETTER_BOUNDARY_BEFORE + escapeRegExp(lowerForm) + LETTER_BOUNDARY_AFTER, 'gu');
  return text.replace(re, spelled);
}

/** "NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN CHỈ SỐ PAR INDEX NĂM 2023" -> "Nhiệm vụ, giải pháp thực hiện Chỉ số PAR Index năm 2023". */
function sentenceCaseTitle(upper: string, placeName?: string): string {
  let t = capitalizeFirst(lowerVi(normalizeSpace(upper)));
  for (const spelled of TITLE_SPELLINGS) {
    t = replaceWord(t, lowerVi(spelled), spelled);
  }
  if (placeName) t = replaceWord(t, lowerVi(placeName), placeName);
  return capitalizeFirst(t);
}

function isUpperCaseLine(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  return s === s.toLocaleUpperCase('vi') && /\p{Lu}/u.test(s);
}

/** Index of the ")" matching the "(" at `open`, or -1. */
export function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Removes one pair of parentheses when it encloses the whole text. */
function stripEnclosingParens(s: string): string {
  const t = s.trim();
  if (t.startsWith('(') && matchingParen(t, 0) === t.length - 1) return t.slice(1, -1).trim();
  return t;
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => w.length > 0).length;
}

/** Where the written name ends, searching from `from`: see the rules at the top of the file. */
function nameBoundary(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\n' && depth === 0) return i;
    if (c === '(') {
      if (depth === 0) {
        const close = matchingParen(s, i);
        if (close < 0 || wordCount(s.slice(i + 1, close)) >= 3) return i;
      }
      depth++;
    } else if (c === ')') {
      if (depth > 0) depth--;
    } else if (c === ':' && depth === 0 && (i + 1 === s.length || /\s/.test(s[i + 1]))) {
      return i;
    }
  }
  return -1;
}

export interface CriterionParts {
  criteria: string[];
  /** Written names, one per segment (a codeless cell has one segment). */
  writtenNames: string[];
  name?: string;
  finding?: string;
}

const CODE_AT_START = /^(\d+(?:\.\d+){1,2})\s*(?:[-–—]|:|\.(?=\s))\s*/u;
const CODE_AFTER_SEMICOLON = /;\s*(\d+(?:\.\d+){1,2})\s*[-–—]\s*/gu;

function splitNameFinding(s: string, official: string | undefined): { name: string; finding?: string } {
  const text = s.trim();
  let from = 0;
  if (official) {
    const off = normalizeSpace(official);
    if (lowerVi(text).startsWith(lowerVi(off))) from = off.length;
  }
  const cut = nameBoundary(text, from);
  if (cut < 0) return { name: text };
  const name = text.slice(0, cut).trim();
  let rest = text.slice(cut).trim();
  if (rest.startsWith(':')) rest = rest.slice(1).trim();
  const finding = stripEnclosingParens(rest);
  return finding ? { name, finding } : { name };
}

/** Splits a criterion cell ("5.2.3 - name; 5.2.4 - name (finding)") into codes, name and finding. */
export function parseCriterionCell(
  cell: string,
  officialName: (code: string) => string | undefined = catalogNames().criterion,
): CriterionParts {
  const text = cell.trim();
  const first = CODE_AT_START.exec(text);
  if (!first) {
    if (!text) return { criteria: [], writtenNames: [] };
    const { name, finding } = splitNameFinding(text, undefined);
    const out: CriterionParts = { criteria: [], writtenNames: [name] };
    if (name) out.name = name;
    if (finding) out.finding = finding;
    return out;
  }
  // Segment starts: [codeStart, bodyStart, code]
  const segs: { start: number; body: number; code: string }[] = [{ start: 0, body: first[0].length, code: first[1] }];
  CODE_AFTER_SEMICOLON.lastIndex = first[0].length;
  for (let m = CODE_AFTER_SEMICOLON.exec(text); m; m = CODE_AFTER_SEMICOLON.exec(text)) {
    segs.push({ start: m.index, body: m.index + m[0].length, code: m[1] });
  }
  const criteria: string[] = [];
  const writtenNames: string[] = [];
  const findings: string[] = [];
  let differs = false;
  segs.forEach((seg, i) => {
    const end = i + 1 < segs.length ? segs[i + 1].start : text.length;
    const body = text.slice(seg.body, end).replace(/[;\s]+$/u, '');
    const official = officialName(seg.code);
    const { name, finding } = splitNameFinding(body, official);
    criteria.push(seg.code);
    writtenNames.push(name);
    if (finding) findings.push(finding);
    if (name && (!official || !sameName(name, official))) differs = true;
  });
  const out: CriterionParts = { criteria, writtenNames };
  if (differs) out.name = writtenNames.filter((n) => n).join('; ');
  if (findings.length) out.finding = findings.join('\n');
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Table tokenising

/** One line of a cell's text, with where it came from (a line of the text form, a row of a .docx table). */
export interface Fragment {
  line: number;
  text: string; // normalised, non-empty
}

export interface Cell {
  line: number;
  fragments: Fragment[];
}

/**
 * One table row in the standard column order: 0 STT, 1 criterion, 2 task, 3 lead, 4 support,
 * 5 deadline, and optionally 6 product, 7 note (only the .docx import fills those).
 */
export interface Row {
  line: number;
  cells: Cell[];
}

const CELL_START = /^[ \u00a0]*\t/;

export function addFragments(cell: Cell, raw: string, line: number): void {
  for (const part of raw.split(/[\u000b\u2028\u2029]/)) {
    const t = normalizeSpace(part);
    if (t) cell.fragments.push({ line, text: t });
  }
}

/** "a) ", "đ. ", "iv) ": a line of a list, not the rest of the line above. */
const LIST_MARKER = /^(?:\p{Ll}|[ivx]{1,4})[.)]\s/u;

/** Paragraph join for text cells: "\n" between lines, a space before a line starting in lowercase. */
export function textOf(cell: Cell | undefined): string {
  if (!cell) return '';
  let out = '';
  for (const f of cell.fragments) {
    if (!out) out = f.text;
    else if (/^\p{Ll}/u.test(f.text) && !LIST_MARKER.test(f.text)) out += ' ' + f.text;
    else out += '\n' + f.text;
  }
  return out;
}

/** One-line join for unit and deadline cells. */
export function flatOf(cell: Cell | undefined): string {
  if (!cell) return '';
  return cell.fragments.map((f) => f.text).join(' ');
}

export function unitsOf(cell: Cell | undefined): string[] {
  return flatOf(cell)
    .split(';')
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
}

function looksLikeStt(t: string): boolean {
  return /^\d{1,2}\.?$/.test(t) || isAreaNumeral(t.replace(/\.$/, ''));
}

function tokenize(lines: string[], start: number, problems: ImportProblem[]): Row[] {
  const rows: Row[] = [];
  let row: Cell[] = [];
  let current: Cell | null = null;
  let blankSinceCell = false;
  const flush = () => {
    if (row.length) rows.push({ line: row[0].line, cells: row });
    row = [];
  };
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i];
    const m = CELL_START.exec(raw);
    if (m) {
      const content = raw.slice(m[0].length);
      if (row.length >= COLUMNS) flush();
      else if (row.length >= 2 && blankSinceCell && looksLikeStt(normalizeSpace(content))) {
        // A short row: a blank line, then what looks like the STT of a new row. Reported when mapped.
        flush();
      }
      current = { line: i + 1, fragments: [] };
      addFragments(current, content, i + 1);
      row.push(current);
      blankSinceCell = false;
    } else if (!normalizeSpace(raw)) {
      blankSinceCell = true;
    } else if (current) {
      addFragments(current, raw, i + 1);
    } else {
      problems.push({ line: i + 1, message: `Dòng nằm ngoài ô bảng, không xếp được vào cột nào: ${quote(normalizeSpace(raw))}` });
    }
  }
  flush();
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Header (lines before the table)

export interface HeaderInfo {
  title?: string;
  issuer?: string;
  placeName?: string;
  document?: string;
  documentHadBlanks?: boolean;
  appendix?: string;
  /** 1-based lines each field was read from (the .docx import uses them to keep the original case). */
  titleLines?: number[];
  issuerLines?: number[];
  appendixLine?: number;
  documentLine?: number;
}

export const MOTTO = [/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu, /^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu, /^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$/iu];
const UBND_LINE = /^(?:ỦY|UỶ|UBND)(?: BAN NHÂN DÂN)?(?:\s+(TỈNH|THÀNH PHỐ)\s+(.+))?$/iu;
const PROVINCE_LINE = /^(TỈNH|THÀNH PHỐ)\s+(.+)$/iu;

function issuerFrom(kind: string, place: string): { issuer: string; placeName: string } {
  const placeName = titleCaseWords(normalizeSpace(place));
  return { issuer: `UBND ${lowerVi(kind)} ${placeName}`, placeName };
}

export function parseHeader(lines: string[], end: number, problems: ImportProblem[]): HeaderInfo {
  const info: HeaderInfo = {};
  const titleParts: string[] = [];
  const nonEmpty: { line: number; raw: string; text: string }[] = [];
  for (let i = 0; i < end; i++) {
    const text = normalizeSpace(lines[i]);
    if (text) nonEmpty.push({ line: i + 1, raw: lines[i], text });
  }
  /** Sets a header field once; a second, different value is reported instead of overwriting the first. */
  const setOnce = <K extends 'issuer' | 'appendix' | 'document'>(key: K, value: string, line: number, shown: string, extra?: Partial<HeaderInfo>) => {
    const had = info[key];
    if (had === undefined) {
      info[key] = value as HeaderInfo[K];
      Object.assign(info, extra);
    } else if (had !== value) {
      problems.push({ line, message: `Dòng đầu văn bản lặp lại thông tin đã có (${quote(String(had))}), không dùng: ${quote(shown)}` });
    }
  };
  for (let k = 0; k < nonEmpty.length; k++) {
    const { line, raw, text } = nonEmpty[k];
    if (MOTTO.some((re) => re.test(text))) continue;
    const ubnd = UBND_LINE.exec(text);
    if (ubnd && /BAN NHÂN DÂN|^UBND/iu.test(text) && isUpperCaseLine(text)) {
      if (ubnd[1]) {
        const { issuer, placeName } = issuerFrom(ubnd[1], ubnd[2]);
        setOnce('issuer', issuer, line, text, { placeName, issuerLines: [line] });
        continue;
      }
      const next = nonEmpty[k + 1];
      const prov = next ? PROVINCE_LINE.exec(next.text) : null;
      if (next && prov && isUpperCaseLine(next.text)) {
        const { issuer, placeName } = issuerFrom(prov[1], prov[2]);
        setOnce('issuer', issuer, line, `${text} ${next.text}`, { placeName, issuerLines: [line, next.line] });
        k++;
      } else {
        problems.push({ line, message: `Không tìm thấy tên tỉnh sau dòng ${quote(text)}; chưa xác định được cơ quan ban hành.` });
      }
      continue;
    }
    const appendix = /^PHỤ LỤC\b\s*(.*)$/iu.exec(text);
    if (appendix) {
      const rest = normalizeSpace(appendix[1]).replace(/[.:]$/, '');
      setOnce('appendix', rest ? `Phụ lục ${rest}` : 'Phụ lục', line, text, { appendixLine: line });
      continue;
    }
    if (/^\(\s*kèm theo\b/iu.test(text)) {
      let doc = text;
      let rawDoc = raw;
      while (!doc.endsWith(')') && k + 1 < nonEmpty.length && !isUpperCaseLine(nonEmpty[k + 1].text)) {
        k++;
        doc += ' ' + nonEmpty[k].text;
        rawDoc += ' ' + nonEmpty[k].raw;
      }
      let inner = doc.replace(/^\(\s*/, '');
      if (inner.endsWith(')')) inner = inner.slice(0, -1);
      else problems.push({ line, message: `Dòng "Kèm theo ..." không có dấu ")" đóng: ${quote(doc)}` });
      inner = inner.replace(/^kèm theo\s*/iu, '').trim();
      if (inner) setOnce('document', inner, line, doc, { documentHadBlanks: /[ \u00a0]{3,}/.test(rawDoc), documentLine: line });
      else problems.push({ line, message: `Dòng "Kèm theo" không ghi văn bản nào: ${quote(doc)}` });
      continue;
    }
    if (isUpperCaseLine(text)) {
      titleParts.push(text);
      (info.titleLines ??= []).push(line);
      continue;
    }
    problems.push({ line, message: `Dòng đầu văn bản không nhận dạng được (không phải tiêu đề, phụ lục, cơ quan ban hành): ${quote(text)}` });
  }
  if (titleParts.length) {
    info.title = sentenceCaseTitle(titleParts.join(' '), info.placeName);
  }
  return info;
}

export function yearIn(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const all = [...s.matchAll(/năm\s+((?:19|20)\d{2})(?!\d)/giu)];
  if (all.length) return Number(all[all.length - 1][1]);
  return undefined;
}

export function yearInDocument(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /\/((?:19|20)\d{2})(?!\d)/.exec(s) ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(s);
  return m ? Number(m[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Row clean-up (both importers, before the mapping)

const CRITERION_PREFIX = /^(?:tiêu chí thành phần|tiêu chí|TCTP|TC)\s+(?=\d+\.\d)/iu;
const SECTION_IN_ONE_CELL = new RegExp(`^(${AREA_NUMERALS.join('|')})\\s*[.\\-–—:)]\\s*(\\S[\\s\\S]*)$`, 'u');
const CODE_LIST = /\d+(?:\.\d+){1,2}/g;

/** "(1) (2) (3) ..." or "1 2 3 ..." under the heading (the texts of a row's cells): column numbers, not content. */
export function isColumnNumbers(cellTexts: string[]): boolean {
  const texts = cellTexts.filter((t) => t);
  if (texts.length < 3) return false;
  if (!texts.every((t) => /^\(?\d{1,2}\)?$/.test(t))) return false;
  const nums = texts.map((t) => Number(t.replace(/[()]/g, '')));
  return nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

function setText(cell: Cell, text: string): void {
  cell.fragments = text ? [{ line: cell.line, text }] : [];
}

/**
 * How appendices are written, brought to the standard row: "I. Chỉ đạo ..." in one cell becomes the
 * section row "I | Chỉ đạo ..."; "Tiêu chí 1.1 - ..." becomes "1.1 - ..."; the codes of a separate code
 * column (`codeFragments`, .docx only) go in front of the criterion text.
 */
export function tidyRow(cells: Cell[], rowLine: number, problems: ImportProblem[], codeFragments: Fragment[] = []): void {
  // A cut row of the text form may lack the criterion cell that the clean-up writes to.
  cells[1] ??= { line: rowLine, fragments: [] };
  // A section row whose title cell starts in the code column.
  if (/^[IVXLC]+\.?$/.test(flatOf(cells[0])) && !cells[1].fragments.length && codeFragments.length) {
    cells[1].fragments = codeFragments;
    codeFragments = [];
  }
  const stt = flatOf(cells[0]);
  const crit = textOf(cells[1]);
  const taskCols = cells.slice(2).some((c) => c.fragments.length);
  // "I. Chỉ đạo điều hành" written in one cell (STT or criterion column)
  const oneCell = SECTION_IN_ONE_CELL.exec(stt) ?? (!stt && !taskCols ? SECTION_IN_ONE_CELL.exec(crit) : null);
  if (oneCell && !crit !== !stt && !taskCols && codeFragments.length === 0) {
    setText(cells[0], oneCell[1]);
    setText(cells[1], normalizeSpace(oneCell[2]));
  } else {
    // "Tiêu chí 1.1 - ..." -> "1.1 - ..."
    const first = cells[1].fragments[0];
    if (first && CRITERION_PREFIX.test(first.text)) first.text = first.text.replace(CRITERION_PREFIX, '');
    if (codeFragments.length) mergeCodeColumn(cells, codeFragments, rowLine, problems);
  }
}

/** The code column's codes go in front of the criterion text ("5.2.3 - ; 5.2.4 - name (finding)"). */
function mergeCodeColumn(cells: Cell[], codeFragments: Fragment[], rowNo: number, problems: ImportProblem[]): void {
  const codeText = codeFragments.map((f) => f.text).join(' ');
  const codes: string[] = codeText.match(CODE_LIST) ?? [];
  const critCell = cells[1];
  const crit = textOf(critCell);
  if (!codes.length) {
    problems.push({ line: rowNo, message: `Ô mã tiêu chí không có mã dạng "1.1" hay "3.2.2": ${quote(codeText)}; nội dung được đưa vào trước tên tiêu chí.` });
    critCell.fragments = [...codeFragments, ...critCell.fragments];
    return;
  }
  if (CODE_AT_START.test(crit)) {
    const inText: string[] = crit.match(CODE_LIST) ?? [];
    if (codes.some((c) => !inText.includes(c))) {
      problems.push({ line: rowNo, message: `Mã ở cột mã tiêu chí (${codes.join(', ')}) khác mã trong ô tiêu chí (${quote(crit)}); dùng mã trong ô tiêu chí.` });
    }
    return;
  }
  const prefix = codes.map((c, i) => (i < codes.length - 1 ? `${c} - ;` : `${c} - `)).join(' ');
  const first = critCell.fragments[0];
  if (first) first.text = `${prefix}${first.text}`;
  else critCell.fragments = [{ line: rowNo, text: prefix.trim() }];
}

// ---------------------------------------------------------------------------------------------------
// Rows -> plan (shared with the .docx import)

/** The texts of a row's cells from column `from` on, labelled, for a problem message. */
function describeCells(cells: Cell[], from = 0): string {
  return cells
    .map((c, i) => ({ i, t: textOf(c) }))
    .filter((x) => x.i >= from && x.t)
    .map((x) => `${COLUMN_LABELS[x.i] ?? `cột ${x.i + 1}`}: ${quote(x.t)}`)
    .join('; ');
}

function taskFromRow(cells: Cell[], rowLine: number, problems: ImportProblem[]): ImportedTask | null {
  const task = textOf(cells[2]);
  const lead = unitsOf(cells[3]);
  const support = unitsOf(cells[4]);
  const deadline = flatOf(cells[5]);
  const product = textOf(cells[6]);
  const note = textOf(cells[7]);
  if (!task && !lead.length && !support.length && !deadline && !product && !note) return null;
  if (!task) {
    problems.push({ line: cells[2]?.line ?? rowLine, message: 'Ô nhiệm vụ/giải pháp trống nhưng dòng có đơn vị hoặc thời hạn; nhiệm vụ được giữ với nội dung rỗng.' });
  }
  const out: ImportedTask = { task, lead, support, deadline };
  if (product) out.product = product;
  if (note) out.note = note;
  return out;
}

function itemFromCriterion(text: string, officialName: (code: string) => string | undefined): ImportedItem {
  const parts = parseCriterionCell(text, officialName);
  const item: ImportedItem = { criteria: parts.criteria, tasks: [] };
  if (parts.name) item.name = parts.name;
  if (parts.finding) item.finding = parts.finding;
  return item;
}

export interface RowMapOptions {
  officialName: (code: string) => string | undefined;
}

/**
 * Section rows (Roman numeral in STT), item rows (a number and a criterion cell) and continuation rows
 * (empty STT and criterion: one more task of the item above) -> sections. Problems go to `problems`
 * with the line (text form) or row (.docx) of the cell at fault; nothing is dropped without one.
 */
export function mapTableRows(rows: Row[], problems: ImportProblem[], options: RowMapOptions): ImportedSection[] {
  const sections: ImportedSection[] = [];
  const { officialName } = options;
  let section: ImportedSection | null = null;
  let item: ImportedItem | null = null;
  let lastNumber = 0; // last item number (STT) seen in the current section
  for (const row of rows) {
    const cells = row.cells;
    const stt = flatOf(cells[0]);
    const crit = textOf(cells[1]);
    const area = stt.replace(/\.$/, '');

    if (/^[IVXLC]+$/.test(area)) {
      // Section row.
      if (!isAreaNumeral(area)) {
        problems.push({ line: cells[0]?.line ?? row.line, message: `Số La Mã ${quote(area)} không phải lĩnh vực I..VIII.` });
      }
      section = { area, items: [] };
      if (crit) section.title = crit;
      sections.push(section);
      item = null;
      lastNumber = 0;
      const extra = cells.slice(2).filter((c) => textOf(c));
      if (extra.length) {
        problems.push({ line: extra[0].line, message: `Dòng tiêu đề phần ${area} có nội dung ở các cột khác, không đưa vào kế hoạch: ${describeCells(cells, 2)}` });
      }
      continue;
    }

    const isContinuation = stt === '' && crit === '';
    if (isContinuation) {
      const task = taskFromRow(cells, row.line, problems);
      if (!task) continue; // an empty row holds no text
      if (!section) {
        problems.push({ line: row.line, message: `Dòng nhiệm vụ nằm trước phần I..VIII đầu tiên, không đưa vào kế hoạch: ${describeCells(cells)}` });
        continue;
      }
      if (!item) {
        problems.push({ line: row.line, message: `Dòng nhiệm vụ tiếp nối (không có STT và tiêu chí) nhưng phần ${section.area} chưa có mục nào; tạo mục không có mã tiêu chí.` });
        item = { criteria: [], tasks: [] };
        section.items.push(item);
      }
      item.tasks.push(task);
      continue;
    }

    // Item row.
    if (stt && !/^\d+\.?$/.test(stt)) {
      problems.push({ line: cells[0]?.line ?? row.line, message: `Ô STT ${quote(stt)} không phải số thứ tự hay số La Mã; dòng được coi là một mục.` });
    }
    if (!section) {
      problems.push({ line: row.line, message: `Dòng mục nằm trước phần I..VIII đầu tiên, không đưa vào kế hoạch: ${describeCells(cells)}` });
      item = null;
      continue;
    }
    item = itemFromCriterion(crit, officialName);
    if (/^\d+\.?$/.test(stt)) {
      // The YAML keeps items in order but not their numbers: a number out of sequence is reported.
      const n = Number(stt.replace(/\.$/, ''));
      if (n !== lastNumber + 1) {
        problems.push({ line: cells[0]?.line ?? row.line, message: `STT ${quote(stt)} của phần ${section.area} không liền sau STT ${lastNumber} (mục được giữ theo thứ tự dòng).` });
      }
      lastNumber = n;
      if (!crit) problems.push({ line: cells[0]?.line ?? row.line, message: `Mục số ${stt} của phần ${section.area} không có nội dung tiêu chí.` });
      else if (!item.criteria.length) problems.push({ line: cells[1]?.line ?? row.line, message: `Mục số ${stt} của phần ${section.area} không có mã tiêu chí (dạng "1.1 - tên"): ${quote(crit)}` });
    }
    const task = taskFromRow(cells, row.line, problems);
    if (task) item.tasks.push(task);
    section.items.push(item);
  }
  return sections;
}

export interface PlanInfoSources {
  /** Where a document-level problem is reported (line 1 of the text form, row 0 of a .docx). */
  docLine: number;
  /** What the header did not name: how the author recognises the issuer lines. */
  issuerHint?: string;
  /** A year to use when neither the title nor the document gives one (e.g. the task column heading). */
  fallbackYear?: number;
}

/** The plan header from the lines above the table, with the options' overrides; gaps are reported. */
export function fillPlanInfo(info: ImportedPlanInfo, headerInfo: HeaderInfo, options: ImportOptions, problems: ImportProblem[], sources: PlanInfoSources): void {
  const line = sources.docLine;
  if (headerInfo.title) info.title = headerInfo.title;
  else problems.push({ line, message: 'Không tìm thấy tiêu đề kế hoạch (dòng chữ in hoa trước bảng).' });

  const headerIssuer = headerInfo.issuer;
  if (options.issuer) {
    info.issuer = options.issuer;
    if (headerIssuer && headerIssuer !== options.issuer) {
      problems.push({ line, message: `Cơ quan ban hành trong văn bản (${quote(headerIssuer)}) khác với giá trị được chỉ định (${quote(options.issuer)}).` });
    }
  } else if (headerIssuer) info.issuer = headerIssuer;
  else problems.push({ line, message: `Không tìm thấy cơ quan ban hành (${sources.issuerHint ?? 'dòng "ỦY BAN NHÂN DÂN / TỈNH ..."'}).` });

  const textYear = yearIn(headerInfo.title) ?? yearInDocument(headerInfo.document) ?? sources.fallbackYear;
  if (options.year !== undefined) {
    info.year = options.year;
    if (textYear !== undefined && textYear !== options.year) {
      problems.push({ line, message: `Năm kế hoạch trong văn bản (${textYear}) khác với giá trị được chỉ định (${options.year}).` });
    }
  } else if (textYear !== undefined) info.year = textYear;
  else problems.push({ line, message: 'Không xác định được năm kế hoạch (không có "năm NNNN" trong tiêu đề).' });

  if (headerInfo.document) info.document = headerInfo.document;
  if (headerInfo.appendix) info.appendix = headerInfo.appendix;
}

export function importPlanText(text: string, options: ImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const plan: ImportedPlan = { plan: {}, sections: [] };
  let headerInfo: HeaderInfo = {};
  try {
    const input = String(text ?? '').replace(/^\uFEFF/, '').normalize('NFC');
    const lines = input.split(/\r\n|\r|\n/);
    const officialName = officialNameOf(options);

    // Where the table starts: the "STT" heading row, else the first section row.
    let tableStart = lines.findIndex((l) => CELL_START.test(l) && /^STT\.?$/i.test(normalizeSpace(l)));
    let hasHeadingRow = tableStart >= 0;
    if (!hasHeadingRow) {
      tableStart = lines.findIndex((l) => CELL_START.test(l) && isAreaNumeral(normalizeSpace(l).replace(/\.$/, '')));
    }
    if (tableStart < 0) tableStart = lines.length;

    headerInfo = parseHeader(lines, tableStart, problems);
    const rows = tableStart < lines.length ? tokenize(lines, tableStart, problems) : [];

    const info = plan.plan;
    // The task column heading ("Nhiệm vụ/giải pháp thực hiện năm 2023") names the plan year too.
    const fallbackYear = hasHeadingRow && rows.length ? yearIn(textOf(rows[0].cells[2])) : undefined;
    fillPlanInfo(info, headerInfo, options, problems, { docLine: 1, fallbackYear });

    if (!rows.length) {
      problems.push({ line: Math.min(tableStart + 1, Math.max(lines.length, 1)), message: 'Không tìm thấy bảng nhiệm vụ (các ô bắt đầu bằng ký tự TAB, dòng phần I..VIII).' });
    }

    let r = 0;
    if (hasHeadingRow && rows.length) {
      const heading = rows[0];
      r = 1;
      heading.cells.forEach((cell, i) => {
        const t = textOf(cell);
        if (!HEADING_PATTERNS[i]?.test(t)) {
          problems.push({ line: cell.line, message: `Ô tiêu đề cột ${i + 1} không như mong đợi (${COLUMN_LABELS[i] ?? '?'}): ${quote(t)}` });
        }
      });
      if (heading.cells.length < COLUMNS) {
        problems.push({ line: heading.line, message: `Dòng tiêu đề cột chỉ có ${heading.cells.length}/${COLUMNS} ô.` });
      }
      const indexYear = yearIn(textOf(heading.cells[1]));
      if (indexYear !== undefined) info['index-year'] = indexYear;
    }

    const body: Row[] = [];
    for (const row of rows.slice(r)) {
      if (isColumnNumbers(row.cells.map(flatOf))) continue;
      // Rows are cut by counting cells, so a short row is reported (before the clean-up may add a cell).
      if (row.cells.length < COLUMNS) {
        problems.push({ line: row.line, message: `Dòng bảng chỉ có ${row.cells.length}/${COLUMNS} ô (bảng bị cắt hoặc thiếu ô); các ô còn thiếu được coi là trống.` });
      }
      tidyRow(row.cells, row.line, problems);
      body.push(row);
    }
    plan.sections.push(...mapTableRows(body, problems, { officialName }));
  } catch (err) {
    problems.push({ line: 1, message: `Lỗi nội bộ khi nhập văn bản: ${err instanceof Error ? err.message : String(err)}` });
  }

  let yaml = '';
  try {
    yaml = planToYaml(plan, { source: options.source, documentHadBlanks: headerInfo.documentHadBlanks });
  } catch (err) {
    problems.push({ line: 1, message: `Lỗi nội bộ khi ghi YAML: ${err instanceof Error ? err.message : String(err)}` });
  }
  problems.sort((a, b) => a.line - b.line);
  return { yaml, plan, problems };
}

// ---------------------------------------------------------------------------------------------------
// YAML output

function textNode(s: string): Scalar {
  const n = new Scalar(s);
  if (s.includes('\n')) n.type = Scalar.BLOCK_LITERAL;
  return n;
}

function unitsNode(units: string[]): YAMLSeq {
  const seq = new YAMLSeq();
  if (!units.length) {
    seq.flow = true;
    seq.comment = GAP_COMMENT;
  }
  for (const u of units) seq.items.push(textNode(u));
  return seq;
}

export interface YamlOptions {
  source?: string;
  documentHadBlanks?: boolean;
}

export function planToYaml(plan: ImportedPlan, opts: YamlOptions = {}): string {
  const doc = new Document();
  const source = opts.source ?? 'văn bản bảng Word (dạng text)';
  doc.commentBefore = [
    ` Nhập từ ${source} bằng par-plan (lệnh par-plan import).`,
    ' Nội dung giữ nguyên văn bản gốc (chỉ chuẩn hóa khoảng trắng và Unicode NFC); ô trống của bản gốc được giữ trống.',
  ].join('\n');

  const root = new YAMLMap();
  const info = new YAMLMap();
  const p = plan.plan;
  if (p.title !== undefined) info.set('title', textNode(p.title));
  if (p.issuer !== undefined) info.set('issuer', textNode(p.issuer));
  if (p.year !== undefined) info.set('year', new Scalar(p.year));
  if (p['index-year'] !== undefined) info.set('index-year', new Scalar(p['index-year']));
  if (p.document !== undefined) {
    const d = textNode(p.document);
    if (opts.documentHadBlanks) d.comment = ' Số, ngày của văn bản để trống trong bản gốc';
    info.set('document', d);
  }
  if (p.appendix !== undefined) info.set('appendix', textNode(p.appendix));
  root.set('plan', info);

  const sections = new YAMLSeq();
  for (const s of plan.sections) {
    const sm = new YAMLMap();
    sm.set('area', new Scalar(s.area));
    if (s.title !== undefined) sm.set('title', textNode(s.title));
    const items = new YAMLSeq();
    for (const it of s.items) {
      const im = new YAMLMap();
      const codes = new YAMLSeq();
      codes.flow = true;
      for (const c of it.criteria) {
        const n = new Scalar(c);
        n.type = Scalar.QUOTE_DOUBLE;
        codes.items.push(n);
      }
      if (!it.criteria.length) codes.comment = ' Bản gốc không ghi mã tiêu chí cho mục này';
      im.set('criteria', codes);
      if (it.name !== undefined) im.set('name', textNode(it.name));
      if (it.finding !== undefined) im.set('finding', textNode(it.finding));
      const tasks = new YAMLSeq();
      for (const t of it.tasks) {
        const tm = new YAMLMap();
        tm.set('task', textNode(t.task));
        tm.set('lead', unitsNode(t.lead));
        tm.set('support', unitsNode(t.support));
        const d = textNode(t.deadline);
        if (!t.deadline) {
          d.type = Scalar.QUOTE_DOUBLE;
          d.comment = GAP_COMMENT;
        }
        tm.set('deadline', d);
        if (t.product !== undefined) tm.set('product', textNode(t.product));
        if (t.note !== undefined) tm.set('note', textNode(t.note));
        tasks.items.push(tm);
      }
      im.set('tasks', tasks);
      items.items.push(im);
    }
    sm.set('items', items);
    sections.items.push(sm);
  }
  root.set('sections', sections);
  doc.contents = root;
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
}
