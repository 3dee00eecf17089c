// Text → YAML document, once per document version. Everything downstream reads this result.

import { parseDocument, type Document } from 'yaml';
import type { LineColRange, OffsetRange, Position } from './types';

export class LineIndex {
  constructor(
    readonly text: string,
    /** Offset of the first character of each line; lineStarts[0] === 0. */
    readonly lineStarts: readonly number[],
  ) {}

  static of(text: string): LineIndex {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the end of a line's content (before "\r\n" or "\n"). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > this.lineStarts[line] && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  rangeOf(range: OffsetRange): LineColRange {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }

  /** A range as people count: lines and columns from 1, the end column just after the last character. */
  oneBased(range: OffsetRange): { line: number; column: number; endLine: number; endColumn: number } {
    const start = this.positionAt(range.start);
    const end = this.positionAt(range.end);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  }
}

export interface SyntaxProblem {
  /** The `yaml` library's error code, e.g. BAD_INDENT, or our own for limits. */
  yamlCode: string;
  /** The library's English text, kept for the English message and for debugging. */
  detail: string;
  range: OffsetRange;
}

export interface ParsedDocument {
  text: string;
  lines: LineIndex;
  doc: Document.Parsed;
  syntax: SyntaxProblem[];
}

export function parsePlanText(text: string): ParsedDocument {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  // Not yaml's LineCounter: in some broken documents it misses line starts (found by the soak test,
  // test/lsp/soak.test.ts), and every position after them would be off.
  const lines = LineIndex.of(text);
  const syntax = doc.errors.map((error) => ({
    yamlCode: error.code,
    detail: error.message,
    range: narrowRange(text, lines, error.code, visibleRange(text, lines, { start: error.pos[0], end: error.pos[1] })),
  }));
  return { text, lines, doc, syntax };
}

/** Points a few errors at their exact cause: the repeated key, the tab in the indentation. */
function narrowRange(text: string, lines: LineIndex, code: string, range: OffsetRange): OffsetRange {
  if (code === 'DUPLICATE_KEY') {
    const key = /^([^:\n]+?)\s*:/.exec(text.slice(range.start, range.end));
    if (key) return { start: range.start, end: range.start + key[1].length };
  }
  if (code === 'TAB_AS_INDENT') {
    const line = lines.positionAt(range.start).line;
    const lineStart = lines.lineStarts[line];
    const content = text.slice(lineStart, lines.lineEnd(line));
    const indent = /^[ \t]*/.exec(content)![0];
    if (indent.includes('\t')) {
      const word = /^[^\s:]*/.exec(content.slice(indent.length))![0];
      return { start: lineStart, end: lineStart + indent.length + word.length };
    }
  }
  return range;
}

/**
 * A range a person can see. The parser often points at one character, or none, at a line's end;
 * such a range becomes the content of its line, or of the nearest line above that has content.
 */
export function visibleRange(text: string, lines: LineIndex, range: OffsetRange): OffsetRange {
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start, Math.min(range.end, text.length));
  const slice = text.slice(start, end);
  if (end - start >= 2 && slice.trim().length > 0 && !slice.includes('\n')) return { start, end };
  for (let line = lines.positionAt(start).line; line >= 0; line--) {
    const lineStart = lines.lineStarts[line];
    const content = text.slice(lineStart, lines.lineEnd(line));
    const first = content.search(/\S/);
    if (first !== -1) return { start: lineStart + first, end: lineStart + content.trimEnd().length };
  }
  // Nothing visible before this point (an empty or blank document): the first line with content, if any.
  const first = text.search(/\S/);
  if (first === -1) return { start: 0, end: text.length };
  const line = lines.positionAt(first).line;
  return { start: first, end: lines.lineStarts[line] + text.slice(lines.lineStarts[line], lines.lineEnd(line)).trimEnd().length };
}
