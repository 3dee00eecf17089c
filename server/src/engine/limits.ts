// Cheap checks before parsing, so a hostile or broken file gets one clear finding instead of a
// parser that runs out of memory or stack. Each pass is linear and allocates nothing per line.

import type { Limits } from './config';
import type { SyntaxProblem } from './parse';

export interface LimitCheck {
  problems: SyntaxProblem[];
  /** Both only when there is no problem: the UTF-8 length of the text, and its deepest nesting
   * (indentation levels plus open brackets, whether or not it is reported). */
  bytes: number;
  depth: number;
}

export function checkLimits(text: string, limits: Limits): LimitCheck {
  const firstLine = (): { start: number; end: number } => {
    const end = text.indexOf('\n');
    return { start: 0, end: Math.min(end === -1 ? text.length : end, 200) };
  };
  const bytes = utf8Length(text, limits.maxFileBytes);
  const found = (problem: SyntaxProblem): LimitCheck => ({ problems: [problem], bytes, depth: 0 });
  if (bytes > limits.maxFileBytes) {
    return found({ yamlCode: 'LIMIT_SIZE', detail: String(limits.maxFileBytes), range: firstLine() });
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    return found({ yamlCode: 'BINARY', detail: '', range: firstLine() });
  }
  // Hosts decode invalid UTF-8 as U+FFFD: point at the first damaged character.
  const damaged = text.indexOf('\uFFFD');
  if (damaged !== -1) {
    let start = damaged;
    let end = damaged + 1;
    while (start > 0 && !/\s/.test(text[start - 1]) && damaged - start < 40) start--;
    while (end < text.length && !/\s/.test(text[end]) && end - damaged < 40) end++;
    return found({ yamlCode: 'NOT_UTF8', detail: '', range: { start, end } });
  }
  // Depth is reported only when a line is indented at least maxDepth columns or there are at least
  // maxDepth brackets (every real plan has neither); it is always measured: incremental checks build on it.
  const mayBeDeep = new RegExp(`^[ \\t-]{${limits.maxDepth},}`, 'm').test(text) || !fewerThan(text, /[[{]/g, limits.maxDepth);
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
  let deepest = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (lineEnd - lineStart > limits.maxLineLength) {
      return found({ yamlCode: 'LIMIT_LINE', detail: String(limits.maxLineLength), range: { start: lineStart, end: lineStart + 200 } });
    }
    let indent = lineStart;
    while (indent < lineEnd && (text[indent] === ' ' || text[indent] === '-' || text[indent] === '\t')) indent++;
    if (indent < lineEnd && text[indent] !== '#') {
      const column = indent - lineStart;
      while (indents.length && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
      deepest = Math.max(deepest, indents.length);
      if (indents.length > limits.maxDepth && mayBeDeep) {
        return found({ yamlCode: 'LIMIT_DEPTH', detail: String(limits.maxDepth), range: { start: indent, end: Math.min(lineEnd, indent + 200) } });
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
          deepest = Math.max(deepest, flowDepth + indents.length);
          if (flowDepth + indents.length > limits.maxDepth && mayBeDeep) {
            return found({ yamlCode: 'LIMIT_DEPTH', detail: String(limits.maxDepth), range: { start: indent, end: Math.min(lineEnd, indent + 200) } });
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return { problems: [], bytes, depth: deepest };
}

/** True when the pattern (global) matches fewer than `count` times. */
function fewerThan(text: string, pattern: RegExp, count: number): boolean {
  pattern.lastIndex = 0;
  for (let found = 0; found < count; found++) if (!pattern.exec(text)) return true;
  return false;
}

/** UTF-8 byte length, counting no further than needed to know it exceeds `cap`. */
export function utf8Length(text: string, cap = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= cap; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? (i++, 4) : 3;
  }
  return bytes;
}
