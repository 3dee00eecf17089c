// `par-plan report <plan> [--as-of <day>] [--by lead|area] [--period quarter|half|year] -o bao-cao.docx|.xlsx`:
// the periodic progress report. Thin: server/src/word/report.ts builds it; this file reads the plan,
// writes the output safely (temp file + rename, never over an existing file without --force).
// Exit codes: 0 written; 2 misuse, unreadable plan, YAML syntax errors, or an output that exists.

import { extname, resolve } from 'node:path';
import type { Locale } from '../engine';
import { readAsOf, today } from '../host/as-of';
import { OutputExists, writeFileSafely } from '../host/safe-write';
import { progressReport, reportDocx, reportXlsx, type ReportGrouping, type ReportPeriod } from '../word/report';
import { openPlanForFollowUp, shownPath } from './followup';
import type { CliIo } from './main';
import { cliText, readOptions } from './text';

const USAGE: Record<Locale, string> = {
  vi: `Cách dùng: par-plan report <kế-hoạch.par.yaml> [--as-of <ngày>] [--by lead|area] [--period quarter|half|year] -o <bao-cao.docx|bao-cao.xlsx> [--force]

Báo cáo kết quả thực hiện kế hoạch tính đến một ngày (mặc định: hôm nay): tổng hợp (hoàn thành đúng hạn,
chậm, đang thực hiện, chưa thực hiện, quá hạn, không thực hiện), các nhiệm vụ quá hạn, rồi từng nhiệm vụ
theo đơn vị chủ trì (--by lead, mặc định) hoặc theo lĩnh vực (--by area) với kết quả báo cáo gần nhất.
Tiêu đề ghi kỳ báo cáo theo ngày: "Quý II/2026" (--period quarter, mặc định), "6 tháng đầu năm 2026"
(--period half), "Năm 2026" (--period year). Word (.docx) theo thể thức văn bản hành chính, hoặc Excel (.xlsx).
`,
  en: `Usage: par-plan report <plan.par.yaml> [--as-of <day>] [--by lead|area] [--period quarter|half|year] -o <report.docx|report.xlsx> [--force]

The progress report of a plan as of a day (default: today): totals (done on time, late, in progress, not
started, overdue, dropped), the overdue tasks, then every task per lead unit (--by lead, the default) or
per area (--by area) with its latest progress. The title names the period of the day: "Quý II/2026"
(--period quarter, the default), "6 tháng đầu năm 2026" (--period half), "Năm 2026" (--period year).
Word (.docx) in the administrative layout, or Excel (.xlsx).
`,
};

const TEXT = {
  vi: { exists: (p: string) => `${p} đã có; thêm --force để ghi đè.`, written: (p: string, n: number) => `Đã ghi ${p} (${n} nhiệm vụ quá hạn)` },
  en: { exists: (p: string) => `${p} exists; add --force to replace it.`, written: (p: string, n: number) => `Wrote ${p} (${n} overdue task(s))` },
};

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const read = readOptions(
    args,
    {
      output: { type: 'string', short: 'o' },
      'as-of': { type: 'string' },
      by: { type: 'string' },
      period: { type: 'string' },
      force: { type: 'boolean' },
    },
    (locale) => USAGE[locale],
    io,
  );
  if (typeof read === 'number') return read;
  const { values, positionals, locale } = read;
  const bad = (detail: string) => (io.err(`${cliText(locale).badOption(detail)}\n`), 2);
  if (positionals.length !== 1 || !values.output) {
    io.err(USAGE[locale]);
    return 2;
  }
  const asOf = values['as-of'] === undefined ? today() : readAsOf(values['as-of']);
  if (!asOf) return bad(`--as-of ${values['as-of']}`);
  if (values.by !== undefined && values.by !== 'lead' && values.by !== 'area') return bad(`--by ${values.by}`);
  if (values.period !== undefined && !['quarter', 'half', 'year'].includes(values.period)) return bad(`--period ${values.period}`);
  const outPath = resolve(io.cwd, values.output);
  const format = extname(outPath).toLowerCase();
  if (format !== '.docx' && format !== '.xlsx') return bad(`-o ${values.output} (.docx | .xlsx)`);
  const opened = openPlanForFollowUp(resolve(io.cwd, positionals[0]), io, locale);
  if (typeof opened === 'number') return opened;
  const report = progressReport(opened.analysis, { asOf, by: values.by as ReportGrouping | undefined, period: values.period as ReportPeriod | undefined });
  const bytes = format === '.xlsx' ? await reportXlsx(report) : await reportDocx(report);
  const t = TEXT[locale];
  try {
    writeFileSafely(outPath, bytes, { force: Boolean(values.force) });
  } catch (err) {
    if (!(err instanceof OutputExists)) throw err;
    io.err(`${t.exists(shownPath(outPath, io.cwd))}\n`);
    return 2;
  }
  io.err(`${t.written(shownPath(outPath, io.cwd), report.totals.overdue)}\n`);
  return 0;
}
