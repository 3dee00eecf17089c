// par/invalid-date: a completion day (`done`) or a progress report's `date` that is not one calendar day.

import type { DeadlineField } from '../model';
import { dayOf } from '../follow-up';
import type { Rule, RuleContext } from './rule';

function checkDay(field: DeadlineField | null, key: 'done' | 'date', ctx: RuleContext): void {
  if (!field?.text || dayOf(ctx.analysis, field)) return;
  ctx.report({ range: field.field.valueRange, message: ctx.msg.invalidDay(key, field.text.trim()) });
}

export const invalidDateRule: Rule = {
  code: 'par/invalid-date',
  defaultSeverity: 'warning',
  description: {
    vi: "Ngày hoàn thành hoặc ngày báo cáo không phải một ngày có thật",
    en: "A completion or report date that is not one real day",
  },
  fixable: false,
  tags: ["follow-up"],
  checkTask(task, ctx) {
    checkDay(task.done, 'done', ctx);
    for (const entry of task.progress) checkDay(entry.date, 'date', ctx);
  },
};
