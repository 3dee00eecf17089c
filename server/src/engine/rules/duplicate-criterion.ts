// par/duplicate-criterion: the same code twice in one item (a warning, with a fix), or in two items of
// the plan (information: consolidated plans of several offices legitimately repeat a criterion).

import { removeSequenceEntry } from '../edits';
import type { CriterionRef, ItemModel } from '../model';
import type { Rule } from './rule';

export const duplicateCriterionRule: Rule = {
  code: 'par/duplicate-criterion',
  defaultSeverity: 'warning',
  description: {
    vi: "Một mã ghi hai lần trong một mục (cảnh báo) hoặc ở hai mục (thông tin)",
    en: "The same code twice in an item (warning) or in two items (information)",
  },
  fixable: true,
  tags: ["criterion"],
  check(ctx) {
    const first = new Map<string, { item: ItemModel; ref: CriterionRef }>();
    for (const item of ctx.model.items) {
      const inItem = new Set<string>();
      for (const ref of item.criteria) {
        if (inItem.has(ref.code)) {
          const seq = item.criteriaField?.value;
          ctx.report({
            range: ref.range,
            message: ctx.msg.duplicateCriterionInItem(ref.code),
            fixes: seq ? [{ title: ctx.msg.fixRemoveDuplicate(ref.code), edits: [removeSequenceEntry(ctx.analysis, seq, ref.index)], safe: true, preferred: true }] : undefined,
          });
          continue;
        }
        inItem.add(ref.code);
        const earlier = first.get(ref.code);
        if (!earlier) {
          first.set(ref.code, { item, ref });
          continue;
        }
        const where = ctx.msg.where('item', { section: earlier.item.section.area?.numeral, item: earlier.item.index + 1 });
        ctx.report({
          range: ref.range,
          severity: 'info',
          message: ctx.msg.duplicateCriterionInPlan(ref.code, where),
          related: [{ range: earlier.ref.range, message: ctx.msg.firstMention() }],
        });
      }
    }
  },
};
