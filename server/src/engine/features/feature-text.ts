// Every user-visible string of completion and hover, Vietnamese first and English, behind one typed
// interface (the same pattern as messages/): a missing translation does not compile.

import type { CriterionLevel, Scoring } from '../data/catalog';
import type { DeadlinePrecision, RecurringPeriod } from '../data/deadline';
import type { UnitKind, UnitRecord, UnitRegistry } from '../data/registry';
import type { Locale } from '../types';

export type PlanKey =
  | 'plan' | 'sections'
  | 'title' | 'issuer' | 'year' | 'document' | 'appendix' | 'index-year' | 'results'
  | 'area' | 'items'
  | 'criteria' | 'name' | 'finding' | 'tasks'
  | 'task' | 'lead' | 'support' | 'deadline' | 'product' | 'note'
  | 'status' | 'done' | 'progress' | 'id'
  | 'date' | 'text' | 'evidence';

export type MapKind = 'root' | 'plan' | 'section' | 'item' | 'task' | 'progress';

export interface FeatureText {
  /** A calendar day (ISO YYYY-MM-DD) as people write it. */
  day(iso: string): string;

  // --- completion -------------------------------------------------------------------------------
  codeNoName(): string;
  hoverResultsLabel(): string;
  /** "TCTP · lĩnh vực III". */
  codeDetail(level: CriterionLevel, roman: string | undefined): string;
  levelName(level: CriterionLevel): string;
  unitKind(kind: UnitKind): string;
  phraseDetail(): string;
  /** What a key means, where it is (the `map` it belongs to). */
  keyDetail(key: PlanKey, map: MapKind): string;
  snippetLabel(kind: 'task' | 'item' | 'section'): string;
  snippetDetail(kind: 'task' | 'item' | 'section'): string;
  areaLabel(roman: string): string;

  // --- shared labels (completion documentation and hover) ----------------------------------------
  fullName(): string;
  abbreviations(): string;
  validity(from: string | undefined, to: string | undefined): string;
  successors(): string;
  predecessors(): string;
  note(): string;
  phraseUnits(): string;
  scoring(scoring: Scoring | undefined): string;

  // --- hover ------------------------------------------------------------------------------------
  hoverCodeTitle(code: string, level: CriterionLevel): string;
  hoverArea(roman: string, name: string): string;
  hoverParent(code: string, name: string | undefined): string;
  hoverScoringLabel(): string;
  hoverItemName(name: string): string;
  hoverCodeTasks(tasks: number, items: number): string;
  hoverUnknownCode(code: string, complete: boolean, suggestions: string[]): string;
  hoverUnknownUnit(text: string, suggestions: string[]): string;
  hoverWrittenAs(written: string, kind: 'abbreviation' | 'variant'): string;
  hoverSharedHead(head: string): string;
  hoverQualifier(text: string): string;
  hoverNotInForce(year: number | undefined, basis: string): string;
  hoverUnitTasks(lead: number, support: number): string;
  hoverRole(role: 'lead' | 'support'): string;
  hoverMoreTasks(count: number): string;
  hoverDeadlineTitle(text: string): string;
  hoverInterval(start: string | null, end: string, precision: DeadlinePrecision): string;
  hoverRecurring(period: RecurringPeriod, within: { start: string; end: string } | undefined): string;
  hoverYearImplied(year: number | undefined): string;
  hoverNormalized(text: string): string;
  hoverInvalidDeadline(problem: string, span: string | undefined): string;
  hoverAreaTitle(roman: string): string;

  // --- follow-up (status, done, progress) ------------------------------------------------------------
  /** Days from the as-of day to a deadline's end: positive ahead, negative passed. */
  hoverDaysLeft(days: number, asOf: string, status: string): string;
  hoverReportMissing(period: string, days: number): string;
  hoverReported(period: string): string;
  statusDetail(english: string): string;
  doneToday(asOf: string): string;
  hoverStatus(label: string, keyword: string): string;
  /** `late`: days after the deadline's end (negative: early); undefined without a deadline. */
  hoverDone(day: string, late: number | undefined, end: string | undefined): string;
}

const vi: FeatureText = {
  day: (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${d}/${m}/${y}`;
  },

  codeNoName: () => 'tên chưa có trong danh mục đi kèm',
  hoverResultsLabel: () => 'Kết quả',
  codeDetail: (level, roman) => (roman ? `${level} · lĩnh vực ${roman}` : level),
  levelName: (level) => (level === 'TC' ? 'Tiêu chí (TC)' : 'Tiêu chí thành phần (TCTP)'),
  unitKind: (kind) =>
    ({
      province: 'Chính quyền cấp tỉnh',
      department: 'Sở, cơ quan chuyên môn thuộc UBND cấp tỉnh',
      'provincial-agency': 'Cơ quan, đơn vị cấp tỉnh',
      'central-agency': 'Cơ quan Trung ương đóng trên địa bàn',
      'local-government': 'Chính quyền địa phương',
      organisation: 'Tổ chức, hội, doanh nghiệp',
      group: 'Nhóm đơn vị',
      interim: 'Tên dự kiến, không chính thức',
    })[kind],
  phraseDetail: () => 'Cụm gồm nhiều đơn vị',
  keyDetail: (key, map) =>
    ({
      plan: 'Thông tin chung của kế hoạch',
      sections: 'Các phần, mỗi phần một lĩnh vực',
      title: map === 'plan' ? 'Tên kế hoạch hoặc phụ lục' : 'Tên phần như trong kế hoạch',
      issuer: 'Cơ quan ban hành',
      year: 'Năm thực hiện kế hoạch',
      document: 'Số, ngày văn bản ban hành',
      appendix: 'Tên phụ lục, ví dụ "Phụ lục I"',
      'index-year': 'Năm của kết quả Chỉ số mà kế hoạch khắc phục',
      results: 'Tệp kết quả của năm index-year (*.par-results.yaml)',
      area: 'Lĩnh vực: số La Mã I..VIII',
      items: 'Các tiêu chí bị trừ điểm trong lĩnh vực',
      criteria: 'Mã tiêu chí hoặc tiêu chí thành phần, trong dấu nháy',
      name: 'Tên tiêu chí như viết trong kế hoạch',
      finding: 'Lý do bị trừ điểm',
      tasks: 'Các nhiệm vụ, giải pháp',
      task: 'Nội dung nhiệm vụ',
      lead: 'Đơn vị chủ trì',
      support: 'Đơn vị phối hợp',
      deadline: 'Thời hạn hoàn thành',
      product: 'Sản phẩm',
      note: 'Ghi chú; với nhiệm vụ không thực hiện: lý do',
      status: 'Trạng thái: chưa thực hiện, đang thực hiện, hoàn thành, không thực hiện',
      done: 'Ngày hoàn thành, ví dụ 15/6/2026',
      progress: 'Các lần báo cáo tiến độ (date, text, evidence)',
      id: 'Mã định danh do công cụ thêm; không sửa tay',
      date: 'Ngày báo cáo, ví dụ 30/6/2026',
      text: 'Kết quả thực hiện đến ngày báo cáo',
      evidence: 'Văn bản kèm theo, ví dụ Báo cáo số 123/BC-SNV',
    })[key],
  snippetLabel: (kind) => ({ task: 'nhiệm vụ mới', item: 'mục (tiêu chí) mới', section: 'phần (lĩnh vực) mới' })[kind],
  snippetDetail: (kind) =>
    ({
      task: 'Nhiệm vụ với đơn vị chủ trì, phối hợp và thời hạn',
      item: 'Tiêu chí bị trừ điểm, lý do và nhiệm vụ khắc phục',
      section: 'Lĩnh vực với tiêu chí và nhiệm vụ',
    })[kind],
  areaLabel: (roman) => `Lĩnh vực ${roman}`,

  fullName: () => 'Tên đầy đủ',
  abbreviations: () => 'Viết tắt',
  validity: (from, to) =>
    from && to ? `Hoạt động từ ${from} đến hết ${to}` : from ? `Hoạt động từ ${from}` : to ? `Hoạt động đến hết ${to}` : '',
  successors: () => 'Đơn vị kế nhiệm',
  predecessors: () => 'Tiền thân',
  note: () => 'Ghi chú',
  phraseUnits: () => 'Gồm',
  scoring: (scoring) =>
    scoring === 'self-assessment'
      ? 'tỉnh tự đánh giá, Bộ Nội vụ thẩm định'
      : scoring === 'survey'
        ? 'điều tra xã hội học (khảo sát đại biểu, cán bộ lãnh đạo, quản lý)'
        : scoring === 'sipas'
          ? 'khảo sát sự hài lòng của người dân, tổ chức (SIPAS)'
          : 'chưa có trong danh mục đi kèm',

  hoverCodeTitle: (code, level) => `**${code}** · ${vi.levelName(level)}`,
  hoverArea: (roman, name) => `Lĩnh vực ${roman}: ${name}`,
  hoverParent: (code, name) => `Thuộc tiêu chí ${code}` + (name ? `: ${name}` : ''),
  hoverScoringLabel: () => 'Cách chấm điểm',
  hoverItemName: (name) => `Tên ghi trong kế hoạch: ${name}`,
  hoverCodeTasks: (tasks, items) =>
    tasks === 0 ? 'Kế hoạch này chưa có nhiệm vụ nào cho tiêu chí này.' : `Kế hoạch này có ${tasks} nhiệm vụ cho tiêu chí này` + (items > 1 ? ` (ở ${items} mục).` : '.'),
  hoverUnknownCode: (code, complete, suggestions) =>
    (complete ? `Mã ${code} không có trong danh mục tiêu chí.` : `Mã ${code} không có trong danh mục tiêu chí đi kèm (danh mục chưa đầy đủ).`) +
    (suggestions.length ? ` Có phải ý bạn là ${suggestions.join(', ')}?` : ''),
  hoverUnknownUnit: (text, suggestions) =>
    `Không có "${text}" trong danh mục đơn vị.` + (suggestions.length ? ` Có phải ý bạn là: ${suggestions.join('; ')}?` : ''),
  hoverWrittenAs: (written, kind) => (kind === 'abbreviation' ? `Viết tắt "${written}"` : `Viết là "${written}"`),
  hoverSharedHead: (head) => `Viết gọn sau "${head}:"`,
  hoverQualifier: (text) => `Phần nói thêm: "${text}"`,
  hoverNotInForce: (year, basis) =>
    year !== undefined ? `Không còn (hoặc chưa) hoạt động vào ${basis} (kế hoạch năm ${year}).` : `Không còn (hoặc chưa) hoạt động vào ${basis}.`,
  hoverUnitTasks: (lead, support) =>
    lead + support === 0 ? 'Chưa có nhiệm vụ nào trong kế hoạch này.' : `Trong kế hoạch này: chủ trì ${lead} nhiệm vụ, phối hợp ${support} nhiệm vụ.`,
  hoverRole: (role) => (role === 'lead' ? 'Chủ trì' : 'Phối hợp'),
  hoverMoreTasks: (count) => `… và ${count} nhiệm vụ khác`,
  hoverDeadlineTitle: (text) => `**Thời hạn** ${text}`,
  hoverInterval: (start, end, precision) => {
    const unit = { year: 'cả năm', half: '6 tháng', quarter: 'cả quý', month: 'cả tháng', day: 'một ngày', range: 'một khoảng' }[precision];
    return start === null ? `Đến hết ${end}` : start === end ? `Ngày ${end}` : `${start} – ${end} (${unit})`;
  },
  hoverRecurring: (period, within) =>
    ({
      continuous: 'Thực hiện thường xuyên',
      yearly: 'Định kỳ hằng năm',
      'half-yearly': 'Định kỳ 6 tháng một lần',
      quarterly: 'Định kỳ hằng quý',
      monthly: 'Định kỳ hằng tháng',
      weekly: 'Định kỳ hằng tuần',
    })[period] + (within ? `, trong khoảng ${within.start} – ${within.end}` : ' (không ghi thời điểm kết thúc)'),
  hoverYearImplied: (year) => `Không ghi năm: lấy năm kế hoạch${year !== undefined ? ` (${year})` : ''}.`,
  hoverNormalized: (text) => `Cách viết chuẩn: ${text}`,
  hoverInvalidDeadline: (problem, span) => `Không hiểu được thời hạn này: ${problem}` + (span ? ` (ở "${span}")` : ''),
  hoverAreaTitle: (roman) => `**Lĩnh vực ${roman}**`,

  hoverDaysLeft: (days, asOf, status) =>
    (days > 0 ? `Còn **${days} ngày** đến hạn` : days === 0 ? 'Đến hạn **hôm nay**' : `Đã quá hạn **${-days} ngày**`) + ` (tính đến ${asOf}; ${status}).`,
  hoverReportMissing: (period, days) => `Chưa có báo cáo tiến độ cho ${period} (kỳ đã kết thúc ${days} ngày).`,
  hoverReported: (period) => `Đã có báo cáo tiến độ cho ${period}.`,
  statusDetail: (english) => `Trạng thái (${english})`,
  doneToday: (asOf) => `Ngày xét (${asOf})`,
  hoverStatus: (label, keyword) => `**Trạng thái** ${label} (\`${keyword}\`)`,
  hoverDone: (day, late, end) =>
    `**Ngày hoàn thành** ${day}` + (late === undefined ? '' : late > 0 ? `\n\nChậm **${late} ngày** so với thời hạn (${end}).` : `\n\nĐúng hạn (thời hạn đến ${end}).`),
};

const en: FeatureText = {
  day: (iso) => iso,

  codeNoName: () => 'name not in the bundled catalog',
  hoverResultsLabel: () => 'Results',
  codeDetail: (level, roman) => (roman ? `${level} · area ${roman}` : level),
  levelName: (level) => (level === 'TC' ? 'Criterion (TC)' : 'Sub-criterion (TCTP)'),
  unitKind: (kind) =>
    ({
      province: "Provincial People's Committee",
      department: "Department of the Provincial People's Committee",
      'provincial-agency': 'Provincial agency',
      'central-agency': 'Central agency in the province',
      'local-government': 'Local government',
      organisation: 'Organisation, association or enterprise',
      group: 'Group of units',
      interim: 'Proposed name, never official',
    })[kind],
  phraseDetail: () => 'Phrase naming several units',
  keyDetail: (key, map) =>
    ({
      plan: 'General information about the plan',
      sections: 'The sections, one per area',
      title: map === 'plan' ? 'Title of the plan or appendix' : 'Section title as written in the plan',
      issuer: 'Issuing authority',
      year: 'The year the plan is carried out',
      document: 'Number and date of the issuing document',
      appendix: 'Appendix name, e.g. "Phụ lục I"',
      'index-year': 'Year of the index result the plan remedies',
      results: 'Results file of the index year (*.par-results.yaml)',
      area: 'Area: Roman numeral I..VIII',
      items: 'The criteria of the area that lost points',
      criteria: 'Criterion or sub-criterion codes, quoted',
      name: 'Criterion name as written in the plan',
      finding: 'Why points were lost',
      tasks: 'Tasks and measures',
      task: 'What is to be done',
      lead: 'Lead unit(s)',
      support: 'Cooperating unit(s)',
      deadline: 'Deadline',
      product: 'Output',
      note: 'Note; for a dropped task, the reason',
      status: 'Status: chưa thực hiện, đang thực hiện, hoàn thành, không thực hiện',
      done: 'Completion day, e.g. 15/6/2026',
      progress: 'Progress reports (date, text, evidence)',
      id: 'Stable id added by tools; do not edit',
      date: 'Day of the report, e.g. 30/6/2026',
      text: 'What was done by that day',
      evidence: 'Supporting document, e.g. Báo cáo số 123/BC-SNV',
    })[key],
  snippetLabel: (kind) => ({ task: 'new task', item: 'new item (criterion)', section: 'new section (area)' })[kind],
  snippetDetail: (kind) =>
    ({
      task: 'A task with lead and cooperating units and a deadline',
      item: 'A criterion that lost points, why, and the tasks to fix it',
      section: 'An area with a criterion and a task',
    })[kind],
  areaLabel: (roman) => `Area ${roman}`,

  fullName: () => 'Full name',
  abbreviations: () => 'Abbreviations',
  validity: (from, to) => (from && to ? `In existence from ${from} to ${to}` : from ? `In existence from ${from}` : to ? `In existence until ${to}` : ''),
  successors: () => 'Successor(s)',
  predecessors: () => 'Predecessor(s)',
  note: () => 'Note',
  phraseUnits: () => 'Names',
  scoring: (scoring) =>
    scoring === 'self-assessment'
      ? 'self-assessment by the province, appraised by the Ministry of Home Affairs'
      : scoring === 'survey'
        ? 'sociological survey (of deputies, leaders and managers)'
        : scoring === 'sipas'
          ? 'satisfaction survey of citizens and organisations (SIPAS)'
          : 'not in the bundled catalog',

  hoverCodeTitle: (code, level) => `**${code}** · ${en.levelName(level)}`,
  hoverArea: (roman, name) => `Area ${roman}: ${name}`,
  hoverParent: (code, name) => `Part of criterion ${code}` + (name ? `: ${name}` : ''),
  hoverScoringLabel: () => 'Scored by',
  hoverItemName: (name) => `Name given in the plan: ${name}`,
  hoverCodeTasks: (tasks, items) =>
    tasks === 0 ? 'This plan has no task for this criterion yet.' : `This plan has ${tasks} task${tasks === 1 ? '' : 's'} for this criterion` + (items > 1 ? ` (in ${items} items).` : '.'),
  hoverUnknownCode: (code, complete, suggestions) =>
    (complete ? `Code ${code} is not in the criteria catalog.` : `Code ${code} is not in the bundled criteria catalog (which is incomplete).`) +
    (suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''),
  hoverUnknownUnit: (text, suggestions) =>
    `"${text}" is not in the unit registry.` + (suggestions.length ? ` Did you mean: ${suggestions.join('; ')}?` : ''),
  hoverWrittenAs: (written, kind) => (kind === 'abbreviation' ? `Abbreviated "${written}"` : `Written "${written}"`),
  hoverSharedHead: (head) => `Written after the shared head "${head}:"`,
  hoverQualifier: (text) => `Qualifier: "${text}"`,
  hoverNotInForce: (year, basis) =>
    year !== undefined ? `Not in existence on ${basis} (plan year ${year}).` : `Not in existence on ${basis}.`,
  hoverUnitTasks: (lead, support) =>
    lead + support === 0 ? 'No task in this plan yet.' : `In this plan: leads ${lead} task${lead === 1 ? '' : 's'}, supports ${support} task${support === 1 ? '' : 's'}.`,
  hoverRole: (role) => (role === 'lead' ? 'Leads' : 'Supports'),
  hoverMoreTasks: (count) => `… and ${count} more`,
  hoverDeadlineTitle: (text) => `**Deadline** ${text}`,
  hoverInterval: (start, end, precision) => {
    const unit = { year: 'whole year', half: 'half year', quarter: 'whole quarter', month: 'whole month', day: 'one day', range: 'a range' }[precision];
    return start === null ? `By the end of ${end}` : start === end ? `On ${end}` : `${start} – ${end} (${unit})`;
  },
  hoverRecurring: (period, within) =>
    ({
      continuous: 'Ongoing',
      yearly: 'Every year',
      'half-yearly': 'Every six months',
      quarterly: 'Every quarter',
      monthly: 'Every month',
      weekly: 'Every week',
    })[period] + (within ? `, within ${within.start} – ${within.end}` : ' (no end date)'),
  hoverYearImplied: (year) => `No year written: the plan year${year !== undefined ? ` (${year})` : ''} is used.`,
  hoverNormalized: (text) => `Canonical spelling: ${text}`,
  hoverInvalidDeadline: (problem, span) => `This deadline cannot be read: ${problem}` + (span ? ` (at "${span}")` : ''),
  hoverAreaTitle: (roman) => `**Area ${roman}**`,

  hoverDaysLeft: (days, asOf, status) =>
    (days > 0 ? `**${days} day${days === 1 ? '' : 's'}** left` : days === 0 ? 'Due **today**' : `**${-days} day${days === -1 ? '' : 's'}** overdue`) + ` (as of ${asOf}; ${status}).`,
  hoverReportMissing: (period, days) => `No progress report for ${period} (ended ${days} day${days === 1 ? '' : 's'} ago).`,
  hoverReported: (period) => `Progress reported for ${period}.`,
  statusDetail: (english) => `Status (${english})`,
  doneToday: (asOf) => `The as-of day (${asOf})`,
  hoverStatus: (label, keyword) => `**Status** ${label} (\`${keyword}\`)`,
  hoverDone: (day, late, end) =>
    `**Done on** ${day}` + (late === undefined ? '' : late > 0 ? `\n\n**${late} day${late === 1 ? '' : 's'}** after the deadline (${end}).` : `\n\nOn time (deadline ${end}).`),
};

export function featureTextFor(locale: Locale): FeatureText {
  return locale === 'en' ? en : vi;
}

/**
 * A unit's facts, one paragraph each, for completion documentation and hover alike. `escape` makes
 * registry text literal where the result is markdown (hover); completion shows it as written.
 */
export function unitFacts(registry: UnitRegistry, unit: UnitRecord, text: FeatureText, escape: (s: string) => string): string[] {
  const names = (ids: string[] | undefined) => (ids ?? []).map((id) => escape(registry.units.get(id)?.name ?? id)).join(', ');
  const lines: string[] = [];
  if (unit.fullName) lines.push(`${text.fullName()}: ${escape(unit.fullName)}`);
  if (unit.abbreviations?.length) lines.push(`${text.abbreviations()}: ${unit.abbreviations.map((a) => escape(a)).join(', ')}`);
  const validity = text.validity(unit.validFrom && text.day(unit.validFrom), unit.validTo && text.day(unit.validTo));
  if (validity) lines.push(validity);
  if (unit.successors?.length) lines.push(`${text.successors()}: ${names(unit.successors)}`);
  if (unit.predecessors?.length) lines.push(`${text.predecessors()}: ${names(unit.predecessors)}`);
  if (unit.note) lines.push(`${text.note()}: ${escape(unit.note)}`);
  return lines;
}
