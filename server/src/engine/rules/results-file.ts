// par/results-file: the results file the plan names (or `--results` names) cannot be used: not found,
// outside the workspace, or a line of it is wrong. Reported where the file is named, so a path being
// typed shows its state as a squiggle rather than a pop-up.

import type { Rule } from './rule';

export const resultsFileRule: Rule = {
  code: 'par/results-file',
  defaultSeverity: 'warning',
  description: {
    vi: 'Không đọc được tệp kết quả năm trước',
    en: 'The results file cannot be read',
  },
  fixable: false,
  tags: ['results', 'format'],
  check(ctx) {
    const load = ctx.analysis.results;
    if (!load?.problem) return;
    const header = ctx.model.header;
    const range = header?.results?.range ?? header?.anchor ?? { start: 0, end: 0 };
    ctx.report({ range, message: ctx.msg.resultsFile(load.file, load.problem[ctx.analysis.options.locale]) });
  },
};
