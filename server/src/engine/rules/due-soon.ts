// par/due-soon: on the as-of day, an unfinished task whose deadline ends within N days
// (`dueSoonDays` in .par-plan.json, 14 by default). Only in a plan that is followed up.

import { latenessAsOf } from '../follow-up';
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
    const { msg } = ctx;
    const late = latenessAsOf(ctx.analysis, task);
    // A lateness is only given for a task with a deadline.
    const field = task.deadline!;
    if (late?.kind === 'due-soon') ctx.report({ range: field.field.valueRange, message: msg.dueSoon(field.text!.trim(), msg.day(late.end), late.days) });
  },
};
