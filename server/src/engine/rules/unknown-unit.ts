// par/unknown-unit: a lead or support phrase the unit registry does not know, with did-you-mean.
// The message says which province's data was read and how to add a unit; a known body written with
// another province's name ("Thuế tỉnh Hà Tĩnh" in a plan of Nghệ An) is told so, with our own name.

import { provinceTitle } from '../data/provinces';
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
    const registry = ctx.analysis.registry;
    const ours = registry.province && provinceTitle(registry.province);
    const dataUsed = ctx.msg.unitDataUsed(ours, registry.layers.slice(1), registry.userOverlay);
    forEachTaskUnit(ctx.analysis, task, ({ field, entry, part }) => {
      if (part.kind !== 'unknown') return;
      if (flowListSplits(ctx.analysis, field).some((s) => entry.index >= field.entries[s.first].index && entry.index <= field.entries[s.last].index)) return;
      const foreign = part.part.foreignProvince;
      const ownBody = foreign && part.part.foreignOf?.unitIds.length === 1 ? registry.units.get(part.part.foreignOf.unitIds[0]) : undefined;
      const suggestions = ownBody ? [ownBody.name] : suggestUnits(registry, part.text).map((s) => s.name);
      const message = foreign
        ? ctx.msg.unitOfOtherProvince(part.text, provinceTitle(foreign), ours, foreign.mergedInto !== undefined && foreign.mergedInto === registry.province?.id) +
          (suggestions.length ? ' ' + ctx.msg.unknownUnitSuggestion(suggestions) : '')
        : `${ctx.msg.unknownUnit(part.text, suggestions)} ${dataUsed}`;
      ctx.report({
        range: part.sourceRange,
        message,
        fixes: suggestions.map((name, i) => ({
          title: ctx.msg.fixReplaceWith(name),
          edits: [replaceInScalar(ctx.analysis, entry.node, part.range, part.exact ? part.sourceRange : null, name, field.flow)],
          safe: false,
          preferred: i === 0,
        })),
      });
    });
  },
};
