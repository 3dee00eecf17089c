// The engine's public surface. Pure: text and data in, results out. No file system, clock or network,
// and no import of vscode or vscode-languageserver. The CLI and the language server are thin hosts.

export { PlanAnalysis, DEFAULT_OPTIONS, type AnalysisOptions, type EngineData, type LocatedUnitPart } from './analysis';
export { CONFIG_FILE_NAME, DEFAULT_LIMITS, defaultConfig, readConfig, type Limits, type PlanConfig, type ConfigProblem } from './config';
export { buildCatalog, checkCatalogFile, type Catalog, type CatalogFile } from './data/catalog';
export { buildRegistry, checkRegistryFile, type RegistryFile, type UnitRegistry } from './data/registry';
export { bundledCatalog, bundledUnits } from './data/bundled';
export { registryFor, provinceFor, withOverlay, unitIdsOf, type UnitData, type UnitLayer } from './data/unit-data';
export { checkProvincesFile, provinceTitle, type ProvinceRecord } from './data/provinces';
export { parseDeadline, type DeadlineMeaning } from './data/deadline';
export { applyEdits } from './edits';
export { LineIndex } from './parse';
export { RULES, RULE_CODES } from './rules';
export { fixAll } from './fix-all';
export type * from './types';
