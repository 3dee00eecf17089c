// Shared helpers for tests that run the engine in-process.

import { PlanAnalysis, bundledCatalog, bundledUnits, type AnalysisOptions, type Finding } from '../../server/src/engine';
import { join } from 'node:path';
import { DEFAULT_OPTIONS } from '../../server/src/engine/analysis';
import { NodeHost } from '../../server/src/host/node-host';

export const bundledData = () => ({ catalog: bundledCatalog(), units: bundledUnits() });

export function analyze(text: string, options: Partial<AnalysisOptions> = {}): PlanAnalysis {
  return new PlanAnalysis(text, bundledData(), { ...DEFAULT_OPTIONS, ...options });
}

/**
 * A plan file analysed in process as the CLI would: its `plan.results` read relative to it (the test
 * host's workspace is the repository), or the `results` file given instead.
 */
export function analyzeFile(path: string, text: string, options: Partial<AnalysisOptions> = {}, results?: string): PlanAnalysis {
  const host = new NodeHost(undefined, [join(__dirname, '..', '..')]);
  const data = { ...bundledData(), results: host.resultsFor(path, { explicit: results }) };
  return new PlanAnalysis(text, data, { ...DEFAULT_OPTIONS, ...options });
}

/** Findings in the 1-based, end-exclusive form the expectations and the CLI's JSON use. */
export function located(analysis: PlanAnalysis, findings: Finding[] = analysis.findings()) {
  return findings.map((f) => ({ ...analysis.lines.oneBased(f.range), severity: f.severity, code: f.code, message: f.message }));
}
