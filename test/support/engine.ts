// Shared helpers for tests that run the engine in-process.

import { PlanAnalysis, bundledCatalog, bundledUnits, type AnalysisOptions, type Finding } from '../../server/src/engine';
import { DEFAULT_OPTIONS } from '../../server/src/engine/analysis';

export const bundledData = () => ({ catalog: bundledCatalog(), units: bundledUnits() });

export function analyze(text: string, options: Partial<AnalysisOptions> = {}): PlanAnalysis {
  return new PlanAnalysis(text, bundledData(), { ...DEFAULT_OPTIONS, ...options });
}

/** Findings in the 1-based, end-exclusive form the expectations and the CLI's JSON use. */
export function located(analysis: PlanAnalysis, findings: Finding[] = analysis.findings()) {
  return findings.map((f) => ({ ...analysis.lines.oneBased(f.range), severity: f.severity, code: f.code, message: f.message }));
}
