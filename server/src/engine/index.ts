// The engine's public surface. Pure: text and data in, results out. No file system, clock or network,
// and no import of vscode or vscode-languageserver. The CLI and the language server are thin hosts.

export { PlanAnalysis, DEFAULT_OPTIONS, type AnalysisOptions, type EngineData, type LocatedUnitPart, type ResultsLoad, type ResultsResolver } from './analysis';
export { buildResults, readResultsText, resultsToYaml, roundPoints, RESULTS_FILE_SUFFIX, type LostCode, type PlanResults, type ResultsArea, type ResultsEntry, type ResultsFile, type ResultsProblem } from './data/results';
export { CONFIG_FILE_NAME, DEFAULT_LIMITS, defaultConfig, readConfig, type Limits, type PlanConfig, type ConfigProblem } from './config';
export { buildCatalog, checkCatalogFile, type Catalog, type CatalogFile } from './data/catalog';
export { buildRegistry, checkRegistryFile, type RegistryFile, type UnitRegistry } from './data/registry';
export { bundledCatalog, bundledRegistry } from './data/bundled';
export { parseDeadline, type DeadlineMeaning } from './data/deadline';
export { applyEdits } from './edits';
export { LineIndex } from './parse';
export { RULES, RULE_CODES } from './rules';
export { ruleDocPage, type RuleMeta } from './rules/rule';
export { rulesNlsEntries, rulesReadmeTable, rulesSettingsProperties, sarifLevel, sarifRules, README_RULES_END, README_RULES_START } from './rules/manifest';
export { fixAll } from './fix-all';
export type * from './types';
