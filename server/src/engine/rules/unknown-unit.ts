// par/unknown-unit: a lead or support phrase the unit registry does not know, with did-you-mean.

import { suggestUnits } from '../data/registry';
import { replaceInScalar } from '../edits';
import { flowListSplits, forEachTaskUnit } from './unit-parts';
import type { Rule } from './rule';

export const unknownUnitRule: Rule = {
  code: 'par/unknown-unit',
  defaultSeverity: 'warning',
  description: {
    vi: "Đơn vị không có trong danh mục đơn vị, có gợi ý",
    en: "A unit the registry does not know, with did-you-mean",
  },
  fixable: true,
  tags: ["unit"],
  checkTask(task, ctx) {
    forEachTaskUnit(ctx.analysis, task, ({ field, entry, part }) => {
      if (part.kind !== 'unknown') return;
      if (flowListSplits(ctx.analysis, field).some((s) => entry.index >= field.entries[s.first].index && entry.index <= field.entries[s.last].index)) return;
      const suggestions = suggestUnits(ctx.analysis.data.registry, part.text);
      ctx.report({
        range: part.sourceRange,
        message: ctx.msg.unknownUnit(part.text, suggestions.map((s) => s.name)),
        fixes: suggestions.map((s, i) => ({
          title: ctx.msg.fixReplaceWith(s.name),
          edits: [replaceInScalar(ctx.analysis, entry.node, part.range, part.exact ? part.sourceRange : null, s.name, field.flow)],
          safe: false,
          preferred: i === 0,
        })),
      });
    });
  },
};
