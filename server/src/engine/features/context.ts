// What the text around the cursor is, read from the text itself, so that completion works while the
// YAML is half-typed and the model has nothing there (`lead: [Sở`, `- `, a line with only `dea`).
//
// Algorithm. The cursor line is read first: a key and its value (`deadline: Qu|`), a list entry
// (`- "3.|`), or the start of a key (`dea|`, `- ta|`, an empty line). The enclosing structure is then
// found by indentation (line-structure.ts): the parent of a line is the nearest line above with a smaller indentation (or,
// for a "- " entry, a key at the same column: YAML's compact lists). Parents and subtree ends are
// memoised per document version (LineStructure), so climbing costs O(depth) and skipping a long
// sibling value costs O(1) after the first time; the text is never parsed again and nothing walks the
// whole plan to answer one request.

import type { PlanAnalysis } from '../analysis';
import type { MapKind } from './feature-text';
import { LineStructure, structureOf, type KeyShape, type LineShape } from './line-structure';
import { DISTINGUISHING_KEYS } from './plan-keys';

export { structureOf };

// --- what a mapping is, from its keys ------------------------------------------------------------


export type EntryList = 'sections' | 'items' | 'tasks';
const VALUE_LISTS = new Set(['lead', 'support', 'criteria']);
const ENTRY_LISTS = new Set<string>(['sections', 'items', 'tasks']);
const LIST_OF_MAP: Record<string, EntryList> = { section: 'sections', item: 'items', task: 'tasks' };
/** The kind of mapping each entry list holds (also the snippet kind completion offers for a new entry). */
export const MAP_OF_LIST: Record<EntryList, 'section' | 'item' | 'task'> = { sections: 'section', items: 'item', tasks: 'task' };

function mapKindOfKeys(keys: Iterable<string>): MapKind | null {
  const list = [...keys];
  // Innermost kind first: a task's keys decide even beside an item's.
  for (const kind of ['task', 'item', 'section', 'plan', 'root'] as const) if (list.some((k) => DISTINGUISHING_KEYS[kind].has(k))) return kind;
  return null;
}

/** The keys of the mapping that a "- " line starts (its own key and those at the same column below). */
function entryKeys(s: LineStructure, line: number, limit = 12, stopEarly?: (key: KeyShape, line: number) => boolean): string[] {
  const shape = s.shape(line);
  const keys: string[] = [];
  if (shape.key) {
    keys.push(shape.key.name);
    if (stopEarly?.(shape.key, line)) return keys;
  }
  const keyCol = shape.contentCol;
  let j = s.nextWithin(line, keyCol);
  while (j >= 0 && keys.length < limit && s.indent(j) === keyCol && !s.isDash(j)) {
    const key = s.shape(j).key;
    if (!key) break;
    keys.push(key.name);
    if (stopEarly?.(key, j)) break;
    j = s.nextWithin(s.subtreeEnd(j), keyCol);
  }
  return keys;
}

export interface ListInfo {
  /** The key that holds the list (`tasks`, `lead`, ...), or the kind guessed from the entries' keys. */
  name: string;
  /** The line of that key, when it was found (-1 when the list was recognised by its entries). */
  keyLine: number;
  keyCol: number;
}

/** Which list a "- " line belongs to: from its entry's keys, a neighbour entry's keys, or the key above. */
function listOf(s: LineStructure, line: number): ListInfo | null {
  const dashCol = s.indent(line);
  const kind = mapKindOfKeys(entryKeys(s, line));
  if (kind && LIST_OF_MAP[kind]) return { name: LIST_OF_MAP[kind], keyLine: -1, keyCol: -1 };
  const previous = s.prevWithin(line, dashCol);
  if (previous >= 0 && s.indent(previous) === dashCol && s.isDash(previous)) {
    const prevKind = mapKindOfKeys(entryKeys(s, previous));
    if (prevKind && LIST_OF_MAP[prevKind]) return { name: LIST_OF_MAP[prevKind], keyLine: -1, keyCol: -1 };
  }
  const parent = s.parentOf(line);
  if (parent < 0) return null;
  const key = s.shape(parent).key;
  if (!key || key.col > dashCol || key.value !== '') return null;
  return { name: key.name, keyLine: parent, keyCol: key.col };
}

/** The section's area around a line: climbs to the enclosing "- " entry that has an `area` key. */
export function areaAround(s: LineStructure, line: number): string | undefined {
  let j = s.indent(line) >= 0 ? line : s.prevNonBlank(line);
  for (let steps = 0; j >= 0 && steps < 64; steps++) {
    if (s.isDash(j)) {
      let area: string | undefined;
      let other = false;
      entryKeys(s, j, 12, (key) => {
        if (key.name === 'area') {
          area = unquote(key.value);
          return true;
        }
        if (DISTINGUISHING_KEYS.task.has(key.name) || DISTINGUISHING_KEYS.item.has(key.name)) {
          other = true;
          return true;
        }
        return false;
      });
      if (area !== undefined) return area;
      if (!other && s.parentOf(j) >= 0 && s.shape(s.parentOf(j)).key?.name === 'sections') return undefined;
    }
    j = s.parentOf(j);
  }
  return undefined;
}

/** The inline value of a sibling key of the mapping that holds `keyLine` (e.g. the task's deadline). */
export function siblingValue(s: LineStructure, keyLine: number, name: string): string | undefined {
  const shape = s.shape(keyLine);
  const col = shape.key?.col ?? shape.contentCol;
  const check = (line: number): string | undefined => {
    const key = s.shape(line).key;
    return key && key.col === col && key.name === name ? key.value : undefined;
  };
  let j = keyLine;
  for (let steps = 0; j >= 0 && steps < 32; steps++) {
    const found = check(j);
    if (found !== undefined) return found;
    if (s.indent(j) < col) break; // the "- " line that starts the mapping
    j = s.prevWithin(j, col);
  }
  j = s.nextWithin(s.subtreeEnd(keyLine), col);
  for (let steps = 0; j >= 0 && steps < 32 && s.indent(j) === col && !s.isDash(j); steps++) {
    const found = check(j);
    if (found !== undefined) return found;
    j = s.nextWithin(s.subtreeEnd(j), col);
  }
  return undefined;
}

export function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

// --- plan-wide facts read from the top of the file (cached) ----------------------------------------

interface HeaderFacts {
  year: number | undefined;
  /** `plan.issuer`, which selects the province's unit registry. */
  issuer: string | undefined;
  /** Columns between a list's key and its "- " entries, as the document writes them (0 or 2 usually). */
  listOffset: number;
}

const headers = new WeakMap<PlanAnalysis, HeaderFacts>();
const HEADER_SCAN_LINES = 400;

export function headerFacts(analysis: PlanAnalysis): HeaderFacts {
  let facts = headers.get(analysis);
  if (facts) return facts;
  const s = structureOf(analysis);
  // Never analysis.planYear: that parses a version whose year is not known yet.
  let year = analysis.planYearIfKnown()?.year;
  const knownIssuer = analysis.issuerIfKnown();
  let issuer = knownIssuer?.issuer;
  let listOffset = 2;
  let inPlan = false;
  const limit = Math.min(s.lineCount, HEADER_SCAN_LINES);
  for (let line = 0; line < limit; line++) {
    const indent = s.indent(line);
    if (indent < 0) continue;
    const shape = s.shape(line);
    if (indent === 0) {
      inPlan = shape.key?.name === 'plan';
      if (shape.key?.name === 'sections') {
        const next = s.nextNonBlank(line);
        if (next >= 0 && s.isDash(next)) listOffset = s.indent(next);
        break;
      }
      continue;
    }
    if (year === undefined && inPlan && shape.key?.name === 'year' && /^\d{4}$/.test(unquote(shape.key.value))) {
      const value = Number(unquote(shape.key.value));
      if (value >= 2000 && value <= 2100) year = value;
    }
    if (!knownIssuer && issuer === undefined && inPlan && shape.key?.name === 'issuer') issuer = unquote(shape.key.value) || undefined;
  }
  facts = { year, issuer, listOffset };
  headers.set(analysis, facts);
  return facts;
}

// --- the cursor ------------------------------------------------------------------------------------

export interface FlowEntry {
  /** Offsets of the entry as written (quotes included). */
  start: number;
  end: number;
  /** The text inside the quotes, or the plain text, trimmed. */
  text: string;
  quoted: boolean;
}

export interface ValueContext {
  kind: 'value';
  /** The key whose value is typed: criteria, lead, support, deadline, area, ... */
  key: string;
  /** The line and column of that key, -1 when unknown. */
  keyLine: number;
  keyCol: number;
  /**
   * empty: nothing after `key:` yet; flow: inside `[ ]`; plain / quoted: a scalar after `key:`;
   * entry: a block list entry `- ...`; new-entry: a line under the list where "- " is still to write.
   */
  form: 'empty' | 'flow' | 'plain' | 'quoted' | 'entry' | 'new-entry';
  /** The cursor is inside a scalar opened with this quote. */
  quote: '"' | "'" | null;
  /** Where the text being completed starts, and that text (up to the cursor). */
  fragmentStart: number;
  typed: string;
  cursor: number;
  /** `key:|`: what is inserted needs a space first. */
  needsSpace: boolean;
  /** Inside quotes with nothing closing them after the cursor on this line. */
  closeQuote: boolean;
  /** The other entries of the same list (flow list on the line, or sibling block entries). */
  others: FlowEntry[];
  /** Where the list's "- " markers are (new-entry). */
  dashCol: number;
  /** The text after the cursor on its line. */
  after: string;
  /** lead/support written "A; B" on one line: the fragment follows a ";" (it is not the first name). */
  afterSemicolon?: boolean;
}

export interface KeyContext {
  kind: 'key';
  map: MapKind;
  present: Set<string>;
  /** Column of the key being typed. */
  col: number;
  rangeStart: number;
  rangeEnd: number;
  /** A ":" follows the word being typed: insert the key name only. */
  keyOnly: boolean;
  /** Right under `tasks:` at its own column: a new entry of that list may start here too. */
  entryOf?: EntryList;
}

export interface EntryContext {
  kind: 'entry';
  list: EntryList;
  dashCol: number;
  /** "- " is already written; the range starts after it. */
  dashTyped: boolean;
  rangeStart: number;
  rangeEnd: number;
  /** Keys the entry already has (when "- " starts an existing mapping). */
  present: Set<string>;
  keyOnly: boolean;
}

export type CursorContext = ValueContext | KeyContext | EntryContext;

export interface CursorInfo {
  structure: LineStructure;
  line: number;
  col: number;
  lineStart: number;
  lineText: string;
}

/** True when `before` (the line up to the cursor) ends inside a comment. */
function inComment(before: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '#' && (i === 0 || before[i - 1] === ' ' || before[i - 1] === '\t')) return true;
    if ((ch === '"' || ch === "'") && (i === 0 || /[\s[,:{-]/.test(before[i - 1]))) quote = ch;
  }
  return false;
}

/** The end of a quoted scalar that opens at `open`, or -1 when it is not closed before `limit`. */
function quoteEnd(text: string, open: number, limit: number): number {
  const q = text[open];
  for (let i = open + 1; i < limit; i++) {
    if (q === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

interface FlowScan {
  entries: FlowEntry[];
  /** Index in `entries` of the entry the cursor is in (always present when usable). */
  current: number;
  /** Usable: the cursor is in an entry of this list (not after `]`, not in a nested list, not after a closed quote). */
  ok: boolean;
  quote: '"' | "'" | null;
  fragmentStart: number;
}

/** Reads a flow list `[a, "b", ...` that opens at `open` in `text`, with the cursor at `cursor`. */
function scanFlow(text: string, open: number, cursor: number, end: number): FlowScan {
  const entries: FlowEntry[] = [];
  let depth = 1;
  let entryStart = open + 1;
  let current = -1;
  let ok = false;
  let quote: '"' | "'" | null = null;
  let fragmentStart = cursor;
  const closeEntry = (at: number) => {
    const raw = text.slice(entryStart, at);
    const lead = raw.length - raw.trimStart().length;
    const start = entryStart + lead;
    const body = raw.trim();
    const quoted = body[0] === '"' || body[0] === "'";
    const inner = quoted ? body.slice(1, body.length > 1 && body[body.length - 1] === body[0] ? -1 : undefined) : body;
    entries.push({ start, end: start + body.length, text: inner.trim(), quoted });
  };
  const snapshot = (i: number) => {
    // The cursor sits at i, inside the entry that started at entryStart.
    if (depth !== 1) return;
    const raw = text.slice(entryStart, i);
    const lead = raw.length - raw.trimStart().length;
    const first = entryStart + lead;
    if (first < i && (text[first] === '"' || text[first] === "'")) {
      const close = quoteEnd(text, first, i);
      if (close !== -1) return; // after a closed quote: nothing to complete
      quote = text[first] as '"' | "'";
      fragmentStart = first + 1;
    } else {
      if (/(^|\s)#/.test(raw)) return; // in a comment
      fragmentStart = first;
    }
    ok = true;
    current = entries.length;
  };
  let i = open + 1;
  for (; i < end; i++) {
    if (i === cursor) snapshot(i);
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const before = text.slice(entryStart, i).trim();
      if (before === '' || depth > 1) {
        const close = quoteEnd(text, i, end);
        if (close === -1) {
          if (cursor > i) snapshot(cursor);
          i = end;
          break;
        }
        if (cursor > i && cursor <= close) snapshot(cursor);
        i = close;
        continue;
      }
    }
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        closeEntry(i);
        break;
      }
    } else if (ch === ',' && depth === 1) {
      closeEntry(i);
      entryStart = i + 1;
    } else if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      closeEntry(i);
      break;
    }
  }
  if (i >= end) {
    if (cursor >= end && !ok) snapshot(cursor);
    if (text.slice(entryStart, end).trim() !== '' || ok) closeEntry(end);
  }
  return { entries, current, ok: ok && current >= 0, quote, fragmentStart };
}

function cursorInfo(analysis: PlanAnalysis, offset: number): CursorInfo {
  const structure = structureOf(analysis);
  const { line, character } = analysis.lines.positionAt(offset);
  const lineStart = structure.lineStart(line);
  const lineText = structure.lineText(line);
  return { structure, line, col: Math.min(character, lineText.length), lineStart, lineText };
}

const PARTIAL_KEY = /^([ \t]*)((?:-[ \t]+)*(?:-$)?)([A-Za-z_][\w-]*)?$/;

export function cursorContext(analysis: PlanAnalysis, offset: number): CursorContext | null {
  const info = cursorInfo(analysis, offset);
  const { structure: s, line, col, lineStart, lineText } = info;
  const cursor = lineStart + col;
  if (cursor !== offset) return null; // between "\r" and "\n": not a place a cursor can be
  const before = lineText.slice(0, col);
  const after = lineText.slice(col);
  if (inComment(before)) return null;
  const shape = s.shape(line);

  // `key: value|` on this line.
  if (shape.key && col > shape.key.colon) return valueOnKeyLine(info, shape, shape.key, cursor, after);

  const partial = PARTIAL_KEY.exec(before);
  if (partial) {
    const word = partial[3] ?? '';
    const wordCol = col - word.length;
    const tail = /^[\w-]*/.exec(after)![0];
    const keyOnly = /^[ \t]*:/.test(after.slice(tail.length));
    const rangeEnd = cursor + tail.length;
    const dashes = partial[2];
    if (!dashes) return slotContext(info, wordCol, cursor - word.length, rangeEnd, keyOnly, word, after);
    // "- " written (or "-" alone): a new entry of some list.
    const needsSpace = dashes.endsWith('-');
    const dashCol = shape.dash;
    const list = listOf(s, line);
    if (!list) return null;
    if (VALUE_LISTS.has(list.name)) {
      return {
        kind: 'value', key: list.name, keyLine: list.keyLine, keyCol: list.keyCol, form: 'entry', quote: null,
        fragmentStart: cursor - word.length, typed: word, cursor, needsSpace, closeQuote: false,
        others: blockSiblings(s, line, dashCol), dashCol, after,
      };
    }
    if (!ENTRY_LISTS.has(list.name)) return null;
    const present = new Set(entryKeys(s, line).filter((k) => !(shape.key && k === shape.key.name && word)));
    if (needsSpace) return null;
    return { kind: 'entry', list: list.name as EntryList, dashCol, dashTyped: true, rangeStart: cursor - word.length, rangeEnd, present, keyOnly };
  }

  // A block list entry with a value being typed: `- "3.`, `- Sở Nội`.
  if (shape.dash >= 0 && col >= shape.contentCol) {
    const list = listOf(s, line);
    if (!list || !VALUE_LISTS.has(list.name)) return null;
    return entryValue(info, shape, list, cursor, after);
  }

  // A continuation line of a flow list that started on a line above.
  if (shape.indent >= 0 && shape.indent < col) {
    const parent = s.prevWithin(line, shape.indent - 1);
    const key = parent >= 0 ? s.shape(parent).key : null;
    if (key && key.value.startsWith('[') && line - parent <= 20) return flowValue(info, parent, key, cursor, after);
  }
  return null;
}

function valueOnKeyLine(info: CursorInfo, shape: LineShape, key: KeyShape, cursor: number, after: string): ValueContext | null {
  const { structure: s, line, col, lineStart, lineText } = info;
  const base = {
    kind: 'value' as const, key: key.name, keyLine: line, keyCol: key.col, cursor, after, dashCol: -1,
    needsSpace: false, closeQuote: false, others: [] as FlowEntry[], quote: null,
  };
  const start = key.colon + 1;
  const written = lineText.slice(start, col);
  if (written.trim() === '') {
    if (after.trim() !== '' && !after.trim().startsWith('#')) return null;
    // The value is a block below (`lead:` then "- ..." lines): nothing to put on this line.
    const next = s.nextNonBlank(line);
    if (next >= 0 && (s.indent(next) > key.col || (s.indent(next) === key.col && s.isDash(next) && shape.firstDash < 0))) return null;
    return { ...base, form: 'empty', fragmentStart: cursor, typed: '', needsSpace: written === '' };
  }
  const vs = key.valueCol;
  const first = lineText[vs];
  if (first === '[') return flowValue(info, line, key, cursor, after);
  const quoted = first === '"' || first === "'";
  if (!quoted && ('{|>&*!#%@`'.includes(first) || /\s#/.test(written))) return null;
  const words = key.name === 'lead' || key.name === 'support';
  const fragment = scalarFragment(lineText, vs, col, words);
  if (!fragment) return null;
  const { quote, from, afterSemicolon } = fragment;
  return {
    ...base, form: quote ? 'quoted' : 'plain', quote, fragmentStart: lineStart + from, typed: lineText.slice(from, col),
    // A "A; B" string keeps its own closing quote: more names may follow.
    closeQuote: quote !== null && !words && closesNothing(after, quote), afterSemicolon,
  };
}

/**
 * The fragment being typed in a scalar that starts at column `start` of the cursor line: after its
 * opening quote and, for unit lists written "A; B" (`words`), after the last ";" and the spaces after
 * it. Null after the scalar's closing quote: nothing to complete there.
 */
function scalarFragment(lineText: string, start: number, col: number, words: boolean): { quote: '"' | "'" | null; from: number; afterSemicolon: boolean } | null {
  const first = lineText[start];
  const quote = first === '"' || first === "'" ? first : null;
  if (quote && quoteEnd(lineText, start, col) !== -1) return null;
  let from = quote ? start + 1 : start;
  let afterSemicolon = false;
  if (words) {
    const semi = lineText.lastIndexOf(';', col - 1);
    if (semi >= from) {
      from = semi + 1;
      afterSemicolon = true;
    }
    while (from < col && lineText[from] === ' ') from++;
  }
  return { quote, from, afterSemicolon };
}

/** Inside quotes, the closing quote must be added when nothing follows on the line but `,` `]` or spaces. */
function closesNothing(after: string, quote: string): boolean {
  const rest = after.trimStart();
  return rest === '' || rest[0] === ',' || rest[0] === ']' || (rest[0] === '#' && after.startsWith(' ')) ? !rest.startsWith(quote) : false;
}

function flowValue(info: CursorInfo, keyLine: number, key: KeyShape, cursor: number, after: string): ValueContext | null {
  const { structure: s, line } = info;
  const base = s.lineStart(keyLine) + key.valueCol;
  const end = s.lineEnd(line);
  const text = s.text.slice(base, end);
  const scan = scanFlow(text, 0, cursor - base, text.length);
  if (!scan.ok) return null;
  const fragmentStart = Math.max(base + scan.fragmentStart, info.lineStart);
  const others = scan.entries.filter((_, i) => i !== scan.current).map((e) => ({ ...e, start: e.start + base, end: e.end + base }));
  return {
    kind: 'value', key: key.name, keyLine, keyCol: key.col, form: 'flow', quote: scan.quote,
    fragmentStart, typed: s.text.slice(fragmentStart, cursor), cursor, needsSpace: false,
    closeQuote: scan.quote !== null && closesNothing(after, scan.quote), others, dashCol: -1, after,
  };
}

function entryValue(info: CursorInfo, shape: LineShape, list: ListInfo, cursor: number, after: string): ValueContext | null {
  const { structure: s, line, col, lineStart, lineText } = info;
  const c = shape.contentCol;
  const first = lineText[c];
  const words = list.name === 'lead' || list.name === 'support';
  const base = {
    kind: 'value' as const, key: list.name, keyLine: list.keyLine, keyCol: list.keyCol, form: 'entry' as const, cursor, after,
    needsSpace: false, others: blockSiblings(s, line, shape.dash), dashCol: shape.dash,
  };
  const quoted = first === '"' || first === "'";
  if (!quoted && (first === '[' || first === '{' || /\s#/.test(lineText.slice(c, col)))) return null;
  const fragment = scalarFragment(lineText, c, col, words);
  if (!fragment) return null;
  const { quote, from, afterSemicolon } = fragment;
  return {
    ...base, quote, fragmentStart: lineStart + from, typed: lineText.slice(from, col),
    closeQuote: quote !== null && closesNothing(after, quote), afterSemicolon,
  };
}

/** The other "- " entries of the block list a line belongs to (for codes already listed). */
function blockSiblings(s: LineStructure, line: number, dashCol: number): FlowEntry[] {
  const out: FlowEntry[] = [];
  const read = (j: number) => {
    const shape = s.shape(j);
    const raw = shape.text.slice(shape.contentCol).trim();
    const body = raw.replace(/\s+#.*$/, '');
    out.push({ start: shape.start + shape.contentCol, end: shape.start + shape.contentCol + body.length, text: unquote(body), quoted: /^["']/.test(body) });
  };
  let j = s.prevWithin(line, dashCol);
  for (let n = 0; j >= 0 && n < 100 && s.indent(j) === dashCol && s.isDash(j); n++) {
    read(j);
    j = s.prevWithin(j, dashCol);
  }
  j = s.nextWithin(s.subtreeEnd(line), dashCol);
  for (let n = 0; j >= 0 && n < 100 && s.indent(j) === dashCol && s.isDash(j); n++) {
    read(j);
    j = s.nextWithin(s.subtreeEnd(j), dashCol);
  }
  return out;
}

/**
 * A line with nothing but (the start of) a word at `col`: a key of the mapping around, a new entry of
 * the list around, or a new entry of a unit / code list.
 */
function slotContext(info: CursorInfo, col: number, rangeStart: number, rangeEnd: number, keyOnly: boolean, word: string, after: string): CursorContext | null {
  const { structure: s, line } = info;
  const cursor = info.lineStart + info.col;
  const present = new Set<string>();
  let entryOf: EntryList | undefined;
  let mapStart = -1;
  let parentKey: { line: number; key: KeyShape } | null = null;
  const adjacent = s.prevNonBlank(line);
  let j = s.prevWithin(line, col);
  while (j >= 0) {
    const shape = s.shape(j);
    if (shape.indent === col) {
      if (shape.firstDash === col) {
        // A "- " entry at this column: the slot starts a new entry of that list.
        const list = listOf(s, j);
        if (!list) return null;
        return newEntry(info, list, col, rangeStart, rangeEnd, keyOnly, word, after);
      }
      if (!shape.key) return null;
      present.add(shape.key.name);
      if (j === adjacent && shape.key.value === '' && ENTRY_LISTS.has(shape.key.name)) entryOf = shape.key.name as EntryList;
      j = s.prevWithin(j, col);
      continue;
    }
    // A line to the left: it holds the slot.
    if (shape.firstDash >= 0 && shape.key && shape.key.col === col) {
      present.add(shape.key.name);
      mapStart = j;
      break;
    }
    if (shape.firstDash >= 0 && !shape.key && shape.contentCol === col && shape.contentCol >= shape.text.trimEnd().length) {
      mapStart = j;
      break;
    }
    if (shape.key && shape.key.col < col) {
      if (shape.key.value !== '') {
        if (shape.key.value.startsWith('[') && line - j <= 20) return flowValue(info, j, shape.key, cursor, after);
        return null;
      }
      parentKey = { line: j, key: shape.key };
      break;
    }
    return null;
  }
  // Keys of the same mapping below the slot (past the slot line's own value, when it has one).
  let k = s.nextWithin(s.subtreeEnd(line), col);
  for (let n = 0; k >= 0 && n < 32 && s.indent(k) === col && !s.isDash(k); n++) {
    const key = s.shape(k).key;
    if (!key) break;
    present.add(key.name);
    k = s.nextWithin(s.subtreeEnd(k), col);
  }
  const keyContext = (map: MapKind | null): KeyContext | null =>
    map ? { kind: 'key', map, present, col, rangeStart, rangeEnd, keyOnly, entryOf } : null;

  if (mapStart >= 0) {
    const byKeys = mapKindOfKeys(present);
    if (byKeys && byKeys !== 'plan' && byKeys !== 'root') return keyContext(byKeys);
    const list = listOf(s, mapStart);
    const map = list && ENTRY_LISTS.has(list.name) ? MAP_OF_LIST[list.name as EntryList] : list?.name === 'progress' ? 'progress' : null;
    return keyContext(map ?? byKeys);
  }
  if (parentKey) {
    const name = parentKey.key.name;
    if (present.size === 0) {
      if (ENTRY_LISTS.has(name) || VALUE_LISTS.has(name)) {
        return newEntry(info, { name, keyLine: parentKey.line, keyCol: parentKey.key.col }, col, rangeStart, rangeEnd, keyOnly, word, after);
      }
      if (name === 'plan') return keyContext('plan');
      return null;
    }
    if (name === 'plan') return keyContext('plan');
    return keyContext(mapKindOfKeys(present));
  }
  return keyContext('root');
}

function newEntry(info: CursorInfo, list: ListInfo, dashCol: number, rangeStart: number, rangeEnd: number, keyOnly: boolean, word: string, after: string): CursorContext | null {
  if (ENTRY_LISTS.has(list.name)) {
    return { kind: 'entry', list: list.name as EntryList, dashCol, dashTyped: false, rangeStart, rangeEnd, present: new Set(), keyOnly };
  }
  if (VALUE_LISTS.has(list.name)) {
    const cursor = info.lineStart + info.col;
    return {
      kind: 'value', key: list.name, keyLine: list.keyLine, keyCol: list.keyCol, form: 'new-entry', quote: null,
      fragmentStart: rangeStart, typed: word, cursor, needsSpace: false, closeQuote: false,
      others: [], dashCol, after,
    };
  }
  return null;
}
