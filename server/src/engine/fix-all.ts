// Applies every safe fix until none is left, as `par-plan check --fix` and the editor's fix-all do.
// One pass takes non-overlapping fixes; later passes see the new text, analysed afresh.

import { PlanAnalysis, type AnalysisOptions, type EngineData } from './analysis';
import { applyEdits } from './edits';
import type { TextEdit } from './types';

export interface FixAllResult {
  text: string;
  applied: number;
  passes: number;
}

const MAX_PASSES = 10;

export function safeEdits(analysis: PlanAnalysis): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const finding of analysis.findings()) {
    const fix = finding.fixes?.find((f) => f.safe);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) => edits.some((d) => e.range.start < d.range.end && d.range.start < e.range.end));
    if (!overlaps) edits.push(...fix.edits);
  }
  return edits;
}

/** `analysis`, when given, is the analysis of `text` with these data and options: the first pass reuses it. */
export function fixAll(text: string, data: EngineData, options: AnalysisOptions, analysis?: PlanAnalysis): FixAllResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const reuse = passes === 0 && analysis?.text === text && analysis.data === data && analysis.options === options;
    const edits = safeEdits(reuse ? analysis : new PlanAnalysis(current, data, options));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    passes++;
    if (next === current) break;
    applied += edits.length;
    current = next;
  }
  return { text: current, applied, passes };
}
