// Every rule, in the order findings are produced. Add a rule here, in its own file, with a doc page
// docs/rules/<code>.md and fixtures under test/fixtures/rules/.

import type { PlanFacts } from '../plan-facts';
import { faultPoint } from '../faults';
import { visibleRange } from '../parse';
import type { TaskModel } from '../model';
import type { Finding, OffsetRange } from '../types';
import { criterionAreaMismatchRule } from './criterion-area-mismatch';
import { criterionNotStringRule } from './criterion-not-string';
import { deadlineOutsideYearRule } from './deadline-outside-year';
import { duplicateCriterionRule } from './duplicate-criterion';
import { flowListSplitRule } from './flow-list-split';
import { invalidDeadlineRule } from './invalid-deadline';
import { missingDeadlineRule } from './missing-deadline';
import { missingLeadRule } from './missing-lead';
import type { Rule, RuleContext } from './rule';
import { noLossRule } from './no-loss';
import { resultsFileRule } from './results-file';
import { resultsYearRule } from './results-year';
import { schemaRule } from './schema';
import { uncoveredLossRule } from './uncovered-loss';
import { syntaxRule } from './syntax';
import { unitSpellingRule } from './unit-spelling';
import { unitSupersededRule } from './unit-superseded';
import { unknownCriterionRule } from './unknown-criterion';
import { unknownUnitRule } from './unknown-unit';
import { overdueRule } from './overdue';
import { dueSoonRule } from './due-soon';
import { doneLateRule } from './done-late';
import { doneWithoutDateRule } from './done-without-date';
import { droppedWithoutReasonRule } from './dropped-without-reason';
import { invalidStatusRule } from './invalid-status';
import { invalidDateRule } from './invalid-date';
import { pastedCharactersRule } from './pasted-characters';

export const RULES: readonly Rule[] = [
  syntaxRule,
  schemaRule,
  missingLeadRule,
  missingDeadlineRule,
  unknownCriterionRule,
  criterionAreaMismatchRule,
  criterionNotStringRule,
  duplicateCriterionRule,
  unknownUnitRule,
  unitSpellingRule,
  unitSupersededRule,
  flowListSplitRule,
  invalidDeadlineRule,
  deadlineOutsideYearRule,
  invalidStatusRule,
  invalidDateRule,
  overdueRule,
  dueSoonRule,
  doneLateRule,
  doneWithoutDateRule,
  droppedWithoutReasonRule,
  pastedCharactersRule,
  resultsFileRule,
  resultsYearRule,
  uncoveredLossRule,
  noLossRule,
];

export const RULE_CODES: ReadonlySet<string> = new Set(RULES.map((r) => r.code));

/** Task rules' findings per task, with the task's start when they were made and what they depended on. */
interface TaskFindings {
  start: number;
  data: PlanFacts['data'];
  options: PlanFacts['options'];
  planYear: number | undefined;
  /** Whether the plan is followed up (analysis.tracksProgress): it turns the lateness rules on. */
  tracking: boolean;
  registry: PlanFacts['registry'];
  findings: Finding[];
}

// Kept across versions: an incremental re-parse keeps the model objects of unchanged tasks.
const taskFindings = new WeakMap<TaskModel, TaskFindings>();

function moved(finding: Finding, delta: number): Finding {
  const shift = (r: OffsetRange) => ({ start: r.start + delta, end: r.end + delta });
  return {
    ...finding,
    range: shift(finding.range),
    related: finding.related?.map((r) => ({ ...r, range: shift(r.range) })),
    fixes: finding.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: shift(e.range) })) })),
  };
}

export function runRules(analysis: PlanFacts): Finding[] {
  const findings: Finding[] = [];
  const contextFor = (rule: Rule, into: Finding[]): RuleContext => ({
    analysis,
    model: analysis.model,
    msg: analysis.messages,
    report: ({ severity, range, ...rest }) => {
      // Never an empty range where there is something to see: a null root or key has a zero-width range.
      const shown = range.end > range.start ? range : visibleRange(analysis.text, analysis.lines, range);
      into.push({ code: rule.code, severity: severity ?? rule.defaultSeverity, range: shown, ...rest });
    },
  });
  // A rule that throws is a bug: its step becomes one par/internal finding, and the other rules still run.
  const ran = (rule: Rule, run: () => void): boolean => {
    try {
      faultPoint(`rule:${rule.code}`);
      run();
      return true;
    } catch (error) {
      analysis.noteInternalError({ rule: rule.code }, error);
      return false;
    }
  };
  const syntaxChecked = ran(syntaxRule, () => syntaxRule.check!(contextFor(syntaxRule, findings)));
  // Syntax first, and alone: findings on a half-parsed (or unchecked) document would only mislead.
  if (findings.length > 0 || !syntaxChecked) return findings;
  for (const rule of RULES) if (rule !== syntaxRule && rule.check) ran(rule, () => rule.check!(contextFor(rule, findings)));

  // Task rules: a kept task's findings are reused, moved by as much as its node moved.
  const taskRules = RULES.filter((r) => r.checkTask);
  const contexts = taskRules.map((rule) => ({ rule, into: [] as Finding[], ctx: undefined as RuleContext | undefined }));
  for (const c of contexts) c.ctx = contextFor(c.rule, c.into);
  const { data, options } = analysis;
  const planYear = analysis.planYear;
  const registry = analysis.registry;
  const tracking = analysis.tracksProgress;
  for (const task of analysis.model.tasks) {
    const start = task.node.range![0];
    const kept = taskFindings.get(task);
    if (kept && kept.data === data && kept.options === options && kept.planYear === planYear && kept.registry === registry && kept.tracking === tracking) {
      const delta = start - kept.start;
      for (const f of kept.findings) findings.push(delta === 0 ? f : moved(f, delta));
      continue;
    }
    const own: Finding[] = [];
    let complete = true;
    for (const c of contexts) {
      c.into.length = 0;
      complete = ran(c.rule, () => c.rule.checkTask!(task, c.ctx!)) && complete;
      own.push(...c.into);
    }
    // A task a rule failed on is checked again in the next version.
    if (complete) taskFindings.set(task, { start, data, options, planYear, registry, tracking, findings: own });
    findings.push(...own);
  }
  return findings;
}
