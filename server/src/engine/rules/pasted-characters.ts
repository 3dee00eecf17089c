// par/pasted-characters: what Word leaves in pasted text. A non-breaking space or an invisible
// character inside a value, curly quotes around a whole value (“Quý IV/2026”, which YAML keeps as
// part of the text), a bullet before a unit name. Each has a fix; it is marked safe only where the
// edit cannot change how YAML reads the line.

import { bulletsIn, curlyQuoted, invisibleRuns, type PastedKind } from '../data/pasted-text';
import type { Scalar } from 'yaml';
import type { TaskModel } from '../model';
import type { Rule, RuleContext } from './rule';

// Next to these, a space or a removed character could start a comment, a mapping or a list.
const YAML_SENSITIVE = /[:#\-]/;

function reportInvisible(ctx: RuleContext, node: Scalar): void {
  const [start, end] = node.range ?? [0, 0];
  const text = ctx.analysis.text;
  const source = text.slice(start, end);
  for (const run of invisibleRuns(source)) {
    const from = start + run.start;
    const to = start + run.end;
    const newText = run.kind === 'nbsp' ? ' ' : '';
    const safe = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' || (!YAML_SENSITIVE.test(text[from - 1] ?? '') && !YAML_SENSITIVE.test(text[to] ?? ''));
    report(ctx, run.kind, { start: from, end: to }, shownAround(text, from, to, start, end), newText, safe);
  }
}

/** A few characters of the value on both sides, the invisible ones shown as a middle dot, for the message. */
function shownAround(text: string, from: number, to: number, scalarStart: number, scalarEnd: number): string {
  const lineStart = Math.max(scalarStart, text.lastIndexOf('\n', from - 1) + 1);
  const lineEnd = Math.min(scalarEnd, text.indexOf('\n', to) === -1 ? text.length : text.indexOf('\n', to));
  return `${text.slice(Math.max(lineStart, from - 16), from)}·${text.slice(to, Math.min(lineEnd, to + 16))}`.trim();
}

function report(ctx: RuleContext, kind: PastedKind, range: { start: number; end: number }, shown: string, newText: string, safe: boolean): void {
  ctx.report({
    range,
    message: ctx.msg.pastedCharacter(kind, shown),
    fixes: [{ title: ctx.msg.fixPastedCharacter(kind), edits: [{ range, newText }], safe, preferred: true }],
  });
}

function reportCurlyQuotes(ctx: RuleContext, node: Scalar | null | undefined): void {
  if (!node || node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return;
  const inner = curlyQuoted(node.value);
  if (inner === undefined) return;
  const range = { start: node.range[0], end: node.range[1] };
  // JSON's quoting is YAML's double quoting for one line of text.
  report(ctx, 'curly-quotes', range, ctx.analysis.text.slice(range.start, range.end), JSON.stringify(inner), !inner.includes('\n'));
}

function scalarsOf(task: TaskModel): Scalar[] {
  const nodes: (Scalar | null | undefined)[] = [task.text?.node, task.deadline?.node];
  for (const field of [task.lead, task.support]) for (const entry of field?.entries ?? []) nodes.push(entry.node);
  return nodes.filter((n): n is Scalar => Boolean(n?.range));
}

export const pastedCharactersRule: Rule = {
  code: 'par/pasted-characters',
  defaultSeverity: 'info',
  description: {
    vi: 'Ký tự dán từ Word: khoảng trắng không ngắt, ký tự vô hình, dấu nháy cong, dấu đầu dòng trong tên đơn vị',
    en: 'Characters pasted from Word: non-breaking spaces, invisible characters, curly quotes, bullets in unit names',
  },
  fixable: true,
  tags: ['unit', 'deadline', 'word'],
  check(ctx) {
    const header = ctx.model.header;
    for (const value of [header?.title, header?.issuer, header?.document]) {
      if (!value) continue;
      reportInvisible(ctx, value.node);
      reportCurlyQuotes(ctx, value.node);
    }
  },
  checkTask(task, ctx) {
    for (const node of scalarsOf(task)) {
      reportInvisible(ctx, node);
      reportCurlyQuotes(ctx, node);
    }
    for (const field of [task.lead, task.support]) {
      for (const entry of field?.entries ?? []) {
        const node = entry.node;
        if (typeof node.value !== 'string' || !node.range) continue;
        // Positions in the value map to the source only where the scalar is written as it reads.
        const source = ctx.analysis.text.slice(node.range[0], node.range[1]);
        const offset = node.type === 'PLAIN' ? 0 : node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : -1;
        if (offset < 0 || source.slice(offset, offset + node.value.length) !== node.value) continue;
        for (const bullet of bulletsIn(node.value)) {
          const range = { start: node.range[0] + offset + bullet.start, end: node.range[0] + offset + bullet.end };
          const after = node.value.slice(bullet.end);
          const name = after.split(';')[0].trim();
          // Removing a leading bullet of a plain scalar must not leave a YAML indicator in front.
          const safe = offset === 1 || bullet.start > 0 || !/^[\[\]{}&*!|>'"%@`#,?:\-]/.test(after);
          report(ctx, 'bullet', range, name, '', safe);
        }
      }
    }
  },
};
