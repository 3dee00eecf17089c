// The Word / Excel side of par-plan: import of an appendix (.docx or its plain-text form) into a plan,
// export of a plan to a Word appendix (.docx) or a follow-up spreadsheet (.xlsx). Pure: bytes and
// text in, bytes and text out; the CLI (server/src/cli/word.ts) and the extension do the file I/O.

export { importPlanText } from './text-import';
export { decodeText } from './text-helpers';
export { planToYaml } from './plan-yaml';
export { type ImportOptions, type ImportProblem, type ImportResult, type ImportedPlan } from './imported-plan';
export { importPlanDocx, roleOfHeader, type DocxImportOptions, type DocxImportProblem, type DocxImportResult, type ColumnRole } from './docx-import';
export { exportPlanDocx, exportPlanDataDocx, criterionCellLines, type DocxExportOptions } from './docx-export';
export { exportPlanXlsx, exportPlanDataXlsx, excelSerial, type XlsxExportOptions } from './xlsx-export';
export { readPlanForExport, type PlanData, type PlanSyntaxError, type ReadPlan } from './plan-data';
export { exportFollowUpSheet, missingIdEdits, planFollowUpImport, type FilledSheet, type FollowUpChange, type FollowUpProblem } from './followup';
export { readFirstSheet } from './xlsx-read';
export { progressReport, reportDocx, reportXlsx, type ReportGrouping, type ReportPeriod } from './report';
export { PlanAnalysis, DEFAULT_OPTIONS, bundledCatalog, bundledUnits } from '../engine';
export { readAsOf } from '../engine/follow-up';
