// par/missing-lead: a task with no lead unit (đơn vị chủ trì), the gap that slips through Word tables.

import type { Rule } from './rule';

export const missingLeadRule: Rule = {
  code: 'par/missing-lead',
  defaultSeverity: 'warning',
  description: {
    vi: "Nhiệm vụ chưa có đơn vị chủ trì",
    en: "A task with no lead unit",
  },
  fixable: true,
  tags: ["task", "unit"],
  checkTask(task, ctx) {
    if (!task.lead) ctx.report({ range: task.anchor, message: ctx.msg.missingLead(false) });
    else if (task.lead.form === 'empty') ctx.report({ range: task.lead.field.range, message: ctx.msg.missingLead(true) });
  },
};
