// Where a character of a scalar's value sits in the source text. Needed to point at one unit
// inside "Sở Nội vụ; Sở Tư pháp", also when YAML folded lines or stripped quotes and indentation.

import type { Scalar } from 'yaml';
import type { OffsetRange } from './types';

/**
 * Maps value index → source offset, or returns null when the value cannot be aligned with its
 * source (escape sequences): callers then point at the whole scalar.
 */
export function scalarSourceMap(text: string, node: Scalar): ((index: number) => number) | null {
  const value = typeof node.value === 'string' ? node.value : node.source ?? String(node.value);
  const [start, end] = node.range ?? [0, 0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const bodyStart = quoted ? 1 : 0;
  // The common case, checked without copying: the value is written as is.
  if (text.startsWith(value, start + bodyStart) && (!quoted || end - start === value.length + 2)) {
    return (index) => start + bodyStart + index;
  }
  const source = text.slice(start, end);
  // Align character by character; whitespace in the value may stand for folded line breaks and indentation.
  const offsets = new Array<number>(value.length + 1);
  let s = bodyStart;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const headerEnd = source.indexOf('\n');
    if (headerEnd === -1) return null;
    s = headerEnd + 1;
  }
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  for (let v = 0; v < value.length; v++) {
    const ch = value[v];
    if (isSpace(ch)) {
      // One value whitespace consumes one source whitespace; indentation after a folded or
      // literal line break is skipped before the next visible character.
      if (!isSpace(source[s])) return null;
      offsets[v] = start + s;
      s++;
      continue;
    }
    while (isSpace(source[s]) || (quoted && source[s] === '\\' && isSpace(source[s + 1]))) s++;
    if (node.type === 'QUOTE_SINGLE' && ch === "'" && source.startsWith("''", s)) {
      offsets[v] = start + s;
      s += 2;
      continue;
    }
    if (source[s] !== ch) return null;
    offsets[v] = start + s;
    s++;
  }
  offsets[value.length] = start + s;
  return (index) => offsets[Math.max(0, Math.min(index, value.length))];
}

/** A range inside a scalar's value, in source offsets; the whole scalar when it cannot be aligned. */
export function valueRangeInSource(text: string, node: Scalar, range: OffsetRange, map = scalarSourceMap(text, node)): OffsetRange {
  if (!map) {
    const [start, end] = node.range ?? [0, 0];
    return { start, end };
  }
  const start = map(range.start);
  // The end is just after the last character, so map the last character and step past it.
  const end = range.end > range.start ? map(range.end - 1) + 1 : start;
  return { start, end: Math.max(start, end) };
}
