// What rules and text edits read of one analysed version. PlanAnalysis is one; rules and edits name
// this narrow view instead, so they do not depend on the analysis that runs them (analysis.ts runs
// the rules: without this view the two would refer to each other).

import type { DeadlineMeaning } from './data/deadline';
import type { ProvinceRecord } from './data/provinces';
import type { UnitRegistry } from './data/registry';
import type { LocatedUnitPart } from './located-unit-part';
import type { Messages } from './messages';
import type { InternalStep } from './messages/types';
import type { DeadlineField, PlanModel, UnitEntry } from './model';
import type { AnalysisOptions, EngineData, ResultsLoad } from './options';
import type { LineIndex, ParsedDocument, SyntaxProblem } from './parse';

/** Text and line starts: all a minimal text edit needs. */
export interface TextFacts {
  readonly text: string;
  readonly lines: LineIndex;
}

export interface PlanFacts extends TextFacts {
  readonly data: EngineData;
  readonly options: AnalysisOptions;
  readonly messages: Messages;
  /** Problems found before parsing (size, binary content, nesting). */
  readonly limitProblems: SyntaxProblem[];
  readonly parsed: ParsedDocument;
  readonly model: PlanModel;
  readonly planYear: number | undefined;
  /** Whether any task carries a follow-up key (status, done, progress): lateness is judged only then. */
  readonly tracksProgress: boolean;
  /** The plan's province (from `plan.issuer`) and the unit registry made for it. */
  readonly province: ProvinceRecord | undefined;
  readonly registry: UnitRegistry;
  /** The results of the index year the plan is checked against, or why they cannot be read. */
  readonly results: ResultsLoad | undefined;
  /** What a task's deadline means, or null when it is missing or blank. */
  deadline(field: DeadlineField): DeadlineMeaning | null;
  /** The units a lead/support entry names, each with its range in the document. */
  unitParts(entry: UnitEntry): LocatedUnitPart[];
  /** The document as plain data (for the schema), or undefined when resolving aliases exceeded the limit. */
  plainData(): { value: unknown } | undefined;
  /** Records an unexpected exception (a bug) of a step: it becomes one par/internal finding. */
  noteInternalError(step: InternalStep, error: unknown): void;
}
