// The WordprocessingML subset the appendix import needs, read from the parsed XML of
// word/document.xml (plus numbering.xml and styles.xml for list bullets and numbers).
//
// Body: paragraphs and tables in document order, looking through content controls (w:sdt),
// custom XML and tracked insertions; deleted text (w:del, w:delText) and field instructions are left out.
// Paragraph: runs' w:t, w:tab (a TAB), w:br and w:cr (a line break), w:sym, non-breaking hyphens;
// a list paragraph gets its bullet ("-") or number ("1.") as text, as Word's "save as text" writes it;
// text boxes inside a paragraph become paragraphs of their own, after it.
// Table: w:tblGrid, rows (w:tblHeader, w:gridBefore/After), cells (w:gridSpan, w:vMerge, legacy w:hMerge);
// a table nested in a cell adds its paragraphs to the cell.

import { childElements, firstChild, isElement, valOf, type XmlElement } from './xml';

export interface DocParagraph {
  kind: 'p';
  /** The paragraph's text split at line breaks (w:br, w:cr); raw: not trimmed, TABs kept. */
  lines: string[];
  /** Every run with text is formatted in capitals (w:caps): the text is shown upper-case. */
  caps: boolean;
}

export interface DocCell {
  paragraphs: DocParagraph[];
  span: number;
  vMerge?: 'restart' | 'continue';
}

export interface DocRow {
  cells: DocCell[];
  /** w:tblHeader: repeated at the top of each page. */
  isHeader: boolean;
  gridBefore: number;
}

export interface DocTable {
  kind: 'table';
  rows: DocRow[];
  gridCols: number;
}

export type DocBlock = DocParagraph | DocTable;

// ---------------------------------------------------------------------------------------------------
// Numbering (list bullets and numbers)

interface Level {
  fmt: string;
  text: string;
  start: number;
}

export interface Numbering {
  /** numId -> levels (by ilvl) */
  nums: Map<string, Map<number, Level>>;
  /** styleId -> numPr from the style (or a style it is based on) */
  styleNum: Map<string, { numId: string; ilvl: number }>;
}

/** A w:lvl; what it leaves out comes from `had` (the abstract level an override replaces). */
function readLevel(lvl: XmlElement, had?: Level): Level {
  return {
    fmt: valOf(lvl, 'w:numFmt') ?? had?.fmt ?? 'decimal',
    text: valOf(lvl, 'w:lvlText') ?? had?.text ?? '',
    start: Number(valOf(lvl, 'w:start') ?? had?.start ?? 1) || 1,
  };
}

export function readNumbering(numberingRoot: XmlElement | null, stylesRoot: XmlElement | null): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const nums = new Map<string, Map<number, Level>>();
  for (const a of childElements(numberingRoot ?? undefined, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of childElements(a, 'w:lvl')) {
      levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), readLevel(lvl));
    }
    abstract.set(a.attrs['w:abstractNumId'] ?? '', levels);
  }
  for (const num of childElements(numberingRoot ?? undefined, 'w:num')) {
    const base = abstract.get(valOf(num, 'w:abstractNumId') ?? '') ?? new Map<number, Level>();
    const levels = new Map(base);
    for (const o of childElements(num, 'w:lvlOverride')) {
      const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
      const lvl = firstChild(o, 'w:lvl');
      const start = valOf(o, 'w:startOverride');
      const had = levels.get(ilvl);
      if (lvl) levels.set(ilvl, readLevel(lvl, had));
      else if (had && start !== undefined) levels.set(ilvl, { ...had, start: Number(start) || 1 });
    }
    nums.set(num.attrs['w:numId'] ?? '', levels);
  }
  const styleNum = new Map<string, { numId: string; ilvl: number }>();
  const styles = new Map<string, XmlElement>();
  for (const st of childElements(stylesRoot ?? undefined, 'w:style')) styles.set(st.attrs['w:styleId'] ?? '', st);
  for (const [id] of styles) {
    let cur: XmlElement | undefined = styles.get(id);
    for (let depth = 0; cur && depth < 10; depth++) {
      const numPr = firstChild(firstChild(cur, 'w:pPr'), 'w:numPr');
      if (numPr) {
        const numId = valOf(numPr, 'w:numId');
        if (numId !== undefined) styleNum.set(id, { numId, ilvl: Number(valOf(numPr, 'w:ilvl') ?? 0) || 0 });
        break;
      }
      const basedOn = valOf(cur, 'w:basedOn');
      cur = basedOn ? styles.get(basedOn) : undefined;
    }
  }
  return { nums, styleNum };
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = Math.max(1, Math.min(n, 3999));
  for (const [v, s] of table) while (rest >= v) {
    out += s;
    rest -= v;
  }
  return out;
}

function letters(n: number): string {
  const k = Math.max(1, n);
  const ch = String.fromCharCode(97 + ((k - 1) % 26));
  return ch.repeat(Math.floor((k - 1) / 26) + 1);
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

class ListCounter {
  private readonly counters = new Map<string, number[]>();
  constructor(private readonly numbering: Numbering) {}

  /** The text Word shows before a list paragraph: "-" for any bullet, "1." / "a)" for numbers. */
  prefix(numId: string, ilvl: number): string {
    if (!numId || numId === '0') return '';
    const levels = this.numbering.nums.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return '';
    if (level.fmt === 'bullet') return '-';
    if (level.fmt === 'none') return normalizeLevelText(level.text.replace(/%\d/g, ''));
    const counts = this.counters.get(numId) ?? [];
    for (let l = 0; l < ilvl; l++) if (counts[l] === undefined) counts[l] = levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    counts.length = ilvl + 1; // deeper levels restart
    this.counters.set(numId, counts);
    const text = level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = levels.get(l);
      return formatNumber(counts[l] ?? lv?.start ?? 1, lv?.fmt ?? 'decimal');
    });
    return normalizeLevelText(text);
  }
}

function normalizeLevelText(s: string): string {
  return s.replace(/[\uf000-\uf0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000)).trim();
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs

const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:delInstrText', 'w:rPr', 'w:pPr', 'w:fldChar', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:proofErr', 'w:bookmarkStart', 'w:bookmarkEnd', 'w:lastRenderedPageBreak']);

interface ParaState {
  text: string;
  capsRuns: number;
  textRuns: number;
  boxes: XmlElement[];
}

function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = el.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

function readRun(run: XmlElement, state: ParaState): void {
  const caps = isOn(firstChild(firstChild(run, 'w:rPr'), 'w:caps'));
  let runText = '';
  for (const c of run.children) {
    if (typeof c === 'string') continue;
    switch (c.name) {
      case 'w:t':
        runText += c.children.filter((x): x is string => typeof x === 'string').join('');
        break;
      case 'w:tab':
      case 'w:ptab':
        runText += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        runText += '\n';
        break;
      case 'w:noBreakHyphen':
        runText += '-';
        break;
      case 'w:sym': {
        const code = parseInt(c.attrs['w:char'] ?? '', 16);
        if (Number.isFinite(code) && code > 0) runText += String.fromCharCode(code >= 0xf020 && code <= 0xf0ff ? code - 0xf000 : code);
        break;
      }
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
      case 'mc:AlternateContent':
        collectBoxes(c, state.boxes);
        break;
      default:
        break;
    }
  }
  if (/\S/.test(runText.replace(/\n/g, ''))) {
    state.textRuns++;
    if (caps) state.capsRuns++;
  }
  state.text += runText;
}

/** The branch of an mc:AlternateContent that is read: the first one, Choice or Fallback (else the content would come twice). */
function alternateBranch(el: XmlElement): XmlElement | undefined {
  return childElements(el).find((c) => c.name === 'mc:Choice' || c.name === 'mc:Fallback');
}

/** Text boxes (w:txbxContent) inside a drawing; for mc:AlternateContent only the first branch. */
function collectBoxes(el: XmlElement, out: XmlElement[]): void {
  if (el.name === 'w:txbxContent') {
    out.push(el);
    return;
  }
  if (el.name === 'mc:AlternateContent') {
    const branch = alternateBranch(el);
    if (branch) collectBoxes(branch, out);
    return;
  }
  for (const c of el.children) if (isElement(c)) collectBoxes(c, out);
}

function readInline(el: XmlElement, state: ParaState): void {
  for (const c of el.children) {
    if (typeof c === 'string' || SKIPPED.has(c.name)) continue;
    if (c.name === 'w:r') readRun(c, state);
    else if (c.name === 'mc:AlternateContent') {
      const branch = alternateBranch(c);
      if (branch) readInline(branch, state);
    } else readInline(c, state); // w:hyperlink, w:ins, w:smartTag, w:sdt, w:sdtContent, w:fldSimple, w:customXml, ...
  }
}

export class BodyReader {
  private readonly lists: ListCounter;
  constructor(private readonly numbering: Numbering) {
    this.lists = new ListCounter(numbering);
  }

  paragraph(p: XmlElement): DocParagraph[] {
    const state: ParaState = { text: '', capsRuns: 0, textRuns: 0, boxes: [] };
    readInline(p, state);
    const pPr = firstChild(p, 'w:pPr');
    const numPr = firstChild(pPr, 'w:numPr');
    let numId = numPr ? valOf(numPr, 'w:numId') : undefined;
    let ilvl = numPr ? Number(valOf(numPr, 'w:ilvl') ?? 0) || 0 : 0;
    if (numId === undefined) {
      const style = valOf(pPr, 'w:pStyle');
      const fromStyle = style ? this.numbering.styleNum.get(style) : undefined;
      if (fromStyle) {
        numId = fromStyle.numId;
        ilvl = fromStyle.ilvl;
      }
    }
    let text = state.text;
    if (numId !== undefined && /\S/.test(text)) {
      const prefix = this.lists.prefix(numId, ilvl);
      if (prefix) text = `${prefix} ${text.replace(/^[ \t]+/, '')}`;
    }
    const own: DocParagraph = { kind: 'p', lines: text.split('\n'), caps: state.textRuns > 0 && state.capsRuns === state.textRuns };
    const out = [own];
    for (const box of state.boxes) out.push(...this.blocks(box).flatMap((b) => (b.kind === 'p' ? [b] : tableParagraphs(b))));
    return out;
  }

  /** Paragraphs and tables of a container (w:body, w:txbxContent, w:sdtContent, ...). */
  blocks(container: XmlElement): DocBlock[] {
    const out: DocBlock[] = [];
    for (const c of container.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'w:p':
          out.push(...this.paragraph(c));
          break;
        case 'w:tbl':
          out.push(this.table(c));
          break;
        case 'w:sdt':
          out.push(...this.blocks(firstChild(c, 'w:sdtContent') ?? c));
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
        case 'w:smartTag':
          out.push(...this.blocks(c));
          break;
        case 'mc:AlternateContent': {
          const branch = alternateBranch(c);
          if (branch) out.push(...this.blocks(branch));
          break;
        }
        default:
          break;
      }
    }
    return out;
  }

  table(tbl: XmlElement): DocTable {
    const gridCols = childElements(firstChild(tbl, 'w:tblGrid'), 'w:gridCol').length;
    const rows: DocRow[] = [];
    for (const tr of unwrap(tbl, 'w:tr')) {
      const trPr = firstChild(tr, 'w:trPr');
      const row: DocRow = {
        cells: [],
        isHeader: isOn(firstChild(trPr, 'w:tblHeader')),
        gridBefore: Math.max(0, Number(valOf(trPr, 'w:gridBefore') ?? 0) || 0),
      };
      for (const tc of unwrap(tr, 'w:tc')) {
        const tcPr = firstChild(tc, 'w:tcPr');
        const span = Math.max(1, Math.min(64, Number(valOf(tcPr, 'w:gridSpan') ?? 1) || 1));
        const vm = firstChild(tcPr, 'w:vMerge');
        const hm = firstChild(tcPr, 'w:hMerge');
        const paragraphs = this.blocks(tc).flatMap((b) => (b.kind === 'p' ? [b] : tableParagraphs(b)));
        const prev = row.cells[row.cells.length - 1];
        if (hm && hm.attrs['w:val'] !== 'restart' && prev) {
          // Legacy horizontal merge: this cell belongs to the one before it.
          prev.span += span;
          prev.paragraphs.push(...paragraphs);
          continue;
        }
        const cell: DocCell = { paragraphs, span };
        if (vm) cell.vMerge = vm.attrs['w:val'] === 'restart' ? 'restart' : 'continue';
        row.cells.push(cell);
      }
      rows.push(row);
    }
    return { kind: 'table', rows, gridCols };
  }
}

/** Children named `name`, looking through w:sdt / w:customXml wrappers (rows and cells can be wrapped). */
function unwrap(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt') out.push(...unwrap(firstChild(c, 'w:sdtContent') ?? c, name));
    else if (c.name === 'w:customXml' || c.name === 'w:ins') out.push(...unwrap(c, name));
  }
  return out;
}

/** A nested table flattened into paragraphs, row by row, cell by cell. */
export function tableParagraphs(t: DocTable): DocParagraph[] {
  return t.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
}

// ---------------------------------------------------------------------------------------------------
// Grid

export interface GridSlot {
  /** The cell covering this grid column, or null past the row's last cell. */
  cell: DocCell | null;
  /** This is the first grid column the cell covers (its text belongs here). */
  origin: boolean;
}

/** Each row as grid columns: a cell spanning 3 columns covers 3 slots, its text at the first one. */
export function gridRows(t: DocTable): { width: number; rows: GridSlot[][] } {
  let width = t.gridCols;
  for (const r of t.rows) width = Math.max(width, r.gridBefore + r.cells.reduce((n, c) => n + c.span, 0));
  const rows = t.rows.map((r) => {
    const slots: GridSlot[] = [];
    for (let k = 0; k < r.gridBefore; k++) slots.push({ cell: null, origin: false });
    for (const c of r.cells) for (let k = 0; k < c.span; k++) slots.push({ cell: c, origin: k === 0 });
    while (slots.length < width) slots.push({ cell: null, origin: false });
    return slots;
  });
  return { width, rows };
}
