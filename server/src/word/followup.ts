// The follow-up round trip offices run each quarter: a sheet per lead unit out of the plan, filled in by
// the unit, merged back into the plan.
//
//   export: one row per task (for one lead unit, or all). The plan's columns are locked (the sheet is
//   protected without a password, so Excel and LibreOffice refuse edits there but anyone can lift it),
//   the unit's columns are shaded and unlocked: "Trạng thái" (a drop-down of the four statuses),
//   "Ngày hoàn thành", "Kết quả thực hiện", "Văn bản kèm theo". A hidden last column holds the task id.
//   Tasks without an id get one first (`missingIdEdits`): the host writes that to the plan.
//   import: rows are matched by id, never by position, so edits to other tasks in between do not
//   matter. A row whose task is gone, whose task text changed since the export, or that two files
//   fill differently is reported and not applied; everything else becomes minimal edits of the plan
//   (status, done, a new progress entry dated by the file).
//
// Pure: plan analysis and bytes in, bytes, edits and reports out. The CLI and the extension do the I/O.

import type { PlanAnalysis } from '../engine';
import { readUnitPhrase } from '../engine/data/unit-phrase';
import { fold } from '../engine/data/text-fold';
import { STATUS_LABELS, TASK_STATUSES, readDay, readStatus, taskFollowUp } from '../engine/follow-up';
import { taskChangeEdits, type TaskChange } from '../engine/follow-up-edits';
import { applyEdits } from '../engine/edits';
import { messagesFor } from '../engine/messages';
import type { TaskModel } from '../engine/model';
import type { IsoDate, TextEdit } from '../engine/types';
import { workbookBytes, type XlsxTable, type XlsxValue } from './xlsx-export';
import { serialToIso, type CellValue, type SheetRead } from './xlsx-read';

export const FOLLOW_UP_COLUMNS = [
  'STT',
  'Mã tiêu chí',
  'Nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Thời hạn',
  'Trạng thái',
  'Ngày hoàn thành',
  'Kết quả thực hiện',
  'Văn bản kèm theo',
  'Mã nhiệm vụ',
] as const;
const WIDTHS = [6, 11, 60, 26, 26, 16, 18, 14, 50, 26, 12];
const col = (name: (typeof FOLLOW_UP_COLUMNS)[number]) => FOLLOW_UP_COLUMNS.indexOf(name);
const EDITABLE = new Set([col('Trạng thái'), col('Ngày hoàn thành'), col('Kết quả thực hiện'), col('Văn bản kèm theo')]);

const dayText = (iso: IsoDate) => messagesFor('vi').day(iso);
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

// --- ids -----------------------------------------------------------------------------------------

/** FNV-1a, 32 bits: a short id from a task's place and text, the same on every run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Edits that give every task without an `id` one (unique in the plan, derived from its place and text,
 * so the same plan always gets the same ids). Tasks in flow style cannot take a new line: counted.
 */
export function missingIdEdits(analysis: PlanAnalysis): { edits: TextEdit[]; added: number; flowTasks: number } {
  const taken = new Set(analysis.model.tasks.flatMap((t) => (t.id ? [t.id.text] : [])));
  const edits: TextEdit[] = [];
  let added = 0;
  let flowTasks = 0;
  for (const task of analysis.model.tasks) {
    if (task.id) continue;
    let n = hash(`${task.item.section.area?.numeral}|${task.item.index}|${task.index}|${task.text?.text ?? ''}`);
    let id = `t-${n.toString(16).padStart(8, '0').slice(0, 6)}`;
    while (taken.has(id)) id = `t-${(n = (n + 1) >>> 0).toString(16).padStart(8, '0').slice(0, 6)}`;
    const own = taskChangeEdits(analysis, task, { set: { id } });
    if (!own) {
      flowTasks++;
      continue;
    }
    taken.add(id);
    edits.push(...own);
    added++;
  }
  return { edits, added, flowTasks };
}

// --- export --------------------------------------------------------------------------------------

/** Does a task's lead name the unit the user asked for (matched through the registry, else as folded text)? */
function ledBy(analysis: PlanAnalysis, task: TaskModel, unit: string): boolean {
  const wanted = new Set(readUnitPhrase(analysis.registry, unit).flatMap((p) => p.unitIds));
  return (task.lead?.entries ?? []).some((entry) =>
    wanted.size ? analysis.unitParts(entry).some((p) => p.unitIds.some((id) => wanted.has(id))) : fold(entry.text) === fold(unit),
  );
}

export interface FollowUpExport {
  bytes: Uint8Array;
  /** Tasks written; tasks left out because they have no id (flow style). */
  rows: number;
  withoutId: number;
}

/** The sheet for one lead unit (or all tasks): the plan must have its ids already (see missingIdEdits). */
export async function exportFollowUpSheet(analysis: PlanAnalysis, options: { lead?: string } = {}): Promise<FollowUpExport> {
  const rows: XlsxValue[][] = [];
  let withoutId = 0;
  for (const task of analysis.model.tasks) {
    if (options.lead && !ledBy(analysis, task, options.lead)) continue;
    if (!task.id) {
      withoutId++;
      continue;
    }
    const state = taskFollowUp(analysis, task);
    const units = (field: TaskModel['lead']) => (field?.entries ?? []).map((e) => e.text).join('; ');
    const last = task.progress.at(-1);
    rows.push([
      String(rows.length + 1),
      task.item.criteria.map((c) => c.code).join('; '),
      task.text?.text ?? '',
      units(task.lead),
      units(task.support),
      task.deadline?.text ?? '',
      STATUS_LABELS[state.status],
      state.doneDay ? { date: state.doneDay } : null,
      // The latest report is shown so the unit writes what changed since; an unchanged text adds nothing.
      last?.text?.text ?? '',
      last?.evidence?.text ?? '',
      task.id.text,
    ]);
  }
  const table: XlsxTable = { headers: [...FOLLOW_UP_COLUMNS], widths: WIDTHS, rows };
  const bytes = await workbookBytes(table, 'Theo dõi', {
    editable: EDITABLE,
    hidden: new Set([col('Mã nhiệm vụ')]),
    list: { column: col('Trạng thái'), values: TASK_STATUSES.map((s) => STATUS_LABELS[s]) },
    protect: true,
  });
  return { bytes, rows: rows.length, withoutId };
}

// --- import --------------------------------------------------------------------------------------

export interface FilledSheet {
  /** As shown to the user. */
  file: string;
  sheet: SheetRead;
  /** The day the new progress entries carry: --date, else the file's own date. */
  date: IsoDate;
}

export type FollowUpProblemKind = 'unreadable' | 'no-columns' | 'unknown-task' | 'duplicate-id' | 'text-changed' | 'bad-status' | 'bad-date' | 'disagree' | 'flow-task';

export interface FollowUpProblem {
  file: string;
  /** Row of the sheet (1-based); 0 for the whole file. */
  row: number;
  kind: FollowUpProblemKind;
  id?: string;
  /** The value at fault, or the other file for `disagree`. */
  detail?: string;
}

export interface FollowUpChange {
  file: string;
  row: number;
  id: string;
  task: TaskModel;
  change: TaskChange;
}

export interface FollowUpImport {
  /** The plan text with every accepted change applied (the input text when there is none). */
  text: string;
  /** The same changes as minimal edits of the input text (for an editor to apply with undo). */
  edits: TextEdit[];
  changes: FollowUpChange[];
  problems: FollowUpProblem[];
}

const cellText = (value: CellValue | undefined) => (value === undefined ? '' : String(value).trim());

/** Columns by header (matched without accents and case), from the first row that has the id and task headers. */
function columnsOf(sheet: SheetRead): { header: number; at: Map<string, number> } | undefined {
  const wanted = new Map(FOLLOW_UP_COLUMNS.map((name) => [fold(name), name]));
  for (const [r, cells] of [...sheet.rows].sort((a, b) => a[0] - b[0]).slice(0, 10)) {
    const at = new Map<string, number>();
    for (const [c, value] of cells) {
      const name = wanted.get(fold(cellText(value)));
      if (name && !at.has(name)) at.set(name, c);
    }
    if (at.has('Mã nhiệm vụ') && at.has('Nhiệm vụ')) return { header: r, at };
  }
  return undefined;
}

/** What one filled row asks of its task, relative to the plan; a problem when it cannot be read. */
type Column = (typeof FOLLOW_UP_COLUMNS)[number];

function rowChange(analysis: PlanAnalysis, task: TaskModel, read: (name: Column) => CellValue | undefined, date: IsoDate): TaskChange | { kind: 'bad-status' | 'bad-date'; detail: string } {
  const state = taskFollowUp(analysis, task);
  const change: TaskChange = {};
  const set: NonNullable<TaskChange['set']> = {};
  const statusText = cellText(read('Trạng thái'));
  if (statusText) {
    const status = readStatus(statusText);
    if (!status) return { kind: 'bad-status', detail: statusText };
    // The sheet shows every task's status, written or implied: only a different one is a change.
    if (status !== state.status) set.status = STATUS_LABELS[status];
  }
  const doneCell = read('Ngày hoàn thành');
  if (doneCell !== undefined && cellText(doneCell)) {
    const day = typeof doneCell === 'number' ? serialToIso(doneCell) : readDay(cellText(doneCell), analysis.planYear);
    if (!day) return { kind: 'bad-date', detail: cellText(doneCell) };
    if (day !== state.doneDay) set.done = dayText(day);
  }
  if (Object.keys(set).length) change.set = set;
  const result = cellText(read('Kết quả thực hiện'));
  const evidence = cellText(read('Văn bản kèm theo'));
  // A report already in the plan (the text the export showed, or a file imported twice) adds nothing.
  if (result && !task.progress.some((p) => p.text && sameText(p.text.text, result))) {
    change.progress = { date: dayText(date), text: result, ...(evidence ? { evidence } : {}) };
  }
  return change;
}

const signature = (change: TaskChange) => JSON.stringify([change.set?.status, change.set?.done, change.progress?.text, change.progress?.evidence]);

export function planFollowUpImport(analysis: PlanAnalysis, sheets: FilledSheet[]): FollowUpImport {
  const problems: FollowUpProblem[] = [];
  const byId = new Map<string, TaskModel[]>();
  for (const task of analysis.model.tasks) if (task.id) byId.set(task.id.text, [...(byId.get(task.id.text) ?? []), task]);
  const accepted = new Map<string, FollowUpChange>();
  const disputed = new Set<string>();
  for (const { file, sheet, date } of sheets) {
    if (sheet.error) {
      problems.push({ file, row: 0, kind: 'unreadable', detail: sheet.error });
      continue;
    }
    const columns = columnsOf(sheet);
    if (!columns) {
      problems.push({ file, row: 0, kind: 'no-columns' });
      continue;
    }
    for (const [row, cells] of [...sheet.rows].sort((a, b) => a[0] - b[0])) {
      if (row <= columns.header) continue;
      const read = (name: Column) => {
        const c = columns.at.get(name);
        return c === undefined ? undefined : cells.get(c);
      };
      const id = cellText(read('Mã nhiệm vụ'));
      if (!id) continue;
      const tasks = byId.get(id) ?? [];
      if (tasks.length !== 1) {
        problems.push({ file, row, id, kind: tasks.length ? 'duplicate-id' : 'unknown-task' });
        continue;
      }
      const task = tasks[0];
      const change = rowChange(analysis, task, read, date);
      if ('kind' in change) {
        problems.push({ file, row, id, ...change });
        continue;
      }
      // A row the unit left as exported asks nothing, even if its task was reworded since.
      if (!change.set && !change.progress) continue;
      const exported = cellText(read('Nhiệm vụ'));
      if (!sameText(exported, task.text?.text ?? '')) {
        problems.push({ file, row, id, kind: 'text-changed', detail: exported });
        continue;
      }
      const earlier = accepted.get(id);
      if (disputed.has(id)) continue;
      if (earlier) {
        if (signature(earlier.change) !== signature(change)) {
          problems.push({ file, row, id, kind: 'disagree', detail: `${earlier.file}:${earlier.row}` });
          accepted.delete(id);
          disputed.add(id);
        }
        continue;
      }
      accepted.set(id, { file, row, id, task, change });
    }
  }
  const edits: TextEdit[] = [];
  const changes: FollowUpChange[] = [];
  for (const change of accepted.values()) {
    const own = taskChangeEdits(analysis, change.task, change.change);
    if (!own) {
      problems.push({ file: change.file, row: change.row, id: change.id, kind: 'flow-task' });
      continue;
    }
    edits.push(...own);
    changes.push(change);
  }
  return { text: edits.length ? applyEdits(analysis.text, edits) : analysis.text, edits, changes, problems };
}
