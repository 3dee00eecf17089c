import type { PlanAnalysis } from '../analysis';
import type { Messages } from '../messages';
import type { PlanModel, TaskModel } from '../model';
import type { Finding, Severity } from '../types';

export interface RuleContext {
  analysis: PlanAnalysis;
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
export interface Rule {
  code: string;
  defaultSeverity: Severity;
  check?(ctx: RuleContext): void;
  checkTask?(task: TaskModel, ctx: RuleContext): void;
}
