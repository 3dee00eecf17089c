// Minimal text edits that record follow-up on a task: set `status`, `done`, `note` or `id`, and add a
// `progress` report. Shared by the "Mark as done" code action and `par-plan followup import`, so both
// write a plan the same way: existing values are replaced in place, missing keys are added as new
// lines at the task's key column, and nothing else in the file moves (comments, quotes, layout stay).

import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { PlanFacts } from './plan-facts';
import { afterLastLine, lineOf, replaceScalar, scalarText } from './edits';
import type { Field, TaskModel } from './model';
import type { TextEdit } from './types';

export type ScalarKey = 'status' | 'done' | 'note' | 'id';

export interface ProgressReport {
  date: string;
  text: string;
  evidence?: string;
}

export interface TaskChange {
  /** Keys to set, with their new values. */
  set?: Partial<Record<ScalarKey, string>>;
  /** A report to append to `progress`. */
  progress?: ProgressReport;
}

/** The line break the file uses, so added lines match it. */
function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function fieldOf(task: TaskModel, key: ScalarKey): Field | null {
  switch (key) {
    case 'status':
      return task.status?.field ?? null;
    case 'done':
      return task.done?.field ?? null;
    case 'note':
    case 'id':
      return findField(task, key);
  }
}

/** The field of a key the model keeps only as text (`note`, `id`): a non-text value still has a field to replace. */
function findField(task: TaskModel, key: string): Field | null {
  const pair = task.node.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key) || !pair.key.range) return null;
  const value = (pair.value as Node | null) ?? null;
  const keyRange = { start: pair.key.range[0], end: pair.key.range[1] };
  const valueRange = value?.range && value.range[1] > value.range[0] ? { start: value.range[0], end: value.range[1] } : keyRange;
  return { pair, key: pair.key, keyRange, value: value?.range ? value : null, valueRange, range: { start: keyRange.start, end: Math.max(keyRange.end, valueRange.end) } };
}

/** The offset right after a key's colon. */
function afterColon(text: string, field: Field): number {
  const colon = text.indexOf(':', field.keyRange.end);
  return colon < 0 ? field.keyRange.end : colon + 1;
}

/**
 * Edits that apply a change to one task, or undefined when the task is written in flow style
 * (`- {task: ..}`) and cannot take new lines without being reformatted.
 */
export function taskChangeEdits(analysis: PlanFacts, task: TaskModel, change: TaskChange): TextEdit[] | undefined {
  if (task.node.flow) return undefined;
  const text = analysis.text;
  const eol = lineBreakOf(text);
  const keyLine = lineOf(analysis, task.anchor.start);
  const indent = ' '.repeat(task.anchor.start - keyLine.start);
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const [key, value] of Object.entries(change.set ?? {}) as [ScalarKey, string][]) {
    const field = fieldOf(task, key);
    if (!field) {
      added.push(`${indent}${key}: ${scalarText(value, null, false)}${eol}`);
    } else if (field.value && isScalar(field.value) && field.value.range![1] > field.value.range![0]) {
      edits.push(replaceScalar(text, field.value as Scalar, value, false));
    } else if (!field.value || (isScalar(field.value) && field.value.value === null)) {
      // `key:` with nothing after the colon (an empty scalar has a zero-width range there).
      const at = afterColon(text, field);
      edits.push({ range: { start: at, end: at }, newText: ` ${scalarText(value, null, false)}` });
    } else {
      // A list or a mapping where text belongs: replace it whole.
      edits.push({ range: field.valueRange, newText: scalarText(value, null, false) });
    }
  }
  if (change.progress) {
    const progress = task.progressField;
    const entryLines = (dash: string) => {
      const inner = ' '.repeat(dash.length + 2);
      const p = change.progress!;
      return (
        `${dash}- date: ${scalarText(p.date, null, false)}${eol}` +
        `${inner}text: ${scalarText(p.text, null, false)}${eol}` +
        (p.evidence ? `${inner}evidence: ${scalarText(p.evidence, null, false)}${eol}` : '')
      );
    };
    const list = progress?.value;
    if (!progress) {
      added.push(`${indent}progress:${eol}${entryLines(`${indent}  `)}`);
    } else if (isSeq(list) && !list.flow && list.items.length > 0) {
      const first = list.items[0] as Node;
      const dashLine = lineOf(analysis, first.range![0]);
      const at = afterLastLine(analysis, list.range![1]);
      edits.push({ range: { start: at, end: at }, newText: (at === text.length && !text.endsWith('\n') ? eol : '') + entryLines(dashLine.indent) });
    } else if (!list || (isSeq(list) && list.items.length === 0) || (isScalar(list) && (list.value === null || list.value === ''))) {
      // `progress:` or `progress: []`: the list starts on the next line.
      const start = afterColon(text, progress);
      const end = list?.range && list.range[1] > list.range[0] ? list.range[1] : start;
      edits.push({ range: { start, end }, newText: eol + entryLines(`${indent}  `).replace(new RegExp(`${eol}$`), '') });
    } else if (isSeq(list) || isMap(list)) {
      return undefined; // a flow list of reports: leave it to the author
    }
  }
  if (added.length) {
    const at = afterLastLine(analysis, task.range.end);
    // A report appended at the same place comes first: it must stay inside its list.
    const same = edits.find((e) => e.range.start === at && e.range.end === at);
    if (same) same.newText += added.join('');
    else edits.push({ range: { start: at, end: at }, newText: (at === text.length && !text.endsWith('\n') ? eol : '') + added.join('') });
  }
  return edits;
}
