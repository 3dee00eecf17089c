// The CLI's own sentences (usage, summary), Vietnamese first.

import { parseArgs } from 'node:util';
import type { Locale } from '../engine';

export interface CliText {
  usage: string;
  summary(errors: number, warnings: number, infos: number, files: number, fixed: number): string;
  unreadable(detail: string): string;
  missingPath(path: string): string;
  noFiles(): string;
  tooManyWarnings(count: number, max: number): string;
  hostProblem(file: string, message: string): string;
  badOption(detail: string): string;
  /** --fix could not write the fixed text; the file is as it was. */
  fixNotWritten(file: string, detail: string): string;
  fixChangedOnDisk(file: string): string;
  /** An internal error (a bug): what was being done, with the stack on the next lines. */
  internalError(where: string, stack: string): string;
}

const vi: CliText = {
  usage: `Cách dùng:
  par-plan check [tệp|thư mục ...] [tùy chọn]     kiểm tra các tệp kế hoạch *.par.yaml
  par-plan import <phu-luc.docx|phu-luc.txt> [-o ke-hoach.par.yaml]
                                                  nhập phụ lục kế hoạch từ Word
  par-plan export <ke-hoach.par.yaml> -o <tệp.docx|tệp.xlsx> [--format docx|xlsx]
                                                  xuất ra Word hoặc Excel
  par-plan followup export|import <kế-hoạch.par.yaml> ...
                                                  bảng theo dõi cho đơn vị, ghép kết quả về kế hoạch
  par-plan report <kế-hoạch.par.yaml> --as-of <ngày> -o <bao-cao.docx|.xlsx>
                                                  báo cáo kết quả thực hiện theo quý, 6 tháng, năm
  par-plan units init [kế hoạch|thư mục|phụ lục ...] [-o par-units.json] [--force]
                                                  viết danh mục đơn vị bổ sung cho tỉnh
  par-plan results import <bảng.xlsx|.csv|.docx> -o ket-qua.par-results.yaml
                                                  nhập bảng kết quả Chỉ số CCHC năm trước
  par-plan init --results <bảng|tệp kết quả> --issuer "UBND tỉnh X" --year 2023 -o ke-hoach.par.yaml
                                                  khởi tạo kế hoạch từ các tiêu chí bị mất điểm
  par-plan coverage <ke-hoach.par.yaml> [--results tệp] [--format text|json]
                                                  điểm bị mất đã có / chưa có nhiệm vụ khắc phục
  par-plan catalog import <bảng> -o danh-muc.json  danh mục tiêu chí từ bảng chính thức

Tùy chọn của check:
  --format text|json|sarif   Định dạng kết quả (mặc định: text)
  --config <tệp>             Tệp cấu hình (mặc định: .par-plan.json gần nhất)
  --results <tệp>            Tệp kết quả năm trước, thay cho plan.results của từng kế hoạch
  --max-warnings <N>         Thoát với mã 1 khi có nhiều hơn N cảnh báo
  --fix                      Áp dụng các sửa lỗi an toàn (giữ nguyên chú thích và bố cục)
  --locale vi|en             Ngôn ngữ thông báo (mặc định: vi)
  --as-of <ngày>             Xét quá hạn, sắp đến hạn tính đến ngày này (mặc định: hôm nay), ví dụ 30/6/2026
  -h, --help                 Hiện hướng dẫn này
  -v, --version              Hiện phiên bản

Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc quá số cảnh báo cho phép); 2 công cụ bị dùng sai hoặc gặp sự cố.
`,
  summary: (errors, warnings, infos, files, fixed) =>
    `${errors} lỗi, ${warnings} cảnh báo, ${infos} gợi ý trong ${files} tệp` + (fixed ? `; đã sửa ${fixed} chỗ` : '') + '.',
  unreadable: (detail) => `Không đọc được tệp: ${detail}`,
  missingPath: (path) => `Không tìm thấy: ${path}`,
  noFiles: () => 'Không tìm thấy tệp kế hoạch *.par.yaml nào.',
  tooManyWarnings: (count, max) => `Có ${count} cảnh báo, nhiều hơn mức cho phép (--max-warnings ${max}).`,
  hostProblem: (file, message) => `Cảnh báo cấu hình: ${file}: ${message}`,
  badOption: (detail) => `Tùy chọn không hợp lệ: ${detail}`,
  fixNotWritten: (file, detail) => `Không ghi được bản đã sửa của ${file}: ${detail}. Tệp gốc vẫn nguyên vẹn.`,
  fixChangedOnDisk: (file) => `Không ghi bản đã sửa của ${file}: tệp đã bị thay đổi (có thể do trình soạn thảo lưu) trong lúc kiểm tra. Tệp giữ nguyên; hãy chạy lại --fix.`,
  internalError: (where, stack) => `Lỗi nội bộ của par-plan, xin báo lại (${where}):\n${stack}`,
};

const en: CliText = {
  usage: `Usage:
  par-plan check [files|folders ...] [options]    check *.par.yaml PAR Index plan files
  par-plan import <appendix.docx|appendix.txt> [-o plan.par.yaml]
                                                  import a plan appendix from Word
  par-plan export <plan.par.yaml> -o <file.docx|file.xlsx> [--format docx|xlsx]
                                                  export to Word or Excel
  par-plan followup export|import <plan.par.yaml> ...
                                                  follow-up sheets for the units, merged back
  par-plan report <plan.par.yaml> --as-of <day> -o <report.docx|.xlsx>
                                                  the quarterly, half-yearly or yearly progress report
  par-plan units init [plans|folders|appendices ...] [-o par-units.json] [--force]
                                                  write a unit registry overlay for the province
  par-plan results import <table.xlsx|.csv|.docx> -o results.par-results.yaml
                                                  import last year's PAR Index results table
  par-plan init --results <table|results file> --issuer "UBND tỉnh X" --year 2023 -o plan.par.yaml
                                                  scaffold a plan from the criteria that lost points
  par-plan coverage <plan.par.yaml> [--results file] [--format text|json]
                                                  lost points with and without tasks
  par-plan catalog import <table> -o catalog.json  criteria catalog from an official table

Options of check:
  --format text|json|sarif   Output format (default: text)
  --config <file>            Config file (default: the nearest .par-plan.json)
  --results <file>           Last year's results file, instead of each plan's plan.results
  --max-warnings <N>         Exit with 1 when there are more than N warnings
  --fix                      Apply the safe fixes (comments and layout are kept)
  --locale vi|en             Message language (default: vi)
  --as-of <date>             Judge overdue and due-soon tasks as of this day (default: today), e.g. 2026-06-30
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no errors; 1 errors (or more warnings than allowed); 2 misuse or tool failure.
`,
  summary: (errors, warnings, infos, files, fixed) =>
    `${errors} error(s), ${warnings} warning(s), ${infos} note(s) in ${files} file(s)` + (fixed ? `; ${fixed} fix(es) applied` : '') + '.',
  unreadable: (detail) => `Cannot read the file: ${detail}`,
  missingPath: (path) => `Not found: ${path}`,
  noFiles: () => 'No *.par.yaml plan files found.',
  tooManyWarnings: (count, max) => `${count} warnings, more than allowed (--max-warnings ${max}).`,
  hostProblem: (file, message) => `Config warning: ${file}: ${message}`,
  badOption: (detail) => `Invalid option: ${detail}`,
  fixNotWritten: (file, detail) => `Could not write the fixed ${file}: ${detail}. The original file is untouched.`,
  fixChangedOnDisk: (file) => `Did not write the fixed ${file}: the file changed on disk (an editor saved it?) while it was checked. It is unchanged; run --fix again.`,
  internalError: (where, stack) => `Internal error in par-plan, please report it (${where}):\n${stack}`,
};

/** A --locale or PAR_PLAN_LOCALE value, if it names a supported locale. */
export function localeFrom(value: unknown): Locale | undefined {
  return value === 'vi' || value === 'en' ? value : undefined;
}

export function cliText(locale: Locale): CliText {
  return locale === 'en' ? en : vi;
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** The values of the options `O` declares (plus --locale and --help), as parseArgs gives them. */
export type OptionValues<O extends OptionSpec> = { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean } & { locale?: string; help?: boolean };

export interface ReadOptions<O extends OptionSpec> {
  values: OptionValues<O>;
  positionals: string[];
  locale: Locale;
}

/**
 * A subcommand's options, with --locale and --help, and its positional arguments. Writes the usage
 * (`usage(locale)`) for --help (exit 0) or with the message for a bad option (exit 2), and returns
 * that exit code instead. Messages before a valid --locale is read follow PAR_PLAN_LOCALE.
 */
export function readOptions<O extends OptionSpec>(
  args: string[],
  options: O,
  usage: (locale: Locale) => string,
  io: { out(s: string): void; err(s: string): void },
): ReadOptions<O> | number {
  const envLocale = localeFrom(process.env.PAR_PLAN_LOCALE) ?? 'vi';
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { locale: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...options } });
  } catch (err) {
    // parseArgs tells a bad option with a TypeError carrying an ERR_PARSE_ARGS_* code; anything else is a bug.
    if (!(err instanceof TypeError && /^ERR_PARSE_ARGS_/.test(String((err as { code?: unknown }).code)))) throw err;
    io.err(`${cliText(envLocale).badOption(err.message)}\n\n${usage(envLocale)}`);
    return 2;
  }
  const values = parsed.values as OptionValues<O>;
  if (values.locale !== undefined && !localeFrom(values.locale)) {
    io.err(`${cliText(envLocale).badOption(`--locale ${values.locale}`)}\n`);
    return 2;
  }
  const locale = localeFrom(values.locale) ?? envLocale;
  if (values.help) {
    io.out(usage(locale));
    return 0;
  }
  return { values, positionals: parsed.positionals, locale };
}
