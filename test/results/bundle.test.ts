// dist/results.js, what "New plan from results…" loads in the extension: a table in, a results file
// and a plan out, and the plan checks as `par-plan init` writes it.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../support/engine';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const results = require(join(root, 'dist', 'results.js')) as typeof import('../../server/src/results');

describe('dist/results.js', () => {
  it('makes the results file and a plan that names it, from the xlsx table', () => {
    const imported = results.importResults(readFileSync(join(root, 'test', 'fixtures', 'results', 'ha-tinh-2022-openpyxl.xlsx')), 'ket-qua.xlsx');
    expect(imported.problems.map((p) => p.row)).toEqual([17, 18]);
    const yaml = results.resultsToYaml(imported.file!);
    expect(results.readResultsText(yaml).file).toEqual(imported.file);
    const plan = results.planFromResults(imported.file!, { issuer: 'UBND tỉnh Hà Tĩnh', year: 2023, resultsPath: 'ket-qua.par-results.yaml', catalog: results.bundledCatalog(), source: 'ket-qua.xlsx' });
    expect(plan.match(/^ {2}- area: (\S+)/gm)).toEqual(['  - area: I', '  - area: II', '  - area: III']);
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-bundle-'));
    writeFileSync(join(dir, 'ket-qua.par-results.yaml'), yaml);
    const analysis = analyzeFile(join(dir, 'p.par.yaml'), plan);
    // Each item's one task waits for its lead and deadline; nothing else is wrong, no loss is left out.
    expect(new Set(analysis.findings().map((f) => f.code))).toEqual(new Set(['par/missing-lead', 'par/missing-deadline']));
    expect(analysis.results?.results?.lost.map((l) => l.code)).toEqual(['1.3', '1.7', '2.2', '2.4', '3.2.2', '3.2.3', '3.4']);
  });
});
