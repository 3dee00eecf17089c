// Every rule, in the order findings are produced. Add a rule here, in its own file, with a doc page
// docs/rules/<code>.md and fixtures under test/fixtures/rules/.

import type { PlanAnalysis } from '../analysis';
import { visibleRange } from '../parse';
import type { Finding } from '../types';
import { criterionAreaMismatchRule } from './criterion-area-mismatch';
import { criterionNotStringRule } from './criterion-not-string';
import { deadlineOutsideYearRule } from './deadline-outside-year';
import { duplicateCriterionRule } from './duplicate-criterion';
import { flowListSplitRule } from './flow-list-split';
import { invalidDeadlineRule } from './invalid-deadline';
import { missingDeadlineRule } from './missing-deadline';
import { missingLeadRule } from './missing-lead';
import type { Rule, RuleContext } from './rule';
import { schemaRule } from './schema';
import { syntaxRule } from './syntax';
import { unitSpellingRule } from './unit-spelling';
import { unitSupersededRule } from './unit-superseded';
import { unknownCriterionRule } from './unknown-criterion';
import { unknownUnitRule } from './unknown-unit';

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
];

export const RULE_CODES: ReadonlySet<string> = new Set(RULES.map((r) => r.code));

export function runRules(analysis: PlanAnalysis): Finding[] {
  const findings: Finding[] = [];
  const run = (rule: Rule) => {
    const ctx: RuleContext = {
      analysis,
      model: analysis.model,
      msg: analysis.messages,
      report: ({ severity, range, ...rest }) => {
        // Never an empty range where there is something to see: a null root or key has a zero-width range.
        const shown = range.end > range.start ? range : visibleRange(analysis.text, analysis.lines, range);
        findings.push({ code: rule.code, severity: severity ?? rule.defaultSeverity, range: shown, ...rest });
      },
    };
    rule.check(ctx);
  };
  run(syntaxRule);
  // Syntax first, and alone: findings on a half-parsed document would only mislead.
  if (findings.length > 0) return findings;
  for (const rule of RULES) if (rule !== syntaxRule) run(rule);
  return findings;
}
