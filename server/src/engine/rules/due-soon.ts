// par/due-soon: on the as-of day, an unfinished task whose deadline ends within N days
// (`dueSoonDays` in .par-plan.json, 14 by default). Only in a plan that is followed up.

import { DEFAULT_DUE_SOON_DAYS, lateness, taskFollowUp } from '../follow-up';
import type { Rule } from './rule';

export const dueSoonRule: Rule = {
  code: 'par/due-soon',
  defaultSeverity: 'info',
  description: {
    vi: "Còn không quá 14 ngày (dueSoonDays) đến hạn mà chưa hoàn thành",
    en: "Due within 14 days (dueSoonDays) and not done",
  },
  fixable: true,
  tags: ["follow-up"],
  checkTask(task, ctx) {
    const { analysis, msg } = ctx;
    const asOf = analysis.options.asOf;
    const field = task.deadline;
    if (!asOf || !analysis.tracksProgress || !field?.text) return;
    const late = lateness(analysis, task, taskFollowUp(analysis, task), asOf, analysis.options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
    if (late?.kind === 'due-soon') ctx.report({ range: field.field.valueRange, message: msg.dueSoon(field.text.trim(), msg.day(late.end), late.days) });
  },
};
