// A plan keeps its line breaks and its final line break (or lack of one) through every code action
// and through fix-all: a CRLF plan stays CRLF everywhere, also where an action inserts whole lines
// ("add lead", "add deadline", "silence for this line", "move item", "split into a list").
// The byte-order mark is the host's: test/cli/safe-write-cli.test.ts checks it survives `--fix`.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, fixAll } from '../../server/src/engine';
import { codeActions, type PlanCodeAction } from '../../server/src/engine/features/code-actions';
import { analyze } from '../support/engine';
import { fixtureSources, readSample } from './sources';

const root = join(__dirname, '..', '..');
const sources = [{ name: 'sample', text: readSample(root) }, ...fixtureSources(root)];

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const loneLf = (text: string) => /(^|[^\r])\n/.test(text);

/** Every action the editor can be offered on a text: at each finding, on the whole text, and fix-all. */
function everyAction(text: string): PlanCodeAction[] {
  const analysis = analyze(text);
  const ranges = [{ start: 0, end: text.length }, ...analysis.findings().map((f) => f.range)];
  const actions = ranges.flatMap((range) => [...codeActions(analysis, range), ...codeActions(analysis, range, ['refactor.rewrite'])]);
  actions.push(...codeActions(analysis, { start: 0, end: 0 }, ['source.fixAll']));
  return actions;
}

describe('line breaks are kept by code actions and fix-all', () => {
  it('every action on a CRLF copy of the sample and of every fixture writes CRLF only', () => {
    let applied = 0;
    const inserting = new Set<string>();
    for (const source of sources) {
      const text = crlf(source.text);
      for (const action of everyAction(text)) {
        const label = `${source.name}: "${action.title}"`;
        if (action.edits.length) {
          const after = applyEdits(text, action.edits);
          expect(loneLf(after), label).toBe(false);
          applied++;
          if (action.edits.some((e) => e.newText.includes('\n'))) inserting.add(action.title.replace(/".*"|\d+|par\/[\w-]+|[IVX]+$/g, '…'));
        }
        if (action.snippet) expect(loneLf(action.snippet.text), `${label} snippet`).toBe(false);
      }
      expect(loneLf(fixAll(analyze(text)).text), `${source.name}: fix-all`).toBe(false);
    }
    // The actions that insert lines were among them (else this test would prove nothing).
    expect(applied).toBeGreaterThan(50);
    expect([...inserting].length, [...inserting].join(' | ')).toBeGreaterThanOrEqual(3);
  });

  it('an LF plan stays LF', () => {
    for (const source of sources) {
      for (const action of everyAction(source.text)) {
        if (action.edits.length) expect(applyEdits(source.text, action.edits).includes('\r'), `${source.name}: "${action.title}"`).toBe(source.text.includes('\r'));
      }
    }
  });

  it('a plan without a final line break does not get one from an action that inserts lines at its end', () => {
    const text = crlf(
      'plan:\n  title: Kế hoạch\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: Rà soát',
    );
    const actions = everyAction(text).filter((a) => a.edits.length);
    const titles = actions.map((a) => a.title);
    expect(titles).toContain(analyze(text).messages.actionAddLead());
    for (const action of actions) {
      const after = applyEdits(text, action.edits);
      expect(after.endsWith('\n'), `"${action.title}" -> ${JSON.stringify(after.slice(-40))}`).toBe(false);
      expect(loneLf(after), action.title).toBe(false);
    }
  });
});
