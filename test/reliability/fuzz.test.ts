// Property-based fuzzing: random edits of the sample, of generated plans and of the rule and fix
// fixtures (pasted Word text with tabs, CRLF, smart quotes, NBSP, bullets, zero-width and combining
// characters, emoji and lone surrogates; YAML syntax characters; deletions, truncation, line swaps,
// duplicated lines, indentation changes; whole lines turned NFD, upper case or accent-free), each
// text analysed as the language server does (half of them from the unedited version's analysis,
// which must give the same findings as a fresh one) and every feature asked at random offsets, at
// both ends and at line starts and ends: completion, hover, references, code actions (random ranges,
// every finding's range, quickfix / refactor / fix-all), symbols, folding, the tree. For every text:
// no exception; every range inside the document (findings, related locations, fix edits, completion
// edits containing the cursor, hover ranges containing the cursor, symbols with their selection
// inside their range, code action edits and snippets, references, tree nodes, folding lines); no
// empty finding range in a document with visible text; the fixes of a few findings (on valid YAML)
// change nothing outside their edits, keep every comment and leave valid YAML; fix-all equals what
// `par-plan check --fix` writes and a second fix-all changes nothing; no request over 1 s (each
// measured; worst times printed). Both locales.
//
//   PAR_FUZZ_RUNS=20000 npx vitest run test/reliability/fuzz.test.ts   more cases (default 1500)
//   PAR_FUZZ_SEED=1234 ...                                            replay a printed seed
//   PAR_FUZZ_SEED=random ...                                          a new seed each run
// The seed is fixed by default so that `npm test` checks the same cases on every run (a failure
// there is a change, not luck); new cases come from `npm run fuzz` (scripts/fuzz.mjs, the same
// harness, 100,000 cases, a random seed unless --seed is given) or PAR_FUZZ_SEED=random.

import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  REQUEST_LIMIT_MS,
  Stats,
  asciiJson,
  caseArb,
  caseInput,
  describeCase,
  exerciseTimed,
  fuzzSources,
  type ExerciseInput,
} from './harness';
import { fixtureSources, readSample } from './sources';

const root = join(__dirname, '..', '..');
const RUNS = Number(process.env.PAR_FUZZ_RUNS ?? 1500);
const FIXED_SEED = 20230101;
const SEED = !process.env.PAR_FUZZ_SEED
  ? FIXED_SEED
  : process.env.PAR_FUZZ_SEED === 'random'
    ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0
    : Number(process.env.PAR_FUZZ_SEED);
if (!Number.isInteger(SEED)) throw new Error(`PAR_FUZZ_SEED must be an integer or "random", not ${JSON.stringify(process.env.PAR_FUZZ_SEED)}`);
const LARGE_RUNS = Math.max(2, Math.round(RUNS / 250));

const sources = fuzzSources(readSample(root), fixtureSources(root));
const stats = new Stats();

const check = (input: ExerciseInput) => exerciseTimed(input, stats);

afterAll(() => {
  console.log(`fuzz: seed ${SEED}, ${stats.cases} cases, ${stats.calls} requests; worst time per request:\n${stats.table()}`);
});

describe('fuzzing the engine and every server feature', () => {
  it(`survives ${RUNS} random edits of the sample, generated plans and fixtures (seed ${SEED})`, () => {
    console.log(`fuzz: fast-check seed ${SEED} (replay with PAR_FUZZ_SEED=${SEED})`);
    fc.assert(
      fc.property(caseArb({ small: sources.small.length, large: sources.large.length }, 'small'), (c) => {
        const problems = check(caseInput(sources, c));
        stats.cases++;
        if (problems.length) throw new Error(`${problems.slice(0, 12).join('\n')}\n  case: ${describeCase(sources, c)}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);

  it(`answers every request on large plans (${sources.large.map((s) => s.name).join(', ')}) in under ${REQUEST_LIMIT_MS} ms`, () => {
    fc.assert(
      fc.property(caseArb({ small: sources.small.length, large: sources.large.length }, 'large'), (c) => {
        const problems = check({ ...caseInput(sources, c), maxFindingRequests: 4 });
        stats.cases++;
        if (problems.length) throw new Error(`${problems.slice(0, 12).join('\n')}\n  case: ${describeCase(sources, c)}`);
      }),
      { numRuns: LARGE_RUNS, seed: SEED ^ 0x5bd1e995 },
    );
  }, 600_000);

  it('keeps to the limit on cases fuzzing found slow', () => {
    const whole = (how: 'zero-width' | 'no-accents') => ({
      source: 0,
      large: true,
      edits: [{ kind: 'wordify' as const, line: 0, count: 1_000_000, how }],
      locale: 'vi' as const,
      probes: [0, 0, 0, 0, 0, 0],
      incremental: false,
    });
    // 10,000 syntax errors (a zero-width space after every space of the 1,000-task plan): code actions
    // over the whole document took 15 s when each "disable" action walked the document again.
    // The same plan typed without accents: 2,500 spelling fixes, and fix-all took 2 s when applying
    // the edits copied the whole text once per edit.
    for (const c of [whole('zero-width'), whole('no-accents')]) expect(check({ ...caseInput(sources, c), maxFindingRequests: 2 })).toEqual([]);
  }, 60_000);

  it('handles edge texts at every offset', () => {
    const edges = [
      '', ' ', '\n', '\r\n', '\r', '\t', '#', '---', '---\n', '...', '--- |\n', '\ufeff', '\ufeffplan:\n', '\u00a0', '\u200b', '\ud800', '\udc00',
      '😀', 'a\ud800b: c', '\0', 'plan:\0', '\ufffd', ':', '- ', '[', '{', '&a [*a]', '*a', '? ', ': items:SNV', '!!binary x', '%YAML 1.2\n---\n',
      'plan:', 'sections:', 'sections: [', 'plan:\n  title: "', 'sections:\n  - area: I\n    items:\n      - criteria: [1.1\n',
      'sections:\n\t- area: I\n', 'plan: &p {a: *p}\nsections: *p\n', `sections:\n${'  - '.repeat(40)}x\n`, `${'['.repeat(200)}`,
      'sections:\n  - area: I\n    items:\n      - tasks:\n          - task: “Sở Nội vụ”\n            lead: ‘SNV’\r\n            deadline: Quý\u00a0IV/2023\n',
    ];
    const problems: string[] = [];
    for (const text of edges) {
      for (const locale of ['vi', 'en'] as const) {
        const probes = Array.from({ length: text.length + 1 }, (_, i) => i);
        problems.push(...check({ name: `edge ${asciiJson(text)}`, text, locale, probes, lineStarts: 20 }).map((p) => `${asciiJson(text)} ${locale}: ${p}`));
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 120_000);
});
