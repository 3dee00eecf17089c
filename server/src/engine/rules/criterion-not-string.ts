// par/criterion-not-string: an unquoted code that YAML reads as a number. "1.10" becomes 1.1 for
// every other YAML tool; we keep the written text, say so, and offer the quotes.

import type { Rule } from './rule';

export const criterionNotStringRule: Rule = {
  code: 'par/criterion-not-string',
  defaultSeverity: 'warning',
  description: {
    vi: "Mã không có ngoặc kép như 1.10 mà YAML đọc thành số 1.1",
    en: "An unquoted code such as 1.10 that YAML reads as the number 1.1",
  },
  fixable: true,
  tags: ["criterion"],
  check(ctx) {
    for (const item of ctx.model.items) {
      for (const ref of item.criteria) {
        if (!ref.readAsNumber) continue;
        const quoted = JSON.stringify(ref.code);
        ctx.report({
          range: ref.range,
          message: ctx.msg.criterionNotString(ref.code, String(ref.node.value)),
          fixes: [{ title: ctx.msg.fixQuoteCode(ref.code), edits: [{ range: ref.range, newText: quoted }], safe: true, preferred: true }],
        });
      }
    }
  },
};
