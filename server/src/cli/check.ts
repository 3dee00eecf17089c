// `par-plan check`: files and folders in; text, JSON or SARIF out; exit codes for CI.
// Thin: every finding comes from the engine's PlanAnalysis, the same one the language server uses.

import { join, relative, resolve } from 'node:path';
import { LineIndex, RULES, createPlanService, describeInternalError, sarifLevel, sarifRules, type AnalysisOptions, type Finding, type IsoDate, type Locale, type Severity } from '../engine';
import { NodeHost, collectPlanFiles, readPlanFile, type HostProblem } from '../host/node-host';
import { ruleDocUrl } from '../host/rule-docs';
import { ChangedOnDiskError, isFileSystemError, writeFileSafely } from '../host/safe-write';
import { cliText } from './text';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  paths: string[];
  format: OutputFormat;
  configPath?: string;
  maxWarnings?: number;
  fix: boolean;
  locale?: Locale;
  cwd: string;
  /** The day the follow-up rules judge lateness on (the CLI passes today unless --as-of says). */
  asOf?: IsoDate;
  /** A results file for every plan (`--results`), instead of each plan's `plan.results`. */
  results?: string;
}

export interface FileReport {
  /** As shown to the user: relative to the working directory when inside it. */
  file: string;
  findings: Finding[];
  /** Positions are computed once per file from its text. */
  text: string;
  fixed: number;
}

export interface CheckResult {
  reports: FileReport[];
  hostProblems: HostProblem[];
  /** Paths that do not exist: a usage error (exit 2). */
  missing: string[];
  /** Files whose fixes were not written, and why (a sentence for standard error); exit 2. */
  notWritten: string[];
  /** Internal errors (bugs) met, each with its file and stack, for standard error; each file also has a par/internal finding. */
  internalErrors: { file: string; step: string; stack: string }[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : file;
}

const service = createPlanService();

export function runCheck(options: CheckOptions): CheckResult {
  const { files, missing } = collectPlanFiles(options.paths, options.cwd);
  const host = new NodeHost(options.configPath, [options.cwd]);
  const reports: FileReport[] = [];
  const notWritten: string[] = [];
  const internalErrors: CheckResult['internalErrors'] = [];
  const hostProblems = new Map<string, HostProblem>();
  for (const file of files) {
    const settings = host.settingsFor(file);
    for (const p of settings.problems) hostProblems.set(`${p.file}\0${p.message}`, p);
    const analysisOptions: AnalysisOptions = {
      locale: options.locale ?? settings.config.locale ?? 'vi',
      severities: settings.config.rules,
      limits: settings.config.limits,
      asOf: options.asOf,
      dueSoonDays: settings.config.dueSoonDays,
    };
    const read = readPlanFile(file);
    const shown = displayPath(file, options.cwd);
    if ('error' in read) {
      reports.push({
        file: shown,
        text: '',
        fixed: 0,
        findings: [{ code: 'par/syntax', severity: 'error', message: cliText(analysisOptions.locale).unreadable(read.error), range: { start: 0, end: 0 } }],
      });
      continue;
    }
    const data = { ...settings.data, results: host.resultsFor(file, { explicit: options.results, cwd: options.cwd }) };
    let analysis = service.analyze(read.text, { data, options: analysisOptions });
    let fixed = 0;
    if (options.fix) {
      const result = service.fixAll(analysis);
      if (result.text !== read.text) {
        const t = cliText(analysisOptions.locale);
        // Invalid UTF-8 (read as U+FFFD) is a syntax finding, which no fix is offered for: what is
        // written is exactly what was read, plus the fixes.
        try {
          // In place, keeping the byte-order mark and the mode; refused if an editor saved the file meanwhile.
          writeFileSafely(file, (read.bom ? '\ufeff' : '') + result.text, { force: true, expected: read.bytes });
          fixed = result.applied;
          analysis = result.analysis;
        } catch (error) {
          if (error instanceof ChangedOnDiskError) notWritten.push(t.fixChangedOnDisk(shown));
          else if (isFileSystemError(error)) notWritten.push(t.fixNotWritten(shown, error.message));
          else throw error;
        }
      } else analysis = result.analysis;
    }
    const findings = service.findings(analysis);
    for (const e of analysis.internalErrors) internalErrors.push({ file: shown, step: JSON.stringify(e.step), stack: describeInternalError(e.error) });
    reports.push({ file: shown, text: analysis.text, fixed, findings });
  }
  return { reports, hostProblems: [...hostProblems.values()], missing, notWritten, internalErrors };
}

export function toJsonFindings(reports: FileReport[]): JsonFinding[] {
  return reports.flatMap((report) => {
    const lines = LineIndex.of(report.text);
    return report.findings.map((f) => ({ file: report.file, ...lines.oneBased(f.range), severity: f.severity, code: f.code, message: f.message }));
  });
}

export function formatText(findings: JsonFinding[], locale: Locale, fileCount: number, fixed: number): string {
  const t = cliText(locale);
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  lines.push(t.summary(count('error'), count('warning'), count('info') + count('hint'), fileCount, fixed));
  return lines.join('\n') + '\n';
}

export function formatSarif(findings: JsonFinding[], version: string, locale: Locale): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'par-plan', version, rules: sarifRules(RULES, locale, ruleDocUrl) } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.code,
          level: sarifLevel(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('\\').join('/') },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
