// par/results-year: the results the plan is checked against are for another index year than the
// plan's `index-year`, or for another issuer: its findings would be about someone else's points.

import { fold } from '../data/text-fold';
import type { Rule } from './rule';

const sameIssuer = (a: string, b: string) => fold(a).replace(/\s+/g, ' ').trim() === fold(b).replace(/\s+/g, ' ').trim();

export const resultsYearRule: Rule = {
  code: 'par/results-year',
  defaultSeverity: 'warning',
  description: {
    vi: 'Kết quả của năm khác hoặc của tỉnh khác',
    en: 'Results of another index year or another issuer',
  },
  fixable: false,
  tags: ['results', 'format'],
  check(ctx) {
    const load = ctx.analysis.results;
    const results = load?.results;
    const header = ctx.model.header;
    if (!load || !results || !header) return;
    if (header.indexYear && header.indexYear.value !== results.indexYear) {
      ctx.report({ range: header.indexYear.range, message: ctx.msg.resultsYear(results.indexYear, header.indexYear.value, load.file) });
    }
    if (header.issuer && results.issuer && !sameIssuer(header.issuer.text, results.issuer)) {
      ctx.report({ range: header.issuer.range, message: ctx.msg.resultsIssuer(results.issuer, header.issuer.text, load.file) });
    }
  },
};
