// par/done-late: a task completed (`done`) after its deadline ended.

import { deadlineEnd } from '../data/deadline';
import { daysBetween, taskFollowUp } from '../follow-up';
import type { Rule } from './rule';

export const doneLateRule: Rule = {
  code: 'par/done-late',
  defaultSeverity: 'info',
  description: {
    vi: "Hoàn thành sau thời hạn (số ngày chậm)",
    en: "Done after the deadline (days late)",
  },
  fixable: false,
  tags: ["follow-up"],
  checkTask(task, ctx) {
    const state = taskFollowUp(ctx.analysis, task);
    const end = deadlineEnd(state.deadline);
    if (state.status !== 'done' || !state.doneDay || !end || !task.done) return;
    const days = daysBetween(end, state.doneDay);
    if (days > 0) ctx.report({ range: task.done.field.valueRange, message: ctx.msg.doneLate(ctx.msg.day(state.doneDay), ctx.msg.day(end), days) });
  },
};
