// par/unit-spelling: a known unit written as an abbreviation, without accents or in another case.
// Tone placement ("hoá"/"hóa") and the first letter's case never count.

import { namesGroups, preferredSpelling, spellingIssue } from '../data/unit-phrase';
import { replaceInScalar } from '../edits';
import { forEachTaskUnit } from './unit-parts';
import type { Rule } from './rule';

export const unitSpellingRule: Rule = {
  code: 'par/unit-spelling',
  defaultSeverity: 'info',
  description: {
    vi: "Đơn vị đã biết nhưng viết tắt, không dấu hoặc sai chữ hoa",
    en: "A known unit abbreviated, without accents, or in another case",
  },
  fixable: true,
  tags: ["unit"],
  checkTask(task, ctx) {
    const registry = ctx.analysis.registry;
    forEachTaskUnit(ctx.analysis, task, ({ field, entry, part }) => {
      const issue = spellingIssue(part.part, registry);
      if (!issue) return;
      const canonical = part.alias?.kind === 'phrase' ? part.alias.text : registry.units.get(part.unitIds[0])!.name;
      const preferred = preferredSpelling(part, canonical, namesGroups(part, registry));
      if (preferred === part.text) return;
      ctx.report({
        range: part.sourceRange,
        message: ctx.msg.unitSpelling(part.text, preferred, issue),
        fixes: [{
          title: ctx.msg.fixReplaceWith(preferred),
          edits: [replaceInScalar(ctx.analysis, entry.node, part.range, part.exact ? part.sourceRange : null, preferred, field.flow)],
          safe: true,
          preferred: true,
        }],
      });
    });
  },
};
