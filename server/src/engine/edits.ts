// Minimal text edits for quick-fixes. They touch only the characters that must change, so comments,
// quotes and layout around them stay as the author wrote them.

import { isSeq, type Node, type Scalar, type YAMLSeq } from 'yaml';
import type { TextFacts } from './plan-facts';
import type { OffsetRange, TextEdit } from './types';

const FLOW_INDICATORS = /[,[\]{}]/;

/** Would this text, written as a plain scalar, read back as the same string? */
export function isSafePlain(text: string, inFlow: boolean): boolean {
  if (text === '' || text !== text.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return false;
  if (/: |:$| #|\n|\t/.test(text)) return false;
  if (inFlow && FLOW_INDICATORS.test(text)) return false;
  // Words YAML reads as something else: numbers, booleans, null.
  if (/^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan|true|false|yes|no|on|off|null|~)$/i.test(text)) return false;
  return true;
}

/** Writes a string as a YAML scalar in the style of the one it replaces, quoting only when needed. */
export function scalarText(value: string, like: Scalar | null, inFlow: boolean): string {
  if (like?.type === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  if (like?.type !== 'QUOTE_DOUBLE' && isSafePlain(value, inFlow)) return value;
  return JSON.stringify(value);
}

/**
 * Replaces part of a scalar's value. Edits the exact characters when the scalar's source lines up
 * with its value and the result still reads back the same; otherwise rewrites the whole scalar.
 */
export function replaceInScalar(
  analysis: TextFacts,
  node: Scalar,
  valueRange: OffsetRange,
  sourceRange: OffsetRange | null,
  replacement: string,
  inFlow: boolean,
): TextEdit {
  const value = String(node.value ?? '');
  const newValue = value.slice(0, valueRange.start) + replacement + value.slice(valueRange.end);
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  if (sourceRange) {
    const plainOk = node.type !== 'PLAIN' || isSafePlain(newValue, inFlow);
    const quotedOk =
      (node.type === 'QUOTE_DOUBLE' && !/["\\]/.test(replacement)) || (node.type === 'QUOTE_SINGLE' && !replacement.includes("'"));
    // Inside a block scalar's body, one line of text with no edge spaces reads back as written.
    const blockOk = block && replacement !== '' && replacement === replacement.trim() && !/[\r\n]/.test(replacement);
    if ((node.type === 'PLAIN' && plainOk) || quotedOk || blockOk) return { range: sourceRange, newText: replacement };
  }
  return replaceScalar(analysis.text, node, newValue, inFlow);
}

/**
 * Where a block scalar (`|`, `>`) ends without its trailing line breaks, which its range includes,
 * and the comment on its header line; undefined for other scalars.
 */
export function blockScalarExtent(text: string, node: Scalar): { end: number; comment?: string } | undefined {
  if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return undefined;
  const [start, end] = node.range!;
  const source = text.slice(start, end);
  return { end: start + source.trimEnd().length, comment: /^[|>][-+0-9]*[ \t]+(#[^\r\n]*)/.exec(source)?.[1].trimEnd() };
}

/** Rewrites a whole scalar with a new value; a block scalar's header comment and final line break stay. */
export function replaceScalar(text: string, node: Scalar, value: string, inFlow: boolean): TextEdit {
  const block = blockScalarExtent(text, node);
  if (block) return { range: { start: node.range![0], end: block.end }, newText: scalarText(value, null, inFlow) + (block.comment ? ` ${block.comment}` : '') };
  return { range: { start: node.range![0], end: node.range![1] }, newText: scalarText(value, node, inFlow) };
}

/** Removes one entry of a sequence, with its separator (flow) or its whole line (block). */
export function removeSequenceEntry(analysis: TextFacts, seq: Node, index: number): TextEdit {
  const text = analysis.text;
  if (!isSeq(seq)) throw new Error('not a sequence');
  const items = (seq as YAMLSeq<Node>).items;
  const entry = items[index];
  const [start, end] = entry.range!;
  if (seq.flow) {
    if (index > 0) return { range: { start: items[index - 1].range![1], end }, newText: '' };
    if (items.length > 1) return { range: { start, end: items[1].range![0] }, newText: '' };
    return { range: { start, end }, newText: '' };
  }
  // Block sequence: from the start of the "- " line to the start of the next line.
  const lines = analysis.lines;
  const line = lines.positionAt(start).line;
  const lineStart = lines.lineStarts[line];
  const lastLine = lines.positionAt(Math.max(start, end - 1)).line;
  const next = lastLine + 1 < lines.lineCount ? lines.lineStarts[lastLine + 1] : text.length;
  return { range: { start: lineStart, end: next }, newText: '' };
}

/** The line holding an offset: its bounds, text and indentation. */
export function lineOf(analysis: TextFacts, offset: number) {
  const lines = analysis.lines;
  const line = lines.positionAt(offset).line;
  const start = lines.lineStarts[line];
  const content = analysis.text.slice(start, lines.lineEnd(line));
  return { line, start, end: lines.lineEnd(line), content, indent: /^[ \t]*/.exec(content)![0] };
}

/** Offset just after the last line a node occupies (including its line break). */
export function afterLastLine(analysis: TextFacts, end: number): number {
  const lines = analysis.lines;
  const lastLine = lines.positionAt(end > 0 && analysis.text[end - 1] === '\n' ? end - 1 : end).line;
  return lastLine + 1 < lines.lineCount ? lines.lineStarts[lastLine + 1] : analysis.text.length;
}

/** Applies edits to a text; edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  const kept: TextEdit[] = [];
  let floor = Infinity;
  for (const edit of sorted) {
    if (edit.range.end > floor) continue; // overlaps an edit already applied: skip it
    kept.push(edit);
    floor = edit.range.start;
  }
  // One pass from the start, not a copy of the whole text per edit (fix-all may apply thousands).
  const parts: string[] = [];
  let at = 0;
  for (let i = kept.length - 1; i >= 0; i--) {
    parts.push(text.slice(at, kept[i].range.start), kept[i].newText);
    at = kept[i].range.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
