// par/flow-list-split: `lead: [Sở, ban, ngành cấp tỉnh]` is three "units" to YAML. Quote the name.

import { flowListSplits } from './unit-parts';
import type { Rule } from './rule';

export const flowListSplitRule: Rule = {
  code: 'par/flow-list-split',
  defaultSeverity: 'warning',
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
