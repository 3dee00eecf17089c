// The sample plan checked against the results built for it (samples/ket-qua-2022.par-results.yaml):
// some losses covered, some not, one item without loss. Coverage, findings, hover, completion and the
// tree all come from the one analysis.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanAnalysis } from '../../server/src/engine';
import { coverageOf } from '../../server/src/engine/coverage';
import { completionsAt } from '../../server/src/engine/features/completion';
import { hoverAt } from '../../server/src/engine/features/hover';
import { planTree } from '../../server/src/engine/features/outline';
import { analyzeFile } from '../support/engine';

const root = join(__dirname, '..', '..');
const samplePath = join(root, 'samples', 'ha-tinh-2023.par.yaml');
const sample = readFileSync(samplePath, 'utf8');
const resultsPath = join(root, 'samples', 'ket-qua-2022.par-results.yaml');
const withResults = (text = sample, locale: 'vi' | 'en' = 'vi') => analyzeFile(samplePath, text, { locale }, resultsPath);

describe('coverage of the sample', () => {
  const coverage = coverageOf(withResults())!;

  it('adds up the lost points per area and those covered by items with a complete task', () => {
    expect(coverage.lost).toBe(14.23);
    expect(coverage.covered).toBe(10.43);
    const area = (n: string) => coverage.areas.find((a) => a.numeral === n)!;
    expect(area('I')).toMatchObject({ lost: 0.75, covered: 0.5 });
    expect(area('III')).toMatchObject({ lost: 1, covered: 1 });
    expect(area('VIII')).toMatchObject({ lost: 3.63, covered: 1.75 });
  });

  it('tells codes no item names from codes named by items without a task that has a lead and a deadline', () => {
    const uncovered = coverage.codes.filter((c) => !c.covered);
    expect(uncovered.filter((c) => c.items.length === 0).map((c) => c.code)).toEqual(['1.3', '2.2', '6.2.1']);
    // 8.1's only task has neither lead nor deadline; 5.2.3-5.3.3 share a task without a deadline.
    expect(uncovered.filter((c) => c.items.length > 0).map((c) => c.code)).toEqual(['5.2.3', '5.2.4', '5.3.2', '5.3.3', '8.1']);
  });

  it('is absent without results', () => {
    expect(coverageOf(analyzeFile(samplePath, sample))).toBeUndefined();
  });
});

describe('results findings on the sample', () => {
  it('one par/uncovered-loss per code no item names, on the plan header; par/no-loss on 1.1; the five gaps stay', () => {
    const findings = withResults().findings();
    const uncovered = findings.filter((f) => f.code === 'par/uncovered-loss');
    expect(uncovered.map((f) => f.message.match(/: (\S+) /)?.[1])).toEqual(['1.3', '2.2', '6.2.1']);
    expect(new Set(uncovered.map((f) => sample.slice(f.range.start, f.range.end)))).toEqual(new Set(['plan']));
    expect(uncovered[2].message).toContain('hay tiêu chí 6.2');
    const noLoss = findings.filter((f) => f.code === 'par/no-loss');
    expect(noLoss.map((f) => sample.slice(f.range.start, f.range.end))).toEqual(['"1.1"']);
    expect(findings.filter((f) => f.code.startsWith('par/missing-'))).toHaveLength(5);
  });

  it('speaks English too', () => {
    const message = withResults(sample, 'en').findings().find((f) => f.code === 'par/uncovered-loss')!.message;
    expect(message).toBe('Lost points the plan does not address: 1.3 scored 0.75/1 points in 2022 (lost 0.25); no item names 1.3.');
  });
});

describe('results in the editor features', () => {
  it('hover on a code adds its score', () => {
    const analysis = withResults();
    const hover = hoverAt(analysis, sample.indexOf('"2.4"') + 1)!;
    expect(hover.markdown).toContain('Kết quả: đạt 1,5/2 điểm năm 2022 (mất 0,5)');
    const plain = hoverAt(analyzeFile(samplePath, sample), sample.indexOf('"2.4"') + 1)!;
    expect(plain.markdown).not.toContain('Kết quả:');
  });

  it('completion in criteria: offers lost codes first, with their score, without parsing the new version', () => {
    const first = withResults();
    first.findings();
    // Type a new code list in an item of section VIII, as an editor sends it.
    const at = sample.indexOf('criteria: ["8.5"]') + 'criteria: ["8.5"'.length;
    const text = sample.slice(0, at) + ', "8.' + sample.slice(at);
    const next = new PlanAnalysis(text, first.data, first.options, { analysis: first, change: { start: at, end: at, newLength: 5 } });
    const items = completionsAt(next, at + 5);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(sorted.slice(0, 4).map((i) => i.label)).toEqual(['8.1', '8.2', '8.3.2', '8.4']);
    expect(sorted[0].detail).toContain('đạt 8,12/10 điểm năm 2022 (mất 1,88)');
    expect(items.find((i) => i.label === '8.3.1')?.detail).not.toContain('điểm năm');
    expect(next.reparsedIncrementally).toBe(false);
    expect((next as unknown as { parsedCache?: unknown }).parsedCache).toBeUndefined();
  });

  it('the tree shows per section the points lost and covered', () => {
    const tree = planTree(withResults());
    expect(tree.points).toEqual({ lost: 14.23, covered: 10.43, indexYear: 2022 });
    expect(tree.sections.map((s) => [s.area, s.points])).toEqual([
      ['I', { lost: 0.75, covered: 0.5 }],
      ['II', { lost: 1, covered: 0.5 }],
      ['III', { lost: 1, covered: 1 }],
      ['IV', { lost: 1.25, covered: 1.25 }],
      ['V', { lost: 2.02, covered: 1.1 }],
      ['VI', { lost: 1.63, covered: 1.38 }],
      ['VII', { lost: 2.95, covered: 2.95 }],
      ['VIII', { lost: 3.63, covered: 1.75 }],
    ]);
    expect(planTree(analyzeFile(samplePath, sample)).sections[0].points).toBeUndefined();
  });
});

describe('where the results come from', () => {
  it('a plan key outside the workspace is refused, on the key', () => {
    const text = sample.replace('index-year: 2022', 'index-year: 2022\n  results: ../../../../etc/passwd.par-results.yaml');
    const [finding] = analyzeFile(samplePath, text).findings().filter((f) => f.code === 'par/results-file');
    expect(finding.message).toContain('nằm ngoài thư mục làm việc');
    expect(text.slice(finding.range.start, finding.range.end)).toBe('../../../../etc/passwd.par-results.yaml');
  });

  it('the plan key, relative to the plan, gives the same findings as --results', () => {
    const text = sample.replace('index-year: 2022', 'index-year: 2022\n  results: ket-qua-2022.par-results.yaml');
    const named = analyzeFile(samplePath, text).findings().filter((f) => f.code.startsWith('par/uncovered') || f.code === 'par/no-loss');
    expect(named.map((f) => f.message)).toEqual(withResults().findings().filter((f) => f.code.startsWith('par/uncovered') || f.code === 'par/no-loss').map((f) => f.message));
    expect(text.slice(named[0].range.start, named[0].range.end)).toBe('ket-qua-2022.par-results.yaml');
  });
});
