// Entry point of the `par-plan` command. Parses arguments, runs a subcommand, sets the exit code.

import { parseArgs } from 'node:util';
import { formatSarif, formatText, runCheck, toJsonFindings, type OutputFormat } from './check';
import { describeInternalError, injectFaults } from '../engine';
import { cliText, localeFrom } from './text';
import { runUnits } from './units';
import { runCatalogImport, runCoverage, runInit, runResultsImport } from './results';
import { runExport, runImport } from './word';
import { runFollowUp } from './followup';
import { runReport } from './report';
import { readAsOf, today } from '../host/as-of';

declare const PAR_PLAN_VERSION: string;
const VERSION = typeof PAR_PLAN_VERSION === 'string' ? PAR_PLAN_VERSION : '0.0.0-dev';

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
}

const processIo: CliIo = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s), cwd: process.cwd() };

export function main(argv: string[], io: CliIo = processIo): number | Promise<number> {
  // import and export parse their own options (-o, --format) and are asynchronous.
  if (argv[0] === 'import') return runImport(argv.slice(1), io);
  if (argv[0] === 'export') return runExport(argv.slice(1), io);
  if (argv[0] === 'followup') return runFollowUp(argv.slice(1), io);
  if (argv[0] === 'report') return runReport(argv.slice(1), io);
  if (argv[0] === 'units') return runUnits(argv.slice(1), io);
  if (argv[0] === 'results' && argv[1] === 'import') return runResultsImport(argv.slice(2), io);
  if (argv[0] === 'catalog' && argv[1] === 'import') return runCatalogImport(argv.slice(2), io);
  if (argv[0] === 'init') return runInit(argv.slice(1), io);
  if (argv[0] === 'coverage') return runCoverage(argv.slice(1), io);
  return check(argv, io);
}

function check(argv: string[], io: CliIo): number {
  const envLocale = localeFrom(process.env.PAR_PLAN_LOCALE);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        results: { type: 'string' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        locale: { type: 'string' },
        'as-of': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    const t = cliText(envLocale ?? 'vi');
    io.err(`${t.badOption(error instanceof Error ? error.message : String(error))}\n\n${t.usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const locale = localeFrom(values.locale) ?? envLocale;
  const t = cliText(locale ?? 'vi');
  if (values.version) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(t.usage);
    return values.help ? 0 : 2;
  }
  if (command !== 'check') {
    io.err(`${t.badOption(command)}\n\n${t.usage}`);
    return 2;
  }
  if (values.locale !== undefined && !localeFrom(values.locale)) {
    io.err(`${t.badOption(`--locale ${values.locale}`)}\n`);
    return 2;
  }
  const format = (values.format ?? 'text') as OutputFormat;
  if (!['text', 'json', 'sarif'].includes(format)) {
    io.err(`${t.badOption(`--format ${values.format}`)}\n`);
    return 2;
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      io.err(`${t.badOption(`--max-warnings ${values['max-warnings']}`)}\n`);
      return 2;
    }
  }
  const asOf = values['as-of'] === undefined ? today() : readAsOf(values['as-of']);
  if (!asOf) {
    io.err(`${t.badOption(`--as-of ${values['as-of']}`)}\n`);
    return 2;
  }
  const result = runCheck({
    asOf,
    paths: paths.length ? paths : ['.'],
    format,
    configPath: values.config,
    maxWarnings,
    fix: Boolean(values.fix),
    locale,
    cwd: io.cwd,
    results: values.results,
  });
  for (const path of result.missing) io.err(`${t.missingPath(path)}\n`);
  for (const p of result.hostProblems) io.err(`${t.hostProblem(p.file, p.message)}\n`);
  for (const e of result.internalErrors) io.err(`${t.internalError(`${e.file}, ${e.step}`, e.stack)}\n`);
  for (const line of result.notWritten) io.err(`${line}\n`);
  if (result.missing.length) return 2;
  if (result.reports.length === 0) io.err(`${t.noFiles()}\n`);
  const findings = toJsonFindings(result.reports);
  const fixed = result.reports.reduce((sum, r) => sum + r.fixed, 0);
  if (format === 'json') io.out(JSON.stringify(findings, null, 2) + '\n');
  else if (format === 'sarif') io.out(formatSarif(findings, VERSION, locale ?? 'vi'));
  else io.out(formatText(findings, locale ?? 'vi', result.reports.length, fixed));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (result.notWritten.length || result.internalErrors.length) return 2;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.err(`${t.tooManyWarnings(warnings, maxWarnings)}\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) run(process.argv.slice(2));

/** Runs the CLI as a process: sets the exit code, and reports an internal error as exit code 2. */
export function run(argv: string[]): void {
  // Test-only: the fault tests of test/reliability/faults.test.ts make a site throw in this process.
  injectFaults(process.env.PAR_PLAN_TEST_FAULT);
  const fail = (error: unknown) => {
    const t = cliText(localeFrom(process.env.PAR_PLAN_LOCALE) ?? 'vi');
    process.stderr.write(`${t.internalError(argv[0] ?? 'check', describeInternalError(error))}\n`);
    process.exitCode = 2;
  };
  try {
    Promise.resolve(main(argv)).then((code) => (process.exitCode = code), fail);
  } catch (error) {
    fail(error);
  }
}
