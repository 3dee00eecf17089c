// par/unknown-criterion: a well-formed code the catalog does not list. With the bundled (incomplete)
// catalog that is only information: the code may exist. With a complete catalog it is a warning.

import { areaByNumber, areaOfCode, isWellFormedCode, suggestCodes } from '../data/catalog';
import type { Rule } from './rule';

export const unknownCriterionRule: Rule = {
  code: 'par/unknown-criterion',
  defaultSeverity: 'warning',
  description: {
    vi: "Mã không có trong danh mục tiêu chí (chỉ là thông tin với danh mục kèm theo, chưa đủ)",
    en: "A code not in the criteria catalog (information only with the bundled, incomplete catalog)",
  },
  fixable: true,
  tags: ["criterion"],
  check(ctx) {
    const catalog = ctx.analysis.data.catalog;
    for (const item of ctx.model.items) {
      for (const ref of item.criteria) {
        if (!isWellFormedCode(ref.code) || catalog.codes.has(ref.code)) continue;
        const areaExists = Boolean(areaByNumber(catalog, areaOfCode(ref.code)));
        const suggestions = suggestCodes(catalog, ref.code);
        const quote = ref.readAsNumber ? (s: string) => JSON.stringify(s) : (s: string) => (ref.node.type === 'QUOTE_SINGLE' ? `'${s}'` : ref.node.type === 'PLAIN' ? s : JSON.stringify(s));
        ctx.report({
          range: ref.range,
          severity: areaExists && !catalog.complete ? 'info' : undefined,
          message: ctx.msg.unknownCriterion(ref.code, catalog.complete, suggestions, areaExists),
          fixes: suggestions.map((code, i) => ({
            title: ctx.msg.fixReplaceWith(code),
            edits: [{ range: ref.range, newText: quote(code) }],
            safe: false,
            preferred: i === 0,
          })),
        });
      }
    }
  },
};
