// Hover: what a criterion code, a unit, a deadline or an area means, and what this plan does with it.
// The model is located by binary search (locate.ts); plan-wide counts are built once per analysis.

import type { LocatedUnitPart, PlanAnalysis } from '../analysis';
import { areaByNumber, areaOfCode, isWellFormedCode, levelOfCode, parentOfCode, suggestCodes } from '../data/catalog';
import { basisDay, deadlineEnd } from '../data/deadline';
import { daysBetween, lastEndedPeriod, lateness, readStatus, taskFollowUp } from '../follow-up';
import { inForceOn, suggestUnits, type UnitRecord } from '../data/registry';
import { foldWord } from '../data/text-fold';
import { nodeRange, type ItemModel, type TaskModel, type UnitEntry } from '../model';
import { valueRangeInSource } from '../scalar-offsets';
import type { OffsetRange } from '../types';
import { featureTextFor, unitFacts, type FeatureText } from './feature-text';
import { itemAt, sectionAt, shorten, taskAt } from './locate';
import { unitMentions } from './references';
import { faultPoint } from '../faults';

export interface HoverResult {
  markdown: string;
  range: { start: number; end: number };
}

/** How many tasks the units and codes under the cursor show by name. */
const TASKS_SHOWN = 3;

type HoverKind = 'unit' | 'deadline' | 'code' | 'area' | 'follow-up';

/** The keys whose values each kind of hover reads across the plan (beyond the token under the cursor). */
const READS: Record<HoverKind, ReadonlySet<string>> = {
  // Tasks listed by their text, units counted plan-wide, the basis day from the deadline and year.
  unit: new Set(['task', 'lead', 'support', 'deadline', 'year']),
  // Days left or late: also whether the task is done, and its reports.
  deadline: new Set(['deadline', 'year', 'status', 'done', 'progress']),
  'follow-up': new Set(['deadline', 'year', 'status', 'done', 'progress']),
  // Tasks and items counted per code, and the item's name.
  code: new Set(['name']),
  area: new Set(),
};

export function hoverAt(analysis: PlanAnalysis, offset: number): HoverResult | null {
  faultPoint('feature:hover');
  // Right after a keystroke, away from it: answer from the previous version, mapped to this one,
  // when that answer reads nothing the edit changed; otherwise from this version.
  const view = analysis.previousView(offset);
  if (view) {
    const found = hoverOf(view.analysis, view.offset);
    if (!found) return null;
    if (!READS[found.kind].has(view.editedKey)) {
      const { result } = found;
      return { ...result, range: { start: view.toCurrent(result.range.start), end: view.toCurrent(result.range.end) } };
    }
  }
  return hoverOf(analysis, offset)?.result ?? null;
}

function hoverOf(analysis: PlanAnalysis, offset: number): { kind: HoverKind; result: HoverResult } | null {
  const found = (kind: HoverKind, result: HoverResult | null) => (result ? { kind, result } : null);
  if (analysis.limitProblems.length) return null;
  const text = featureTextFor(analysis.options.locale);
  const task = taskAt(analysis, offset);
  if (task) {
    for (const role of ['lead', 'support'] as const) {
      for (const entry of task[role]?.entries ?? []) {
        if (offset < entry.range.start || offset > entry.range.end) continue;
        const unit = unitHover(analysis, task, entry, offset, text);
        if (unit) return found('unit', unit);
      }
    }
    const deadline = task.deadline;
    if (deadline?.node?.range && within(offset, unquoted(analysis.text, nodeRange(deadline.node)))) {
      return found('deadline', deadlineHover(analysis, task, text));
    }
    for (const field of [task.status, task.done]) {
      if (field?.node?.range && field.text && within(offset, unquoted(analysis.text, nodeRange(field.node)))) {
        return found('follow-up', followUpHover(analysis, task, field === task.status ? 'status' : 'done', unquoted(analysis.text, nodeRange(field.node)), text));
      }
    }
  }
  const item = itemAt(analysis, offset);
  if (item) {
    const ref = item.criteria.find((r) => within(offset, unquoted(analysis.text, r.range)));
    if (ref) return found('code', codeHover(analysis, item, ref.code, unquoted(analysis.text, ref.range), text));
  }
  const section = sectionAt(analysis, offset);
  if (section?.area && within(offset, unquoted(analysis.text, section.area.range))) {
    const area = analysis.data.catalog.areas.find((a) => a.roman === section.area!.numeral);
    if (!area) return null;
    const lines = [text.hoverAreaTitle(area.roman), escapeMd(area.name)];
    if (area.shortName && area.shortName !== area.name) lines.push(`_${escapeMd(area.shortName)}_`);
    return found('area', { markdown: lines.join('\n\n'), range: unquoted(analysis.text, section.area.range) });
  }
  return null;
}

// --- helpers -------------------------------------------------------------------------------------------

function within(offset: number, range: OffsetRange): boolean {
  return offset >= range.start && offset <= range.end && range.end > range.start;
}

/** A scalar's range without its quotes: the token a person sees. */
function unquoted(text: string, range: OffsetRange): OffsetRange {
  const first = text[range.start];
  if (range.end - range.start >= 2 && (first === '"' || first === "'") && text[range.end - 1] === first) {
    return { start: range.start + 1, end: range.end - 1 };
  }
  return { start: range.start, end: range.end };
}

/** Text from the plan or the data shown literally in markdown. */
function escapeMd(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

function where(task: TaskModel): string {
  const codes = task.item.criteria.map((c) => c.code).join(', ');
  return [task.item.section.area?.numeral, codes].filter(Boolean).join(' · ');
}

function taskLine(task: TaskModel, prefix: string): string {
  const label = task.text ? `"${escapeMd(shorten(task.text.text, 70))}"` : '—';
  const at = where(task);
  return `- ${prefix}${label}${at ? ` (${escapeMd(at)})` : ''}`;
}

// --- criterion codes ---------------------------------------------------------------------------------------

interface CodeUse {
  tasks: number;
  items: number;
}

const codeUses = new WeakMap<PlanAnalysis, Map<string, CodeUse>>();

/** code → tasks and items of this plan that list it; built once per analysis. */
function codeUsesOf(analysis: PlanAnalysis): Map<string, CodeUse> {
  let uses = codeUses.get(analysis);
  if (!uses) {
    uses = new Map();
    for (const item of analysis.model.items) {
      for (const code of new Set(item.criteria.map((c) => c.code))) {
        const use = uses.get(code) ?? { tasks: 0, items: 0 };
        use.tasks += item.tasks.length;
        use.items += 1;
        uses.set(code, use);
      }
    }
    codeUses.set(analysis, uses);
  }
  return uses;
}

function codeHover(analysis: PlanAnalysis, item: ItemModel, code: string, range: OffsetRange, text: FeatureText): HoverResult {
  const catalog = analysis.data.catalog;
  const record = catalog.codes.get(code);
  const lines: string[] = [];
  const wellFormed = isWellFormedCode(code);
  lines.push(wellFormed ? text.hoverCodeTitle(escapeMd(code), record?.level ?? levelOfCode(code)) : `**${escapeMd(code)}**`);
  if (record) {
    lines.push(record.name ? escapeMd(record.name) : `_${text.codeNoName()}_`);
    const parent = parentOfCode(code);
    if (parent) lines.push(text.hoverParent(parent, catalog.codes.get(parent)?.name && escapeMd(catalog.codes.get(parent)!.name!)));
  } else {
    lines.push(text.hoverUnknownCode(escapeMd(code), catalog.complete, suggestCodes(catalog, code)));
  }
  const area = wellFormed ? areaByNumber(catalog, areaOfCode(code)) : undefined;
  if (area) lines.push(text.hoverArea(area.roman, escapeMd(area.name)));
  if (record) lines.push(`${text.hoverScoringLabel()}: ${text.scoring(record.scoring)}`);
  const results = analysis.results?.results;
  const scored = results?.entries.get(code);
  if (results && scored) {
    const score = analysis.messages.resultsScore(scored.obtained, scored.max, results.indexYear, results.lossOf(code) ?? 0);
    lines.push(`${text.hoverResultsLabel()}: ${score}`);
  }
  if (item.name) lines.push(text.hoverItemName(escapeMd(item.name.text)));
  const use = codeUsesOf(analysis).get(code) ?? { tasks: 0, items: 0 };
  lines.push(text.hoverCodeTasks(use.tasks, use.items));
  return { markdown: lines.join('\n\n'), range };
}

// --- units ---------------------------------------------------------------------------------------------------

interface UnitTasks {
  lead: TaskModel[];
  support: TaskModel[];
}

const unitTasks = new WeakMap<PlanAnalysis, Map<string, UnitTasks>>();

/** unit id → the tasks it leads and supports (each task once per role); built once per analysis. */
function unitTasksOf(analysis: PlanAnalysis): Map<string, UnitTasks> {
  let index = unitTasks.get(analysis);
  if (!index) {
    index = new Map();
    for (const [unitId, mentions] of unitMentions(analysis)) {
      const lead = new Set<TaskModel>();
      const support = new Set<TaskModel>();
      for (const m of mentions) (m.role === 'lead' ? lead : support).add(m.task);
      index.set(unitId, { lead: [...lead], support: [...support] });
    }
    unitTasks.set(analysis, index);
  }
  return index;
}

function partAt(analysis: PlanAnalysis, entry: UnitEntry, offset: number): { part: LocatedUnitPart; range: OffsetRange } | null {
  const parts = analysis.unitParts(entry);
  for (const part of parts) {
    if (within(offset, part.sourceRange)) return { part, range: part.sourceRange };
  }
  for (const part of parts) {
    if (!part.qualifier || !part.exact) continue;
    const range = valueRangeInSource(analysis.text, entry.node, part.qualifier.range);
    if (within(offset, range)) return { part, range };
  }
  return null;
}

function tasksBlock(analysis: PlanAnalysis, unitId: string, text: FeatureText): string[] {
  const tasks = unitTasksOf(analysis).get(unitId) ?? { lead: [], support: [] };
  const lines = [text.hoverUnitTasks(tasks.lead.length, tasks.support.length)];
  const total = tasks.lead.length + tasks.support.length;
  if (total) {
    // Only the first few are read: a unit named in thousands of tasks costs the same as one named once.
    const shown = [
      ...tasks.lead.slice(0, TASKS_SHOWN).map((t) => ({ t, role: 'lead' as const })),
      ...tasks.support.slice(0, TASKS_SHOWN).map((t) => ({ t, role: 'support' as const })),
    ].slice(0, TASKS_SHOWN);
    const list = shown.map(({ t, role }) => taskLine(t, `${text.hoverRole(role)}: `));
    if (total > TASKS_SHOWN) list.push(`- ${text.hoverMoreTasks(total - TASKS_SHOWN)}`);
    lines.push(list.join('\n'));
  }
  return lines;
}

function unitHover(analysis: PlanAnalysis, task: TaskModel, entry: UnitEntry, offset: number, text: FeatureText): HoverResult | null {
  const found = partAt(analysis, entry, offset);
  if (!found) return null;
  const { part, range } = found;
  const registry = analysis.registry;
  if (part.kind === 'unknown') {
    const suggestions = suggestUnits(registry, part.text).map((s) => escapeMd(s.name));
    return { markdown: [`**${escapeMd(part.text)}**`, text.hoverUnknownUnit(escapeMd(part.text), suggestions)].join('\n\n'), range };
  }
  const units = part.unitIds.map((id) => registry.units.get(id)).filter((u): u is UnitRecord => Boolean(u));
  const lines: string[] = [];
  const alias = part.alias;
  if (units.length === 1) {
    lines.push(`**${escapeMd(units[0].name)}** — ${text.unitKind(units[0].kind)}`);
  } else {
    lines.push(`**${escapeMd(alias?.text ?? part.text)}** — ${text.phraseDetail()}`);
    lines.push(`${text.phraseUnits()}: ${units.map((u) => escapeMd(u.name)).join(', ')}`);
  }
  if (alias && (alias.kind === 'abbreviation' || alias.kind === 'variant') && part.text !== units[0]?.name) {
    lines.push(text.hoverWrittenAs(escapeMd(part.text), alias.kind));
  }
  if (part.sharedHead) {
    // The head is stored folded ("so"); show it as the unit's name spells it ("Sở").
    const written = units[0]?.name.split(' ').find((w) => foldWord(w) === part.sharedHead) ?? part.sharedHead;
    lines.push(text.hoverSharedHead(escapeMd(written)));
  }
  if (part.qualifier) lines.push(text.hoverQualifier(escapeMd(part.qualifier.text)));
  // Judged on the day par/unit-superseded judges: the end of the deadline, else of the plan year.
  const basis = basisDay(task.deadline ? analysis.deadline(task.deadline) : null, analysis.planYear);
  for (const unit of units) {
    if (units.length > 1) lines.push(`**${escapeMd(unit.name)}** — ${text.unitKind(unit.kind)}`);
    lines.push(...unitFacts(registry, unit, text, escapeMd));
    if (basis && !inForceOn(unit, basis)) lines.push(`⚠ ${text.hoverNotInForce(analysis.planYear, text.day(basis))}`);
    lines.push(...tasksBlock(analysis, unit.id, text));
  }
  return { markdown: lines.join('\n\n'), range };
}

// --- deadlines ------------------------------------------------------------------------------------------------

function deadlineHover(analysis: PlanAnalysis, task: TaskModel, text: FeatureText): HoverResult | null {
  const field = task.deadline!;
  const node = field.node!;
  const range = unquoted(analysis.text, nodeRange(node));
  const meaning = analysis.deadline(field);
  if (!meaning || field.text === null) return null;
  const written = field.text.trim();
  const lines = [text.hoverDeadlineTitle(escapeMd(written))];
  if (meaning.kind === 'interval') {
    lines.push(text.hoverInterval(meaning.start && text.day(meaning.start), text.day(meaning.end), meaning.precision));
    if (meaning.yearImplied) lines.push(text.hoverYearImplied(analysis.planYear));
  } else if (meaning.kind === 'recurring') {
    lines.push(text.hoverRecurring(meaning.period, meaning.within && { start: text.day(meaning.within.start), end: text.day(meaning.within.end) }));
  } else {
    const span = meaning.span ? field.text.slice(meaning.span.start, meaning.span.end) : undefined;
    lines.push(text.hoverInvalidDeadline(analysis.messages.deadlineProblem(meaning.problem, analysis.planYear), span && escapeMd(span)));
    return { markdown: lines.join('\n\n'), range };
  }
  if (meaning.normalized !== written) lines.push(text.hoverNormalized(escapeMd(meaning.normalized)));
  const standing = standingLine(analysis, task, text);
  if (standing) lines.push(standing);
  return { markdown: lines.join('\n\n'), range };
}

/** A status: which of the four it is; a completion day: on time or how late. */
function followUpHover(analysis: PlanAnalysis, task: TaskModel, key: 'status' | 'done', range: OffsetRange, text: FeatureText): HoverResult | null {
  const state = taskFollowUp(analysis, task);
  if (key === 'status') {
    const written = readStatus(task.status!.text!);
    if (!written) return null; // par/invalid-status says what is wrong
    return { markdown: text.hoverStatus(escapeMd(analysis.messages.statusName(written)), written), range };
  }
  if (!state.doneDay) return null; // par/invalid-date
  const end = deadlineEnd(state.deadline);
  const late = end ? daysBetween(end, state.doneDay) : undefined;
  return { markdown: text.hoverDone(text.day(state.doneDay), late, end && text.day(end)), range };
}

/** Where the task stands on the as-of day: days left or passed, or the last period's report (recurring). */
function standingLine(analysis: PlanAnalysis, task: TaskModel, text: FeatureText): string | undefined {
  const asOf = analysis.options.asOf;
  // Only a plan that is followed up has a status to judge: an old plan without one is not "late".
  if (!asOf || !analysis.tracksProgress) return undefined;
  const state = taskFollowUp(analysis, task);
  const status = analysis.messages.statusName(state.status);
  const meaning = state.deadline;
  if (meaning?.kind === 'recurring') {
    if (state.status === 'done' || state.status === 'dropped') return undefined;
    const late = lateness(analysis, task, state, asOf, 0);
    if (late?.kind === 'overdue-report') return text.hoverReportMissing(analysis.messages.periodName(late.period), late.days);
    const period = lastEndedPeriod(meaning, asOf, analysis.planYear);
    return period && text.hoverReported(analysis.messages.periodName(period));
  }
  const end = deadlineEnd(meaning);
  return end && text.hoverDaysLeft(daysBetween(asOf, end), text.day(asOf), status);
}
