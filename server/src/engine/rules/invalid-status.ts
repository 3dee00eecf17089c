// par/invalid-status: a `status` that is none of the four (matched without accents and case).

import { replaceScalar } from '../edits';
import { readStatus, suggestStatus } from '../follow-up';
import type { Rule } from './rule';

export const invalidStatusRule: Rule = {
  code: 'par/invalid-status',
  defaultSeverity: 'warning',
  description: {
    vi: "Trạng thái không thuộc bốn trạng thái (có gợi ý)",
    en: "A status that is none of the four (with did-you-mean)",
  },
  fixable: true,
  tags: ["follow-up"],
  checkTask(task, ctx) {
    const field = task.status;
    if (!field?.text || readStatus(field.text)) return;
    const written = field.text.trim();
    const suggestion = suggestStatus(written);
    const node = field.node;
    ctx.report({
      range: field.field.valueRange,
      message: ctx.msg.invalidStatus(written, suggestion),
      fixes: suggestion && node && typeof node.value === 'string'
        ? [{ title: ctx.msg.fixReplaceWith(suggestion), edits: [replaceScalar(ctx.analysis.text, node, suggestion, false)], safe: false, preferred: true }]
        : undefined,
    });
  },
};
