// The periodic progress report Sở Nội vụ sends to the provincial People's Committee: as of a day, the
// totals (done on time / late, in progress, not started, overdue, dropped), the overdue tasks first with
// their lead unit and days late, then per lead unit (or per area) every task with its latest progress.
// Written as a Word document in the layout of the appendix export (docx-export.ts), or as one sheet.
//
// Pure: a plan analysis and the as-of day in, bytes out. The report is an administrative document:
// it is in Vietnamese whatever the interface language.

import { AlignmentType, Packer, Table, TableLayoutType, TableRow, WidthType, type Paragraph } from 'docx';
import type { PlanAnalysis } from '../engine';
import { deadlineEnd } from '../engine/data/deadline';
import { DEFAULT_DUE_SOON_DAYS, STATUS_LABELS, dayOf, daysBetween, lateness, periodContaining, taskFollowUp, type TaskStatus } from '../engine/follow-up';
import { messagesFor } from '../engine/messages';
import type { TaskModel } from '../engine/model';
import type { IsoDate } from '../engine/types';
import { catalogNames } from './catalog-names';
import { SIZE_HEADER, TEXT_WIDTH, administrativeDocument, cell, headerTable, para } from './docx-export';
import { workbookBytes, type XlsxTable } from './xlsx-export';

export type ReportGrouping = 'lead' | 'area';
export type ReportPeriod = 'quarter' | 'half' | 'year';

export interface ReportOptions {
  asOf: IsoDate;
  by?: ReportGrouping;
  period?: ReportPeriod;
}

export interface ReportTask {
  task: TaskModel;
  text: string;
  lead: string;
  deadline: string;
  status: TaskStatus;
  /** Done after the deadline ended. */
  late: boolean;
  /** Unfinished and past its deadline (or a recurring task without its last period's report): days late. */
  overdueDays?: number;
  /** For a recurring task, the period without a report. */
  missingPeriod?: string;
  doneDay?: IsoDate;
  latest?: { date: string; text: string; evidence?: string };
}

export interface ReportTotals {
  total: number;
  doneOnTime: number;
  doneLate: number;
  inProgress: number;
  notStarted: number;
  dropped: number;
  overdue: number;
}

export interface ProgressReport {
  issuer?: string;
  planTitle?: string;
  /** "Quý II/2026", "6 tháng đầu năm 2026", "năm 2026". */
  period: string;
  asOf: IsoDate;
  by: ReportGrouping;
  totals: ReportTotals;
  overdue: ReportTask[];
  groups: { title: string; tasks: ReportTask[] }[];
}

const vi = messagesFor('vi');

/** The report's period as the title names it, from the as-of day. */
export function reportPeriod(asOf: IsoDate, period: ReportPeriod = 'quarter'): string {
  const name = vi.periodName(periodContaining(period, asOf));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** What the report says of every task, computed once from the plan and the as-of day. */
export function progressReport(analysis: PlanAnalysis, options: ReportOptions): ProgressReport {
  const { asOf } = options;
  const names = catalogNames(analysis.data.catalog);
  const tasks: ReportTask[] = analysis.model.tasks.map((task) => {
    const state = taskFollowUp(analysis, task);
    const end = deadlineEnd(state.deadline);
    const late = lateness(analysis, task, state, asOf, DEFAULT_DUE_SOON_DAYS);
    const last = task.progress.at(-1);
    return {
      task,
      text: task.text?.text ?? vi.taskWithoutText(),
      lead: leadName(analysis, task),
      deadline: task.deadline?.text?.trim() ?? '',
      status: state.status,
      late: state.status === 'done' && !!state.doneDay && !!end && daysBetween(end, state.doneDay) > 0,
      overdueDays: late && late.kind !== 'due-soon' ? late.days : undefined,
      missingPeriod: late?.kind === 'overdue-report' ? vi.periodName(late.period) : undefined,
      doneDay: state.doneDay,
      latest: last?.text ? { date: reportDay(analysis, last.date), text: last.text.text, evidence: last.evidence?.text } : undefined,
    };
  });
  const count = (test: (t: ReportTask) => boolean) => tasks.filter(test).length;
  const totals: ReportTotals = {
    total: tasks.length,
    doneOnTime: count((t) => t.status === 'done' && !t.late),
    doneLate: count((t) => t.status === 'done' && t.late),
    inProgress: count((t) => t.status === 'in-progress'),
    notStarted: count((t) => t.status === 'not-started'),
    dropped: count((t) => t.status === 'dropped'),
    overdue: count((t) => t.overdueDays !== undefined),
  };
  const overdue = tasks.filter((t) => t.overdueDays !== undefined).sort((a, b) => b.overdueDays! - a.overdueDays!);
  const groups = new Map<string, ReportTask[]>();
  for (const t of tasks) {
    const section = t.task.item.section;
    const key = options.by === 'area' ? `${section.area?.numeral ?? '?'}. ${section.title?.text ?? names.area(section.area?.numeral ?? '') ?? ''}`.trim() : t.lead || '(chưa có đơn vị chủ trì)';
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const header = analysis.model.header;
  return {
    issuer: header?.issuer?.text,
    planTitle: header?.title?.text,
    period: reportPeriod(asOf, options.period),
    asOf,
    by: options.by ?? 'lead',
    totals,
    overdue,
    groups: [...groups].map(([title, list]) => ({ title, tasks: list })),
  };
}

/** A report's day as the report writes days (d/m/yyyy), or as written when it is not one. */
function reportDay(analysis: PlanAnalysis, field: TaskModel['done']): string {
  const day = dayOf(analysis, field);
  return day ? vi.day(day) : field?.text?.trim() ?? '';
}

/** The first lead unit, by its registry name when the registry knows it. */
function leadName(analysis: PlanAnalysis, task: TaskModel): string {
  const entry = task.lead?.entries[0];
  if (!entry) return '';
  const part = analysis.unitParts(entry)[0];
  const unit = part?.unitIds.length === 1 ? analysis.registry.units.get(part.unitIds[0]) : undefined;
  return unit?.name ?? entry.text.trim();
}

function statusText(t: ReportTask): string {
  if (t.status === 'done') return `${STATUS_LABELS.done}${t.doneDay ? ` ngày ${vi.day(t.doneDay)}` : ''}${t.late ? ' (chậm)' : ''}`;
  const label = STATUS_LABELS[t.status];
  if (t.missingPeriod) return `${label}; chưa báo cáo ${t.missingPeriod}`;
  return t.overdueDays !== undefined ? `${label}; quá hạn ${t.overdueDays} ngày` : label;
}

function progressText(t: ReportTask): string {
  if (!t.latest) return '';
  return `${t.latest.date ? `${t.latest.date}: ` : ''}${t.latest.text}${t.latest.evidence ? ` (${t.latest.evidence})` : ''}`;
}

// --- Word ----------------------------------------------------------------------------------------

function table(headers: string[], weights: number[], rows: { cells: string[]; bold?: boolean; span?: boolean }[]): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const center = (i: number) => i === 0 || headers[i].startsWith('Số') || headers[i] === 'Thời hạn';
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell([para(h, { bold: true }, AlignmentType.CENTER)], widths[i], { center: true })) }),
      ...rows.map((row) =>
        row.span
          ? new TableRow({ cantSplit: true, children: [cell([para(row.cells[0], { bold: true }, AlignmentType.LEFT, undefined, true)], TEXT_WIDTH, { columnSpan: headers.length })] })
          : new TableRow({ children: row.cells.map((c, i) => cell(c.split(/\r\n|\r|\n/).map((line) => para(line, { bold: row.bold }, center(i) ? AlignmentType.CENTER : AlignmentType.LEFT)), widths[i])) }),
      ),
    ],
  });
}

function heading(text: string): Paragraph {
  return para(text, { bold: true, size: SIZE_HEADER }, AlignmentType.LEFT, { before: 240, after: 120 }, true);
}

export async function reportDocx(report: ProgressReport): Promise<Uint8Array> {
  const t = report.totals;
  const gap = { before: 0, after: 0 };
  const title = [
    para('', {}, AlignmentType.CENTER, gap),
    para('BÁO CÁO', { bold: true, size: SIZE_HEADER }, AlignmentType.CENTER, { before: 120, after: 0 }),
    para(`Kết quả thực hiện ${report.planTitle ?? 'kế hoạch'}, ${report.period}`, { bold: true, size: SIZE_HEADER }, AlignmentType.CENTER, gap),
    para(`(Tính đến ngày ${vi.day(report.asOf)})`, { italics: true, size: SIZE_HEADER }, AlignmentType.CENTER, { before: 0, after: 120 }),
  ];
  const totals = table(
    ['Tổng số nhiệm vụ', 'Hoàn thành đúng hạn', 'Hoàn thành chậm', 'Đang thực hiện', 'Chưa thực hiện', 'Quá hạn', 'Không thực hiện'],
    [1, 1, 1, 1, 1, 1, 1],
    [{ cells: [t.total, t.doneOnTime, t.doneLate, t.inProgress, t.notStarted, t.overdue, t.dropped].map(String) }],
  );
  const overdue = report.overdue.length
    ? table(
        ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Số ngày quá hạn'],
        [4, 46, 20, 14, 10],
        report.overdue.map((o, i) => ({ cells: [String(i + 1), o.missingPeriod ? `${o.text} (chưa báo cáo ${o.missingPeriod})` : o.text, o.lead, o.deadline, String(o.overdueDays)] })),
      )
    : para('Không có nhiệm vụ quá hạn.');
  let n = 0;
  const detail = table(
    ['STT', 'Nhiệm vụ', 'Thời hạn', 'Trạng thái', 'Kết quả thực hiện'],
    [4, 38, 12, 16, 30],
    report.groups.flatMap((g) => [{ cells: [g.title], span: true }, ...g.tasks.map((task) => ({ cells: [String(++n), task.text, task.deadline, statusText(task), progressText(task)] }))]),
  );
  const grouped = report.by === 'area' ? 'III. KẾT QUẢ THEO LĨNH VỰC' : 'III. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ';
  const doc = administrativeDocument(
    { title: `Báo cáo ${report.period}`, description: 'Báo cáo kết quả thực hiện kế hoạch Chỉ số CCHC (PAR Index), xuất bằng par-plan' },
    [headerTable(report.issuer), ...title, heading('I. TỔNG HỢP'), totals, heading('II. NHIỆM VỤ QUÁ HẠN'), overdue, heading(grouped), detail, para('')],
  );
  return Packer.pack(doc, 'uint8array');
}

// --- Excel ---------------------------------------------------------------------------------------

/** One row per task, overdue first, filterable: for an office that consolidates further in Excel. */
export async function reportXlsx(report: ProgressReport): Promise<Uint8Array> {
  const headers = ['Nhóm', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Trạng thái', 'Số ngày quá hạn', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Văn bản kèm theo'];
  const rows = report.groups
    .flatMap((g) => g.tasks.map((t) => ({ g, t })))
    .sort((a, b) => (b.t.overdueDays ?? -1) - (a.t.overdueDays ?? -1))
    .map(({ g, t }) => [g.title, t.text, t.lead, t.deadline, statusText(t), t.overdueDays !== undefined ? String(t.overdueDays) : '', t.doneDay ? { date: t.doneDay } : null, t.latest?.text ?? '', t.latest?.evidence ?? '']);
  const sheet: XlsxTable = { headers, widths: [28, 60, 26, 16, 26, 10, 13, 50, 26], rows };
  return workbookBytes(sheet, report.period);
}
