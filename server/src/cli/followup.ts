// `par-plan followup export|import`: the quarterly round trip with the lead units. Thin: the sheet and
// the merge are the pure functions of server/src/word/followup.ts; this file reads and writes files
// (safely: temp file + rename, never over an existing output without --force, never over a plan that
// changed meanwhile) and sets the exit code.
//
//   par-plan followup export <plan> [--lead "<unit>"] [-o theo-doi.xlsx] [--force]
//   par-plan followup import <plan> <filled.xlsx>... [--date <day>] [--dry-run]
//
// Exit codes: 0 done; 1 done, but some rows were reported and not applied; 2 misuse, unreadable input,
// a plan with YAML syntax errors, or a write refused.

import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { PlanAnalysis, applyEdits, fold, type Locale } from '../engine';
import { NodeHost } from '../host/node-host';
import { readAsOf, today } from '../host/as-of';
import { OutputExists, ChangedOnDiskError, readPlanOnDisk, rewritePlan, writeFileSafely, type PlanOnDisk } from '../host/safe-write';
import { exportFollowUpSheet, missingIdEdits, planFollowUpImport, type FilledSheet, type FollowUpChange, type FollowUpProblem } from '../word/followup';
import { readFirstSheet } from '../word/xlsx-read';
import type { CliIo } from './main';
import { cliText, readOptions } from './text';

interface FollowUpText {
  usage: string;
  missing(path: string): string;
  unreadable(path: string, detail: string): string;
  syntaxRefused(file: string): string;
  exists(path: string): string;
  changed(path: string): string;
  idsAdded(count: number, plan: string): string;
  flowWithoutId(count: number): string;
  noTasks(lead: string | undefined): string;
  exported(path: string, rows: number): string;
  change(c: FollowUpChange, shown: string): string;
  problem(p: FollowUpProblem): string;
  written(count: number, plan: string): string;
  dryRun(count: number): string;
  nothing(): string;
}

const shorten = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function describeChange(c: FollowUpChange, labels: { status: string; done: string; report: string }): string {
  const parts: string[] = [];
  if (c.change.set?.status) parts.push(`${labels.status} → ${c.change.set.status}`);
  if (c.change.set?.done) parts.push(`${labels.done} → ${c.change.set.done}`);
  if (c.change.progress) parts.push(`${labels.report} (${c.change.progress.date}): "${shorten(c.change.progress.text)}"`);
  return `${c.file}:${c.row}: ${c.id} "${shorten(c.task.text?.text ?? '')}": ${parts.join('; ')}`;
}

const vi: FollowUpText = {
  usage: `Cách dùng:
  par-plan followup export <kế-hoạch.par.yaml> [--lead "<đơn vị>"] [-o theo-doi.xlsx] [--force]
  par-plan followup import <kế-hoạch.par.yaml> <tệp.xlsx>... [--date <ngày>] [--dry-run]

export: bảng theo dõi Excel, mỗi nhiệm vụ một dòng (của một đơn vị chủ trì, hoặc tất cả). Các cột của
  kế hoạch bị khóa (bảo vệ trang tính, không đặt mật khẩu); đơn vị điền "Trạng thái" (chọn trong danh
  sách), "Ngày hoàn thành", "Kết quả thực hiện", "Văn bản kèm theo". Nhiệm vụ chưa có mã (id) được thêm
  mã vào kế hoạch trước khi xuất.
import: ghép các bảng đơn vị gửi về vào kế hoạch (trạng thái, ngày hoàn thành, một lần báo cáo mới ghi
  ngày của tệp, hoặc --date). Dòng có nhiệm vụ không còn, nội dung nhiệm vụ đã đổi, hoặc hai tệp ghi
  khác nhau được báo và không ghép.

Tùy chọn:
  --lead <đơn vị>    Chỉ các nhiệm vụ do đơn vị này chủ trì
  -o, --output <tệp> Tệp ra (mặc định: <kế-hoạch>.theo-doi[.<đơn-vị>].xlsx)
  --force            Ghi đè tệp ra đã có
  --date <ngày>      Ngày của các lần báo cáo mới (mặc định: ngày lưu của từng tệp)
  --dry-run          Chỉ in các thay đổi, không ghi kế hoạch
  --locale vi|en     Ngôn ngữ thông báo (mặc định: vi)

Mã thoát: 0 xong; 1 xong nhưng có dòng không ghép được; 2 dùng sai hoặc không ghi được.
`,
  missing: (p) => `Không tìm thấy tệp: ${p}`,
  unreadable: (p, d) => `Không đọc được tệp ${p}: ${d}`,
  syntaxRefused: (f) => `Không xử lý ${f}: kế hoạch có lỗi cú pháp YAML; hãy sửa trước (par-plan check ${f}).`,
  exists: (p) => `${p} đã có; thêm --force để ghi đè.`,
  changed: (p) => `Không ghi: ${p} đã bị sửa trong lúc nhập; hãy chạy lại.`,
  idsAdded: (n, p) => `Đã thêm mã nhiệm vụ (id) cho ${n} nhiệm vụ vào ${p}: giữ nguyên các mã này để nhập lại bảng.`,
  flowWithoutId: (n) => `${n} nhiệm vụ viết dạng { } không thêm được mã nên không có trong bảng.`,
  noTasks: (lead) => (lead ? `Không có nhiệm vụ nào do "${lead}" chủ trì.` : 'Kế hoạch không có nhiệm vụ nào.'),
  exported: (p, n) => `Đã ghi ${p} (${n} nhiệm vụ)`,
  change: (c) => describeChange(c, { status: 'trạng thái', done: 'ngày hoàn thành', report: 'báo cáo mới' }),
  problem: (p) => {
    const at = p.row ? `${p.file}:${p.row}` : p.file;
    const id = p.id ? ` ${p.id}` : '';
    return `${at}:${id} ${
      {
        unreadable: `không đọc được bảng (${p.detail})`,
        'no-columns': 'không thấy các cột "Nhiệm vụ" và "Mã nhiệm vụ": không phải bảng theo dõi do par-plan xuất',
        'unknown-task': 'nhiệm vụ không còn trong kế hoạch; không ghép',
        'duplicate-id': 'nhiều nhiệm vụ trong kế hoạch cùng mã này; sửa mã trùng rồi nhập lại',
        'text-changed': `nội dung nhiệm vụ trong kế hoạch đã đổi từ khi xuất bảng ("${shorten(p.detail ?? '')}"); không ghép, hãy xem lại`,
        'bad-status': `trạng thái "${p.detail}" không hợp lệ; không ghép dòng này`,
        'bad-date': `ngày hoàn thành "${p.detail}" không phải một ngày; không ghép dòng này`,
        disagree: `ghi khác với ${p.detail}; không ghép nhiệm vụ này, hãy thống nhất giữa hai tệp`,
        'flow-task': 'nhiệm vụ viết dạng { } không sửa được tự động; không ghép',
      }[p.kind]
    }`;
  },
  written: (n, p) => `Đã ghép ${n} thay đổi vào ${p}`,
  dryRun: (n) => `${n} thay đổi (chưa ghi: --dry-run)`,
  nothing: () => 'Không có thay đổi nào để ghép.',
};

const en: FollowUpText = {
  usage: `Usage:
  par-plan followup export <plan.par.yaml> [--lead "<unit>"] [-o follow-up.xlsx] [--force]
  par-plan followup import <plan.par.yaml> <filled.xlsx>... [--date <day>] [--dry-run]

export: an Excel follow-up sheet, one row per task (of one lead unit, or all). The plan's columns are
  locked (sheet protection without a password); the unit fills in "Trạng thái" (a drop-down),
  "Ngày hoàn thành", "Kết quả thực hiện", "Văn bản kèm theo". Tasks without an id get one in the plan
  before the export.
import: merges the sheets the units sent back into the plan (status, completion day, a new progress
  report dated by the file, or --date). A row whose task is gone, whose task text changed, or that two
  files fill differently is reported and not merged.

Options:
  --lead <unit>      Only the tasks this unit leads
  -o, --output <f>   Output file (default: <plan>.theo-doi[.<unit>].xlsx)
  --force            Replace an existing output file
  --date <day>       Day of the new progress reports (default: each file's saved date)
  --dry-run          Print the changes only; do not write the plan
  --locale vi|en     Message language (default: vi)

Exit codes: 0 done; 1 done, some rows not merged; 2 misuse or a write refused.
`,
  missing: (p) => `File not found: ${p}`,
  unreadable: (p, d) => `Cannot read ${p}: ${d}`,
  syntaxRefused: (f) => `Not processed: ${f} has YAML syntax errors; fix them first (par-plan check ${f}).`,
  exists: (p) => `${p} exists; add --force to replace it.`,
  changed: (p) => `Not written: ${p} changed during the import; run it again.`,
  idsAdded: (n, p) => `Added task ids to ${n} task(s) in ${p}: keep them, the import matches rows by id.`,
  flowWithoutId: (n) => `${n} task(s) written in { } style cannot take an id and are left out of the sheet.`,
  noTasks: (lead) => (lead ? `No task is led by "${lead}".` : 'The plan has no tasks.'),
  exported: (p, n) => `Wrote ${p} (${n} tasks)`,
  change: (c) => describeChange(c, { status: 'status', done: 'done', report: 'new report' }),
  problem: (p) => {
    const at = p.row ? `${p.file}:${p.row}` : p.file;
    const id = p.id ? ` ${p.id}` : '';
    return `${at}:${id} ${
      {
        unreadable: `cannot read the sheet (${p.detail})`,
        'no-columns': 'no "Nhiệm vụ" and "Mã nhiệm vụ" columns: not a follow-up sheet exported by par-plan',
        'unknown-task': 'the task is no longer in the plan; not merged',
        'duplicate-id': 'several tasks of the plan have this id; fix the duplicate and import again',
        'text-changed': `the task's text changed in the plan since the export ("${shorten(p.detail ?? '')}"); not merged, please review`,
        'bad-status': `status "${p.detail}" is not valid; row not merged`,
        'bad-date': `completion day "${p.detail}" is not a day; row not merged`,
        disagree: `differs from ${p.detail}; task not merged, agree on one version`,
        'flow-task': 'a task written in { } style cannot be edited automatically; not merged',
      }[p.kind]
    }`;
  },
  written: (n, p) => `Merged ${n} change(s) into ${p}`,
  dryRun: (n) => `${n} change(s) (not written: --dry-run)`,
  nothing: () => 'Nothing to merge.',
};

export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
}

/** The plan read from disk and analysed as `par-plan check` would (its project's data and config). */
export function openPlanForFollowUp(path: string, io: CliIo, locale: Locale): { plan: PlanOnDisk; analysis: PlanAnalysis; shownPath: string } | number {
  const t = locale === 'en' ? en : vi;
  const shown = shownPath(path, io.cwd);
  let plan: PlanOnDisk;
  try {
    plan = readPlanOnDisk(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.err(`${code === 'ENOENT' ? t.missing(shown) : t.unreadable(shown, err instanceof Error ? err.message : String(err))}\n`);
    return 2;
  }
  const settings = new NodeHost(undefined, [io.cwd]).settingsFor(path);
  for (const p of settings.problems) io.err(`${cliText(locale).hostProblem(p.file, p.message)}\n`);
  const analysis = new PlanAnalysis(plan.text, settings.data, { locale, severities: {}, limits: settings.config.limits });
  if (analysis.limitProblems.length || analysis.parsed.syntax.length) {
    io.err(`${t.syntaxRefused(shown)}\n`);
    return 2;
  }
  return { plan, analysis, shownPath: shown };
}

export async function runFollowUp(args: string[], io: CliIo): Promise<number> {
  const read = readOptions(
    args,
    {
      output: { type: 'string', short: 'o' },
      lead: { type: 'string' },
      force: { type: 'boolean' },
      date: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    (locale) => (locale === 'en' ? en : vi).usage,
    io,
  );
  if (typeof read === 'number') return read;
  const { values, positionals, locale } = read;
  const t = locale === 'en' ? en : vi;
  const [action, planArg, ...files] = positionals;
  if ((action !== 'export' && action !== 'import') || !planArg || (action === 'export' ? files.length > 0 : files.length === 0)) {
    io.err(t.usage);
    return 2;
  }
  const planPath = resolve(io.cwd, planArg);
  if (action === 'export') return followUpExport(planPath, values, io, t, locale);
  let date: string | undefined;
  if (values.date !== undefined) {
    date = readAsOf(values.date);
    if (!date) {
      io.err(`${cliText(locale).badOption(`--date ${values.date}`)}\n`);
      return 2;
    }
  }
  return followUpImport(planPath, files.map((f) => resolve(io.cwd, f)), { date, dryRun: Boolean(values['dry-run']) }, io, t, locale);
}

async function followUpExport(planPath: string, values: { output?: string; lead?: string; force?: boolean }, io: CliIo, t: FollowUpText, locale: Locale): Promise<number> {
  // One sheet per unit by default: "ke-hoach.theo-doi.so-tu-phap.xlsx".
  const unitSlug = values.lead ? `.${fold(values.lead).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}` : '';
  const outPath = values.output ? resolve(io.cwd, values.output) : join(dirname(planPath), `${basename(planPath).replace(/(\.par)?\.ya?ml$/i, '')}.theo-doi${unitSlug}.xlsx`);
  const outShown = shownPath(outPath, io.cwd);
  // Refused before anything is written, the plan's ids included.
  if (!values.force && existsQuietly(outPath)) {
    io.err(`${t.exists(outShown)}\n`);
    return 2;
  }
  const opened = openPlanForFollowUp(planPath, io, locale);
  if (typeof opened === 'number') return opened;
  let { analysis } = opened;
  const ids = missingIdEdits(analysis);
  if (ids.added) {
    const text = applyEdits(analysis.text, ids.edits);
    try {
      rewritePlan(opened.plan, text);
    } catch (err) {
      if (!(err instanceof ChangedOnDiskError)) throw err;
      io.err(`${t.changed(opened.shownPath)}\n`);
      return 2;
    }
    io.err(`${t.idsAdded(ids.added, opened.shownPath)}\n`);
    analysis = new PlanAnalysis(text, analysis.data, analysis.options);
  }
  if (ids.flowTasks) io.err(`${t.flowWithoutId(ids.flowTasks)}\n`);
  const sheet = await exportFollowUpSheet(analysis, { lead: values.lead });
  if (!sheet.rows) {
    io.err(`${t.noTasks(values.lead)}\n`);
    return 2;
  }
  try {
    writeFileSafely(outPath, sheet.bytes, { force: Boolean(values.force) });
  } catch (err) {
    if (!(err instanceof OutputExists)) throw err;
    io.err(`${t.exists(outShown)}\n`);
    return 2;
  }
  io.err(`${t.exported(outShown, sheet.rows)}\n`);
  return 0;
}

function existsQuietly(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

async function followUpImport(planPath: string, files: string[], options: { date?: string; dryRun: boolean }, io: CliIo, t: FollowUpText, locale: Locale): Promise<number> {
  const opened = openPlanForFollowUp(planPath, io, locale);
  if (typeof opened === 'number') return opened;
  const sheets: FilledSheet[] = [];
  for (const file of files) {
    const fileShown = shownPath(file, io.cwd);
    let bytes: Buffer;
    let mtime: Date;
    try {
      bytes = readFileSync(file);
      mtime = statSync(file).mtime;
    } catch (err) {
      const code = (err as { code?: string }).code;
      io.err(`${code === 'ENOENT' ? t.missing(fileShown) : t.unreadable(fileShown, err instanceof Error ? err.message : String(err))}\n`);
      return 2;
    }
    const sheet = await readFirstSheet(bytes);
    // The day of the reports: --date, else when the unit saved the file (as the file says, else its time stamp).
    sheets.push({ file: fileShown, sheet, date: options.date ?? sheet.modified ?? today(mtime) });
  }
  const result = planFollowUpImport(opened.analysis, sheets);
  for (const change of result.changes) io.out(`${t.change(change, opened.shownPath)}\n`);
  for (const problem of result.problems) io.err(`${t.problem(problem)}\n`);
  const exit = result.problems.length ? 1 : 0;
  if (!result.changes.length) {
    io.err(`${t.nothing()}\n`);
    return exit;
  }
  if (options.dryRun) {
    io.err(`${t.dryRun(result.changes.length)}\n`);
    return exit;
  }
  try {
    rewritePlan(opened.plan, result.text);
  } catch (err) {
    if (!(err instanceof ChangedOnDiskError)) throw err;
    io.err(`${t.changed(opened.shownPath)}\n`);
    return 2;
  }
  io.err(`${t.written(result.changes.length, opened.shownPath)}\n`);
  return exit;
}
