// `par-plan import` and `par-plan export`: Word appendix <-> plan file. Thin: the conversions are the
// pure functions of server/src/word/; this file reads and writes the files and sets the exit code.
//
//   par-plan import <tệp.docx|tệp.txt> [-o ra.par.yaml] [--issuer "UBND tỉnh X"] [--year 2024] [--locale en]
//   par-plan export <kế-hoạch.par.yaml> [-o ra.docx|ra.xlsx] [--format docx|xlsx] [--locale en]
//
// Exit codes: 0 done; 1 done, but some rows could not be mapped (import: problems reported);
// 2 misuse, unreadable input, or a plan with YAML syntax errors (export refuses it).

import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../engine';
import { importPlanDocx } from '../word/docx-import';
import { exportPlanDataDocx } from '../word/docx-export';
import { readPlanForExport } from '../word/plan-data';
import { importPlanText } from '../word/text-import';
import { exportPlanDataXlsx } from '../word/xlsx-export';

export interface WordCliIo {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
}

interface WordText {
  importUsage: string;
  exportUsage: string;
  badOption(detail: string): string;
  missing(path: string): string;
  unreadable(path: string, detail: string): string;
  problem(file: string, row: number, message: string, kind: 'row' | 'line'): string;
  importSummary(problems: number, file: string): string;
  written(path: string): string;
  cannotWrite(path: string, detail: string): string;
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
  --issuer <tên>         Cơ quan ban hành, thay cho tên đọc từ đầu văn bản
  --year <năm>           Năm kế hoạch, thay cho năm đọc từ tiêu đề
  --locale vi|en         Ngôn ngữ thông báo (mặc định: vi)

Các dòng không đưa được vào kế hoạch được báo kèm số dòng của bảng.
Mã thoát: 0 xong; 1 xong nhưng có dòng cần xem lại; 2 dùng sai hoặc không đọc được tệp.
`,
  exportUsage: `Cách dùng: par-plan export <kế-hoạch.par.yaml> [-o ra.docx|ra.xlsx] [--format docx|xlsx]

Xuất kế hoạch ra phụ lục Word (.docx, khổ A4 ngang, thể thức văn bản hành chính) hoặc bảng theo dõi
Excel (.xlsx, mỗi nhiệm vụ một dòng, có lọc và ngày bắt đầu/kết thúc).

Tùy chọn:
  -o, --output <tệp>     Tệp ra (mặc định: cùng tên với kế hoạch, đuôi .docx hoặc .xlsx)
  --format docx|xlsx     Định dạng (mặc định: theo đuôi của -o, nếu không thì docx)
  --locale vi|en         Ngôn ngữ thông báo (mặc định: vi)

Kế hoạch có lỗi cú pháp YAML thì không xuất.
Mã thoát: 0 xong; 2 dùng sai, không đọc được tệp hoặc kế hoạch có lỗi cú pháp.
`,
  badOption: (d) => `Tùy chọn không hợp lệ: ${d}`,
  missing: (p) => `Không tìm thấy tệp: ${p}`,
  unreadable: (p, d) => `Không đọc được tệp ${p}: ${d}`,
  problem: (f, row, m, kind) => (row > 0 ? `${f}: ${kind === 'row' ? 'dòng bảng' : 'dòng'} ${row}: ${m}` : `${f}: ${m}`),
  importSummary: (n, f) => `${n} vấn đề cần xem lại khi nhập ${f}.`,
  written: (p) => `Đã ghi ${p}`,
  cannotWrite: (p, d) => `Không ghi được tệp ${p}: ${d}`,
  syntaxRefused: (f, n) => `Không xuất ${f}: kế hoạch có ${n} lỗi cú pháp YAML; hãy sửa trước (par-plan check ${f}).`,
  syntaxError: (f, l, c, m) => `${f}:${l}:${c}: ${m}`,
  badFormat: (v) => `Định dạng không hỗ trợ: ${v} (chỉ docx hoặc xlsx)`,
  emptyPlan: (f) => `Lưu ý: ${f} không có phần nào (sections); bảng xuất ra để trống.`,
};

const en: WordText = {
  importUsage: `Usage: par-plan import <file.docx|file.txt> [-o out.par.yaml] [options]

Reads the appendix table (STT | criterion | task | lead | support | deadline) of a Word .docx, or the
plain-text form of such a table (.txt), and writes a plan YAML file.

Options:
  -o, --output <file>    Write the plan to a file (default: standard output)
  --issuer <name>        Issuing body, instead of the one read from the document's header
  --year <year>          Plan year, instead of the one read from the title
  --locale vi|en         Message language (default: vi); problems found in the document stay in Vietnamese

Rows that could not be mapped are reported with their table row number.
Exit codes: 0 done; 1 done, some rows need review; 2 misuse or unreadable input.
`,
  exportUsage: `Usage: par-plan export <plan.par.yaml> [-o out.docx|out.xlsx] [--format docx|xlsx]

Exports a plan as a Word appendix (.docx, A4 landscape, Vietnamese administrative layout) or as a
follow-up spreadsheet (.xlsx, one row per task, filterable, with start/end dates).

Options:
  -o, --output <file>    Output file (default: the plan's name with .docx or .xlsx)
  --format docx|xlsx     Format (default: from the -o extension, else docx)
  --locale vi|en         Message language (default: vi)

A plan with YAML syntax errors is not exported.
Exit codes: 0 done; 2 misuse, unreadable input or YAML syntax errors.
`,
  badOption: (d) => `Invalid option: ${d}`,
  missing: (p) => `File not found: ${p}`,
  unreadable: (p, d) => `Cannot read ${p}: ${d}`,
  problem: (f, row, m, kind) => (row > 0 ? `${f}: ${kind === 'row' ? 'table row' : 'line'} ${row}: ${m}` : `${f}: ${m}`),
  importSummary: (n, f) => `${n} problem(s) to review in ${f}.`,
  written: (p) => `Wrote ${p}`,
  cannotWrite: (p, d) => `Cannot write ${p}: ${d}`,
  syntaxRefused: (f, n) => `Not exported: ${f} has ${n} YAML syntax error(s); fix them first (par-plan check ${f}).`,
  syntaxError: (f, l, c, m) => `${f}:${l}:${c}: ${m}`,
  badFormat: (v) => `Unsupported format: ${v} (docx or xlsx only)`,
  emptyPlan: (f) => `Note: ${f} has no sections; the exported table is empty.`,
};

function localeOf(value: unknown): Locale | undefined {
  return value === 'vi' || value === 'en' ? value : undefined;
}

function envLocale(): Locale | undefined {
  return localeOf(typeof process !== 'undefined' ? process.env.PAR_PLAN_LOCALE : undefined);
}

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function message(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && (err as { code?: string }).code === 'EISDIR') return 'là thư mục / is a directory';
  return err instanceof Error ? err.message : String(err);
}

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

function parse(args: string[], extra: Record<string, { type: 'string' | 'boolean'; short?: string }>): Parsed | Error {
  try {
    const r = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { output: { type: 'string', short: 'o' }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...extra },
    });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Text of a .txt file: UTF-8, or UTF-16 with a byte-order mark (Word's "Unicode text"). */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

function looksLikeZipOrDoc(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);
}

/** `par-plan import <file.docx|file.txt> [-o out.par.yaml]`. `args` are the arguments after "import". */
export async function runImport(args: string[], io: WordCliIo): Promise<number> {
  const parsed = parse(args, { issuer: { type: 'string' }, year: { type: 'string' } });
  let t = vi;
  if (parsed instanceof Error) {
    t = envLocale() === 'en' ? en : vi;
    io.err(`${t.badOption(parsed.message)}\n\n${t.importUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.locale !== undefined && !localeOf(values.locale)) {
    io.err(`${t.badOption(`--locale ${String(values.locale)}`)}\n`);
    return 2;
  }
  t = (localeOf(values.locale) ?? envLocale()) === 'en' ? en : vi;
  if (values.help) {
    io.out(t.importUsage);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(positionals.length ? `${t.badOption(positionals.slice(1).join(' '))}\n\n${t.importUsage}` : t.importUsage);
    return 2;
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      io.err(`${t.badOption(`--year ${String(values.year)}`)}\n`);
      return 2;
    }
  }
  const issuer = typeof values.issuer === 'string' && values.issuer.trim() ? values.issuer.trim() : undefined;
  const inputPath = resolve(io.cwd, positionals[0]);
  const inputShown = shown(inputPath, io.cwd);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(inputPath);
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.err(`${code === 'ENOENT' ? t.missing(inputShown) : t.unreadable(inputShown, message(err))}\n`);
    return 2;
  }
  const ext = extname(inputPath).toLowerCase();
  const asDocx = ext === '.docx' || ext === '.docm' || ext === '.doc' || (ext !== '.txt' && looksLikeZipOrDoc(bytes));
  const source = basename(inputPath);
  let yaml: string;
  let problems: { row: number; message: string }[];
  let kind: 'row' | 'line';
  if (asDocx) {
    const res = await importPlanDocx(bytes, { source, issuer, year });
    if (res.fatal) {
      for (const p of res.problems) io.err(`${t.problem(inputShown, p.row, p.message, 'row')}\n`);
      return 2;
    }
    yaml = res.yaml;
    problems = res.problems;
    kind = 'row';
  } else {
    const res = importPlanText(decodeText(bytes), { source, issuer, year });
    yaml = res.yaml;
    problems = res.problems.map((p) => ({ row: p.line, message: p.message }));
    kind = 'line';
  }
  if (typeof values.output === 'string' && values.output) {
    const outPath = resolve(io.cwd, values.output);
    try {
      writeFileSync(outPath, yaml);
    } catch (err) {
      io.err(`${t.cannotWrite(shown(outPath, io.cwd), message(err))}\n`);
      return 2;
    }
    io.err(`${t.written(shown(outPath, io.cwd))}\n`);
  } else io.out(yaml);
  for (const p of problems) io.err(`${t.problem(inputShown, p.row, p.message, kind)}\n`);
  if (problems.length) {
    io.err(`${t.importSummary(problems.length, inputShown)}\n`);
    return 1;
  }
  return 0;
}

/** `par-plan export <plan.par.yaml> [-o out] [--format docx|xlsx]`. `args` are the arguments after "export". */
export async function runExport(args: string[], io: WordCliIo): Promise<number> {
  const parsed = parse(args, { format: { type: 'string' } });
  let t = vi;
  if (parsed instanceof Error) {
    t = envLocale() === 'en' ? en : vi;
    io.err(`${t.badOption(parsed.message)}\n\n${t.exportUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.locale !== undefined && !localeOf(values.locale)) {
    io.err(`${t.badOption(`--locale ${String(values.locale)}`)}\n`);
    return 2;
  }
  const locale = localeOf(values.locale) ?? envLocale() ?? 'vi';
  t = locale === 'en' ? en : vi;
  if (values.help) {
    io.out(t.exportUsage);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(positionals.length ? `${t.badOption(positionals.slice(1).join(' '))}\n\n${t.exportUsage}` : t.exportUsage);
    return 2;
  }
  const output = typeof values.output === 'string' && values.output ? values.output : undefined;
  let format: 'docx' | 'xlsx';
  if (typeof values.format === 'string') {
    const f = values.format.toLowerCase().replace(/^\./, '');
    if (f !== 'docx' && f !== 'xlsx') {
      io.err(`${t.badFormat(values.format)}\n`);
      return 2;
    }
    format = f;
  } else if (output) {
    const ext = extname(output).toLowerCase();
    if (ext === '.xlsx') format = 'xlsx';
    else if (ext === '.docx' || ext === '') format = 'docx';
    else {
      io.err(`${t.badFormat(ext)}\n`);
      return 2;
    }
  } else format = 'docx';

  const planPath = resolve(io.cwd, positionals[0]);
  const planShown = shown(planPath, io.cwd);
  let text: string;
  try {
    text = decodeText(readFileSync(planPath));
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.err(`${code === 'ENOENT' ? t.missing(planShown) : t.unreadable(planShown, message(err))}\n`);
    return 2;
  }
  const { data, syntaxErrors } = readPlanForExport(text, locale);
  if (syntaxErrors.length) {
    for (const e of syntaxErrors) io.err(`${t.syntaxError(planShown, e.line, e.column, e.message)}\n`);
    io.err(`${t.syntaxRefused(planShown, syntaxErrors.length)}\n`);
    return 2;
  }
  if (!data.sections.length) io.err(`${t.emptyPlan(planShown)}\n`);
  const outPath = output
    ? resolve(io.cwd, output)
    : join(dirname(planPath), `${basename(planPath).replace(/(\.par)?\.ya?ml$/i, '')}.${format}`);
  let bytes: Uint8Array;
  try {
    bytes = format === 'xlsx' ? await exportPlanDataXlsx(data) : await exportPlanDataDocx(data);
  } catch (err) {
    io.err(`${t.cannotWrite(shown(outPath, io.cwd), message(err))}\n`);
    return 2;
  }
  try {
    writeFileSync(outPath, bytes);
  } catch (err) {
    io.err(`${t.cannotWrite(shown(outPath, io.cwd), message(err))}\n`);
    return 2;
  }
  io.err(`${t.written(shown(outPath, io.cwd))}\n`);
  return 0;
}
