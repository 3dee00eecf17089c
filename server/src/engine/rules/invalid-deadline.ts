// par/invalid-deadline: a deadline the deadline grammar cannot read, or a day that does not exist.

import { parseDeadline } from '../data/deadline';
import { curlyQuoted } from '../data/pasted-text';
import { scalarSourceMap, valueRangeInSource } from '../scalar-offsets';
import type { Rule } from './rule';

export const invalidDeadlineRule: Rule = {
  code: 'par/invalid-deadline',
  defaultSeverity: 'warning',
  description: {
    vi: "Thời hạn không đọc được, hoặc ngày không có thật",
    en: "A deadline that cannot be read, or a day that does not exist",
  },
  fixable: false,
  tags: ["deadline"],
  checkTask(task, ctx) {
    const field = task.deadline;
    if (!field?.node || field.text === null) return;
    const meaning = ctx.analysis.deadline(field);
    if (meaning?.kind !== 'invalid' || meaning.problem === 'empty') return;
    const range =
      meaning.span && typeof field.node.value === 'string'
        ? valueRangeInSource(ctx.analysis.text, field.node, meaning.span, scalarSourceMap(ctx.analysis.text, field.node))
        : field.field.valueRange;
    const year = ctx.analysis.planYear;
    // Pasted from Word: “Quý IV/2026” is fine once its curly quotes go (par/pasted-characters fixes them).
    const inner = curlyQuoted(field.text);
    const onlyQuotes = inner !== undefined && parseDeadline(inner, { planYear: year }).kind !== 'invalid';
    ctx.report({
      range,
      message: ctx.msg.invalidDeadline(field.text.trim(), ctx.msg.deadlineProblem(meaning.problem, year)) + (onlyQuotes ? ` ${ctx.msg.deadlineOnlyCurlyQuotes(inner)}` : ''),
    });
  },
};
