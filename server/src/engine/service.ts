// The engine's one service, in the spirit of vscode-json-languageservice's getLanguageService: the
// language server and the CLI (and a web build) call these and nothing deeper. Every answer comes
// from one PlanAnalysis per document version; the service holds no document state of its own, so a
// host keeps the analyses it wants (the server: the latest per open document).

import { PlanAnalysis, type AnalysisOptions, type EngineData, type Predecessor } from './analysis';
import { coverageOf, type Coverage } from './coverage';
import { codeActions, fixAllEdits, type PlanCodeAction } from './features/code-actions';
import { completionsAt, type CompletionEntry } from './features/completion';
import { hoverAt, type HoverResult } from './features/hover';
import { unitAt, type UnitAt } from './features/locate';
import { documentSymbols, foldingRanges, planTree, type FoldingRange, type PlanSymbol, type PlanTree } from './features/outline';
import { unitReferencesAt, type UnitMention } from './features/references';
import { fixAll, type FixAllResult } from './fix-all';
import type { Finding, OffsetRange, TextEdit } from './types';

/** What a document is checked with: the catalog and registry, and the locale, severities and limits. */
export interface DocumentSettings {
  data: EngineData;
  options: AnalysisOptions;
}

export interface PlanService {
  /**
   * The analysis of one document version. Pass the analysis of the version before it (and the change
   * between them, when the host knows it) to re-parse only the edited entry; that analysis is then
   * retired and must not be asked again.
   */
  analyze(text: string, settings: DocumentSettings, previous?: Predecessor): PlanAnalysis;
  findings(analysis: PlanAnalysis): Finding[];
  completions(analysis: PlanAnalysis, offset: number): CompletionEntry[];
  hover(analysis: PlanAnalysis, offset: number): HoverResult | null;
  /** Quick-fixes, rewrites and fix-all for a range; `only` filters by kind, as LSP's `context.only`. */
  codeActions(analysis: PlanAnalysis, range: OffsetRange, only?: readonly string[]): PlanCodeAction[];
  /** Every safe fix applied, until none is left; the result carries the fixed text's analysis. */
  fixAll(analysis: PlanAnalysis): FixAllResult;
  /** The same as one minimal edit of the document (none when nothing is fixable). */
  fixAllEdits(analysis: PlanAnalysis): TextEdit[];
  documentSymbols(analysis: PlanAnalysis): PlanSymbol[];
  foldingRanges(analysis: PlanAnalysis): FoldingRange[];
  /** Sections › items › tasks with problem counts, for the editor's plan tree. */
  planTree(analysis: PlanAnalysis): PlanTree;
  /** Every mention of the unit at the offset (lead and support), or none. */
  unitReferences(analysis: PlanAnalysis, offset: number): UnitMention[];
  /** The unit named at the offset, if any. */
  unitAt(analysis: PlanAnalysis, offset: number): UnitAt | undefined;
  /** Which points lost in the index year the plan names and covers; undefined without readable results. */
  coverage(analysis: PlanAnalysis): Coverage | undefined;
}

export function createPlanService(): PlanService {
  return {
    analyze: (text, settings, previous) => new PlanAnalysis(text, settings.data, settings.options, previous),
    findings: (analysis) => analysis.findings(),
    completions: completionsAt,
    hover: hoverAt,
    codeActions,
    fixAll: (analysis) => fixAll(analysis),
    fixAllEdits,
    documentSymbols,
    foldingRanges,
    planTree,
    unitReferences: unitReferencesAt,
    unitAt,
    coverage: coverageOf,
  };
}
