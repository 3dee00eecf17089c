import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentSymbols, foldingRanges, planTree } from '../../server/src/engine/features/outline';
import { unitReferencesAt } from '../../server/src/engine/features/references';
import { analyze } from '../support/engine';

const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
const analysis = analyze(sample);

describe('outline of the sample', () => {
  it('has the plan and eight sections, with items and tasks inside', () => {
    const symbols = documentSymbols(analysis);
    expect(symbols.map((s) => s.kind)).toEqual(['plan', ...Array(8).fill('section')]);
    expect(symbols[1].name).toBe('I. Chỉ đạo điều hành CCHC');
    expect(symbols[1].children.map((c) => c.name)).toEqual(['1.1', '1.7']);
    expect(symbols[1].children[0].detail).toBe('Thực hiện Kế hoạch CCHC năm');
    expect(symbols.slice(1).reduce((n, s) => n + s.children.reduce((m, i) => m + i.children.length, 0), 0)).toBe(41);
    for (const s of symbols) {
      expect(s.selectionRange.start).toBeGreaterThanOrEqual(s.range.start);
      expect(s.selectionRange.end).toBeLessThanOrEqual(s.range.end);
    }
  });

  it('folds sections, items, tasks and long texts', () => {
    const folds = foldingRanges(analysis);
    expect(folds.length).toBeGreaterThan(41 + 8);
    expect(folds.every((f) => f.endLine > f.startLine)).toBe(true);
    const lines = sample.split('\n');
    const sectionII = lines.findIndex((l) => l === '  - area: II');
    expect(folds.some((f) => f.startLine === sectionII)).toBe(true);
  });

  it('feeds the tree view: sections with item and problem counts, tasks with lead, deadline and quarter', () => {
    const tree = planTree(analysis);
    expect(tree.sections.map((s) => s.area)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(tree.problems).toEqual({ errors: 0, warnings: 5, infos: 0 });
    expect(tree.sections.map((s) => s.problems.warnings)).toEqual([2, 0, 0, 0, 1, 0, 0, 2]);
    const first = tree.sections[0].items[0].tasks[0];
    expect(first.leads.map((l) => l.name)).toEqual(['Sở Nội vụ', 'Sở, ban, ngành cấp tỉnh']);
    expect(first.deadline).toBe('Trước 15/12/2023');
    expect(first.quarter).toBe('2023-Q4');
    const gap = tree.sections[0].items[1].tasks[1];
    expect(gap.problems.warnings).toBe(2);
    expect(gap.quarter).toBe('none');
    expect(tree.sections[3].items[3].tasks[0].quarter).toBe('recurring');
  });
});

describe('references of a unit', () => {
  it('finds every mention of the unit under the cursor', () => {
    const at = sample.indexOf('- Sở Tư pháp') + 4;
    const mentions = unitReferencesAt(analysis, at);
    expect(mentions.length).toBe(3);
    expect(mentions.every((m) => sample.slice(m.range.start, m.range.end) === 'Sở Tư pháp')).toBe(true);
    expect(mentions.map((m) => m.role)).toEqual(['lead', 'support', 'support']);
    expect(unitReferencesAt(analysis, sample.indexOf('title:'))).toEqual([]);
  });
});
