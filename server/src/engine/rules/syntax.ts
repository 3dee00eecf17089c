// par/syntax: YAML syntax errors and input limits. When there are any, no other rule runs:
// findings on a half-parsed document would only mislead.

import type { Rule } from './rule';

export const syntaxRule: Rule = {
  code: 'par/syntax',
  defaultSeverity: 'error',
  description: {
    vi: "Cú pháp YAML; giới hạn kích thước, độ sâu và mã hóa",
    en: "YAML syntax; size, depth and encoding limits",
  },
  fixable: false,
  tags: ["syntax"],
  check(ctx) {
    const { analysis, msg } = ctx;
    for (const problem of analysis.limitProblems) {
      const message =
        problem.yamlCode === 'BINARY'
          ? msg.binaryFile()
          : problem.yamlCode === 'NOT_UTF8'
            ? msg.notUtf8()
            : msg.limitExceeded(({ LIMIT_SIZE: 'size', LIMIT_DEPTH: 'depth', LIMIT_LINE: 'line' } as const)[problem.yamlCode as 'LIMIT_SIZE'] ?? 'size', Number(problem.detail));
      ctx.report({ range: problem.range, message });
    }
    for (const problem of analysis.parsed.syntax) {
      ctx.report({ range: problem.range, message: msg.syntax(problem.yamlCode, problem.detail) });
    }
    if (analysis.limitProblems.length === 0 && analysis.parsed.syntax.length === 0 && analysis.plainData() === undefined) {
      const range = analysis.model.root?.range ? { start: analysis.model.root.range[0], end: analysis.lines.lineEnd(0) } : { start: 0, end: 0 };
      ctx.report({ range, message: msg.limitExceeded('aliases', analysis.options.limits.maxAliasCount) });
    }
  },
};
