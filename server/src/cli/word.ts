// `par-plan import` and `par-plan export`: Word appendix <-> plan file. Thin: the conversions are the
// pure functions of server/src/word/; this file reads and writes the files and sets the exit code.
//
//   par-plan import <tệp.docx|tệp.txt> [-o ra.par.yaml] [--issuer "UBND tỉnh X"] [--year 2024] [--locale en]
//   par-plan export <kế-hoạch.par.yaml> [-o ra.docx|ra.xlsx|ra.html] [--format docx|xlsx|html] [--force] [--locale en]
//
// Exit codes: 0 done; 1 done, but some rows could not be mapped (import: problems reported);
// 2 misuse, unreadable input, or a plan with YAML syntax errors (export refuses it).

import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { PlanAnalysis, type Catalog, type Locale } from '../engine';
import { NodeHost, nodeFiles, readPlanFile } from '../host/node-host';
import { OutputExists, isFileSystemError, writeFileSafely } from '../host/safe-write';
import { dashboardOf, exportPage, planView, renderText } from '../render';
import { importPlanDocx } from '../word/docx-import';
import { exportPlanDataDocx } from '../word/docx-export';
import { readPlanForExport } from '../word/plan-data';
import { decodeText } from '../word/text-helpers';
import { importPlanText } from '../word/text-import';
import { exportPlanDataXlsx } from '../word/xlsx-export';
import type { CliIo } from './main';
import { cliText, readOptions } from './text';

interface WordText {
  importUsage: string;
  exportUsage: string;
  missing(path: string): string;
  unreadable(path: string, detail: string): string;
  problem(file: string, row: number, message: string, kind: 'row' | 'line'): string;
  importSummary(problems: number, file: string): string;
  written(path: string): string;
  cannotWrite(path: string, detail: string): string;
  exists(path: string): string;
  syntaxRefused(file: string, count: number): string;
  syntaxError(file: string, line: number, column: number, message: string): string;
  badFormat(value: string): string;
  emptyPlan(file: string): string;
}

const vi: WordText = {
  importUsage: `Cách dùng: par-plan import <tệp.docx|tệp.txt> [-o ra.par.yaml] [tùy chọn]

Đọc bảng phụ lục (STT | Tiêu chí | Nhiệm vụ/giải pháp | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn)
của một tài liệu Word .docx, hoặc dạng văn bản (.txt) của bảng đó, và viết tệp kế hoạch YAML.

Tùy chọn:
  -o, --output <tệp>     Ghi kế hoạch vào tệp (mặc định: in ra màn hình)
  --force                Ghi đè tệp ra nếu đã có
  --issuer <tên>         Cơ quan ban hành, thay cho tên đọc từ đầu văn bản
  --year <năm>           Năm kế hoạch, thay cho năm đọc từ tiêu đề
  --locale vi|en         Ngôn ngữ thông báo (mặc định: vi)

Các dòng không đưa được vào kế hoạch được báo kèm số dòng của bảng.
Mã thoát: 0 xong; 1 xong nhưng có dòng cần xem lại; 2 dùng sai, không đọc được tệp hoặc tệp ra đã có.
`,
  exportUsage: `Cách dùng: par-plan export <kế-hoạch.par.yaml> [-o ra.docx|ra.xlsx|ra.html] [--format docx|xlsx|html]

Xuất kế hoạch ra phụ lục Word (.docx, khổ A4 ngang, thể thức văn bản hành chính), bảng theo dõi
Excel (.xlsx, mỗi nhiệm vụ một dòng, có lọc và ngày bắt đầu/kết thúc), hoặc một trang HTML
(.html: phụ lục và tổng quan kế hoạch bằng biểu đồ, một tệp duy nhất, in được khổ A4 ngang).

Tùy chọn:
  -o, --output <tệp>     Tệp ra (mặc định: cùng tên với kế hoạch, đuôi .docx, .xlsx hoặc .html)
  --format docx|xlsx|html  Định dạng (mặc định: theo đuôi của -o, nếu không thì docx)
  --force                Ghi đè tệp ra nếu đã có
  --locale vi|en         Ngôn ngữ thông báo (mặc định: vi)

Kế hoạch có lỗi cú pháp YAML thì không xuất.
Mã thoát: 0 xong; 2 dùng sai, không đọc được tệp, tệp ra đã có hoặc kế hoạch có lỗi cú pháp.
`,
  missing: (p) => `Không tìm thấy tệp: ${p}`,
  unreadable: (p, d) => `Không đọc được tệp ${p}: ${d}`,
  problem: (f, row, m, kind) => (row > 0 ? `${f}: ${kind === 'row' ? 'dòng bảng' : 'dòng'} ${row}: ${m}` : `${f}: ${m}`),
  importSummary: (n, f) => `${n} vấn đề cần xem lại khi nhập ${f}.`,
  written: (p) => `Đã ghi ${p}`,
  cannotWrite: (p, d) => `Không ghi được tệp ${p}: ${d}. Không có gì bị ghi đè.`,
  exists: (p) => `Tệp ${p} đã có: không ghi đè. Chọn tên khác, hoặc thêm --force để ghi đè.`,
  syntaxRefused: (f, n) => `Không xuất ${f}: kế hoạch có ${n} lỗi cú pháp YAML; hãy sửa trước (par-plan check ${f}).`,
  syntaxError: (f, l, c, m) => `${f}:${l}:${c}: ${m}`,
  badFormat: (v) => `Định dạng không hỗ trợ: ${v} (chỉ docx, xlsx hoặc html)`,
  emptyPlan: (f) => `Lưu ý: ${f} không có phần nào (sections); bảng xuất ra để trống.`,
};

const en: WordText = {
  importUsage: `Usage: par-plan import <file.docx|file.txt> [-o out.par.yaml] [options]

Reads the appendix table (STT | criterion | task | lead | support | deadline) of a Word .docx, or the
plain-text form of such a table (.txt), and writes a plan YAML file.

Options:
  -o, --output <file>    Write the plan to a file (default: standard output)
  --force                Overwrite the output file if it exists
  --issuer <name>        Issuing body, instead of the one read from the document's header
  --year <year>          Plan year, instead of the one read from the title
  --locale vi|en         Message language (default: vi); problems found in the document stay in Vietnamese

Rows that could not be mapped are reported with their table row number.
Exit codes: 0 done; 1 done, some rows need review; 2 misuse, unreadable input or an existing output file.
`,
  exportUsage: `Usage: par-plan export <plan.par.yaml> [-o out.docx|out.xlsx|out.html] [--format docx|xlsx|html]

Exports a plan as a Word appendix (.docx, A4 landscape, Vietnamese administrative layout), as a
follow-up spreadsheet (.xlsx, one row per task, filterable, with start/end dates), or as one HTML
page (.html: the appendix and the plan overview in charts, self-contained, prints on A4 landscape).

Options:
  -o, --output <file>    Output file (default: the plan's name with .docx, .xlsx or .html)
  --format docx|xlsx|html  Format (default: from the -o extension, else docx)
  --force                Overwrite the output file if it exists
  --locale vi|en         Message language (default: vi)

A plan with YAML syntax errors is not exported.
Exit codes: 0 done; 2 misuse, unreadable input, an existing output file or YAML syntax errors.
`,
  missing: (p) => `File not found: ${p}`,
  unreadable: (p, d) => `Cannot read ${p}: ${d}`,
  problem: (f, row, m, kind) => (row > 0 ? `${f}: ${kind === 'row' ? 'table row' : 'line'} ${row}: ${m}` : `${f}: ${m}`),
  importSummary: (n, f) => `${n} problem(s) to review in ${f}.`,
  written: (p) => `Wrote ${p}`,
  cannotWrite: (p, d) => `Cannot write ${p}: ${d}. Nothing was overwritten.`,
  exists: (p) => `${p} already exists: not overwritten. Choose another name, or add --force to overwrite it.`,
  syntaxRefused: (f, n) => `Not exported: ${f} has ${n} YAML syntax error(s); fix them first (par-plan check ${f}).`,
  syntaxError: (f, l, c, m) => `${f}:${l}:${c}: ${m}`,
  badFormat: (v) => `Unsupported format: ${v} (docx, xlsx or html only)`,
  emptyPlan: (f) => `Note: ${f} has no sections; the exported table is empty.`,
};

function wordText(locale: Locale): WordText {
  return locale === 'en' ? en : vi;
}

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function message(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  // Node's file errors start with their code; a string comes from readPlanFile.
  return /^EISDIR\b/.test(text) ? 'là thư mục / is a directory' : text;
}

type Values = Record<string, string | boolean | undefined>;

interface Command {
  values: Values;
  /** The one file argument. */
  input: string;
  locale: Locale;
  t: WordText;
}

/**
 * The options of both commands (-o, --locale, --help) plus `extra`, and the one file argument.
 * Returns the command, or the exit code once a usage message is written.
 */
function readCommand(args: string[], extra: Record<string, { type: 'string' | 'boolean' }>, usage: (t: WordText) => string, io: CliIo): Command | number {
  const read = readOptions(args, { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, ...extra }, (locale) => usage(wordText(locale)), io);
  if (typeof read === 'number') return read;
  const { positionals, locale } = read;
  const values = read.values as Values;
  const t = wordText(locale);
  if (positionals.length !== 1) {
    io.err(positionals.length ? `${cliText(locale).badOption(positionals.slice(1).join(' '))}\n\n${usage(t)}` : usage(t));
    return 2;
  }
  return { values, input: positionals[0], locale, t };
}

/** The catalog of the project a plan belongs to (its `.par-plan.json`), read as `par-plan check` reads it. */
function projectCatalog(planPath: string, io: CliIo, locale: Locale): Catalog {
  const settings = new NodeHost(undefined, [io.cwd]).settingsFor(planPath);
  for (const p of settings.problems) io.err(`${cliText(locale).hostProblem(p.file, p.message)}\n`);
  return settings.data.catalog;
}

/** Writes an output file safely (temporary file, then rename); returns the exit code's contribution (0 or 2). */
function writeOutput(path: string, data: string | Uint8Array, force: boolean, io: CliIo, t: WordText): 0 | 2 {
  try {
    writeFileSafely(path, data, { force });
  } catch (err) {
    if (err instanceof OutputExists) io.err(`${t.exists(shown(path, io.cwd))}\n`);
    else if (isFileSystemError(err)) io.err(`${t.cannotWrite(shown(path, io.cwd), message(err))}\n`);
    else throw err;
    return 2;
  }
  io.err(`${t.written(shown(path, io.cwd))}\n`);
  return 0;
}

function looksLikeZipOrDoc(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);
}

/** `par-plan import <file.docx|file.txt> [-o out.par.yaml]`. `args` are the arguments after "import". */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const command = readCommand(args, { issuer: { type: 'string' }, year: { type: 'string' } }, (t) => t.importUsage, io);
  if (typeof command === 'number') return command;
  const { values, locale, t } = command;
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      io.err(`${cliText(locale).badOption(`--year ${String(values.year)}`)}\n`);
      return 2;
    }
  }
  const issuer = typeof values.issuer === 'string' && values.issuer.trim() ? values.issuer.trim() : undefined;
  const inputPath = resolve(io.cwd, command.input);
  const outPath = typeof values.output === 'string' && values.output ? resolve(io.cwd, values.output) : undefined;
  const inputShown = shown(inputPath, io.cwd);
  let bytes: Uint8Array | undefined;
  try {
    bytes = nodeFiles.readFile(inputPath);
  } catch (err) {
    io.err(`${t.unreadable(inputShown, message(err))}\n`);
    return 2;
  }
  if (!bytes) {
    io.err(`${t.missing(inputShown)}\n`);
    return 2;
  }
  const ext = extname(inputPath).toLowerCase();
  const asDocx = ext === '.docx' || ext === '.docm' || ext === '.doc' || (ext !== '.txt' && looksLikeZipOrDoc(bytes));
  const source = basename(inputPath);
  // The catalog of the project the plan is written to (the document's, when the plan is printed).
  const catalog = projectCatalog(outPath ?? inputPath, io, locale);
  let yaml: string;
  let problems: { row: number; message: string }[];
  let kind: 'row' | 'line';
  if (asDocx) {
    const res = await importPlanDocx(bytes, { source, issuer, year, catalog });
    if (res.fatal) {
      for (const p of res.problems) io.err(`${t.problem(inputShown, p.row, p.message, 'row')}\n`);
      return 2;
    }
    yaml = res.yaml;
    problems = res.problems;
    kind = 'row';
  } else {
    const res = importPlanText(decodeText(bytes), { source, issuer, year, catalog });
    yaml = res.yaml;
    problems = res.problems.map((p) => ({ row: p.line, message: p.message }));
    kind = 'line';
  }
  if (outPath) {
    if (writeOutput(outPath, yaml, values.force === true, io, t) !== 0) return 2;
  } else io.out(yaml);
  for (const p of problems) io.err(`${t.problem(inputShown, p.row, p.message, kind)}\n`);
  if (problems.length) {
    io.err(`${t.importSummary(problems.length, inputShown)}\n`);
    return 1;
  }
  return 0;
}

/** `par-plan export <plan.par.yaml> [-o out] [--format docx|xlsx]`. `args` are the arguments after "export". */
export async function runExport(args: string[], io: CliIo): Promise<number> {
  const command = readCommand(args, { format: { type: 'string' }, force: { type: 'boolean' } }, (t) => t.exportUsage, io);
  if (typeof command === 'number') return command;
  const { values, locale, t } = command;
  const output = typeof values.output === 'string' && values.output ? values.output : undefined;
  let format: 'docx' | 'xlsx' | 'html';
  if (typeof values.format === 'string') {
    const f = values.format.toLowerCase().replace(/^\./, '');
    if (f !== 'docx' && f !== 'xlsx' && f !== 'html') {
      io.err(`${t.badFormat(values.format)}\n`);
      return 2;
    }
    format = f;
  } else if (output) {
    const ext = extname(output).toLowerCase();
    if (ext === '.xlsx') format = 'xlsx';
    else if (ext === '.html' || ext === '.htm') format = 'html';
    else if (ext === '.docx' || ext === '') format = 'docx';
    else {
      io.err(`${t.badFormat(ext)}\n`);
      return 2;
    }
  } else format = 'docx';

  const planPath = resolve(io.cwd, command.input);
  const planShown = shown(planPath, io.cwd);
  // Read as `par-plan check` reads a plan.
  const read = readPlanFile(planPath);
  if ('error' in read) {
    io.err(`${/^ENOENT\b/.test(read.error) ? t.missing(planShown) : t.unreadable(planShown, message(read.error))}\n`);
    return 2;
  }
  const defaultOut = (ext: string) => join(dirname(planPath), `${basename(planPath).replace(/(\.par)?\.ya?ml$/i, '')}.${ext}`);
  if (format === 'html') return exportHtml(read.text, planPath, output ? resolve(io.cwd, output) : defaultOut('html'), values.force === true, command, io);
  const { data, syntaxErrors } = readPlanForExport(read.text, locale);
  if (syntaxErrors.length) {
    for (const e of syntaxErrors) io.err(`${t.syntaxError(planShown, e.line, e.column, e.message)}\n`);
    io.err(`${t.syntaxRefused(planShown, syntaxErrors.length)}\n`);
    return 2;
  }
  if (!data.sections.length) io.err(`${t.emptyPlan(planShown)}\n`);
  const outPath = output ? resolve(io.cwd, output) : defaultOut(format);
  const catalog = projectCatalog(planPath, io, locale);
  // A failure to build the document is a bug: it reaches run() as an internal error, with its stack.
  const bytes = format === 'xlsx' ? await exportPlanDataXlsx(data, { catalog }) : await exportPlanDataDocx(data, { catalog });
  return writeOutput(outPath, bytes, values.force === true, io, t);
}

/**
 * The HTML page of a plan: the appendix and the dashboard, drawn by the same code as the editor's
 * preview (server/src/render/), from the analysis `par-plan check` makes, findings included.
 */
function exportHtml(text: string, planPath: string, outPath: string, force: boolean, command: Command, io: CliIo): number {
  const { locale, t } = command;
  const planShown = shown(planPath, io.cwd);
  const settings = new NodeHost(undefined, [io.cwd]).settingsFor(planPath);
  for (const p of settings.problems) io.err(`${cliText(locale).hostProblem(p.file, p.message)}\n`);
  const analysis = new PlanAnalysis(text, settings.data, { locale, severities: settings.config.rules, limits: settings.config.limits });
  const syntax = analysis.findings().filter((f) => f.code === 'par/syntax');
  if (syntax.length) {
    for (const f of syntax) {
      const { line, column } = analysis.lines.oneBased(f.range);
      io.err(`${t.syntaxError(planShown, line, column, f.message)}\n`);
    }
    io.err(`${t.syntaxRefused(planShown, syntax.length)}\n`);
    return 2;
  }
  if (!analysis.model.sections.length) io.err(`${t.emptyPlan(planShown)}\n`);
  const view = planView(analysis);
  const texts = renderText(locale);
  const page = exportPage(view, dashboardOf(view, texts), texts, { generator: 'par-plan', lang: locale });
  return writeOutput(outPath, page, force, io, t);
}
