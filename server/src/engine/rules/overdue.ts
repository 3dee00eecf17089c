// par/overdue: on the as-of day, an unfinished task whose deadline has ended, or a recurring task with
// no progress report in its last ended period. Only in a plan that is followed up (follow-up.ts).

import { latenessAsOf } from '../follow-up';
import type { Rule } from './rule';

export const overdueRule: Rule = {
  code: 'par/overdue',
  defaultSeverity: 'warning',
  description: {
    vi: "Theo ngày xét: đã quá thời hạn mà chưa hoàn thành (số ngày quá hạn); việc định kỳ chưa báo cáo kỳ gần nhất",
    en: "As of the day checked: deadline passed and not done (days late); a recurring task with no report in its last period",
  },
  fixable: true,
  tags: ["follow-up"],
  checkTask(task, ctx) {
    const { msg } = ctx;
    const late = latenessAsOf(ctx.analysis, task);
    if (!late) return;
    const field = task.deadline!;
    const written = field.text!.trim();
    if (late?.kind === 'overdue') ctx.report({ range: field.field.valueRange, message: msg.overdue(written, msg.day(late.end), late.days) });
    else if (late?.kind === 'overdue-report') ctx.report({ range: field.field.valueRange, message: msg.overdueReport(written, msg.periodName(late.period), late.days) });
  },
};
