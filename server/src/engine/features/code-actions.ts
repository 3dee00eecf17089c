// Code actions for a range: each finding's own fixes, plus edits people ask for around findings
// (insert a missing lead or deadline, move an item to its area's section, silence a finding) and
// rewrites (normalise a deadline, split "A; B" into a list), and fix-all. Minimal text edits only.

import type { Node } from 'yaml';
import type { PlanAnalysis } from '../analysis';
import { areaOfCode, isWellFormedCode } from '../data/catalog';
import { afterLastLine, blockScalarExtent, lineOf, replaceScalar, scalarText } from '../edits';
import { fixAll, withDocumentLineBreaks } from '../fix-all';
import { diffTexts } from '../incremental';
import { AREA_NUMERALS, type ItemModel, type TaskModel } from '../model';
import { DISABLE_NEXT_LINE, scalarAt } from '../suppress';
import type { Finding, OffsetRange, TextEdit } from '../types';
import { deadlineSuggestions } from '../data/deadline';
import { itemAt, taskAt } from './locate';
import { faultPoint } from '../faults';
import { STATUS_LABELS, taskFollowUp } from '../follow-up';
import { taskChangeEdits, type TaskChange } from '../follow-up-edits';
import { messagesFor } from '../messages';

export type CodeActionKind = 'quickfix' | 'refactor.rewrite' | 'source.fixAll';

export interface PlanCodeAction {
  title: string;
  kind: CodeActionKind;
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Findings this action resolves (for the editor to link the action to its diagnostics). */
  findings?: Finding[];
  /**
   * The same insertion with LSP snippet placeholders, for editors that can insert snippets.
   * Applied instead of `edits` by such editors; `edits` stay the plain-text fallback.
   */
  snippet?: { offset: number; replaceEnd: number; text: string };
}

const overlaps = (a: OffsetRange, b: OffsetRange) => a.start <= b.end && b.start <= a.end;

function insertKeyAction(analysis: PlanAnalysis, task: TaskModel, key: 'lead' | 'deadline', finding: Finding): PlanCodeAction {
  const msg = analysis.messages;
  const title = key === 'lead' ? msg.actionAddLead() : msg.actionAddDeadline();
  const year = analysis.planYear;
  const choices = year ? deadlineSuggestions(year).slice(0, 6) : [];
  const placeholder = key === 'lead' ? `[\${1:${msg.placeholderUnit()}}]` : choices.length ? `\${1|${choices.map((c) => c.replace(/[,|]/g, '\\$&')).join(',')}|}` : '$1';
  const field = task[key]?.field;
  if (field) {
    // The key is there with an empty value: replace the value (or add one after the colon).
    const value = field.value?.range && field.value.range[1] > field.value.range[0] ? field.valueRange : null;
    const at = value ? value.start : field.keyRange.end + 1;
    const end = value ? value.end : at;
    const prefix = value ? '' : ' ';
    // The key is there: only a snippet (a placeholder to type into) helps. No plain edit, so an
    // editor that cannot insert snippets shows no action that would change nothing useful.
    return {
      title,
      kind: 'quickfix',
      isPreferred: false,
      findings: [finding],
      edits: [],
      snippet: { offset: at, replaceEnd: end, text: prefix + placeholder },
    };
  }
  // No key: insert a line after the task's first entry, at the indentation of the task's keys.
  const anchorLine = lineOf(analysis, task.anchor.start);
  const keyColumn = task.anchor.start - anchorLine.start;
  const firstPair = task.node.items[0];
  const firstEnd = (firstPair?.value as { range?: [number, number, number] } | null)?.range?.[1] ?? task.anchor.end;
  const insertAt = afterLastLine(analysis, firstEnd);
  // At the end of a file without a final line break, the break goes before the new line: still none after it.
  const atEnd = insertAt === analysis.text.length && !analysis.text.endsWith('\n');
  const line = (value: string) => (atEnd ? `\n${' '.repeat(keyColumn)}${key}: ${value}` : `${' '.repeat(keyColumn)}${key}: ${value}\n`);
  return {
    title,
    kind: 'quickfix',
    findings: [finding],
    edits: [{ range: { start: insertAt, end: insertAt }, newText: line(key === 'lead' ? '[]' : '""') }],
    snippet: { offset: insertAt, replaceEnd: insertAt, text: line(placeholder) },
  };
}

/** Moves an item (whole lines, comments above it included) to the section of its area. */
function moveItemAction(analysis: PlanAnalysis, item: ItemModel, targetArea: number, finding: Finding): PlanCodeAction | undefined {
  const numeral = AREA_NUMERALS[targetArea - 1];
  const text = analysis.text;
  const source = item.section;
  const dash = lineOf(analysis, item.anchor.start);
  if (!/^\s*-\s/.test(dash.content)) return undefined; // a flow-style item: leave it alone
  let blockStart = dash.start;
  // Comment lines directly above the item travel with it.
  for (let line = dash.line - 1; line >= 0; line--) {
    const l = lineOf(analysis, analysis.lines.lineStarts[line]);
    if (!/^\s*#/.test(l.content) || l.indent.length !== dash.indent.length) break;
    blockStart = l.start;
  }
  const blockEnd = afterLastLine(analysis, item.range.end);
  let block = text.slice(blockStart, blockEnd);
  if (!block.endsWith('\n')) block += '\n';
  const reindent = (from: number, to: number) =>
    to === from ? block : block.replace(/^(.*)$/gm, (l) => (l === '' ? l : to > from ? ' '.repeat(to - from) + l : l.replace(new RegExp(`^ {0,${from - to}}`), '')));
  const target = analysis.model.sections.find((s) => s.area?.number === targetArea);
  const edits: TextEdit[] = [];
  // Remove from the source: the whole section when this was its only item.
  if (source.items.length === 1 && /^\s*-\s/.test(lineOf(analysis, source.anchor.start).content)) {
    edits.push({ range: { start: lineOf(analysis, source.anchor.start).start, end: afterLastLine(analysis, source.range.end) }, newText: '' });
  } else {
    edits.push({ range: { start: blockStart, end: blockEnd }, newText: '' });
  }
  if (target) {
    const last = target.items[target.items.length - 1];
    if (!last) return undefined;
    const lastDash = lineOf(analysis, last.anchor.start);
    const at = afterLastLine(analysis, last.range.end);
    const moved = reindent(dash.indent.length, lastDash.indent.length);
    edits.push({ range: { start: at, end: at }, newText: (at === text.length && !text.endsWith('\n') ? '\n' : '') + moved });
  } else {
    // No section for that area yet: create one, in area order.
    const sections = analysis.model.sections;
    const before = sections.find((s) => (s.area?.number ?? 0) > targetArea);
    const sectionDash = lineOf(analysis, (before ?? source).anchor.start);
    const sectionIndent = sectionDash.indent.length;
    const keyIndent = ' '.repeat(sectionIndent + 2);
    const itemIndent = sectionIndent + 4;
    const header = `${' '.repeat(sectionIndent)}- area: ${numeral}\n${keyIndent}items:\n`;
    const body = reindent(dash.indent.length, itemIndent);
    const at = before ? sectionDash.start : afterLastLine(analysis, sections[sections.length - 1].range.end);
    edits.push({ range: { start: at, end: at }, newText: (at === text.length && !text.endsWith('\n') ? '\n' : '') + header + body });
  }
  return { title: analysis.messages.actionMoveItem(numeral), kind: 'quickfix', edits, findings: [finding] };
}

function disableAction(analysis: PlanAnalysis, finding: Finding): PlanCodeAction | undefined {
  const target = lineOf(analysis, finding.range.start);
  // A line inside a multi-line scalar (a block's body) cannot take a comment above it: it would be
  // text. That is a scalar holding the line's start that began on an earlier line.
  const scalar = scalarAt(analysis.parsed.doc.contents as Node | null, target.start);
  if (scalar && scalar.range![0] < target.start) return undefined;
  const previous = target.line > 0 ? lineOf(analysis, analysis.lines.lineStarts[target.line - 1]) : undefined;
  // Only a real directive comment: the same words inside a block scalar are plan text.
  const directive = previous && analysis.directives.has(previous.line) && new RegExp(`^\\s*#\\s*${DISABLE_NEXT_LINE}\\b(.*)$`).exec(previous.content);
  if (directive && previous) {
    // Add the code to the directive already there (before any "-- reason").
    const reason = previous.content.indexOf(' -- ');
    const at = reason === -1 ? previous.start + previous.content.trimEnd().length : previous.start + reason;
    return { title: analysis.messages.actionDisableForLine(finding.code), kind: 'quickfix', edits: [{ range: { start: at, end: at }, newText: ` ${finding.code}` }], findings: [finding] };
  }
  // A finding in the middle of a line still silences that whole line: the comment goes above it.
  return {
    title: analysis.messages.actionDisableForLine(finding.code),
    kind: 'quickfix',
    edits: [{ range: { start: target.start, end: target.start }, newText: `${target.indent}# ${DISABLE_NEXT_LINE} ${finding.code}\n` }],
    findings: [finding],
  };
}

function normalizeDeadlineAction(analysis: PlanAnalysis, task: TaskModel): PlanCodeAction | undefined {
  const field = task.deadline;
  if (!field?.node || field.text === null || typeof field.node.value !== 'string') return undefined;
  const meaning = analysis.deadline(field);
  if (!meaning || meaning.kind === 'invalid' || meaning.normalized === field.text.trim()) return undefined;
  return {
    title: analysis.messages.fixNormalizeDeadline(meaning.normalized),
    kind: 'refactor.rewrite',
    edits: [replaceScalar(analysis.text, field.node, meaning.normalized, false)],
  };
}

function splitListAction(analysis: PlanAnalysis, task: TaskModel, offset: number): PlanCodeAction | undefined {
  for (const role of ['lead', 'support'] as const) {
    const field = task[role];
    if (field?.form !== 'string' || !field.entries[0].text.includes(';')) continue;
    if (offset < field.field.range.start || offset > field.field.range.end) continue;
    const names = field.entries[0].text.split(';').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const keyLine = lineOf(analysis, field.field.keyRange.start);
    const indent = ' '.repeat(field.field.keyRange.start - keyLine.start + 2);
    const list = names.map((n) => `\n${indent}- ${scalarText(n, null, false)}`).join('');
    // A block scalar keeps its final line break and its header comment (now after the key).
    const block = blockScalarExtent(analysis.text, field.entries[0].node);
    return {
      title: analysis.messages.actionSplitUnitList(),
      kind: 'refactor.rewrite',
      edits: [{ range: { start: field.field.keyRange.end + 1, end: block?.end ?? field.field.valueRange.end }, newText: (block?.comment ? ` ${block.comment}` : '') + list }],
    };
  }
  return undefined;
}

const MARK_DONE_AFTER = new Set(['par/overdue', 'par/due-soon', 'par/done-without-date']);

/** "Đánh dấu hoàn thành": status hoàn thành and done = the as-of day (what "today" is in the editor). */
function markDoneAction(analysis: PlanAnalysis, task: TaskModel, kind: CodeActionKind, finding?: Finding): PlanCodeAction | undefined {
  const asOf = analysis.options.asOf;
  const state = taskFollowUp(analysis, task);
  if (!asOf || (state.status === 'done' && state.doneDay)) return undefined;
  // Status first, then the day: the order the keys read best in.
  const set: TaskChange['set'] = state.status === 'done' && state.explicit ? {} : { status: STATUS_LABELS.done };
  set.done = messagesFor('vi').day(asOf);
  const edits = taskChangeEdits(analysis, task, { set });
  if (!edits) return undefined;
  return { title: analysis.messages.actionMarkDone(), kind, edits, ...(finding ? { findings: [finding] } : {}) };
}

/** Safe fixes of the whole document as one edit: the span where the fixed text differs (none when it does not). */
export function fixAllEdits(analysis: PlanAnalysis): TextEdit[] {
  const fixed = fixAll(analysis).text;
  const change = diffTexts(analysis.text, fixed);
  return change ? [{ range: { start: change.start, end: change.end }, newText: fixed.slice(change.start, change.start + change.newLength) }] : [];
}

export function codeActions(analysis: PlanAnalysis, range: OffsetRange, only?: readonly string[]): PlanCodeAction[] {
  faultPoint('feature:codeActions');
  const wants = (kind: CodeActionKind) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: PlanCodeAction[] = [];
  const findings = analysis.findings().filter((f) => overlaps(f.range, range));
  if (wants('quickfix')) {
    for (const finding of findings) {
      for (const fix of finding.fixes ?? []) {
        actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, isPreferred: fix.preferred, findings: [finding] });
      }
      const task = taskAt(analysis, finding.range.start);
      if (task && finding.code === 'par/missing-lead') actions.push(insertKeyAction(analysis, task, 'lead', finding));
      if (task && finding.code === 'par/missing-deadline') actions.push(insertKeyAction(analysis, task, 'deadline', finding));
      if (task && MARK_DONE_AFTER.has(finding.code)) {
        const done = markDoneAction(analysis, task, 'quickfix', finding);
        if (done) actions.push(done);
      }
      if (finding.code === 'par/criterion-area-mismatch') {
        const item = itemAt(analysis, finding.range.start);
        const areas = new Set(item?.criteria.filter((c) => isWellFormedCode(c.code)).map((c) => areaOfCode(c.code)));
        if (item && areas.size === 1) {
          const move = moveItemAction(analysis, item, [...areas][0], finding);
          if (move) actions.push(move);
        }
      }
    }
    for (const finding of findings) {
      // Syntax errors cannot be silenced (analysis.ts): offering it would be a lie.
      const disable = finding.code === 'par/syntax' ? undefined : disableAction(analysis, finding);
      if (disable) actions.push(disable);
    }
  }
  if (wants('refactor.rewrite')) {
    const task = taskAt(analysis, range.start);
    if (task) {
      const normalize = task.deadline && overlaps(task.deadline.field.range, range) ? normalizeDeadlineAction(analysis, task) : undefined;
      if (normalize) actions.push(normalize);
      const split = splitListAction(analysis, task, range.start);
      if (split) actions.push(split);
      // Anywhere in an unfinished task of a followed-up plan, unless a quick-fix above already offers it.
      if (analysis.tracksProgress && !actions.some((a) => a.title === analysis.messages.actionMarkDone())) {
        const done = markDoneAction(analysis, task, 'refactor.rewrite');
        if (done) actions.push(done);
      }
    }
  }
  if (only?.some((o) => o === 'source.fixAll' || o === 'source')) {
    const edits = fixAllEdits(analysis);
    if (edits.length) actions.push({ title: analysis.messages.actionFixAll(), kind: 'source.fixAll', edits });
  }
  if (analysis.eol === '\n') return actions;
  // Actions write "\n"; a CRLF document gets CRLF in every line they insert.
  return actions.map((action) => ({
    ...action,
    edits: withDocumentLineBreaks(analysis, action.edits),
    snippet: action.snippet && { ...action.snippet, text: withDocumentLineBreaks(analysis, [{ newText: action.snippet.text }])[0].newText },
  }));
}
