// Every user-visible sentence of the engine, one method per message. Vietnamese is the first language;
// `vi.ts` and `en.ts` implement this interface, so a missing translation does not compile.

export type UnitRole = 'lead' | 'support';
export type SchemaType = 'string' | 'integer' | 'number' | 'array' | 'object' | 'null' | 'boolean';

export interface Messages {
  /** A calendar day (ISO YYYY-MM-DD) as people write it. */
  day(iso: string): string;
  syntax(yamlCode: string, detail: string): string;
  limitExceeded(what: 'size' | 'depth' | 'line' | 'aliases', limit: number): string;
  notUtf8(): string;
  binaryFile(): string;

  schemaRootNotMap(): string;
  schemaMissingKey(key: string, where: string): string;
  schemaUnknownKey(key: string, where: string, suggestion: string | undefined): string;
  schemaWrongType(key: string, expected: SchemaType[]): string;
  schemaBadArea(value: string): string;
  schemaBadCode(value: string): string;
  schemaEmptyText(key: string): string;
  schemaYearRange(min: number, max: number): string;
  schemaOther(key: string, detail: string): string;
  /** Names a place in the plan for messages: "kế hoạch", "phần II", "mục 2 của phần II", ... */
  where(kind: 'root' | 'plan' | 'section' | 'item' | 'task', path: { section?: string; item?: number; task?: number }): string;

  missingLead(empty: boolean): string;
  missingDeadline(empty: boolean): string;
  unknownCriterion(code: string, catalogComplete: boolean, suggestions: string[], areaExists: boolean): string;
  criterionAreaMismatch(code: string, codeArea: string, sectionArea: string): string;
  criterionNotString(written: string, readAs: string): string;
  duplicateCriterionInItem(code: string): string;
  duplicateCriterionInPlan(code: string, firstWhere: string): string;
  firstMention(): string;
  unknownUnit(text: string, suggestions: string[]): string;
  unitSpelling(written: string, preferred: string, issue: 'abbreviation' | 'accents' | 'case'): string;
  unitSuperseded(name: string, validTo: string, successors: string[], basis: string, note?: string): string;
  unitNeverOfficial(name: string, successors: string[]): string;
  unitNotYetValid(name: string, validFrom: string, basis: string): string;
  supersededBasisDeadline(deadline: string): string;
  supersededBasisYear(year: number): string;
  flowListSplit(joined: string): string;
  invalidDeadline(text: string, problem: string): string;
  /** `year`: the plan year, for the examples. */
  deadlineProblem(problem: 'empty' | 'unrecognized' | 'bad-date' | 'bad-month' | 'bad-quarter' | 'bad-range', year?: number): string;
  deadlineOutsideYear(text: string, year: number, end: string): string;

  fixQuoteCode(code: string): string;
  fixReplaceWith(text: string): string;
  fixRemoveDuplicate(code: string): string;
  fixJoinFlowList(joined: string): string;
  fixNormalizeDeadline(text: string): string;
  fixRenameKey(key: string): string;
  fixUseSuccessor(name: string): string;

  actionAddLead(): string;
  actionAddDeadline(): string;
  placeholderUnit(): string;
  actionMoveItem(area: string): string;
  actionSplitUnitList(): string;
  actionDisableForLine(code: string): string;
  actionFixAll(): string;
  taskWithoutText(): string;
  sectionWithoutArea(): string;
  itemWithoutCode(): string;

  // Follow-up through the year (status, done, progress; judged on the as-of day).
  statusName(status: 'not-started' | 'in-progress' | 'done' | 'dropped'): string;
  /** A reporting period: "Quý II/2026", "6 tháng đầu năm 2026", "tháng 5/2026", "năm 2026", a week by its days. */
  periodName(period: { unit: 'year' | 'half' | 'quarter' | 'month' | 'week'; n: number; year: number; start: string; end: string }): string;
  overdue(deadline: string, end: string, days: number): string;
  overdueReport(deadline: string, period: string, days: number): string;
  dueSoon(deadline: string, end: string, days: number): string;
  doneLate(done: string, end: string, days: number): string;
  doneWithoutDate(): string;
  droppedWithoutReason(): string;
  invalidStatus(text: string, suggestion: string | undefined): string;
  invalidDay(key: 'done' | 'date', text: string): string;
  actionMarkDone(): string;
  // --- units of every province --------------------------------------------------------------
  /** After an unknown unit: which data was read ("tỉnh Nghệ An"; the overlays) and how to add a unit. */
  unitDataUsed(province: string | undefined, overlays: string[], userOverlay: string | undefined): string;
  /** A known body with another province's name ("Thuế tỉnh Hà Tĩnh" in a plan of tỉnh Nghệ An). */
  unitOfOtherProvince(text: string, named: string, ours: string | undefined, mergedIntoOurs: boolean): string;
  /** plan.issuer names a province that merged into (or was renamed to) another before the plan year. */
  issuerSucceeded(named: string, successor: string, lastDay: string, year: number): string;
  unknownUnitSuggestion(suggestions: string[]): string;
  /** A deadline that is valid once the curly quotes Word put around it are removed. */
  deadlineOnlyCurlyQuotes(inner: string): string;
  /** par/pasted-characters */
  pastedCharacter(kind: 'nbsp' | 'zero-width' | 'curly-quotes' | 'bullet', shown: string): string;
  fixPastedCharacter(kind: 'nbsp' | 'zero-width' | 'curly-quotes' | 'bullet'): string;
  actionAddUnitToOverlay(name: string, file: string): string;
  // Results of the index year (par/uncovered-loss, par/no-loss, par/results-year, par/results-file).
  /** Points as people write them: "1,5" in Vietnamese, "1.5" in English. */
  points(n: number): string;
  /** "đạt 1,5/2 điểm năm 2022 (mất 0,5)" */
  resultsScore(obtained: number, max: number, year: number, lost: number): string;
  uncoveredLoss(code: string, name: string | undefined, lost: number, obtained: number, max: number, year: number, parent: string | undefined): string;
  noLoss(code: string, obtained: number | undefined, max: number | undefined, year: number): string;
  resultsYear(resultsYear: number, indexYear: number, file: string): string;
  resultsIssuer(resultsIssuer: string, planIssuer: string, file: string): string;
  resultsFile(file: string, problem: string): string;

  /** par/internal: an unexpected exception in par-plan itself; `step` says what was being done. */
  internalError(step: InternalStep, detail: string): string;
}

/** What par-plan was doing when an internal error happened. */
export type InternalStep = { rule: string } | { feature: string } | 'analysis' | 'plainData';
