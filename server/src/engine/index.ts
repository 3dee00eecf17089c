// The engine's public surface. Pure: text and data in, results out. No file system, clock or network,
// and no import of vscode or vscode-languageserver. The CLI and the language server are thin hosts.

export { SettingsResolver, type HostProblem, type ResolvedSettings, type ResultsOptions, type SettingsScope } from './settings';
export { FileReadError, type PlanFiles } from './host';
export { createPlanService, type DocumentSettings, type PlanService } from './service';
export { PlanAnalysis, DEFAULT_OPTIONS, describeInternalError, type InternalError, type AnalysisOptions, type EngineData, type LocatedUnitPart, type Predecessor, type ResultsLoad, type ResultsResolver } from './analysis';
export { buildResults, readResultsText, resultsToYaml, roundPoints, RESULTS_FILE_SUFFIX, type LostCode, type PlanResults, type ResultsArea, type ResultsEntry, type ResultsFile, type ResultsProblem } from './data/results';
export type { AreaCoverage, CodeCoverage, Coverage } from './coverage';
export { InjectedFault, faultPoint, injectFaults } from './faults';
export type { InternalStep } from './messages/types';
export type { TextChange } from './incremental';
export type { CompletionEntry, CompletionKind } from './features/completion';
export type { HoverResult } from './features/hover';
export type { PlanCodeAction, CodeActionKind } from './features/code-actions';
export type { FoldingRange, PlanSymbol, PlanTree, TreeItem, TreeSection, TreeTask, ProblemCounts } from './features/outline';
export type { UnitMention } from './features/references';
export type { FixAllResult } from './fix-all';
export { CONFIG_FILE_NAME, DEFAULT_LIMITS, defaultConfig, readConfig, type Limits, type PlanConfig, type ConfigProblem } from './config';
export { buildCatalog, checkCatalogFile, compareCodes, levelOfCode, type Catalog, type CatalogFile } from './data/catalog';
export { buildRegistry, checkRegistryFile, type RegistryFile, type UnitRegistry } from './data/registry';
export { bundledCatalog, bundledUnits } from './data/bundled';
export { registryFor, provinceFor, withOverlay, unitIdsOf, type UnitData, type UnitLayer } from './data/unit-data';
export { checkProvincesFile, provinceTitle, type ProvinceRecord } from './data/provinces';
export { addUnitToOverlay, starterOverlay, unknownUnitsOf, type StarterOverlay, type UnknownUnitUse } from './starter-overlay';
export { parseDeadline, type DeadlineMeaning } from './data/deadline';
export { applyEdits } from './edits';
export { fold } from './data/text-fold';
export { LineIndex } from './parse';
export { messagesFor } from './messages';
export { RULES, RULE_CODES } from './rules';
export { ruleDocPage, type RuleMeta } from './rules/rule';
export { rulesNlsEntries, rulesReadmeTable, rulesSettingsProperties, sarifLevel, sarifRules, README_RULES_END, README_RULES_START } from './rules/manifest';
export { fixAll } from './fix-all';
export { readAsOf, readDay, readStatus, STATUS_LABELS, TASK_STATUSES, type TaskStatus } from './follow-up';
export type * from './types';
