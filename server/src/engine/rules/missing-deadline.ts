// par/missing-deadline: a task with no deadline (thời hạn).

import type { Rule } from './rule';

export const missingDeadlineRule: Rule = {
  code: 'par/missing-deadline',
  defaultSeverity: 'warning',
  description: {
    vi: "Nhiệm vụ chưa có thời hạn hoàn thành",
    en: "A task with no deadline",
  },
  fixable: true,
  tags: ["task", "deadline"],
  checkTask(task, ctx) {
    if (!task.deadline) ctx.report({ range: task.anchor, message: ctx.msg.missingDeadline(false) });
    else if (task.deadline.text === null && (task.deadline.node === null || task.deadline.node.value === null || typeof task.deadline.node.value === 'string')) {
      ctx.report({ range: task.deadline.field.range, message: ctx.msg.missingDeadline(true) });
    }
  },
};
