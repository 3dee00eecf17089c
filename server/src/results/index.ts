// The results converters the VS Code extension loads on demand (dist/results.js): a results table or
// file in, a results file and a scaffolded plan out. Pure: bytes and text in, text out.

export { RESULTS_FILE_SUFFIX, bundledCatalog, readResultsText, resultsToYaml, type ResultsFile } from '../engine';
export { importResults, tableFormatOf } from './read';
export { planFromResults, type InitOptions } from './init';
export type { TableProblem } from './table';
