// The plan's shape for people: document symbols (outline), folding ranges, and the data of the
// VS Code tree view. All from the one model; problem counts from the one list of findings.

import { coverageOf, sectionCoverage } from '../coverage';
import type { PlanAnalysis } from '../analysis';
import { areaByNumber, compareCodes } from '../data/catalog';
import { quarterOf } from '../data/deadline';
import { lateness, taskFollowUp, type TaskStatus } from '../follow-up';
import type { ItemModel, SectionModel, TaskModel } from '../model';
import type { Finding, OffsetRange, Severity } from '../types';
import { itemAt, sectionAt, shorten, taskAt } from './locate';
import { faultPoint } from '../faults';

export interface PlanSymbol {
  name: string;
  detail?: string;
  kind: 'plan' | 'section' | 'item' | 'task';
  range: OffsetRange;
  selectionRange: OffsetRange;
  children: PlanSymbol[];
}

function sectionName(analysis: PlanAnalysis, section: SectionModel): string {
  const numeral = section.area?.numeral ?? '?';
  const title = section.title?.text ?? (section.area?.number ? areaByNumber(analysis.data.catalog, section.area.number)?.name : undefined);
  return title ? `${numeral}. ${shorten(title, 80)}` : `${numeral}. ${analysis.messages.sectionWithoutArea()}`;
}

function itemName(analysis: PlanAnalysis, item: ItemModel): { codes: string; name: string } {
  const codes = item.criteria.map((c) => c.code).join(', ');
  const catalogName = item.criteria.map((c) => analysis.data.catalog.codes.get(c.code)?.name).find(Boolean);
  const name = item.name?.text ?? catalogName ?? item.finding?.text ?? '';
  return { codes: codes || analysis.messages.itemWithoutCode(), name: shorten(name, 70) };
}

function taskLabel(analysis: PlanAnalysis, task: TaskModel): string {
  return task.text ? shorten(task.text.text) : analysis.messages.taskWithoutText();
}

export function documentSymbols(analysis: PlanAnalysis): PlanSymbol[] {
  faultPoint('feature:symbols');
  const symbols: PlanSymbol[] = [];
  const header = analysis.model.header;
  if (header) {
    const end = header.map ? header.map.range![1] : header.field.range.end;
    symbols.push({
      name: header.title?.text ? shorten(header.title.text, 80) : 'plan',
      detail: [header.issuer?.text, header.year?.value].filter(Boolean).join(' · '),
      kind: 'plan',
      range: { start: header.field.range.start, end },
      selectionRange: header.field.keyRange,
      children: [],
    });
  }
  for (const section of analysis.model.sections) {
    symbols.push({
      name: sectionName(analysis, section),
      kind: 'section',
      range: section.range,
      selectionRange: section.anchor,
      children: section.items.map((item) => {
        const { codes, name } = itemName(analysis, item);
        return {
          name: codes,
          detail: name,
          kind: 'item' as const,
          range: item.range,
          selectionRange: item.anchor,
          children: item.tasks.map((task) => ({
            name: taskLabel(analysis, task),
            detail: task.deadline?.text ?? undefined,
            kind: 'task' as const,
            range: task.range,
            selectionRange: task.anchor,
            children: [],
          })),
        };
      }),
    });
  }
  return symbols;
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

export function foldingRanges(analysis: PlanAnalysis): FoldingRange[] {
  faultPoint('feature:folding');
  const lines = analysis.lines;
  const ranges: FoldingRange[] = [];
  const add = (range: OffsetRange) => {
    const startLine = lines.positionAt(range.start).line;
    // A node's range often ends at the start of the next line: fold up to the last line with content.
    let endLine = lines.positionAt(range.end).line;
    if (endLine > startLine && lines.lineStarts[endLine] === range.end) endLine--;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  const header = analysis.model.header;
  if (header?.map?.range) add({ start: header.field.range.start, end: header.map.range[1] });
  for (const section of analysis.model.sections) {
    add(section.range);
    for (const item of section.items) {
      add(item.range);
      if (item.finding) add(item.finding.range);
      for (const task of item.tasks) {
        add(task.range);
        if (task.text) add(task.text.range);
      }
    }
  }
  return ranges;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface TreeTask {
  label: string;
  range: OffsetRange;
  leads: { id?: string; name: string }[];
  deadline: string | null;
  /** "2023-Q4", "recurring", "invalid" or "none": the deadline quarter the tree groups by. */
  quarter: string;
  /** The follow-up status, written or implied (follow-up.ts). */
  status: TaskStatus;
  /** Days late on the as-of day, when the plan is followed up and the task is overdue; else null. */
  overdueDays: number | null;
  problems: ProblemCounts;
}

export interface TreeItem {
  codes: string;
  name: string;
  range: OffsetRange;
  problems: ProblemCounts;
  tasks: TreeTask[];
}

export interface TreeSection {
  area: string;
  label: string;
  range: OffsetRange;
  problems: ProblemCounts;
  items: TreeItem[];
  /** With results: the area's points lost in the index year and those this section has tasks for. */
  points?: { lost: number; covered: number };
}

export interface PlanTree {
  title: string;
  year: number | null;
  sections: TreeSection[];
  problems: ProblemCounts;
  /** Overdue tasks on the as-of day (the status bar's "N quá hạn"). */
  overdue: number;
  /** With results: the plan's points lost in the index year and those it has tasks for. */
  points?: { lost: number; covered: number; indexYear: number };
}

const none = (): ProblemCounts => ({ errors: 0, warnings: 0, infos: 0 });
const bump = (counts: ProblemCounts, severity: Severity) => {
  if (severity === 'error') counts.errors++;
  else if (severity === 'warning') counts.warnings++;
  else counts.infos++;
};

/** "2023-Q4", "recurring", "invalid" or "none": the deadline quarter a task is grouped by. */
export function quarterKey(analysis: PlanAnalysis, task: TaskModel): string {
  if (!task.deadline || task.deadline.text === null) return 'none';
  const meaning = analysis.deadline(task.deadline);
  if (!meaning || meaning.kind === 'invalid') return 'invalid';
  if (meaning.kind === 'recurring') return 'recurring';
  return `${meaning.end.slice(0, 4)}-Q${quarterOf(meaning.end)}`;
}

export function planTree(analysis: PlanAnalysis): PlanTree {
  faultPoint('feature:tree');
  const findings: Finding[] = analysis.findings();
  const tree: PlanTree = {
    title: analysis.model.header?.title?.text ?? '',
    year: analysis.planYear ?? null,
    sections: [],
    problems: none(),
    overdue: 0,
  };
  const asOf = analysis.options.asOf;
  const judged = asOf !== undefined && analysis.tracksProgress;
  const standing = (task: TaskModel) => {
    const state = taskFollowUp(analysis, task);
    const late = judged ? lateness(analysis, task, state, asOf!, 0) : undefined;
    const overdueDays = late && late.kind !== 'due-soon' ? late.days : null;
    if (overdueDays !== null) tree.overdue++;
    return { status: state.status, overdueDays };
  };
  const taskCounts = new Map<TaskModel, ProblemCounts>();
  const itemCounts = new Map<ItemModel, ProblemCounts>();
  const sectionCounts = new Map<SectionModel, ProblemCounts>();
  for (const finding of findings) {
    bump(tree.problems, finding.severity);
    // Binary searches: sibling ranges do not overlap and nest in their parent's, so the item (task)
    // holding the offset is one of this section's (item's).
    const at = finding.range.start;
    const section = sectionAt(analysis, at);
    if (!section) continue;
    bump(sectionCounts.get(section) ?? sectionCounts.set(section, none()).get(section)!, finding.severity);
    const item = itemAt(analysis, at);
    if (!item) continue;
    bump(itemCounts.get(item) ?? itemCounts.set(item, none()).get(item)!, finding.severity);
    const task = taskAt(analysis, at);
    if (task) bump(taskCounts.get(task) ?? taskCounts.set(task, none()).get(task)!, finding.severity);
  }
  const coverage = coverageOf(analysis);
  if (coverage) tree.points = { lost: coverage.lost, covered: coverage.covered, indexYear: coverage.results.indexYear };
  for (const section of analysis.model.sections) {
    tree.sections.push({
      area: section.area?.numeral ?? '?',
      label: sectionName(analysis, section),
      range: section.anchor,
      problems: sectionCounts.get(section) ?? none(),
      points: sectionCoverage(analysis, section),
      items: section.items.map((item) => {
        const { codes, name } = itemName(analysis, item);
        return {
          codes: item.criteria.length ? [...item.criteria.map((c) => c.code)].sort(compareCodes).join(', ') : codes,
          name,
          range: item.anchor,
          problems: itemCounts.get(item) ?? none(),
          tasks: item.tasks.map((task) => ({
            label: taskLabel(analysis, task),
            range: task.anchor,
            leads: (task.lead?.entries ?? []).flatMap((entry) =>
              analysis.unitParts(entry).map((part) => {
                const unit = part.unitIds.length === 1 ? analysis.registry.units.get(part.unitIds[0]) : undefined;
                return { id: unit?.id, name: unit?.name ?? part.text };
              }),
            ),
            deadline: task.deadline?.text?.trim() ?? null,
            quarter: quarterKey(analysis, task),
            ...standing(task),
            problems: taskCounts.get(task) ?? none(),
          })),
        };
      }),
    });
  }
  return tree;
}
