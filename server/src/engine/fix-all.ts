// Applies every safe fix until none is left, as `par-plan check --fix` and the editor's fix-all do.
// One pass takes non-overlapping fixes; later passes see the new text, analysed afresh.

import { PlanAnalysis, type AnalysisOptions, type EngineData } from './analysis';
import { applyEdits } from './edits';
import type { TextEdit } from './types';

export interface FixAllResult {
  text: string;
  applied: number;
  passes: number;
  /** The analysis of `text`: the first one when nothing changed, else the last pass's. */
  analysis: PlanAnalysis;
}

const MAX_PASSES = 10;

/** The edits with every line break they insert written as the document writes its own (CRLF stays CRLF). */
export function withDocumentLineBreaks<T extends { newText: string }>(analysis: PlanAnalysis, edits: T[]): T[] {
  if (analysis.eol === '\n') return edits;
  return edits.map((e) => (e.newText.includes('\n') ? { ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') } : e));
}

export function safeEdits(analysis: PlanAnalysis): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const finding of analysis.findings()) {
    const fix = finding.fixes?.find((f) => f.safe);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) => edits.some((d) => e.range.start < d.range.end && d.range.start < e.range.end));
    if (!overlaps) edits.push(...fix.edits);
  }
  return withDocumentLineBreaks(analysis, edits);
}

/** Fixes the text of `first`, starting from its findings; each later text is analysed with its data and options. */
export function fixAll(first: PlanAnalysis): FixAllResult;
/** For callers that hold only the text. */
export function fixAll(text: string, data: EngineData, options: AnalysisOptions): FixAllResult;
export function fixAll(first: PlanAnalysis | string, data?: EngineData, options?: AnalysisOptions): FixAllResult {
  let analysis = typeof first === 'string' ? new PlanAnalysis(first, data!, options) : first;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const edits = safeEdits(analysis);
    if (edits.length === 0) break;
    const next = applyEdits(analysis.text, edits);
    passes++;
    if (next === analysis.text) break;
    applied += edits.length;
    // Computes nothing until asked: after the last pass only a caller that reads it pays.
    analysis = new PlanAnalysis(next, analysis.data, analysis.options);
  }
  return { text: analysis.text, applied, passes, analysis };
}
