// The plan as its appendix table, as plain data: what the preview, the dashboard and the HTML export
// show. Built from one PlanAnalysis (the model and the findings of that version, never a second
// parse), laid out by the same functions as the Word export (word/appendix-layout.ts), with each
// finding placed on the cell it is about and each row's position in the document for click-to-reveal.
//
// Pure: no DOM, no file system. html.ts turns it into HTML.

import type { Node, YAMLMap } from 'yaml';
import type { PlanAnalysis } from '../engine';
import { itemAt, sectionAt, taskAt } from '../engine/features/locate';
import { quarterKey } from '../engine/features/outline';
import type { Field, ItemModel, SectionModel, TaskModel, UnitsField } from '../engine/model';
import type { Finding, Position, Severity } from '../engine/types';
import { columnsFor, numberedItems, type Column } from '../word/appendix-layout';
import { catalogNames } from '../word/catalog-names';
import { scalarText, unitsOf, type PlanData, type PlanItem, type PlanSection, type PlanTask } from '../word/plan-data';

export type ColumnKey = Column['key'];
export type TaskColumnKey = Exclude<ColumnKey, 'stt' | 'criterion'>;

/** A finding shown on a cell: its severity, code and message. */
export interface Mark {
  severity: Severity;
  code: string;
  message: string;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface CellView {
  /** The cell's text, one entry per line (one paragraph per line, as in the Word export). */
  lines: string[];
  /** Where the editor goes when the cell is clicked: the value, or the task when the value is missing. */
  at: Position;
  marks: Mark[];
}

export interface TaskRowView {
  /** Number of the task in the whole plan, from 0, in document order. */
  index: number;
  at: Position;
  cells: Record<TaskColumnKey, CellView>;
  /** The task as the Word export reads it. */
  task: PlanTask;
  /** The units it names as lead and as support, each once, by registry name when known. */
  leadUnits: string[];
  supportUnits: string[];
  /** "2023-Q4", "recurring", "invalid" or "none" (see quarterKey). */
  quarter: string;
  problems: ProblemCounts;
}

export interface ItemView {
  /** The STT column: the item's number in its section, empty for an item without a code. */
  stt: string;
  criterion: CellView;
  at: Position;
  /** Never empty in the table: an item without tasks still has one (empty) row. */
  tasks: TaskRowView[];
}

export interface SectionView {
  /** The Roman numeral as written ("II"). */
  area: string;
  title: string;
  at: Position;
  marks: Mark[];
  /** Every finding inside the section, its items and tasks. */
  problems: ProblemCounts;
  items: ItemView[];
}

export interface HeaderView {
  issuer?: string;
  title?: string;
  appendix?: string;
  document?: string;
  year?: number;
  indexYear?: number;
}

/** A finding outside any section (the header, the file's top level, YAML syntax), with its place. */
export interface PlacedMark extends Mark {
  at: Position;
}

export interface PlanView {
  header: HeaderView;
  /** The table's columns, as the Word export has them (Sản phẩm, Ghi chú only when used). */
  columns: Column[];
  sections: SectionView[];
  /** Findings about the header and the file as a whole, and syntax errors (which hide the rest). */
  planMarks: PlacedMark[];
  problems: ProblemCounts;
  taskCount: number;
}

export const TASK_COLUMNS: readonly TaskColumnKey[] = ['task', 'lead', 'support', 'deadline', 'product', 'note'];

export const noProblems = (): ProblemCounts => ({ errors: 0, warnings: 0, infos: 0 });

export function countProblem(counts: ProblemCounts, severity: Severity): void {
  if (severity === 'error') counts.errors++;
  else if (severity === 'warning') counts.warnings++;
  else counts.infos++;
}

/** A finding about a missing value points at the task's first key; its cell is the value's column. */
const COLUMN_OF_CODE: Record<string, TaskColumnKey> = {
  'par/missing-lead': 'lead',
  'par/missing-deadline': 'deadline',
};

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function extraField(node: YAMLMap, key: string): { text: string; start: number } | undefined {
  const pair = node.items.find((p) => scalarText(p.key) === key);
  if (!pair) return undefined;
  const value = pair.value as Node | null;
  const text = scalarText(value);
  if (text === undefined) return undefined;
  return { text, start: value?.range?.[0] ?? (pair.key as Node).range?.[0] ?? 0 };
}

function planTaskOf(task: TaskModel): PlanTask {
  const read: PlanTask = {
    task: task.text?.text ?? '',
    lead: unitsOf(task.lead?.field.value ?? null),
    support: unitsOf(task.support?.field.value ?? null),
    deadline: (task.deadline?.text ?? '').replace(/\s+/g, ' ').trim(),
  };
  const product = extraField(task.node, 'product');
  if (product) read.product = product.text;
  const note = extraField(task.node, 'note');
  if (note) read.note = note.text;
  return read;
}

/** The column a finding inside a task is about: the field holding its start, else by its code. */
function columnOf(task: TaskModel, finding: Finding): TaskColumnKey {
  const at = finding.range.start;
  const inside = (field: Field | undefined | null) => !!field && at >= field.range.start && at <= field.range.end;
  if (inside(task.lead?.field)) return 'lead';
  if (inside(task.support?.field)) return 'support';
  if (inside(task.deadline?.field)) return 'deadline';
  if (task.text && at >= task.text.range.start && at <= task.text.range.end) return 'task';
  for (const key of ['product', 'note'] as const) {
    const pair = task.node.items.find((p) => scalarText(p.key) === key);
    const start = (pair?.key as Node | undefined)?.range?.[0];
    const end = (pair?.value as Node | null | undefined)?.range?.[1] ?? (pair?.key as Node | undefined)?.range?.[1];
    if (start !== undefined && end !== undefined && at >= start && at <= end) return key;
  }
  return COLUMN_OF_CODE[finding.code] ?? 'task';
}

/** The units a lead or support value names, each once: the registry's name, or the text as written. */
function unitNames(analysis: PlanAnalysis, field: UnitsField | null): string[] {
  const names = new Set<string>();
  for (const entry of field?.entries ?? []) {
    for (const part of analysis.unitParts(entry)) {
      if (part.unitIds.length) for (const id of part.unitIds) names.add(analysis.registry.units.get(id)?.name ?? part.text);
      else if (part.text.trim()) names.add(part.text.trim());
    }
  }
  return [...names];
}

/** What a task's row shows, read once per task: incremental analysis keeps unchanged tasks' models. */
interface TaskReading {
  task: PlanTask;
  leadUnits: string[];
  supportUnits: string[];
  quarter: string;
  /** The data it was read with: another registry or plan year reads again. */
  registry: unknown;
  planYear: number | undefined;
}

const readings = new WeakMap<TaskModel, TaskReading>();

function readingOf(analysis: PlanAnalysis, task: TaskModel): TaskReading {
  const kept = readings.get(task);
  const planYear = analysis.planYear;
  if (kept && kept.registry === analysis.registry && kept.planYear === planYear) return kept;
  const reading: TaskReading = {
    task: planTaskOf(task),
    leadUnits: unitNames(analysis, task.lead),
    supportUnits: unitNames(analysis, task.support),
    quarter: quarterKey(analysis, task),
    registry: analysis.registry,
    planYear,
  };
  readings.set(task, reading);
  return reading;
}

/** The plan of one analysis as its appendix table, with findings in place. */
export function planView(analysis: PlanAnalysis): PlanView {
  const model = analysis.model;
  const position = (offset: number): Position => analysis.lines.positionAt(offset);
  const names = catalogNames(analysis.data.catalog);
  const header = model.header;
  const headerView: HeaderView = {};
  if (header) {
    if (header.issuer?.text) headerView.issuer = header.issuer.text;
    if (header.title?.text) headerView.title = header.title.text;
    if (header.document?.text) headerView.document = header.document.text;
    if (header.year) headerView.year = header.year.value;
    if (header.map) {
      const appendix = extraField(header.map, 'appendix');
      if (appendix) headerView.appendix = appendix.text;
      const indexYear = Number(extraField(header.map, 'index-year')?.text);
      if (Number.isInteger(indexYear)) headerView.indexYear = indexYear;
    }
  }

  // The plan as the Word export reads it, in the model's order, for the shared layout functions.
  const data: PlanData = { plan: { ...headerView }, sections: [] };
  const planTasks = new Map<TaskModel, TaskReading>();
  const planItems = new Map<ItemModel, PlanItem>();
  const planSections = new Map<SectionModel, PlanSection>();
  for (const section of model.sections) {
    const planSection: PlanSection = { area: section.area?.numeral ?? '', items: [] };
    if (section.title) planSection.title = section.title.text;
    for (const item of section.items) {
      const planItem: PlanItem = { criteria: item.criteria.map((c) => c.code.trim()).filter(Boolean), tasks: [] };
      if (item.name) planItem.name = item.name.text;
      if (item.finding) planItem.finding = item.finding.text;
      for (const task of item.tasks) {
        const reading = readingOf(analysis, task);
        planTasks.set(task, reading);
        planItem.tasks.push(reading.task);
      }
      planItems.set(item, planItem);
      planSection.items.push(planItem);
    }
    planSections.set(section, planSection);
    data.sections.push(planSection);
  }

  // Findings, each on the innermost cell it is about.
  const taskMarks = new Map<TaskModel, Map<TaskColumnKey, Mark[]>>();
  const itemMarks = new Map<ItemModel, Mark[]>();
  const sectionMarks = new Map<SectionModel, Mark[]>();
  const sectionCounts = new Map<SectionModel, ProblemCounts>();
  const planMarks: PlacedMark[] = [];
  const problems = noProblems();
  const push = <K>(map: Map<K, Mark[]>, key: K, mark: Mark) => {
    const list = map.get(key);
    if (list) list.push(mark);
    else map.set(key, [mark]);
  };
  for (const finding of analysis.findings()) {
    countProblem(problems, finding.severity);
    const mark: Mark = { severity: finding.severity, code: finding.code, message: finding.message };
    const at = finding.range.start;
    const section = finding.code === 'par/syntax' ? undefined : sectionAt(analysis, at);
    if (!section) {
      planMarks.push({ ...mark, at: position(at) });
      continue;
    }
    countProblem(sectionCounts.get(section) ?? sectionCounts.set(section, noProblems()).get(section)!, finding.severity);
    const item = itemAt(analysis, at);
    if (!item || item.section !== section) {
      push(sectionMarks, section, mark);
      continue;
    }
    const task = taskAt(analysis, at);
    if (!task || task.item !== item) {
      push(itemMarks, item, mark);
      continue;
    }
    const byColumn = taskMarks.get(task) ?? taskMarks.set(task, new Map()).get(task)!;
    push(byColumn, columnOf(task, finding), mark);
  }

  let taskIndex = 0;
  const sections: SectionView[] = model.sections.map((section) => {
    const planSection = planSections.get(section)!;
    const numbered = numberedItems(planSection.items, names.criterion);
    return {
      area: planSection.area,
      title: planSection.title ?? names.area(planSection.area) ?? '',
      at: position(section.anchor.start),
      marks: sectionMarks.get(section) ?? [],
      problems: sectionCounts.get(section) ?? noProblems(),
      items: section.items.map((item, k) => {
        const { stt, criterionLines } = numbered[k];
        const itemAt = position(item.anchor.start);
        return {
          stt,
          criterion: { lines: criterionLines, at: position((item.criteria[0]?.range ?? item.anchor).start), marks: itemMarks.get(item) ?? [] },
          at: itemAt,
          tasks: item.tasks.map((task): TaskRowView => {
            const reading = planTasks.get(task)!;
            const read = reading.task;
            const marks = taskMarks.get(task);
            const taskProblems = noProblems();
            for (const list of marks?.values() ?? []) for (const m of list) countProblem(taskProblems, m.severity);
            const taskAt = position(task.anchor.start);
            const cell = (key: TaskColumnKey, text: string, start: number | undefined): CellView => ({
              lines: key === 'task' || key === 'product' || key === 'note' ? lines(text) : [text],
              at: start === undefined ? taskAt : position(start),
              marks: marks?.get(key) ?? [],
            });
            return {
              index: taskIndex++,
              at: taskAt,
              task: read,
              leadUnits: reading.leadUnits,
              supportUnits: reading.supportUnits,
              quarter: reading.quarter,
              problems: taskProblems,
              cells: {
                task: cell('task', read.task, task.text?.range.start),
                lead: cell('lead', read.lead.join('; '), task.lead?.field.valueRange.start),
                support: cell('support', read.support.join('; '), task.support?.field.valueRange.start),
                deadline: cell('deadline', read.deadline, task.deadline?.field.valueRange.start),
                product: cell('product', read.product ?? '', extraField(task.node, 'product')?.start),
                note: cell('note', read.note ?? '', extraField(task.node, 'note')?.start),
              },
            };
          }),
        };
      }),
    };
  });
  return { header: headerView, columns: columnsFor(data), sections, planMarks, problems, taskCount: taskIndex };
}
