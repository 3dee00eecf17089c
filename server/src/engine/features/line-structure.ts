// The indentation index of one document version: each line's shape (indent, key, dash) and
// memoised parent / subtree-end jumps, so climbing to a line's parent costs O(depth) and skipping a
// long sibling value O(1) after the first time. Read from the text alone (never parsed): completion
// works while the YAML is half-typed.

import type { PlanAnalysis } from '../analysis';
import type { LineIndex } from '../parse';

export interface KeyShape {
  /** The key without quotes. */
  name: string;
  col: number;
  /** Column of the ":". */
  colon: number;
  /** Column of the first character after ": " (the line length when there is none). */
  valueCol: number;
  /** The value as written on this line, trimmed; '' when absent or only a comment. */
  value: string;
}

export interface LineShape {
  line: number;
  /** Offset of the first character of the line. */
  start: number;
  /** The line without its line break. */
  text: string;
  /** Column of the first character; -1 for blank and comment-only lines. */
  indent: number;
  /** Column of the first and the last leading "- " marker; -1 when there is none. */
  firstDash: number;
  dash: number;
  /** Column after the indentation and the "- " markers. */
  contentCol: number;
  key: KeyShape | null;
}

const KEY = /^([A-Za-z_][\w-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?=[ \t]|$)/;
const UNKNOWN = -2;
/** Beyond this nesting the memoised jumps fall back to stepping line by line (no deep recursion). */
const MAX_RECURSION = 200;

function isBlankAt(text: string, i: number, end: number): boolean {
  return i >= end || text.charCodeAt(i) === 35; /* # */
}

/**
 * Line shapes and memoised parent / subtree-end jumps for one document version, over the analysis's
 * own line index (line starts and ends are not worked out twice).
 */
export class LineStructure {
  readonly text: string;
  private readonly starts: readonly number[];
  private readonly indents: Int32Array;
  private readonly parents: Int32Array;
  private readonly ends: Int32Array;

  constructor(private readonly lines: LineIndex) {
    this.text = lines.text;
    this.starts = lines.lineStarts;
    const n = this.starts.length;
    this.indents = new Int32Array(n).fill(UNKNOWN);
    this.parents = new Int32Array(n).fill(UNKNOWN);
    this.ends = new Int32Array(n).fill(UNKNOWN);
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset of the end of the line's content (before "\r\n" or "\n"). */
  lineEnd(line: number): number {
    return this.lines.lineEnd(line);
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  /** Indentation of a line, -1 when it is blank or only a comment. */
  indent(line: number): number {
    const known = this.indents[line];
    if (known !== UNKNOWN) return known;
    const start = this.starts[line];
    const end = this.lineEnd(line);
    let i = start;
    while (i < end && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
    const value = isBlankAt(this.text, i, end) ? -1 : i - start;
    this.indents[line] = value;
    return value;
  }

  /** The line starts with "- " (a list entry). */
  isDash(line: number): boolean {
    const indent = this.indent(line);
    if (indent < 0) return false;
    const at = this.starts[line] + indent;
    if (this.text.charCodeAt(at) !== 45 /* - */) return false;
    const next = at + 1 < this.lineEnd(line) ? this.text.charCodeAt(at + 1) : 32;
    return next === 32 || next === 9;
  }

  shape(line: number): LineShape {
    const start = this.starts[line];
    const text = this.lineText(line);
    let i = 0;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    const indent = i >= text.length || text[i] === '#' ? -1 : i;
    let firstDash = -1;
    let dash = -1;
    while (text[i] === '-' && (i + 1 >= text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      if (firstDash < 0) firstDash = i;
      dash = i;
      i++;
      while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    }
    let key: KeyShape | null = null;
    const match = indent < 0 ? null : KEY.exec(text.slice(i));
    if (match) {
      const raw = match[1];
      const name = raw[0] === '"' || raw[0] === "'" ? raw.slice(1, -1) : raw;
      const colon = i + match[0].length - 1;
      let valueCol = colon + 1;
      while (valueCol < text.length && (text[valueCol] === ' ' || text[valueCol] === '\t')) valueCol++;
      const rest = text.slice(valueCol).trimEnd();
      key = { name, col: i, colon, valueCol, value: rest.startsWith('#') ? '' : rest };
    }
    return { line, start, text, indent, firstDash, dash, contentCol: i, key };
  }

  prevNonBlank(line: number): number {
    for (let j = line - 1; j >= 0; j--) if (this.indent(j) >= 0) return j;
    return -1;
  }

  nextNonBlank(line: number): number {
    for (let j = line + 1; j < this.starts.length; j++) if (this.indent(j) >= 0) return j;
    return -1;
  }

  /**
   * The structural parent of a non-blank line: the nearest line above with a smaller indentation,
   * or for a "- " entry a key line at the same column (`tasks:` / `- task:` written flush). Siblings
   * share the answer, so a walk over them is done once per document version.
   */
  parentOf(line: number, depth = 0): number {
    const known = this.parents[line];
    if (known !== UNKNOWN) return known;
    const target = this.indent(line);
    if (target < 0) return this.prevNonBlank(line);
    const dash = this.isDash(line);
    const pending = [line];
    let answer = -1;
    let j = this.prevNonBlank(line);
    while (j >= 0) {
      const indent = this.indent(j);
      if (indent < target) {
        answer = j;
        break;
      }
      if (indent === target) {
        const jDash = this.isDash(j);
        if (dash && !jDash && this.opensCompactList(j)) {
          answer = j;
          break;
        }
        if (jDash === dash) {
          const memo = this.parents[j];
          if (memo !== UNKNOWN) {
            answer = memo;
            break;
          }
          pending.push(j);
        }
        j = this.prevNonBlank(j);
        continue;
      }
      // Deeper: everything between j's parent and j is deeper still; jump.
      j = depth < MAX_RECURSION ? this.parentOf(j, depth + 1) : this.prevNonBlank(j);
    }
    for (const p of pending) this.parents[p] = answer;
    return answer;
  }

  /** `key:` with nothing after it on a line without "- ": "- " entries at its own column belong to it. */
  private opensCompactList(line: number): boolean {
    if (this.isDash(line)) return false;
    const key = this.shape(line).key;
    return key !== null && key.value === '';
  }

  /** The last non-blank line of a line's subtree (its deeper lines; for `key:` also flush "- " entries). */
  subtreeEnd(line: number, depth = 0): number {
    const known = this.ends[line];
    if (known !== UNKNOWN) return known;
    const target = this.indent(line);
    let end = line;
    if (target >= 0) {
      const compact = this.opensCompactList(line);
      let j = this.nextNonBlank(line);
      while (j >= 0) {
        const indent = this.indent(j);
        if (indent > target || (indent === target && compact && this.isDash(j))) {
          end = depth < MAX_RECURSION ? this.subtreeEnd(j, depth + 1) : j;
          j = this.nextNonBlank(end);
          continue;
        }
        break;
      }
    }
    this.ends[line] = end;
    return end;
  }

  /** The nearest non-blank line above `line` whose indentation is at most `col`. */
  prevWithin(line: number, col: number): number {
    let j = this.prevNonBlank(line);
    while (j >= 0 && this.indent(j) > col) j = this.parentOf(j);
    return j;
  }

  /** The nearest non-blank line below `line` whose indentation is at most `col` (deeper subtrees are skipped whole). */
  nextWithin(line: number, col: number): number {
    let j = this.nextNonBlank(line);
    while (j >= 0 && this.indent(j) > col) {
      // Skip the whole subtree of j's outermost ancestor that is still deeper than col: a run of
      // deeper siblings (the tasks of a long list) is then one memoised jump, not a walk.
      let top = j;
      for (let p = this.parentOf(top), n = 0; p >= 0 && this.indent(p) > col && n < MAX_RECURSION; p = this.parentOf(p), n++) top = p;
      j = this.nextNonBlank(Math.max(this.subtreeEnd(top), j));
    }
    return j;
  }
}

const structures = new WeakMap<PlanAnalysis, LineStructure>();

export function structureOf(analysis: PlanAnalysis): LineStructure {
  let structure = structures.get(analysis);
  if (!structure) {
    structure = new LineStructure(analysis.lines);
    structures.set(analysis, structure);
  }
  return structure;
}
