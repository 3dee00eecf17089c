// par/deadline-outside-year: a deadline that ends before or after the plan year.

import type { Rule } from './rule';

export const deadlineOutsideYearRule: Rule = {
  code: 'par/deadline-outside-year',
  defaultSeverity: 'warning',
  check(ctx) {
    const year = ctx.analysis.planYear;
    if (year === undefined) return;
    for (const task of ctx.model.tasks) {
      const field = task.deadline;
      if (!field || field.text === null) continue;
      const meaning = ctx.analysis.deadline(field);
      const end = meaning?.kind === 'interval' ? meaning.end : meaning?.kind === 'recurring' ? meaning.within?.end : undefined;
      if (!end) continue;
      // Only the end counts: a task may begin before the plan year, but it must be due within it.
      if (end.slice(0, 4) === String(year)) continue;
      ctx.report({ range: field.field.valueRange, message: ctx.msg.deadlineOutsideYear(field.text.trim(), year, ctx.msg.day(end)) });
    }
  },
};
