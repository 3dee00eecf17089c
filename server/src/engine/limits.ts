// Cheap checks before parsing, so a hostile or broken file gets one clear finding instead of a
// parser that runs out of memory or stack. Each pass is linear and allocates nothing per line.

import type { Limits } from './config';
import type { SyntaxProblem } from './parse';

export function checkLimits(text: string, limits: Limits): SyntaxProblem[] {
  const firstLine = (): { start: number; end: number } => {
    const end = text.indexOf('\n');
    return { start: 0, end: Math.min(end === -1 ? text.length : end, 200) };
  };
  if (utf8Length(text, limits.maxFileBytes) > limits.maxFileBytes) {
    return [{ yamlCode: 'LIMIT_SIZE', detail: String(limits.maxFileBytes), range: firstLine() }];
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    return [{ yamlCode: 'BINARY', detail: '', range: firstLine() }];
  }
  // Hosts decode invalid UTF-8 as U+FFFD: point at the first damaged character.
  const damaged = text.indexOf('\uFFFD');
  if (damaged !== -1) {
    let start = damaged;
    let end = damaged + 1;
    while (start > 0 && !/\s/.test(text[start - 1]) && damaged - start < 40) start--;
    while (end < text.length && !/\s/.test(text[end]) && end - damaged < 40) end++;
    return [{ yamlCode: 'NOT_UTF8', detail: '', range: { start, end } }];
  }
  // Deep nesting needs a line indented at least maxDepth columns or at least maxDepth brackets: when
  // neither exists (every real plan), only line lengths need checking.
  if (!new RegExp(`^[ \\t-]{${limits.maxDepth},}`, 'm').test(text) && fewerThan(text, /[[{]/g, limits.maxDepth)) {
    for (let lineStart = 0; lineStart <= text.length; ) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      if (lineEnd - lineStart > limits.maxLineLength) {
        return [{ yamlCode: 'LIMIT_LINE', detail: String(limits.maxLineLength), range: { start: lineStart, end: lineStart + 200 } }];
      }
      lineStart = lineEnd + 1;
    }
    return [];
  }
  // The next bracket at or after a position: one regex scan forward over the whole text, amortised.
  const brackets = /[[\]{}]/g;
  let nextBracket = -1;
  const bracketAtOrAfter = (from: number): number => {
    if (nextBracket >= from) return nextBracket;
    brackets.lastIndex = from;
    const match = brackets.exec(text);
    nextBracket = match ? match.index : Infinity;
    return nextBracket;
  };
  let lineStart = 0;
  // Indentation stack depth approximates block nesting; bracket depth counts flow nesting.
  const indents: number[] = [];
  let flowDepth = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (lineEnd - lineStart > limits.maxLineLength) {
      return [{ yamlCode: 'LIMIT_LINE', detail: String(limits.maxLineLength), range: { start: lineStart, end: lineStart + 200 } }];
    }
    let indent = lineStart;
    while (indent < lineEnd && (text[indent] === ' ' || text[indent] === '-' || text[indent] === '\t')) indent++;
    if (indent < lineEnd && text[indent] !== '#') {
      const column = indent - lineStart;
      while (indents.length && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
      if (indents.length > limits.maxDepth) {
        return [{ yamlCode: 'LIMIT_DEPTH', detail: String(limits.maxDepth), range: { start: indent, end: Math.min(lineEnd, indent + 200) } }];
      }
      // Only lines with a bracket need the character walk.
      if (bracketAtOrAfter(indent) < lineEnd || flowDepth > 0) {
        let quote = '';
        // A bracket opens a flow collection only where a value can start (not inside plain text).
        let previous = '-';
        for (let i = indent; i < lineEnd; i++) {
          const ch = text[i];
          if (quote) {
            if (ch === quote) quote = '';
          } else if ((ch === '"' || ch === "'") && ':-[{,'.includes(previous)) quote = ch;
          else if (ch === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) break;
          else if ((ch === '[' || ch === '{') && ':-[{,'.includes(previous)) flowDepth++;
          else if ((ch === ']' || ch === '}') && flowDepth > 0) flowDepth--;
          if (ch !== ' ' && ch !== '\t') previous = ch;
          if (flowDepth + indents.length > limits.maxDepth) {
            return [{ yamlCode: 'LIMIT_DEPTH', detail: String(limits.maxDepth), range: { start: indent, end: Math.min(lineEnd, indent + 200) } }];
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return [];
}

/** True when the pattern (global) matches fewer than `count` times. */
function fewerThan(text: string, pattern: RegExp, count: number): boolean {
  pattern.lastIndex = 0;
  for (let found = 0; found < count; found++) if (!pattern.exec(text)) return true;
  return false;
}

/** UTF-8 byte length, counting no further than needed to know it exceeds `cap`. */
function utf8Length(text: string, cap: number): number {
  if (text.length * 3 <= cap) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= cap; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? (i++, 4) : 3;
  }
  return bytes;
}
