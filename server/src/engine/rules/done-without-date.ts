// par/done-without-date: a task marked done with no completion day (`done`), so nobody can tell
// whether it was on time.

import { taskFollowUp } from '../follow-up';
import type { Rule } from './rule';

export const doneWithoutDateRule: Rule = {
  code: 'par/done-without-date',
  defaultSeverity: 'hint',
  description: {
    vi: "Đã hoàn thành nhưng chưa ghi ngày hoàn thành (done)",
    en: "Marked done with no completion date (done)",
  },
  fixable: true,
  tags: ["follow-up"],
  checkTask(task, ctx) {
    const state = taskFollowUp(ctx.analysis, task);
    // A `done` value that is not a day is par/invalid-date's finding, not this one.
    if (state.status === 'done' && state.explicit && !task.done?.text) ctx.report({ range: task.status!.field.valueRange, message: ctx.msg.doneWithoutDate() });
  },
};
