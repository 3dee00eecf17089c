// Follow-up through the year: what a task's status keys mean, and the calendar arithmetic the
// date-dependent rules, hover, the tree and the periodic report share. Pure: the "as of" day always
// comes from the host (analysis options), never from a clock.

import type { PlanFacts } from './plan-facts';
import { daysInMonth, deadlineEnd, parseDeadline, type DeadlineMeaning, type RecurringPeriod } from './data/deadline';
import { editDistance, fold } from './data/text-fold';
import type { DeadlineField, PlanModel, TaskModel } from './model';
import type { IsoDate } from './types';

export type TaskStatus = 'not-started' | 'in-progress' | 'done' | 'dropped';
export const TASK_STATUSES: readonly TaskStatus[] = ['not-started', 'in-progress', 'done', 'dropped'];

/** The spelling tools write into a plan (Vietnamese, as the plans are). */
export const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  'not-started': 'chưa thực hiện',
  'in-progress': 'đang thực hiện',
  done: 'hoàn thành',
  dropped: 'không thực hiện',
};

// Folded spellings accepted for each status: the four Vietnamese labels, the English keywords and
// the few variants offices write in their sheets.
const STATUS_WORDS: ReadonlyMap<string, TaskStatus> = new Map([
  ['chua thuc hien', 'not-started'],
  ['not-started', 'not-started'],
  ['not started', 'not-started'],
  ['dang thuc hien', 'in-progress'],
  ['in-progress', 'in-progress'],
  ['in progress', 'in-progress'],
  ['hoan thanh', 'done'],
  ['da hoan thanh', 'done'],
  ['done', 'done'],
  ['khong thuc hien', 'dropped'],
  ['dropped', 'dropped'],
]);

/** A status as written, matched without accents and case; undefined when it is not one. */
export function readStatus(text: string): TaskStatus | undefined {
  return STATUS_WORDS.get(fold(text).replace(/[.!]+$/, ''));
}

/** The label closest to an unknown status, for did-you-mean; undefined when none is close. */
export function suggestStatus(text: string): string | undefined {
  const folded = fold(text);
  let best: { word: string; distance: number } | undefined;
  for (const word of STATUS_WORDS.keys()) {
    const distance = editDistance(folded, word, 4);
    if (distance <= 4 && (!best || distance < best.distance)) best = { word, distance };
  }
  return best && STATUS_LABELS[STATUS_WORDS.get(best.word)!];
}

/** One calendar day written as the deadline grammar reads a day ("15/6/2026", "2026-06-15"), else undefined. */
export function readDay(text: string, planYear?: number): IsoDate | undefined {
  const meaning = parseDeadline(text, { planYear });
  return meaning.kind === 'interval' && meaning.precision === 'day' && meaning.start === meaning.end ? meaning.end : undefined;
}

/** A day a user typed for an option (`2026-06-30`, `30/6/2026`), or undefined when it is not one. */
export function readAsOf(text: string): IsoDate | undefined {
  const trimmed = text.trim();
  return isIsoDay(trimmed) ? trimmed : readDay(trimmed);
}

/** Is this text an ISO day `YYYY-MM-DD` that exists? */
export function isIsoDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

const DAY_MS = 86_400_000;
const dayNumber = (day: IsoDate) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const fromDayNumber = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(day: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(day) + days);
}

// --- reporting periods ---------------------------------------------------------------------------

export type PeriodUnit = 'year' | 'half' | 'quarter' | 'month' | 'week';

/** One reporting period: "Quý II/2026" is { unit: 'quarter', n: 2, year: 2026 }; a week is numbered by its Monday. */
export interface Period {
  unit: PeriodUnit;
  n: number;
  year: number;
  start: IsoDate;
  end: IsoDate;
}

const iso = (y: number, m: number, d: number): IsoDate => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The period of a unit that holds a day. */
export function periodContaining(unit: PeriodUnit, day: IsoDate): Period {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const months = (first: number, last: number) => ({ start: iso(y, first, 1), end: iso(y, last, daysInMonth(y, last)) });
  switch (unit) {
    case 'year':
      return { unit, n: 1, year: y, ...months(1, 12) };
    case 'half':
      return m <= 6 ? { unit, n: 1, year: y, ...months(1, 6) } : { unit, n: 2, year: y, ...months(7, 12) };
    case 'quarter': {
      const q = Math.ceil(m / 3);
      return { unit, n: q, year: y, ...months(q * 3 - 2, q * 3) };
    }
    case 'month':
      return { unit, n: m, year: y, ...months(m, m) };
    case 'week': {
      // Monday to Sunday; 1970-01-01 (day 0) was a Thursday.
      const n = dayNumber(day);
      const monday = n - ((n + 3) % 7);
      return { unit, n: 0, year: y, start: fromDayNumber(monday), end: fromDayNumber(monday + 6) };
    }
  }
}

/** How often a recurring deadline expects a report. "Thường xuyên" is followed up quarterly, as Sở Nội vụ asks. */
const REPORTING_UNIT: Readonly<Record<RecurringPeriod, PeriodUnit>> = {
  continuous: 'quarter',
  yearly: 'year',
  'half-yearly': 'half',
  quarterly: 'quarter',
  monthly: 'month',
  weekly: 'week',
};

/**
 * The last period of a recurring deadline that ended before `asOf`, within its `within` span or else
 * the plan year; undefined when none has ended yet (or no span is known).
 */
export function lastEndedPeriod(meaning: Extract<DeadlineMeaning, { kind: 'recurring' }>, asOf: IsoDate, planYear: number | undefined): Period | undefined {
  const span = meaning.within ?? (planYear !== undefined ? { start: `${planYear}-01-01`, end: `${planYear}-12-31` } : undefined);
  if (!span) return undefined;
  const unit = REPORTING_UNIT[meaning.period];
  // Past the span, its last period is the last one to report on.
  const reference = daysBetween(asOf, span.end) < 0 ? addDays(span.end, 1) : asOf;
  const yesterday = addDays(reference, -1);
  let period = periodContaining(unit, yesterday);
  if (period.end !== yesterday) period = periodContaining(unit, addDays(period.start, -1));
  return daysBetween(span.start, period.end) >= 0 ? period : undefined;
}

// --- a task's follow-up state --------------------------------------------------------------------

export interface TaskFollowUp {
  /** The status written, or `done` when only a completion day is, else `not-started`. */
  status: TaskStatus;
  /** The status key holds a recognised value. */
  explicit: boolean;
  /** The completion day, when `done` holds one. */
  doneDay: IsoDate | undefined;
  /** The reading of the deadline, when the task has one. */
  deadline: DeadlineMeaning | null;
}

// Five rules, hover and the tree ask for the same task's state: computed once per task and version.
const stateCache = new WeakMap<PlanFacts, WeakMap<TaskModel, TaskFollowUp>>();

export function taskFollowUp(analysis: PlanFacts, task: TaskModel): TaskFollowUp {
  let byTask = stateCache.get(analysis);
  if (!byTask) stateCache.set(analysis, (byTask = new WeakMap()));
  let state = byTask.get(task);
  if (!state) {
    const written = task.status?.text ? readStatus(task.status.text) : undefined;
    const doneDay = dayOf(analysis, task.done);
    state = {
      status: written ?? (doneDay ? 'done' : 'not-started'),
      explicit: written !== undefined,
      doneDay,
      deadline: task.deadline ? analysis.deadline(task.deadline) : null,
    };
    byTask.set(task, state);
  }
  return state;
}

/** The one day a field names (a completion day, a report's date), read through the analysis's deadline cache. */
export function dayOf(analysis: PlanFacts, field: DeadlineField | null | undefined): IsoDate | undefined {
  const meaning = field?.text ? analysis.deadline(field) : null;
  return meaning?.kind === 'interval' && meaning.precision === 'day' && meaning.start === meaning.end ? meaning.end : undefined;
}

/** A plan is followed up once any task carries a status, a completion day or a progress report. */
export function tracksProgress(model: PlanModel): boolean {
  return model.tasks.some((t) => t.status !== null || t.done !== null || t.progressField !== null);
}

export type Lateness =
  | { kind: 'overdue'; end: IsoDate; days: number }
  | { kind: 'overdue-report'; period: Period; days: number }
  | { kind: 'due-soon'; end: IsoDate; days: number };

/**
 * Where an unfinished task stands on `asOf`: overdue (its deadline ended), a recurring task whose last
 * ended period has no report, or due within `dueSoonDays`. Undefined when none applies.
 */
export function lateness(analysis: PlanFacts, task: TaskModel, state: TaskFollowUp, asOf: IsoDate, dueSoonDays: number): Lateness | undefined {
  if (state.status === 'done' || state.status === 'dropped') return undefined;
  const meaning = state.deadline;
  if (meaning?.kind === 'recurring') {
    const period = lastEndedPeriod(meaning, asOf, analysis.planYear);
    if (!period) return undefined;
    const reported = task.progress.some((entry) => {
      const day = dayOf(analysis, entry.date);
      return day !== undefined && day >= period.start && day <= period.end;
    });
    return reported ? undefined : { kind: 'overdue-report', period, days: daysBetween(period.end, asOf) };
  }
  const end = meaning?.kind === 'interval' ? deadlineEnd(meaning) : undefined;
  if (!end) return undefined;
  const days = daysBetween(end, asOf);
  if (days > 0) return { kind: 'overdue', end, days };
  if (-days <= dueSoonDays) return { kind: 'due-soon', end, days: -days };
  return undefined;
}

export const DEFAULT_DUE_SOON_DAYS = 14;

/**
 * A task's lateness as the follow-up rules judge it: on the options' as-of day, with their due-soon
 * window, in a plan that is followed up and for a task with a deadline; undefined otherwise.
 */
export function latenessAsOf(analysis: PlanFacts, task: TaskModel): Lateness | undefined {
  const asOf = analysis.options.asOf;
  if (!asOf || !analysis.tracksProgress || !task.deadline?.text) return undefined;
  return lateness(analysis, task, taskFollowUp(analysis, task), asOf, analysis.options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
}
