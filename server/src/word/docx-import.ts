// Import of a PAR plan appendix from a Word document (.docx): bytes in, plan YAML out.
//
// Reads word/document.xml (zip.ts) with our own small XML reader (xml.ts, docx-read.ts), finds the
// appendix table by its header row, maps its columns by their header words (folded without accents,
// with synonyms), turns every table row into the standard row of cells used by the text import, and
// hands those rows to the shared row -> plan logic of text-import.ts (`mapTableRows`). The lines above
// the table (issuer, national motto, "PHỤ LỤC", title, "(Kèm theo ...)") go through the same header
// parser as the text form.
//
// Pure (no fs) and never throws: whatever cannot be read or mapped is reported in `problems` with the
// 1-based row of the appendix table (row 1 is the header row; rows of a table continued after a page
// break keep counting), or row 0 for the document as a whole and the text outside the table.

import { PartTooLarge, isDamagedArchive, openOfficePackage, type OfficePackage } from './zip';
import { fold } from '../engine/data/text-fold';
import { BodyReader, gridRows, readNumbering, type DocBlock, type DocCell, type DocParagraph, type DocTable, type GridSlot } from './docx-read';
import { addFragments, flatOf, textOf, type Cell, type Fragment, type Row } from './table-cells';
import { decodeText, normalizeSpace, quote } from './text-helpers';
import { fillPlanInfo, isColumnNumbers, mapTableRows, tidyRow } from './table-rows';
import { isAreaNumeral, officialNameOf, type ImportedPlan, type ImportOptions, type ImportProblem } from './imported-plan';
import { MOTTO, parseHeader, yearIn, type HeaderInfo } from './appendix-header';
import { planToYaml } from './plan-yaml';
import { parseXml, type XmlElement } from './xml';

export interface DocxImportProblem {
  /** 1-based row of the appendix table; 0 for the document as a whole or text outside the table. */
  row: number;
  message: string;
}

export type DocxImportOptions = ImportOptions;

export interface DocxImportResult {
  yaml: string;
  plan: ImportedPlan;
  problems: DocxImportProblem[];
  /** Nothing could be imported: not a .docx, no document part, no appendix table. */
  fatal: boolean;
}

/** Largest document part read (uncompressed), against zip bombs. */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;
/** Largest .docx accepted. */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------
// Columns

export type ColumnRole = 'stt' | 'code' | 'criterion' | 'task' | 'lead' | 'support' | 'deadline' | 'product' | 'note';

/** Header words (folded: lowercase, no accents, đ -> d) for each column; the first pattern that matches wins. */
const COLUMN_SYNONYMS: readonly [ColumnRole, RegExp][] = [
  ['stt', /^(?:stt|s\.tt|tt|so tt|so thu tu)\.?$/],
  ['code', /^(?:ma|ma so|ma tc|ma tctp|ma tieu chi(?: thanh phan)?|ma chi so|so hieu(?: tieu chi)?)\b/],
  ['criterion', /^tieu chi\b/],
  ['support', /phoi hop/],
  ['lead', /chu tri|(?:don vi|co quan) (?:thuc hien|chiu trach nhiem|dau moi)|^(?:don vi|co quan)$/],
  ['deadline', /thoi han|thoi gian|tien do|han hoan thanh|moc thoi gian/],
  ['product', /san pham|ket qua dau ra/],
  ['note', /ghi chu/],
  ['task', /nhiem vu|giai phap|noi dung cong viec|noi dung thuc hien|hoat dong|cong viec/],
  ['criterion', /tieu chi|chi so|noi dung|linh vuc/],
];

/** Position of each role in the standard row of cells (text-import.ts `Row`). */
const ROLE_INDEX: Partial<Record<ColumnRole, number>> = { stt: 0, criterion: 1, task: 2, lead: 3, support: 4, deadline: 5, product: 6, note: 7 };
const ROW_CELLS = 8;

const ROLE_LABEL: Record<ColumnRole, string> = {
  stt: 'STT',
  code: 'mã tiêu chí',
  criterion: 'tiêu chí',
  task: 'nhiệm vụ/giải pháp',
  lead: 'đơn vị chủ trì',
  support: 'đơn vị phối hợp',
  deadline: 'thời hạn',
  product: 'sản phẩm',
  note: 'ghi chú',
};

export function roleOfHeader(text: string): ColumnRole | null {
  const f = fold(text.normalize('NFC')).replace(/[:.]+$/, '');
  if (!f) return null;
  for (const [role, re] of COLUMN_SYNONYMS) if (re.test(f)) return role;
  return null;
}

interface HeaderMap {
  /** Row index of the header's first row (rows above it hold title lines written inside the table). */
  start: number;
  /** Rows of the table up to the end of the header (start + 1 or 2). */
  rowCount: number;
  roles: (ColumnRole | null)[];
  texts: string[];
  /** Folded texts of each header row, to recognise a header repeated on a later page. */
  signatures: string[];
}

function rolesOf(texts: string[]): { roles: (ColumnRole | null)[]; score: number; duplicates: number } {
  const seen = new Set<ColumnRole>();
  let duplicates = 0;
  const roles = texts.map((t) => {
    const role = roleOfHeader(t);
    if (!role) return null;
    if (seen.has(role)) {
      duplicates++;
      return null;
    }
    seen.add(role);
    return role;
  });
  return { roles, score: seen.size, duplicates };
}

function usable(roles: (ColumnRole | null)[], score: number): boolean {
  return roles.includes('task') && (roles.includes('criterion') || roles.includes('code')) && score >= 3;
}

function cellPlainText(cell: DocCell | null): string {
  if (!cell) return '';
  return normalizeSpace(cell.paragraphs.flatMap((p) => p.lines).join(' ').normalize('NFC'));
}

/** Header text of each grid column of a row: a spanned cell's text counts for every column it covers. */
function headerTexts(slots: GridSlot[]): string[] {
  return slots.map((s) => (s.cell && s.cell.vMerge !== 'continue' ? cellPlainText(s.cell) : ''));
}

function signatureOf(slots: GridSlot[]): string {
  return slots.map((s) => (s.origin ? fold(cellPlainText(s.cell)) : '')).join('|');
}

/** Finds the header row(s) among the first rows of a table. */
function findHeader(grid: GridSlot[][]): HeaderMap | null {
  for (let k = 0; k < Math.min(grid.length, 6); k++) {
    const texts = headerTexts(grid[k]);
    const single = rolesOf(texts);
    let best: HeaderMap | null = usable(single.roles, single.score)
      ? { start: k, rowCount: 1, roles: single.roles, texts, signatures: [signatureOf(grid[k])] }
      : null;
    const next = grid[k + 1];
    const merged = grid[k].some((s) => s.cell && (s.cell.span > 1 || s.cell.vMerge === 'restart'));
    if (next && merged && !looksLikeBodyRow(next)) {
      const nextTexts = headerTexts(next);
      const combinedTexts = texts.map((t, i) => normalizeSpace(`${t} ${nextTexts[i] && nextTexts[i] !== t ? nextTexts[i] : ''}`));
      const combined = rolesOf(combinedTexts);
      if (usable(combined.roles, combined.score) && (!best || combined.score > single.score || (single.duplicates > 0 && combined.duplicates < single.duplicates))) {
        best = { start: k, rowCount: 2, roles: combined.roles, texts: combinedTexts, signatures: [signatureOf(grid[k]), signatureOf(next)] };
      }
    }
    if (best) return { ...best, rowCount: best.rowCount + k };
  }
  return null;
}

function looksLikeBodyRow(slots: GridSlot[]): boolean {
  const first = slots.find((s) => s.origin && cellPlainText(s.cell));
  const t = first ? cellPlainText(first.cell).replace(/\.$/, '') : '';
  if (isAreaNumeral(t)) return true;
  return /^\d{1,3}$/.test(t) && slots.filter((s) => s.origin && cellPlainText(s.cell)).length >= 3 && !isNumberingRow(slots);
}

/** "(1) (2) (3) ..." or "1 2 3 ..." under the header: column numbers, not content. */
function isNumberingRow(slots: GridSlot[]): boolean {
  return isColumnNumbers(slots.filter((s) => s.origin).map((s) => cellPlainText(s.cell)));
}

/** A table without a recognisable header whose rows look like the appendix (Roman numeral rows). */
function looksLikeAppendix(grid: GridSlot[][], width: number): boolean {
  if (width < 4) return false;
  return grid.some((slots) => {
    const first = slots.find((s) => s.origin && cellPlainText(s.cell));
    return first !== undefined && isAreaNumeral(cellPlainText(first.cell).replace(/\.$/, ''));
  });
}

const STANDARD_ROLES: ColumnRole[] = ['stt', 'criterion', 'task', 'lead', 'support', 'deadline'];

// ---------------------------------------------------------------------------------------------------
// Reading the package

export function relTargets(relsXml: string | null, typeSuffix: string, baseDir: string): string[] {
  if (!relsXml) return [];
  const { root } = parseXml(relsXml);
  const out: string[] = [];
  for (const rel of root?.children ?? []) {
    if (typeof rel === 'string' || !/Relationship$/.test(rel.name)) continue;
    if (!(rel.attrs.Type ?? '').endsWith(typeSuffix) || rel.attrs.TargetMode === 'External') continue;
    const target = rel.attrs.Target ?? '';
    out.push(resolvePartPath(baseDir, target));
  }
  return out;
}

function resolvePartPath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

// ---------------------------------------------------------------------------------------------------
// The table -> rows of cells

interface TableRun {
  table: DocTable;
  /** The table's rows as grid columns (`gridRows`), computed once. */
  grid: GridSlot[][];
  /** Row number of the table's first row in the merged numbering. */
  firstRow: number;
}

interface BuiltRows {
  rows: Row[];
  problems: ImportProblem[];
}

function fragmentsOf(cell: DocCell, row: number): Fragment[] {
  const c: Cell = { line: row, fragments: [] };
  for (const p of cell.paragraphs) for (const line of p.lines) addFragments(c, line.normalize('NFC'), row);
  return c.fragments;
}

function emptyCells(row: number): Cell[] {
  return Array.from({ length: ROW_CELLS }, () => ({ line: row, fragments: [] as Fragment[] }));
}

/** Rows with no content of their own: the header, repeated on a later page or by a continuation table, and column numbers. */
function isHeaderLikeRow(run: TableRun, runIndex: number, r: number, header: HeaderMap): boolean {
  if (runIndex === 0 && r < header.rowCount) return true; // the header itself
  const signature = signatureOf(run.grid[r]);
  if (header.signatures.includes(signature) && signature.replace(/\|/g, '')) return true; // header repeated on a later page
  if (run.table.rows[r]?.isHeader && r < 3 && runIndex > 0) return true; // a continuation table's own header rows
  return isNumberingRow(run.grid[r]);
}

function buildRows(runs: TableRun[], header: HeaderMap, width: number): BuiltRows {
  const rows: Row[] = [];
  const problems: ImportProblem[] = [];
  const roles = header.roles;
  const lastResolved: Fragment[][] = Array.from({ length: width }, () => []);

  runs.forEach((run, runIndex) => {
    let firstBody = true; // the first row of the run that is not header-like
    run.grid.forEach((slots, r) => {
      const rowNo = run.firstRow + r;
      if (isHeaderLikeRow(run, runIndex, r, header)) return;

      const cells = emptyCells(rowNo);
      let codeFragments: Fragment[] = [];
      const unknown: string[] = [];
      for (let col = 0; col < width; col++) {
        const slot = slots[col];
        let frags: Fragment[] = [];
        if (slot?.cell && slot.origin) {
          const role = roles[col];
          if (slot.cell.vMerge === 'continue') {
            // A vertically merged cell: the cell above. For STT / criterion / code that means "same item".
            frags = role === 'stt' || role === 'criterion' || role === 'code' ? [] : lastResolved[col].map((f) => ({ line: rowNo, text: f.text }));
          } else frags = fragmentsOf(slot.cell, rowNo);
        }
        lastResolved[col] = frags;
        const role = roles[col] ?? null;
        if (!frags.length) continue;
        if (role === null) {
          const label = header.texts[col] ? quote(header.texts[col]) : 'không có tiêu đề';
          unknown.push(`cột ${col + 1} (${label}): ${quote(frags.map((f) => f.text).join('\n'))}`);
        } else if (role === 'code') codeFragments = frags;
        else cells[ROLE_INDEX[role]!].fragments = frags;
      }
      if (unknown.length) {
        problems.push({ line: rowNo, message: `Nội dung ở cột không thuộc định dạng kế hoạch, không đưa vào kế hoạch: ${unknown.join('; ')}` });
      }
      tidyRow(cells, rowNo, problems, codeFragments);

      // A row cut by a table break (page break between two tables): its rest continues the row above.
      const isFirstBody = firstBody;
      firstBody = false;
      if (runIndex > 0 && isFirstBody && rows.length) {
        const prev = rows[rows.length - 1];
        const task = cells[2].fragments[0]?.text ?? '';
        if (!flatOf(cells[0]) && !textOf(cells[1]) && (/^\p{Ll}/u.test(task) || !task) && cells.some((c) => c.fragments.length)) {
          cells.forEach((c, i) => prev.cells[i].fragments.push(...c.fragments));
          problems.push({ line: rowNo, message: 'Dòng đầu của bảng tiếp theo (sau ngắt trang) được nối vào dòng trước: nội dung bắt đầu bằng chữ thường, không có STT và tiêu chí.' });
          return;
        }
      }
      rows.push({ line: rowNo, cells });
    });
  });
  return { rows, problems };
}

// ---------------------------------------------------------------------------------------------------
// Text above the table

interface HeaderLine {
  raw: string;
  caps: boolean;
}

const PLACE_DATE = /^[\p{L} .'-]{2,40},\s*ngày\b.*\btháng\b.*\bnăm\s+((?:19|20)\d{2})\b/iu;

function linesOf(paragraphs: DocParagraph[]): HeaderLine[] {
  return paragraphs.flatMap((p) => p.lines.map((raw) => ({ raw: raw.normalize('NFC'), caps: p.caps })));
}

function forRecognition(l: HeaderLine): string {
  return l.caps ? l.raw.toLocaleUpperCase('vi') : l.raw;
}

interface HeaderRead {
  info: HeaderInfo;
  placeDateYear?: number;
}

const isMotto = (t: string) => MOTTO.some((re) => re.test(normalizeSpace(t)));

/**
 * The two-column header typed with TABs instead of a table: "ỦY BAN NHÂN DÂN<TAB>CỘNG HÒA ...",
 * "TỈNH HÀ TĨNH<TAB>Độc lập - Tự do - Hạnh phúc". Such consecutive lines are read as the left column
 * (issuer) then the right one (motto).
 */
function untangleColumns(lines: HeaderLine[]): HeaderLine[] {
  const out: HeaderLine[] = [];
  let left: HeaderLine[] = [];
  let right: HeaderLine[] = [];
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const l of lines) {
    const parts = l.raw.split(/\t+/).map((p) => p.trim());
    const mottoAt = parts.findIndex((p, i) => i > 0 && isMotto(forRecognition({ ...l, raw: p })));
    if (mottoAt > 0) {
      const first = parts.slice(0, mottoAt).filter((p) => p).join(' ');
      if (first) left.push({ ...l, raw: first });
      right.push({ ...l, raw: parts.slice(mottoAt).filter((p) => p).join(' ') });
    } else {
      flush();
      out.push(l);
    }
  }
  flush();
  return out;
}

/** The header lines above the table; problems are about the document as a whole (row 0). */
function readHeader(blocks: DocBlock[], out: DocxImportProblem[]): HeaderRead {
  const problems: ImportProblem[] = [];
  const read = readHeaderLines(blocks, problems);
  for (const p of problems) out.push({ row: 0, message: p.message });
  return read;
}

/** Lines with no letter or digit ("-----", "___") are decoration under the issuer or the motto. */
const hasContent = (l: HeaderLine) => /[\p{L}\p{N}]/u.test(l.raw);

function readHeaderLines(blocks: DocBlock[], problems: ImportProblem[]): HeaderRead {
  let issuerBlock: HeaderLine[] | null = null;
  const general: HeaderLine[] = [];
  let placeDateYear: number | undefined;
  for (const b of blocks) {
    if (b.kind === 'p') {
      general.push(...linesOf([b]));
      continue;
    }
    // A table above the appendix: the two-column header (issuer | national motto), or something else.
    const cells = b.rows.flatMap((r) => r.cells);
    const isMottoCell = (c: DocCell) => linesOf(c.paragraphs).some((l) => MOTTO.some((re) => re.test(normalizeSpace(forRecognition(l)))));
    const motto = cells.find(isMottoCell);
    if (motto && !issuerBlock) {
      const others = cells.filter((c) => c !== motto);
      issuerBlock = linesOf(others.slice(0, 1).flatMap((c) => c.paragraphs));
      general.push(...linesOf(others.slice(1).flatMap((c) => c.paragraphs)));
      general.push(...linesOf(motto.paragraphs));
    } else general.push(...linesOf(cells.flatMap((c) => c.paragraphs)));
  }
  // A "Hà Tĩnh, ngày ... tháng ... năm 2023" line is boilerplate; its year is a fallback.
  const kept = untangleColumns(general).filter(hasContent).filter((l) => {
    const m = PLACE_DATE.exec(normalizeSpace(l.raw));
    if (m) placeDateYear ??= Number(m[1]);
    return !m;
  });
  const lines = kept.map(forRecognition);
  const info = parseHeader(lines, lines.length, problems);
  // Text formatted in capitals (w:caps) keeps its own case: the exporter writes titles that way.
  const original = (line: number) => normalizeSpace(kept[line - 1]?.raw ?? '');
  if (info.titleLines?.length && info.titleLines.every((n) => kept[n - 1]?.caps)) {
    info.title = normalizeSpace(info.titleLines.map(original).join(' '));
  }
  if (info.appendixLine && kept[info.appendixLine - 1]?.caps) {
    const a = original(info.appendixLine).replace(/[.:]$/, '');
    if (/^phụ lục\b/iu.test(a)) info.appendix = a;
  }
  if (issuerBlock) {
    const issuerLines = issuerBlock.filter(hasContent);
    const own: ImportProblem[] = [];
    const fromBlock = parseHeader(issuerLines.map(forRecognition), issuerLines.length, own);
    let issuer = fromBlock.issuer;
    if (!issuer && issuerLines.length) {
      issuer = normalizeSpace(issuerLines.map((l) => l.raw).join(' '));
      own.length = 0;
    } else if (issuer && fromBlock.titleLines?.length) {
      for (const n of fromBlock.titleLines) own.push({ line: n, message: `Dòng trong ô cơ quan ban hành không được dùng: ${quote(normalizeSpace(issuerLines[n - 1].raw))}` });
    }
    problems.push(...own);
    if (issuer) {
      if (info.issuer && info.issuer !== issuer) {
        problems.push({ line: 0, message: `Cơ quan ban hành ghi hai lần khác nhau: ${quote(issuer)} và ${quote(info.issuer)}; dùng ${quote(issuer)}.` });
      }
      info.issuer = issuer;
    }
  }
  return { info, placeDateYear };
}

// ---------------------------------------------------------------------------------------------------
// Entry point

function emptyResult(problems: DocxImportProblem[], fatal: boolean, options: DocxImportOptions): DocxImportResult {
  const plan: ImportedPlan = { plan: {}, sections: [] };
  let yaml = '';
  try {
    yaml = planToYaml(plan, { source: options.source ?? 'tệp Word (.docx)' });
  } catch {
    yaml = '';
  }
  return { yaml, plan, problems, fatal };
}

function toBytes(input: unknown): Uint8Array | null {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return null;
}

/** Reads the appendix table of a .docx into a plan. Never throws; see `problems` and `fatal`. */
export async function importPlanDocx(input: Uint8Array | ArrayBuffer, options: DocxImportOptions = {}): Promise<DocxImportResult> {
  const problems: DocxImportProblem[] = [];
  const fail = (message: string) => {
    problems.push({ row: 0, message });
    return emptyResult(problems, true, options);
  };
  try {
    const bytes = toBytes(input);
    if (!bytes || bytes.length === 0) return fail('Tệp rỗng hoặc không đọc được: không có dữ liệu.');
    if (bytes.length > MAX_DOCX_BYTES) return fail(`Tệp quá lớn (${bytes.length} byte, tối đa ${MAX_DOCX_BYTES}).`);
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      return fail('Tệp là định dạng Word 97-2003 (.doc), không phải .docx: hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx.');
    }
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
      return fail('Tệp không phải tài liệu Word .docx (không phải tệp nén ZIP của Office Open XML).');
    }
    let zip: OfficePackage;
    try {
      zip = openOfficePackage(bytes, MAX_DOCUMENT_XML_BYTES, decodeText);
    } catch (err) {
      if (!isDamagedArchive(err)) throw err;
      return fail(`Tệp .docx bị hỏng, không giải nén được: ${err.message}`);
    }

    const read = documentBlocks(zip);
    if ('error' in read) return fail(read.error);
    if (read.warning) problems.push({ row: 0, message: read.warning });
    return importBlocks(read.blocks, options, problems);
  } catch (err) {
    if (err instanceof PartTooLarge) return fail(`Phần ${err.path} của tệp quá lớn khi giải nén (${err.size} byte, tối đa ${MAX_DOCUMENT_XML_BYTES}).`);
    return fail(`Lỗi nội bộ khi đọc tệp .docx: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * The paragraphs and tables of a .docx package's main document (also read by the results import).
 * Throws PartTooLarge for a part over the limit.
 */
export function documentBlocks(zip: OfficePackage): { blocks: DocBlock[]; warning?: string } | { error: string } {
  let documentPath = relTargets(zip.text('_rels/.rels'), '/officeDocument', '')[0];
  if (!documentPath || !zip.has(documentPath)) documentPath = 'word/document.xml';
  const documentXml = zip.text(documentPath);
  if (documentXml === null) return { error: 'Tệp nén không có word/document.xml: không phải tài liệu Word .docx.' };
  const slash = documentPath.lastIndexOf('/');
  const dir = slash >= 0 ? documentPath.slice(0, slash + 1) : '';
  const relsPath = `${dir}_rels/${documentPath.slice(slash + 1)}.rels`;
  const docRels = zip.text(relsPath);
  const numberingPath = relTargets(docRels, '/numbering', dir)[0] ?? `${dir}numbering.xml`;
  const stylesPath = relTargets(docRels, '/styles', dir)[0] ?? `${dir}styles.xml`;

  const parsed = parseXml(documentXml);
  if (!parsed.root) return { error: `word/document.xml không đọc được (XML hỏng${parsed.error ? `: ${parsed.error}` : ''}).` };
  const warning = parsed.error ? `word/document.xml có lỗi XML (${parsed.error}); phần đọc được vẫn được nhập.` : undefined;
  const body = findBody(parsed.root);
  if (!body) return { error: 'word/document.xml không có phần thân (w:body).' };
  const numberingXml = zip.text(numberingPath);
  const stylesXml = zip.text(stylesPath);
  const numbering = readNumbering(numberingXml ? parseXml(numberingXml).root : null, stylesXml ? parseXml(stylesXml).root : null);
  return { blocks: new BodyReader(numbering).blocks(body), warning };
}

function findBody(root: XmlElement): XmlElement | undefined {
  if (root.name === 'w:body') return root;
  for (const c of root.children) if (typeof c !== 'string' && c.name === 'w:body') return c;
  return undefined;
}

function paragraphText(p: DocParagraph): string {
  return normalizeSpace(p.lines.join(' ').normalize('NFC'));
}

function importBlocks(blocks: DocBlock[], options: DocxImportOptions, problems: DocxImportProblem[]): DocxImportResult {
  const lineProblems: ImportProblem[] = []; // line = row of the appendix table
  const docLevel: DocxImportProblem[] = [];
  // The steps below read a table's grid several times (header search, continuation, messages).
  const grids = new Map<DocTable, ReturnType<typeof gridRows>>();
  const gridOf = (t: DocTable) => {
    let g = grids.get(t);
    if (!g) grids.set(t, (g = gridRows(t)));
    return g;
  };

  // 1. The appendix table: the first table with a recognisable header row, else one that looks like it.
  let tableIndex = -1;
  let header: HeaderMap | null = null;
  let width = 0;
  for (let i = 0; i < blocks.length && tableIndex < 0; i++) {
    const b = blocks[i];
    if (b.kind !== 'table') continue;
    const g = gridOf(b);
    const h = findHeader(g.rows);
    if (h) {
      tableIndex = i;
      header = h;
      width = g.width;
    }
  }
  if (tableIndex < 0) {
    for (let i = 0; i < blocks.length && tableIndex < 0; i++) {
      const b = blocks[i];
      if (b.kind !== 'table') continue;
      const g = gridOf(b);
      if (looksLikeAppendix(g.rows, g.width)) {
        tableIndex = i;
        width = g.width;
        const roles: (ColumnRole | null)[] = Array.from({ length: g.width }, (_, k) => STANDARD_ROLES[k] ?? null);
        header = { start: 0, rowCount: 0, roles, texts: roles.map(() => ''), signatures: [] };
        docLevel.push({
          row: 0,
          message: `Bảng phụ lục không có dòng tiêu đề cột nhận dạng được; các cột được hiểu theo thứ tự chuẩn: ${STANDARD_ROLES.map((r) => ROLE_LABEL[r]).join(' | ')}.`,
        });
      }
    }
  }
  if (tableIndex < 0 || !header) {
    const tables = blocks.filter((b): b is DocTable => b.kind === 'table');
    const described = tables
      .slice(0, 5)
      .map((t, k) => {
        const first = gridOf(t).rows[0] ?? [];
        const texts = first.filter((s) => s.origin).map((s) => cellPlainText(s.cell)).filter((x) => x);
        return `bảng ${k + 1}: ${quote(texts.join(' | ').slice(0, 200))}`;
      })
      .join('; ');
    problems.push({
      row: 0,
      message: tables.length
        ? `Không tìm thấy bảng phụ lục: không bảng nào có dòng tiêu đề gồm STT, Tiêu chí, Nhiệm vụ/giải pháp, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn (hoặc tên tương đương). Các bảng có trong tệp: ${described}.`
        : 'Không tìm thấy bảng phụ lục: tài liệu không có bảng nào.',
    });
    return emptyResult(problems, true, options);
  }

  // 2. Tables continued after a page break: the next tables with the same columns, with only empty paragraphs between.
  const mainTable = blocks[tableIndex] as DocTable;
  const runs: TableRun[] = [{ table: mainTable, grid: gridOf(mainTable).rows, firstRow: 1 }];
  let next = tableIndex + 1;
  let rowCount = mainTable.rows.length;
  for (; next < blocks.length; next++) {
    const b = blocks[next];
    if (b.kind === 'p') {
      if (paragraphText(b)) break;
      continue;
    }
    const g = gridOf(b);
    const h = findHeader(g.rows);
    const sameColumns = g.width === width && (!h || h.roles.join() === header.roles.join());
    if (!sameColumns) break;
    runs.push({ table: b, grid: g.rows, firstRow: rowCount + 1 });
    rowCount += b.rows.length;
  }
  if (runs.length > 1) {
    docLevel.push({ row: 0, message: `Bảng phụ lục bị chia thành ${runs.length} bảng (ngắt trang); các bảng được nối lại, số dòng đếm liên tục.` });
  }

  // 3. Columns that the plan format has no place for, and columns the appendix should have.
  header.roles.forEach((role, col) => {
    if (role === null && header!.texts[col]) {
      docLevel.push({ row: 1, message: `Cột ${col + 1} ${quote(header!.texts[col])} không thuộc định dạng kế hoạch; nội dung của cột được báo theo từng dòng, không đưa vào kế hoạch.` });
    }
  });
  for (const role of ['stt', 'lead', 'support', 'deadline'] as ColumnRole[]) {
    if (!header.roles.includes(role)) docLevel.push({ row: 1, message: `Bảng không có cột ${ROLE_LABEL[role]}; các ô tương ứng được coi là trống.` });
  }

  const built = buildRows(runs, header, width);
  lineProblems.push(...built.problems);

  // 4. Text above and below the table.
  // Rows above the header row inside the table (a title written in merged cells) count as lines above it.
  const titleRows: DocParagraph[] = mainTable.rows.slice(0, header.start).flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
  const headerRead = readHeader([...blocks.slice(0, tableIndex), ...titleRows], docLevel);
  for (let i = next; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'p') {
      const t = paragraphText(b);
      if (t) docLevel.push({ row: 0, message: `Đoạn văn sau bảng phụ lục không được đưa vào kế hoạch: ${quote(t)}` });
    } else {
      const first = gridOf(b).rows[0] ?? [];
      const texts = first.filter((s) => s.origin).map((s) => cellPlainText(s.cell)).filter((x) => x);
      docLevel.push({ row: 0, message: `Bảng khác sau bảng phụ lục (${b.rows.length} dòng) không được đưa vào kế hoạch; dòng đầu: ${quote(texts.join(' | ').slice(0, 300))}` });
    }
  }

  // 5. Plan header and rows -> plan.
  const plan: ImportedPlan = { plan: {}, sections: [] };
  const critCol = header.roles.indexOf('criterion');
  const taskCol = header.roles.indexOf('task');
  const fallbackYear = yearIn(taskCol >= 0 ? header.texts[taskCol] : undefined) ?? headerRead.placeDateYear;
  const infoProblems: ImportProblem[] = [];
  fillPlanInfo(plan.plan, headerRead.info, options, infoProblems, { docLine: 0, issuerHint: 'ô bên trái của phần đầu văn bản, ví dụ "ỦY BAN NHÂN DÂN / TỈNH ..."', fallbackYear });
  const indexYear = yearIn(critCol >= 0 ? header.texts[critCol] : undefined);
  if (indexYear !== undefined) plan.plan['index-year'] = indexYear;
  plan.sections = mapTableRows(built.rows, lineProblems, { officialName: officialNameOf(options) });
  if (!plan.sections.length) lineProblems.push({ line: 0, message: 'Bảng phụ lục không có dòng phần nào (I..VIII): kế hoạch không có nội dung.' });

  for (const p of infoProblems) docLevel.push({ row: 0, message: p.message });
  problems.push(...docLevel);
  for (const p of lineProblems) problems.push({ row: p.line, message: p.message });
  problems.sort((a, b) => a.row - b.row);

  let yaml = '';
  try {
    yaml = planToYaml(plan, {
      source: options.source ?? 'tệp Word (.docx)',
      documentHadBlanks: headerRead.info.documentHadBlanks,
    });
  } catch (err) {
    problems.push({ row: 0, message: `Lỗi nội bộ khi ghi YAML: ${err instanceof Error ? err.message : String(err)}` });
  }
  return { yaml, plan, problems, fatal: false };
}
