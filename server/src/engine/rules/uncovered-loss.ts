// par/uncovered-loss: a code that lost points in the index year and that no item of the plan names
// (neither the code, nor its parent criterion, nor one of its sub-criteria). The plan exists to win
// those points back, so each one left out is reported, on `plan.results` (or the plan header when the
// results came from the command line).

import { coverageOf } from '../coverage';
import { parentOfCode } from '../data/catalog';
import type { Rule } from './rule';

export const uncoveredLossRule: Rule = {
  code: 'par/uncovered-loss',
  defaultSeverity: 'warning',
  description: {
    vi: 'Điểm bị mất năm trước mà không mục nào của kế hoạch khắc phục',
    en: 'Points lost in the index year that no item of the plan addresses',
  },
  fixable: false,
  tags: ['results', 'criterion'],
  check(ctx) {
    const coverage = coverageOf(ctx.analysis);
    if (!coverage) return;
    const header = ctx.model.header;
    const range = header?.results?.range ?? header?.anchor ?? { start: 0, end: 0 };
    const catalog = ctx.analysis.data.catalog;
    for (const code of coverage.codes) {
      if (code.items.length) continue;
      const name = code.name ?? catalog.codes.get(code.code)?.name;
      ctx.report({ range, message: ctx.msg.uncoveredLoss(code.code, name, code.lost, code.obtained, code.max, coverage.results.indexYear, parentOfCode(code.code)) });
    }
  },
};
