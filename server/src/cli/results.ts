// The results commands: the points of the index year in, a scaffolded plan and its coverage out.
// Thin: the table reading and mapping are in server/src/results/, the coverage in the engine.
//
//   par-plan results import <bang.xlsx|.csv|.docx> -o ket-qua-2022.par-results.yaml [--issuer] [--year] [--force]
//   par-plan init --results <bang|ket-qua.par-results.yaml> --issuer "UBND tỉnh X" --year 2023 -o plan.par.yaml [--force]
//   par-plan coverage <plan.par.yaml> [--results f] [--format text|json]
//   par-plan catalog import <bang> -o catalog.json [--force]
//
// Exit codes: 0 done; 1 done, but some rows could not be mapped (reported with their row numbers);
// 2 misuse, unreadable input, an existing output without --force, or no results to measure against.

import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import {
  RESULTS_FILE_SUFFIX,
  bundledCatalog,
  compareCodes,
  createPlanService,
  levelOfCode,
  messagesFor,
  readResultsText,
  resultsToYaml,
  type Catalog,
  type CatalogFile,
  type Coverage,
  type Locale,
  type ResultsFile,
} from '../engine';
import { NodeHost, readPlanFile } from '../host/node-host';
import { OutputExists, writeFileSafely } from '../host/safe-write';
import { planFromResults } from '../results/init';
import { importResults } from '../results/read';
import type { TableProblem } from '../results/table';
import type { CliIo } from './main';
import { cliText, readOptions } from './text';

interface ResultsText {
  importUsage: string;
  initUsage: string;
  coverageUsage: string;
  catalogUsage: string;
  missing(path: string): string;
  unreadable(path: string, detail: string): string;
  problem(file: string, row: number, message: string): string;
  summary(count: number, file: string): string;
  written(path: string): string;
  exists(path: string): string;
  cannotWrite(path: string, detail: string): string;
  noResults(plan: string): string;
  resultsProblem(file: string, detail: string): string;
  needIssuer(): string;
  coverageHead(file: string, year: number, lost: string, covered: string, percent: number): string;
  coverageArea(numeral: string, name: string, lost: string, covered: string): string;
  uncoveredCode(code: string, lost: string, named: boolean): string;
  noLoss(year: number): string;
  catalogCounts(criteria: number, sub: number, named: number, complete: boolean): string;
}

const vi: ResultsText = {
  importUsage: `Cách dùng: par-plan results import <bảng.xlsx|bảng.csv|bảng.docx> [-o ket-qua-2022.par-results.yaml] [tùy chọn]

Đọc bảng kết quả Chỉ số CCHC (điểm tối đa, điểm tự đánh giá, điểm thẩm định / đạt được của từng
tiêu chí, tiêu chí thành phần) và viết tệp kết quả YAML.

Tùy chọn:
  -o, --output <tệp>     Ghi vào tệp (mặc định: in ra màn hình); không ghi đè tệp đã có
  --force                Cho phép ghi đè tệp đã có
  --issuer <tên>         Cơ quan, thay cho tên đọc từ tiêu đề bảng (ví dụ: UBND tỉnh Hà Tĩnh)
  --year <năm>           Năm của kết quả, thay cho năm đọc từ tiêu đề bảng
  --locale vi|en         Ngôn ngữ thông báo (mặc định: vi)

Các dòng không đưa được vào kết quả được báo kèm số dòng của bảng.
Mã thoát: 0 xong; 1 xong nhưng có dòng cần xem lại; 2 dùng sai, không đọc được tệp hoặc tệp ra đã có.
`,
  initUsage: `Cách dùng: par-plan init --results <bảng|ket-qua.par-results.yaml> --issuer "UBND tỉnh X" --year 2023 -o ke-hoach.par.yaml

Khởi tạo kế hoạch từ kết quả năm trước: mỗi lĩnh vực bị mất điểm một phần, mỗi tiêu chí bị mất điểm
một mục (các tiêu chí thành phần bị mất điểm trong criteria:), kết quả ghi sẵn trong finding, và một
nhiệm vụ để điền đơn vị chủ trì, thời hạn. Khi --results là một bảng, tệp kết quả YAML được ghi cạnh
kế hoạch và kế hoạch trỏ tới nó (plan.results).

Tùy chọn:
  --results <tệp>        Bảng kết quả (.xlsx, .csv, .docx) hoặc tệp *.par-results.yaml
  --issuer <tên>         Cơ quan ban hành kế hoạch (mặc định: cơ quan của kết quả)
  --year <năm>           Năm kế hoạch (mặc định: năm sau năm của kết quả)
  -o, --output <tệp>     Tệp kế hoạch (bắt buộc); không ghi đè tệp đã có
  --force                Cho phép ghi đè
  --locale vi|en         Ngôn ngữ thông báo (mặc định: vi)
`,
  coverageUsage: `Cách dùng: par-plan coverage <ke-hoach.par.yaml> [--results tệp] [--format text|json]

Theo từng lĩnh vực: số điểm bị mất năm trước, số điểm đã có nhiệm vụ khắc phục (mục có ít nhất một
nhiệm vụ có đơn vị chủ trì và thời hạn), và các mã chưa có nhiệm vụ.

Tùy chọn:
  --results <tệp>        Tệp kết quả, thay cho plan.results của kế hoạch
  --format text|json     Định dạng (mặc định: text; json cho bảng theo dõi, xem docs/results.md)
  --locale vi|en         Ngôn ngữ (mặc định: vi)
Mã thoát: 0 xong; 2 dùng sai hoặc không có kết quả để đối chiếu.
`,
  catalogUsage: `Cách dùng: par-plan catalog import <bảng.xlsx|bảng.csv|bảng.docx> -o danh-muc.json [--force]

Viết tệp danh mục tiêu chí (tên, cấp, điểm tối đa) từ bảng kết quả chính thức có tên tiêu chí; tệp dùng
được cho thiết lập "catalog" của .par-plan.json. Mã không có trong bảng lấy từ danh mục đi kèm.
`,
  missing: (p) => `Không tìm thấy tệp: ${p}`,
  unreadable: (p, d) => `Không đọc được tệp ${p}: ${d}`,
  problem: (f, row, m) => (row > 0 ? `${f}: dòng ${row}: ${m}` : `${f}: ${m}`),
  summary: (n, f) => `${n} vấn đề cần xem lại khi nhập ${f}.`,
  written: (p) => `Đã ghi ${p}`,
  exists: (p) => `Tệp ${p} đã có; không ghi đè (thêm --force để ghi đè).`,
  cannotWrite: (p, d) => `Không ghi được tệp ${p}: ${d}`,
  noResults: (p) => `${p} không nêu tệp kết quả (plan.results); hãy thêm khóa đó hoặc dùng --results.`,
  resultsProblem: (f, d) => `Không dùng được tệp kết quả ${f}: ${d}`,
  needIssuer: () => 'Kết quả không ghi cơ quan: hãy chỉ định --issuer "UBND tỉnh ...".',
  coverageHead: (f, y, lost, covered, pct) => `Kết quả năm ${y} (${f}): mất ${lost} điểm; kế hoạch có nhiệm vụ khắc phục ${covered} điểm (${pct}%).`,
  coverageArea: (n, name, lost, covered) => `${n.padEnd(5)}${name}: mất ${lost}, có nhiệm vụ ${covered}`,
  uncoveredCode: (code, lost, named) => `       ${code} (${lost} điểm): ${named ? 'có mục nhưng chưa có nhiệm vụ đủ đơn vị chủ trì và thời hạn' : 'chưa có mục nào'}`,
  noLoss: (y) => `Kết quả năm ${y} không có tiêu chí nào bị mất điểm.`,
  catalogCounts: (c, s, named, complete) =>
    `Danh mục có ${c} tiêu chí, ${s} tiêu chí thành phần (${named} mã có tên)` + (complete ? '; đủ bộ 37 tiêu chí, 88 tiêu chí thành phần.' : '; chưa đủ bộ 37 + 88 nên ghi complete: false.'),
};

const en: ResultsText = {
  importUsage: `Usage: par-plan results import <table.xlsx|table.csv|table.docx> [-o results-2022.par-results.yaml] [options]

Reads a PAR Index results table (maximum, self-assessed and appraised / obtained points per criterion
and sub-criterion) and writes a results YAML file.

Options:
  -o, --output <file>    Write to a file (default: standard output); an existing file is not replaced
  --force                Replace an existing file
  --issuer <name>        Issuer, instead of the one read from the table's title
  --year <year>          Year of the results, instead of the one read from the table's title
  --locale vi|en         Message language (default: vi); problems found in the table stay in Vietnamese

Rows that could not be mapped are reported with their table row number.
Exit codes: 0 done; 1 done, some rows need review; 2 misuse, unreadable input or an existing output.
`,
  initUsage: `Usage: par-plan init --results <table|results.par-results.yaml> --issuer "UBND tỉnh X" --year 2023 -o plan.par.yaml

Scaffolds a plan from last year's results: one section per area that lost points, one item per lost
criterion (its lost sub-criteria in criteria:), the points in finding, and one task to fill in. When
--results is a table, the results YAML file is written beside the plan and named by plan.results.

Options:
  --results <file>       A results table (.xlsx, .csv, .docx) or a *.par-results.yaml file
  --issuer <name>        Issuer of the plan (default: the results' issuer)
  --year <year>          Plan year (default: the year after the results)
  -o, --output <file>    The plan file (required); an existing file is not replaced
  --force                Replace existing files
  --locale vi|en         Message language (default: vi)
`,
  coverageUsage: `Usage: par-plan coverage <plan.par.yaml> [--results file] [--format text|json]

Per area: the points lost in the index year, the points covered by items with at least one task that
has a lead unit and a deadline, and the codes no item covers.

Options:
  --results <file>       A results file, instead of the plan's plan.results
  --format text|json     Output format (default: text; json for dashboards, see docs/results.md)
  --locale vi|en         Language (default: vi)
Exit codes: 0 done; 2 misuse or no results to measure against.
`,
  catalogUsage: `Usage: par-plan catalog import <table.xlsx|table.csv|table.docx> -o catalog.json [--force]

Writes a criteria catalog file (names, levels, maximum points) from an official results table that
names the criteria; the "catalog" setting of .par-plan.json can use it. Codes the table lacks come
from the bundled catalog.
`,
  missing: (p) => `File not found: ${p}`,
  unreadable: (p, d) => `Cannot read ${p}: ${d}`,
  problem: (f, row, m) => (row > 0 ? `${f}: row ${row}: ${m}` : `${f}: ${m}`),
  summary: (n, f) => `${n} problem(s) to review in ${f}.`,
  written: (p) => `Wrote ${p}`,
  exists: (p) => `${p} exists; not replaced (add --force to replace it).`,
  cannotWrite: (p, d) => `Cannot write ${p}: ${d}`,
  noResults: (p) => `${p} names no results file (plan.results); add the key or use --results.`,
  resultsProblem: (f, d) => `Cannot use the results file ${f}: ${d}`,
  needIssuer: () => 'The results name no issuer: give --issuer "UBND tỉnh ...".',
  coverageHead: (f, y, lost, covered, pct) => `Results of ${y} (${f}): ${lost} points lost; the plan has tasks for ${covered} of them (${pct}%).`,
  coverageArea: (n, name, lost, covered) => `${n.padEnd(5)}${name}: lost ${lost}, covered ${covered}`,
  uncoveredCode: (code, lost, named) => `       ${code} (${lost} points): ${named ? 'named by an item, but no task with a lead and a deadline' : 'no item'}`,
  noLoss: (y) => `The results of ${y} lost no points.`,
  catalogCounts: (c, s, named, complete) =>
    `The catalog has ${c} criteria and ${s} sub-criteria (${named} named)` + (complete ? '; the whole set of 37 + 88.' : '; not the whole set of 37 + 88, so complete: false.'),
};

const textFor = (locale: Locale) => (locale === 'en' ? en : vi);

const shown = (path: string, cwd: string) => {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
};

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

type Values = Record<string, string | boolean | undefined>;

/** Options and positionals of one command, or the exit code once a usage message is written. */
function parse(args: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>, usage: (t: ResultsText) => string, io: CliIo, positionals: number) {
  const read = readOptions(args, options, (locale) => usage(textFor(locale)), io);
  if (typeof read === 'number') return read;
  const values = read.values as Values;
  const { locale } = read;
  const t = textFor(locale);
  if (read.positionals.length !== positionals) {
    io.err(usage(t));
    return 2;
  }
  return { values, positionals: read.positionals, locale, t };
}

function yearOption(values: Values, io: CliIo, locale: Locale): number | undefined | null {
  if (values.year === undefined) return undefined;
  const year = Number(values.year);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) return year;
  io.err(`${cliText(locale).badOption(`--year ${String(values.year)}`)}\n`);
  return null;
}

function readInput(path: string, io: CliIo, t: ResultsText): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.err(`${code === 'ENOENT' ? t.missing(shown(path, io.cwd)) : t.unreadable(shown(path, io.cwd), code === 'EISDIR' ? 'là thư mục / is a directory' : errorText(err))}\n`);
    return undefined;
  }
}

/** Writes an output, refusing to replace a file without --force; false once the failure is reported. */
function write(path: string, data: string, force: boolean, io: CliIo, t: ResultsText): boolean {
  try {
    writeFileSafely(path, data, { force });
  } catch (err) {
    io.err(`${err instanceof OutputExists ? t.exists(shown(path, io.cwd)) : t.cannotWrite(shown(path, io.cwd), errorText(err))}\n`);
    return false;
  }
  io.err(`${t.written(shown(path, io.cwd))}\n`);
  return true;
}

function reportProblems(problems: TableProblem[], file: string, io: CliIo, t: ResultsText): void {
  for (const p of problems) io.err(`${t.problem(file, p.row, p.message)}\n`);
  if (problems.length) io.err(`${t.summary(problems.length, file)}\n`);
}

/** Reads a results table, or a results file already in YAML. */
function loadResultsInput(path: string, options: { issuer?: string; year?: number; yearOptional?: boolean }, io: CliIo, t: ResultsText, locale: Locale): { file: ResultsFile; problems: TableProblem[]; yaml: boolean } | undefined {
  const bytes = readInput(path, io, t);
  if (!bytes) return undefined;
  const name = shown(path, io.cwd);
  if (/\.ya?ml$/i.test(path)) {
    const read = readResultsText(new TextDecoder().decode(bytes));
    if (!read.file) {
      for (const p of read.problems) io.err(`${t.problem(name, p.line, p.message[locale])}\n`);
      return undefined;
    }
    return { file: read.file, problems: [], yaml: true };
  }
  const imported = importResults(bytes, basename(path), { ...options, source: basename(path) });
  if (!imported.file) {
    reportProblems(imported.problems, name, io, t);
    return undefined;
  }
  return { file: imported.file, problems: imported.problems, yaml: false };
}

const resultsComment = (file: ResultsFile, source: string) =>
  `Kết quả Chỉ số CCHC năm ${file['index-year']}${file.issuer ? ` của ${file.issuer}` : ''}, nhập từ ${source} bằng par-plan results import.\nĐịnh dạng: schemas/par-results.schema.json, docs/results.md.`;

/** `par-plan results import <table> [-o out]`. */
export function runResultsImport(args: string[], io: CliIo): number {
  const cmd = parse(args, { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, issuer: { type: 'string' }, year: { type: 'string' } }, (t) => t.importUsage, io, 1);
  if (typeof cmd === 'number') return cmd;
  const { values, t, locale } = cmd;
  const year = yearOption(values, io, locale);
  if (year === null) return 2;
  const input = resolve(io.cwd, cmd.positionals[0]);
  const issuer = typeof values.issuer === 'string' && values.issuer.trim() ? values.issuer.trim() : undefined;
  const bytes = readInput(input, io, t);
  if (!bytes) return 2;
  const result = importResults(bytes, basename(input), { issuer, year, source: basename(input) });
  const name = shown(input, io.cwd);
  if (!result.file) {
    reportProblems(result.problems, name, io, t);
    return 2;
  }
  const yaml = resultsToYaml(result.file, resultsComment(result.file, basename(input)));
  if (typeof values.output === 'string' && values.output) {
    if (!write(resolve(io.cwd, values.output), yaml, Boolean(values.force), io, t)) return 2;
  } else io.out(yaml);
  reportProblems(result.problems, name, io, t);
  return result.problems.length ? 1 : 0;
}

/** `par-plan init --results <table|results> --issuer X --year N -o plan.par.yaml`. */
export function runInit(args: string[], io: CliIo): number {
  const cmd = parse(
    args,
    { results: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, issuer: { type: 'string' }, year: { type: 'string' } },
    (t) => t.initUsage,
    io,
    0,
  );
  if (typeof cmd === 'number') return cmd;
  const { values, t, locale } = cmd;
  const year = yearOption(values, io, locale);
  if (year === null) return 2;
  if (typeof values.results !== 'string' || typeof values.output !== 'string' || !values.output) {
    io.err(t.initUsage);
    return 2;
  }
  const force = Boolean(values.force);
  const planPath = resolve(io.cwd, values.output);
  const input = resolve(io.cwd, values.results);
  const issuerOption = typeof values.issuer === 'string' && values.issuer.trim() ? values.issuer.trim() : undefined;
  const loaded = loadResultsInput(input, { issuer: issuerOption }, io, t, locale);
  if (!loaded) return 2;
  const issuer = issuerOption ?? loaded.file.issuer;
  if (!issuer) {
    io.err(`${t.needIssuer()}\n`);
    return 2;
  }
  // A table becomes a results file beside the plan, which the plan then names.
  let resultsFile = input;
  if (!loaded.yaml) {
    resultsFile = resolve(dirname(planPath), `${basename(input).replace(/\.[^.]+$/, '')}${RESULTS_FILE_SUFFIX}`);
    if (!write(resultsFile, resultsToYaml(loaded.file, resultsComment(loaded.file, basename(input))), force, io, t)) return 2;
  }
  const host = new NodeHost(undefined, [io.cwd]);
  const settings = host.settingsFor(planPath);
  const plan = planFromResults(loaded.file, {
    issuer,
    year: year ?? loaded.file['index-year'] + 1,
    resultsPath: relative(dirname(planPath), resultsFile).split('\\').join('/'),
    catalog: settings.data.catalog,
    source: basename(input),
  });
  if (!write(planPath, plan, force, io, t)) return 2;
  reportProblems(loaded.problems, shown(input, io.cwd), io, t);
  return loaded.problems.length ? 1 : 0;
}

/** The documented JSON shape of `par-plan coverage --format json` (docs/results.md). */
export function coverageJson(plan: string, coverage: Coverage) {
  const { results, load } = coverage;
  return {
    plan,
    results: { file: load.file, issuer: results.issuer ?? null, indexYear: results.indexYear },
    lost: coverage.lost,
    covered: coverage.covered,
    areas: coverage.areas.map((a) => ({
      area: a.numeral,
      name: a.name ?? null,
      lost: a.lost,
      covered: a.covered,
      codes: a.codes.map((c) => ({
        code: c.code,
        name: c.name ?? null,
        max: c.max,
        obtained: c.obtained,
        lost: c.lost,
        covered: c.covered,
        items: c.items.map((item) => ({ section: item.section.area?.numeral ?? null, item: item.index + 1, criteria: item.criteria.map((r) => r.code) })),
      })),
      uncovered: a.codes.filter((c) => !c.covered).map((c) => c.code),
    })),
  };
}

/** `par-plan coverage <plan> [--results f] [--format text|json]`. */
export function runCoverage(args: string[], io: CliIo): number {
  const cmd = parse(args, { results: { type: 'string' }, format: { type: 'string' } }, (t) => t.coverageUsage, io, 1);
  if (typeof cmd === 'number') return cmd;
  const { values, t, locale } = cmd;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err(`${cliText(locale).badOption(`--format ${String(format)}`)}\n`);
    return 2;
  }
  const planPath = resolve(io.cwd, cmd.positionals[0]);
  const planShown = shown(planPath, io.cwd);
  const read = readPlanFile(planPath);
  if ('error' in read) {
    io.err(`${/^ENOENT\b/.test(read.error) ? t.missing(planShown) : t.unreadable(planShown, read.error)}\n`);
    return 2;
  }
  const host = new NodeHost(undefined, [io.cwd]);
  const settings = host.settingsFor(planPath);
  for (const p of settings.problems) io.err(`${cliText(locale).hostProblem(p.file, p.message)}\n`);
  const explicit = typeof values.results === 'string' ? values.results : undefined;
  const data = { ...settings.data, results: host.resultsFor(planPath, { explicit, cwd: io.cwd }) };
  const service = createPlanService();
  const analysis = service.analyze(read.text, { data, options: { locale, severities: settings.config.rules, limits: settings.config.limits } });
  const load = analysis.results;
  if (!load) {
    io.err(`${t.noResults(planShown)}\n`);
    return 2;
  }
  if (load.problem) {
    io.err(`${t.resultsProblem(load.file, load.problem[locale])}\n`);
    return 2;
  }
  const coverage = service.coverage(analysis)!;
  if (format === 'json') {
    io.out(JSON.stringify(coverageJson(planShown, coverage), null, 2) + '\n');
    return 0;
  }
  const pts = messagesFor(locale).points;
  const percent = coverage.lost ? Math.round((coverage.covered / coverage.lost) * 100) : 100;
  const lines = [coverage.lost ? t.coverageHead(load.file, coverage.results.indexYear, pts(coverage.lost), pts(coverage.covered), percent) : t.noLoss(coverage.results.indexYear)];
  for (const area of coverage.areas) {
    lines.push(t.coverageArea(area.numeral, area.name ?? '', pts(area.lost), pts(area.covered)));
    for (const code of area.codes) if (!code.covered) lines.push(t.uncoveredCode(code.code, pts(code.lost), code.items.length > 0));
  }
  io.out(lines.join('\n') + '\n');
  return 0;
}

/** `par-plan catalog import <table> -o catalog.json`: names, levels and maximum points from an official table. */
export function runCatalogImport(args: string[], io: CliIo): number {
  const cmd = parse(args, { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } }, (t) => t.catalogUsage, io, 1);
  if (typeof cmd === 'number') return cmd;
  const { values, t, locale } = cmd;
  if (typeof values.output !== 'string' || !values.output) {
    io.err(t.catalogUsage);
    return 2;
  }
  const input = resolve(io.cwd, cmd.positionals[0]);
  // The year does not matter for a catalog: a table without one is still read.
  const loaded = loadResultsInput(input, { yearOptional: true }, io, t, locale);
  if (!loaded) return 2;
  const catalog = catalogFromResults(loaded.file, bundledCatalog(), basename(input));
  const criteria = catalog.codes.filter((c) => c.level === 'TC').length;
  const sub = catalog.codes.length - criteria;
  if (!write(resolve(io.cwd, values.output), JSON.stringify(catalog, null, 2) + '\n', Boolean(values.force), io, t)) return 2;
  io.err(`${t.catalogCounts(criteria, sub, catalog.codes.filter((c) => c.name).length, catalog.complete)}\n`);
  reportProblems(loaded.problems, shown(input, io.cwd), io, t);
  return loaded.problems.length ? 1 : 0;
}

/** The bundled catalog with the table's names and maximum points laid over it, and its codes added. */
export function catalogFromResults(file: ResultsFile, base: Catalog, source: string): CatalogFile {
  const codes = new Map([...base.codes.values()].map(({ area: _area, ...record }) => [record.code, { ...record }]));
  for (const entry of file.criteria) {
    const record = codes.get(entry.code) ?? { code: entry.code, level: levelOfCode(entry.code) };
    if (entry.name) record.name = entry.name;
    record.maxPoints = entry.max;
    record.source = source;
    codes.set(entry.code, record);
  }
  const list = [...codes.values()].sort((a, b) => compareCodes(a.code, b.code));
  const criteria = list.filter((c) => c.level === 'TC').length;
  const complete = base.totals !== undefined && criteria === base.totals.criteria && list.length - criteria === base.totals.subCriteria;
  return {
    id: `${base.id} (${source})`,
    title: base.title,
    decision: base.decision,
    complete,
    totals: base.totals,
    areas: [...base.areas],
    codes: list,
  };
}
