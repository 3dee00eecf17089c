// Re-parse only what an edit touched. A plan is a list of sections, items and tasks; an edit inside
// one list entry is re-parsed as that entry alone and spliced into the previous document, whose
// other nodes keep their identity and move by the edit's length. Whenever that could differ from a
// full parse (the previous version had syntax errors, the edit crosses an entry's bounds, the entry
// no longer parses alone, anchors or aliases are involved), the caller parses the whole text.
// test/engine/incremental.test.ts checks on random edits that both ways give the same analysis.

import { isCollection, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EntryModel, PlanModel } from './model';
import { LineIndex, type ParsedDocument } from './parse';

/** One replacement, in offsets of the previous text. */
export interface TextChange {
  start: number;
  end: number;
  newLength: number;
}

/** The single span where two texts differ (common prefix and suffix removed). */
export function diffTexts(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, newLength: after.length - tail - start };
}

/** Two successive changes as one: `first` took A to B, `second` took B to C; the result takes A to C. */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  const firstDelta = first.newLength - (first.end - first.start);
  const secondDelta = second.newLength - (second.end - second.start);
  const start = Math.min(first.start, second.start);
  const endInMiddle = Math.max(first.start + first.newLength, second.end);
  return { start, end: endInMiddle - firstDelta, newLength: endInMiddle + secondDelta - start };
}

/** The line index of a text after one change, from the index before it. */
export function editLines(before: LineIndex, text: string, change: TextChange): LineIndex {
  const starts = before.lineStarts;
  const delta = change.newLength - (change.end - change.start);
  // Lines that start at or before the change's start keep their offsets; lines after its end move.
  let first = 0;
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= change.start) {
      first = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  let after = first + 1;
  while (after < starts.length && starts[after] <= change.end) after++;
  const insertedEnd = change.start + change.newLength;
  const inserted: number[] = [];
  for (let i = text.indexOf('\n', change.start); i !== -1 && i < insertedEnd; i = text.indexOf('\n', i + 1)) inserted.push(i + 1);
  // One array of the final length: a plan has tens of thousands of lines and this runs per keystroke.
  const result = new Array<number>(first + 1 + inserted.length + (starts.length - after));
  let k = 0;
  for (let i = 0; i <= first; i++) result[k++] = starts[i];
  for (const start of inserted) result[k++] = start;
  for (let i = after; i < starts.length; i++) result[k++] = starts[i] + delta;
  return new LineIndex(text, result);
}

interface Entry {
  model: EntryModel;
  seq: YAMLSeq;
  /** The collections around the entry, innermost first, up to the document's root. */
  ancestors: Node[];
}

/** The innermost section, item or task whose mapping holds the whole change. */
function innermostEntry(model: PlanModel, change: TextChange): Entry | undefined {
  const inside = (range: { start: number; end: number }) => change.start >= range.start && change.end <= range.end;
  const find = <T extends { range: { start: number; end: number } }>(list: readonly T[]): T | undefined => {
    let low = 0;
    let high = list.length - 1;
    let found: T | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (list[mid].range.start <= change.start) {
        found = list[mid];
        low = mid + 1;
      } else high = mid - 1;
    }
    return found && inside(found.range) ? found : undefined;
  };
  const sections = model.sectionsField?.value;
  if (!isSeq(sections) || !model.root) return undefined;
  const rootward = [sections as Node, model.root as Node];
  const task = find(model.tasks);
  // The item holding the change is the task's when there is one.
  const item = task?.item ?? find(model.items);
  const tasks = task?.item.tasksField?.value;
  const items = item?.section.itemsField?.value;
  if (task && isSeq(tasks) && isSeq(items)) {
    return { model: task, seq: tasks, ancestors: [tasks, task.item.node, items, task.item.section.node, ...rootward] };
  }
  if (item && isSeq(items)) return { model: item, seq: items, ancestors: [items, item.section.node, ...rootward] };
  const section = find(model.sections);
  if (section) return { model: section, seq: sections, ancestors: rootward };
  return undefined;
}

const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s,[\]{}]/;
const COMMENT_LINE = /(^|\n)[ ]*#/;

function shiftTree(node: Node | null | undefined, from: number, delta: number): void {
  if (!node?.range) return;
  const range = node.range;
  if (range[2] < from) return; // wholly before the change: nothing inside moves
  if (range[0] >= from) range[0] += delta;
  if (range[1] >= from) range[1] += delta;
  range[2] += delta;
  if (isCollection(node)) {
    for (const entry of node.items as unknown[]) {
      if (isPair(entry)) {
        shiftTree(entry.key as Node | null, from, delta);
        shiftTree(entry.value as Node | null, from, delta);
      } else shiftTree(entry as Node, from, delta);
    }
  }
}

function endsInCommentedEmptyValue(map: YAMLMap): boolean {
  let last: unknown = map;
  while (isCollection(last) && last.items.length > 0) {
    const item: unknown = last.items[last.items.length - 1];
    last = isPair(item) ? item.value : item;
  }
  return isScalar(last) && last.range?.[0] === last.range?.[1] && Boolean(last.comment);
}

export interface Reparsed {
  parsed: ParsedDocument;
  /** The entry replaced: its previous model, its new mapping, and the collections around it (now changed). */
  replaced: { old: EntryModel; node: YAMLMap; ancestors: Node[] };
}

/**
 * The new version's parse from the previous one, or undefined when only a full parse is safe.
 * On success the previous document is reused and changed in place: the previous analysis must not
 * be used afterwards.
 */
export function reparse(previous: { parsed: ParsedDocument; model: PlanModel }, text: string, change: TextChange, lines: LineIndex): Reparsed | undefined {
  const old = previous.parsed;
  if (old.syntax.length > 0) return undefined;
  const entry = innermostEntry(previous.model, change);
  if (!entry) return undefined;
  const oldLines = old.lines;
  const oldText = old.text;
  const oldNode = entry.model.node;
  const nodeStart = oldNode.range![0];
  const nodeEnd = oldNode.range![1];
  if (change.start < nodeStart) return undefined;
  const firstLine = oldLines.positionAt(nodeStart).line;
  const spanStart = oldLines.lineStarts[firstLine];
  const dash = oldText.slice(spanStart, nodeStart);
  if (!/^[ ]*-[ ]+$/.test(dash)) return undefined; // only block list entries ("- " on the first line)
  const dashIndent = dash.indexOf('-');
  // The span ends after the line break of the entry's last line: the full parse counts that break
  // in the entry's range, so the entry parsed alone must see it too.
  const lastLine = oldLines.positionAt(Math.max(nodeStart, nodeEnd - 1)).line;
  const spanEnd = lastLine + 1 < oldLines.lineCount ? oldLines.lineStarts[lastLine + 1] : oldText.length;
  // Strictly inside: an edit at the span's end (the next line, or the end of the file) is outside it.
  if (change.end >= spanEnd) return undefined;
  const delta = change.newLength - (change.end - change.start);
  const newSpanEnd = spanEnd + delta;
  const oldSpan = oldText.slice(spanStart, spanEnd);
  const newSpan = text.slice(spanStart, newSpanEnd);
  if (ANCHOR_OR_ALIAS.test(oldSpan) || ANCHOR_OR_ALIAS.test(newSpan) || newSpan.includes('\t')) return undefined;
  // A comment on a line of its own attaches to a neighbour, which differs at the edge of a span
  // parsed alone: rare inside an entry, so such spans take the full parse.
  if (COMMENT_LINE.test(oldSpan) || COMMENT_LINE.test(newSpan)) return undefined;
  // A line that is not deeper than the dash would leave the entry: only a full parse knows where it goes.
  for (let at = newSpan.indexOf('\n'); at !== -1; at = newSpan.indexOf('\n', at + 1)) {
    const rest = newSpan.slice(at + 1, newSpan.indexOf('\n', at + 1) === -1 ? undefined : newSpan.indexOf('\n', at + 1));
    const indent = /^[ ]*/.exec(rest)![0].length;
    if (indent <= dashIndent && rest.trim() !== '' && !rest.trimStart().startsWith('#')) return undefined;
  }
  const doc = parseDocument(newSpan, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0 || !isSeq(doc.contents) || doc.contents.items.length !== 1 || !isMap(doc.contents.items[0])) return undefined;
  const replacement = doc.contents.items[0] as YAMLMap;
  if (!replacement.range || replacement.range[0] !== nodeStart - spanStart) return undefined;
  // An entry ending in an empty value with a comment ("deadline: # …") ends, in the whole document,
  // at the next line's first token, which the entry parsed alone cannot see.
  if (endsInCommentedEmptyValue(replacement)) return undefined;
  shiftTree(replacement, 0, spanStart);
  // Collections that end where the entry ends take the new entry's end; a shift cannot know it
  // (the last token of a file decides where the document ends).
  const [, oldValueEnd, oldNodeEnd] = oldNode.range!;
  const endsWithEntry = entry.ancestors.map((a) => [a.range?.[1] === oldValueEnd, a.range?.[2] === oldNodeEnd] as const);
  // Everything at or after the old span's end moves by delta; collections around it grow or shrink.
  shiftTree(old.doc.contents as Node | null, spanEnd, delta);
  entry.seq.items[entry.model.index] = replacement;
  entry.ancestors.forEach((a, i) => {
    if (endsWithEntry[i][0]) a.range![1] = replacement.range![1];
    if (endsWithEntry[i][1]) a.range![2] = replacement.range![2];
  });
  if (old.doc.range) {
    old.doc.range[1] += delta;
    old.doc.range[2] += delta;
  }
  return {
    parsed: { text, lines, doc: old.doc, syntax: [] },
    replaced: { old: entry.model, node: replacement, ancestors: entry.ancestors },
  };
}
