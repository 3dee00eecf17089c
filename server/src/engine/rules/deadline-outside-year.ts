// par/deadline-outside-year: a deadline that ends before or after the plan year.

import type { Rule } from './rule';

export const deadlineOutsideYearRule: Rule = {
  code: 'par/deadline-outside-year',
  defaultSeverity: 'warning',
  description: {
    vi: "Thời hạn nằm ngoài năm kế hoạch",
    en: "A deadline outside the plan year",
  },
  fixable: false,
  tags: ["deadline"],
  checkTask(task, ctx) {
    const year = ctx.analysis.planYear;
    const field = task.deadline;
    if (year === undefined || !field || field.text === null) return;
    const meaning = ctx.analysis.deadline(field);
    const end = meaning?.kind === 'interval' ? meaning.end : meaning?.kind === 'recurring' ? meaning.within?.end : undefined;
    // Only the end counts: a task may begin before the plan year, but it must be due within it.
    if (!end || end.slice(0, 4) === String(year)) return;
    ctx.report({ range: field.field.valueRange, message: ctx.msg.deadlineOutsideYear(field.text.trim(), year, ctx.msg.day(end)) });
  },
};
