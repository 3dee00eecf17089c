// par/flow-list-split: `lead: [Sở, ban, ngành cấp tỉnh]` is three "units" to YAML. Quote the name.

import { flowListSplits } from './unit-parts';
import type { Rule } from './rule';

export const flowListSplitRule: Rule = {
  code: 'par/flow-list-split',
  defaultSeverity: 'warning',
  description: {
    vi: "Tên như [Sở, ban, ngành cấp tỉnh] bị YAML tách ở dấu phẩy",
    en: "A name such as [S\u1edf, ban, ng\u00e0nh c\u1ea5p t\u1ec9nh] split by YAML at its commas",
  },
  fixable: true,
  tags: ["unit"],
  checkTask(task, ctx) {
    for (const field of [task.lead, task.support]) {
      if (!field) continue;
      for (const split of flowListSplits(ctx.analysis, field)) {
        ctx.report({
          range: split.range,
          message: ctx.msg.flowListSplit(split.joined),
          fixes: [{ title: ctx.msg.fixJoinFlowList(split.joined), edits: [{ range: split.range, newText: JSON.stringify(split.joined) }], safe: true, preferred: true }],
        });
      }
    }
  },
};
