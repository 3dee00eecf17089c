// par/no-loss: an item's criterion lost nothing in the index year. Information only: a plan may keep
// a criterion at its maximum on purpose, but an author who copied last year's list by hand may have
// the wrong code.

import { parentOfCode } from '../data/catalog';
import type { Rule } from './rule';

export const noLossRule: Rule = {
  code: 'par/no-loss',
  defaultSeverity: 'info',
  description: {
    vi: 'Mục nêu tiêu chí không bị mất điểm năm trước',
    en: 'An item names a criterion that lost no points in the index year',
  },
  fixable: false,
  tags: ['results', 'criterion'],
  check(ctx) {
    const results = ctx.analysis.results?.results;
    if (!results) return;
    for (const item of ctx.model.items) {
      for (const ref of item.criteria) {
        // A sub-criterion the results give only through its parent lost nothing when the parent did not.
        const parent = parentOfCode(ref.code);
        const known = results.entries.has(ref.code) ? ref.code : parent && results.entries.has(parent) ? parent : undefined;
        if (!known || results.lossOf(known) !== 0) continue;
        const entry = results.entries.get(known)!;
        ctx.report({ range: ref.range, message: ctx.msg.noLoss(ref.code, entry.obtained, entry.max, results.indexYear) });
      }
    }
  },
};
