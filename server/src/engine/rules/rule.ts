import type { PlanFacts } from '../plan-facts';
import type { Messages } from '../messages';
import type { PlanModel, TaskModel } from '../model';
import type { Finding, Locale, Severity } from '../types';

export interface RuleContext {
  analysis: PlanFacts;
  model: PlanModel;
  msg: Messages;
  /** Reports a finding of the running rule; its code and default severity are filled in. */
  report(finding: Omit<Finding, 'code' | 'severity'> & { severity?: Severity }): void;
}

/**
 * One rule, one file, one stable code. A rule reads the model; it never parses text again.
 * A rule about one task at a time implements `checkTask`: its findings depend only on that task and
 * the plan's context, so they are kept per task across versions (rules/index.ts). Other rules
 * implement `check` over the whole plan.
 */
/**
 * What a rule is, declared once in its own file. The `parPlan.rules` settings (package.json and its
 * nls files), the SARIF rule list, the LSP code links and the README's rule table are made from it
 * (`npm run sync-rules`; test/engine/rule-metadata.test.ts fails on drift).
 */
export interface RuleMeta {
  /** Stable code, `par/<name>`; its page is `docs/rules/<name>.md` (ruleDocPage). */
  code: string;
  defaultSeverity: Severity;
  /** One line per locale: what the rule finds. */
  description: Record<Locale, string>;
  /** Some of its findings carry a quick-fix. */
  fixable: boolean;
  /** What the rule looks at, for grouping: `syntax`, `format`, `task`, `criterion`, `unit`, `deadline`... */
  tags: readonly string[];
}

/** The rule's documentation page, relative to the project root. */
export function ruleDocPage(code: string): string {
  return `docs/rules/${code.replace(/^par\//, '')}.md`;
}

export interface Rule extends RuleMeta {
  check?(ctx: RuleContext): void;
  checkTask?(task: TaskModel, ctx: RuleContext): void;
}
