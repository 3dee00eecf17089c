// Incremental analysis must be invisible: for random edits, the analysis built from the previous
// version (re-parsing only the edited entry) equals a fresh full analysis of the new text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate-plan.mjs';
import { PlanAnalysis } from '../../server/src/engine';
import { DEFAULT_OPTIONS } from '../../server/src/engine/analysis';
import { composeChanges, diffTexts, editLines } from '../../server/src/engine/incremental';
import { LineIndex } from '../../server/src/engine/parse';
import { hoverAt } from '../../server/src/engine/features/hover';
import { documentSymbols } from '../../server/src/engine/features/outline';
import { bundledData } from '../support/engine';

const data = bundledData();
const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
const generated = generatePlan({ tasks: 60, seed: 3, defectRate: 0.1 });
const RUNS = Number(process.env.PAR_FUZZ_RUNS) || 150;

/** What a person and the editor see of an analysis: findings, outline and every task's fields. */
function observable(a: PlanAnalysis) {
  return {
    findings: a.findings(),
    symbols: documentSymbols(a),
    tasks: a.model.tasks.map((t) => ({
      range: t.range,
      text: t.text?.text,
      lead: t.lead?.entries.map((e) => [e.text, e.range, a.unitParts(e).map((p) => [p.kind, p.unitIds, p.sourceRange])]),
      deadline: t.deadline?.text,
    })),
    year: a.planYear,
  };
}

function both(before: string, after: string) {
  const previous = new PlanAnalysis(before, data, DEFAULT_OPTIONS);
  previous.findings();
  const incremental = new PlanAnalysis(after, data, DEFAULT_OPTIONS, { analysis: previous, change: diffTexts(before, after) });
  const observed = observable(incremental);
  const fresh = observable(new PlanAnalysis(after, data, DEFAULT_OPTIONS));
  return { incremental, observed, fresh };
}

const INSERTS = ['x', '\u0000', '\uFFFD', '[[[[[[[[[[', 'ế', ' ', '\n', ':', '- ', '"', "'", '[', ']', '#', '1.10', 'Sở Nội vụ', '\n            deadline: Năm 2023', '\n  - area: IX', '\t', '&a ', '*a'];

const editOf = (text: string) =>
  fc.record({ at: fc.integer({ min: 0, max: text.length }), remove: fc.integer({ min: 0, max: 12 }), insert: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 6 })) });

describe('incremental analysis equals a full analysis', () => {
  for (const [name, text] of [['the sample', sample], ['a generated plan', generated]] as const) {
    it(`for random edits of ${name}`, () => {
      let incrementalCount = 0;
      fc.assert(
        fc.property(editOf(text), ({ at, remove, insert }) => {
          const after = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
          const { incremental, observed, fresh } = both(text, after);
          if (incremental.reparsedIncrementally) incrementalCount++;
          expect(observed).toEqual(fresh);
        }),
        // Seeded: the share of incremental re-parses below is a property of the edits drawn, and an
        // unlucky draw fell under it (43 of 150). scripts/fuzz.mjs explores unseeded, at length.
        { numRuns: RUNS, seed: 20261203 },
      );
      // Most random edits land inside a task's text, which is the incremental case.
      expect(incrementalCount).toBeGreaterThan(RUNS * 0.3);
    }, 600_000);
  }

  it('when a word is typed letter by letter, with and without checks in between', () => {
    const at = sample.indexOf('task: Theo dõi, đôn đốc') + 'task: '.length;
    let text = sample;
    let previous = new PlanAnalysis(text, data, DEFAULT_OPTIONS);
    previous.findings();
    for (const [i, letter] of [...'Tiếp tục '].entries()) {
      const next = text.slice(0, at + i) + letter + text.slice(at + i);
      const analysis = new PlanAnalysis(next, data, DEFAULT_OPTIONS, { analysis: previous, change: { start: at + i, end: at + i, newLength: 1 } });
      // Only every third version is checked, like a debounced editor; completion alone never parses.
      if (i % 3 === 2) {
        expect(observable(analysis)).toEqual(observable(new PlanAnalysis(next, data, DEFAULT_OPTIONS)));
        expect(analysis.reparsedIncrementally).toBe(true);
      }
      previous = analysis;
      text = next;
    }
  });

  it('keeps the model objects of unchanged tasks, whichever result is asked first', () => {
    const at = sample.indexOf('task: Theo dõi, đôn đốc') + 'task: '.length;
    const after = sample.slice(0, at) + 'x' + sample.slice(at);
    for (const first of ['findings', 'model', 'symbols'] as const) {
      const previous = new PlanAnalysis(sample, data, DEFAULT_OPTIONS);
      previous.findings();
      const kept = previous.model.tasks.slice();
      const next = new PlanAnalysis(after, data, DEFAULT_OPTIONS, { analysis: previous, change: { start: at, end: at, newLength: 1 } });
      if (first === 'findings') next.findings();
      else if (first === 'symbols') documentSymbols(next);
      const tasks = next.model.tasks;
      expect(next.reparsedIncrementally).toBe(true);
      const changed = tasks.filter((t, i) => t !== kept[i]);
      expect(changed.map((t) => t.text?.text.slice(0, 8))).toEqual(['xTheo dõ']);
    }
  });

  it('falls back to a full parse when the structure changes', () => {
    const at = sample.indexOf('            deadline: Năm 2023');
    const cases = [
      sample.slice(0, at) + '  - area: IX\n' + sample.slice(at), // a dedented line inside a task
      sample.replace('    title: Cải cách thể chế', '    title: Cải cách thể chế\n    bad: ['), // an unclosed list
      sample.replace('plan:\n  title:', 'plan:\n  title: Mới\n  titel:'), // the header
    ];
    for (const after of cases) {
      const { incremental, observed, fresh } = both(sample, after);
      expect(incremental.reparsedIncrementally).toBe(false);
      expect(observed).toEqual(fresh);
    }
  });

  it('when a task now ends in an empty value with a comment', () => {
    // `deadline: ""` becomes `deadline: #""`: in the whole document the task then ends at the next line's dash.
    const at = sample.indexOf('deadline: "" # Ô trống') + 'deadline: '.length;
    const { observed, fresh } = both(sample, sample.slice(0, at) + '#' + sample.slice(at));
    expect(observed).toEqual(fresh);
  });
});

describe('incremental limit checks equal a full check', () => {
  /** `count` mapping keys, each one level deeper than the last, from `column`. */
  const nested = (column: number, count: number, step = 2, name = 'k') => Array.from({ length: count }, (_, i) => `${' '.repeat(column + i * step)}${name}${i}:\n`).join('');
  const limitsOf = (a: PlanAnalysis) => a.limitProblems.map((p) => p.yamlCode);
  const afterEdit = (before: string, after: string) => {
    const previous = new PlanAnalysis(before, data, DEFAULT_OPTIONS);
    previous.findings();
    return new PlanAnalysis(after, data, DEFAULT_OPTIONS, { analysis: previous, change: diffTexts(before, after) });
  };

  it('when lines added at the end nest deeper than the limit under deep unchanged lines', () => {
    const at = sample.indexOf('\n', sample.indexOf('deadline: Năm 2023')) + 1;
    const deep = nested(12, 1) + nested(14, 52, 2);
    const before = sample.slice(0, at) + deep;
    const after = before + nested(14 + 52 * 2, 14, 2, 'm');
    expect(limitsOf(new PlanAnalysis(after, data, DEFAULT_OPTIONS))).toEqual(['LIMIT_DEPTH']);
    expect(limitsOf(afterEdit(before, after))).toEqual(['LIMIT_DEPTH']);
  });

  it('when changed lines lift the unchanged lines below them past the limit', () => {
    // 15 levels above and below; the changed lines add 48 in between, 78 in all.
    const above = nested(0, 15, 1);
    const below = nested(200, 15, 1, 'b');
    const before = above + 'z: 1\n' + below;
    const after = above + nested(15, 48, 1, 'm') + below;
    expect(limitsOf(new PlanAnalysis(after, data, DEFAULT_OPTIONS))).toEqual(['LIMIT_DEPTH']);
    expect(limitsOf(afterEdit(before, after))).toEqual(['LIMIT_DEPTH']);
  });

  it('when each version adds one level to the last', () => {
    let text = 'a:\n';
    let previous = new PlanAnalysis(text, data, DEFAULT_OPTIONS);
    previous.parsed;
    for (let level = 1; level <= 70; level++) {
      const next = text + nested(level, 1, 1, `l${level}-`);
      const analysis = new PlanAnalysis(next, data, DEFAULT_OPTIONS, { analysis: previous, change: diffTexts(text, next) });
      expect(limitsOf(analysis), `level ${level}`).toEqual(limitsOf(new PlanAnalysis(next, data, DEFAULT_OPTIONS)));
      analysis.parsed;
      previous = analysis;
      text = next;
    }
    expect(limitsOf(previous)).toEqual(['LIMIT_DEPTH']);
  });
});

describe('incremental text bookkeeping', () => {
  const textArb = fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' ', 'ế'), maxLength: 40 });
  const edit = (text: string) => fc.record({ at: fc.nat(text.length), remove: fc.nat(5), insert: textArb });
  const apply = (text: string, e: { at: number; remove: number; insert: string }) => text.slice(0, e.at) + e.insert + text.slice(Math.min(text.length, e.at + e.remove));

  it('edits a line index exactly as a fresh one', () => {
    fc.assert(
      fc.property(textArb.chain((text) => fc.tuple(fc.constant(text), edit(text))), ([text, e]) => {
        const after = apply(text, e);
        const change = diffTexts(text, after);
        if (!change) return;
        expect(editLines(LineIndex.of(text), after, change).lineStarts).toEqual(LineIndex.of(after).lineStarts);
        const exact = { start: Math.min(e.at, text.length), end: Math.min(text.length, e.at + e.remove), newLength: e.insert.length };
        expect(editLines(LineIndex.of(text), after, exact).lineStarts).toEqual(LineIndex.of(after).lineStarts);
      }),
      { numRuns: 2000 },
    );
  });

  it('composes two changes into one that covers both', () => {
    fc.assert(
      fc.property(
        textArb.chain((a) => fc.tuple(fc.constant(a), edit(a))).chain(([a, e1]) => fc.tuple(fc.constant(a), fc.constant(e1), edit(apply(a, e1)))),
        ([a, e1, e2]) => {
          const b = apply(a, e1);
          const c = apply(b, e2);
          const c1 = { start: Math.min(e1.at, a.length), end: Math.min(a.length, e1.at + e1.remove), newLength: e1.insert.length };
          const c2 = { start: Math.min(e2.at, b.length), end: Math.min(b.length, e2.at + e2.remove), newLength: e2.insert.length };
          const both = composeChanges(c1, c2);
          expect(a.slice(0, both.start) + c.slice(both.start, both.start + both.newLength) + a.slice(both.end)).toBe(c);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('hover right after an edit, before the new version is parsed, equals a fresh hover', () => {
  /** The hover of `after` built from `before`'s analysis (asked first, as an editor does), and a fresh one. */
  function hovers(before: string, after: string, offsets: number[]) {
    const previous = new PlanAnalysis(before, data, DEFAULT_OPTIONS);
    previous.findings();
    const next = new PlanAnalysis(after, data, DEFAULT_OPTIONS, { analysis: previous, change: diffTexts(before, after) });
    const fresh = new PlanAnalysis(after, data, DEFAULT_OPTIONS);
    return offsets.map((o) => ({ offset: o, incremental: hoverAt(next, o), fresh: hoverAt(fresh, o) }));
  }
  const equal = (list: ReturnType<typeof hovers>) => {
    for (const h of list) expect(h.incremental, `hover at ${h.offset}`).toEqual(h.fresh);
  };
  const codeOffset = (text: string) => text.indexOf('criteria: ["1.1"]') + 13;

  it('counts the task pasted into an item (the plan-wide count is not taken from the previous version)', () => {
    const anchor = sample.indexOf('          - task:', codeOffset(sample));
    const after = `${sample.slice(0, anchor)}          - task: Nhiệm vụ mới\n            lead: [Sở Nội vụ]\n            deadline: Năm 2023\n${sample.slice(anchor)}`;
    const [h] = hovers(sample, after, [codeOffset(after)]);
    expect(h.fresh?.markdown).toMatch(/có 2 nhiệm vụ cho tiêu chí này/);
    expect(h.incremental).toEqual(h.fresh);
  });

  it('answers from the new text when it no longer parses', () => {
    // The plan's title pushed to a line of its own at column 0: the document no longer parses.
    const at = sample.indexOf('title: ') + 'title: '.length;
    const after = `${sample.slice(0, at)}\n${sample.slice(at)}`;
    const list = hovers(sample, after, [codeOffset(after), after.indexOf('Sở Nội vụ') + 2, after.indexOf('area: I') + 6]);
    equal(list);
    expect(hovers(sample, sample, [codeOffset(sample)])[0].fresh).not.toBeNull();
    expect(list[0].fresh).toBeNull();
  });

  it('shows the edited text of a task in the hover of a unit that lists it', () => {
    const task = sample.indexOf('task: ', sample.indexOf('Sở Nội vụ', sample.length / 2) - 400) + 'task: '.length + 3;
    const after = `${sample.slice(0, task)}XYZ${sample.slice(task)}`;
    const units = [...after.matchAll(/Sở Nội vụ/g)].map((m) => m.index! + 2);
    const list = hovers(sample, after, units);
    equal(list);
    expect(list.some((h) => h.fresh?.markdown.includes('XYZ'))).toBe(true);
  });

  it('for random edits (typing, pastes of lines, deletions), at codes, units, deadlines and areas', () => {
    const tokens = (text: string) =>
      [...text.matchAll(/"\d\.\d[\d.]*"|Sở [A-ZĐ][^,\]\n"]*|Quý [IV]+\/\d{4}|Năm \d{4}|area: [IVX]+/g)].map((m) => m.index! + Math.min(3, m[0].length - 1));
    const edits = fc.record({
      at: fc.integer({ min: 0, max: sample.length }),
      remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 400 })),
      insert: fc.oneof(
        fc.constantFrom('x', 'ế', ' ', 'lại', 'Sở', '\n', ':', '"', '- ', '\n          - task: Thêm\n            lead: [Sở Tư pháp]\n', '\n    ', 'Quý II/2023'),
        fc.string({ maxLength: 4 }),
      ),
    });
    fc.assert(
      fc.property(edits, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), ({ at, remove, insert }, picks) => {
        const after = sample.slice(0, at) + insert + sample.slice(Math.min(sample.length, at + remove));
        const candidates = tokens(after);
        equal(hovers(sample, after, picks.map((p) => candidates[p % candidates.length])));
      }),
      { numRuns: RUNS },
    );
  });
});
