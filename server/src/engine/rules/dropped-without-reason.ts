// par/dropped-without-reason: a task marked "không thực hiện" with no `note` saying why.

import { taskFollowUp } from '../follow-up';
import type { Rule } from './rule';

export const droppedWithoutReasonRule: Rule = {
  code: 'par/dropped-without-reason',
  defaultSeverity: 'info',
  description: {
    vi: "Không thực hiện nhưng chưa ghi lý do (note)",
    en: "Dropped with no note giving the reason",
  },
  fixable: false,
  tags: ["follow-up"],
  checkTask(task, ctx) {
    if (taskFollowUp(ctx.analysis, task).status !== 'dropped' || task.note?.text.trim()) return;
    ctx.report({ range: task.status!.field.valueRange, message: ctx.msg.droppedWithoutReason() });
  },
};
