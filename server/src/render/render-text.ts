// Every sentence of the preview, the dashboard and the exported page, Vietnamese first. The appendix
// table itself keeps the Word export's Vietnamese headers: it is the document as it will be signed.

import type { Locale } from '../engine';

export interface RenderText {
  pageTitle(title: string): string;
  appendixHeading: string;
  dashboardHeading: string;
  problemsInSection(errors: number, warnings: number, infos: number): string;
  noProblems: string;
  planProblems: string;
  emptyPlan: string;
  totals(sections: number, items: number, tasks: number, findings: number): string;
  chartLead: { title: string; description: string };
  chartQuarter: { title: string; description: string };
  chartArea: { title: string; description: string };
  chartTop: { title: string; description: string };
  seriesLead: string;
  seriesSupport: string;
  seriesTasks: string;
  seriesFindings: string;
  seriesAll: string;
  quarter(numeral: string, year: string): string;
  recurring: string;
  unreadableDeadline: string;
  noDeadline: string;
  noLead: string;
  listNoLead: string;
  listNoDeadline: string;
  noneInList: string;
  dataTable: string;
  unit: string;
  value: string;
  moreUnits(count: number): string;
  generated(tool: string): string;
  severity: Record<'error' | 'warning' | 'info' | 'hint', string>;
}

const vi: RenderText = {
  pageTitle: (t) => (t ? `${t} — phụ lục và tổng quan` : 'Kế hoạch PAR — phụ lục và tổng quan'),
  appendixHeading: 'Phụ lục',
  dashboardHeading: 'Tổng quan kế hoạch',
  problemsInSection: (e, w, i) => [e && `${e} lỗi`, w && `${w} cảnh báo`, i && `${i} gợi ý`].filter(Boolean).join(', '),
  noProblems: 'Không có vấn đề',
  planProblems: 'Vấn đề của cả tệp',
  emptyPlan: 'Kế hoạch chưa có phần nào (sections).',
  totals: (s, i, t, f) => `${s} phần · ${i} mục · ${t} nhiệm vụ · ${f} vấn đề`,
  chartLead: { title: 'Nhiệm vụ theo đơn vị chủ trì', description: 'Số nhiệm vụ mỗi đơn vị chủ trì, và số nhiệm vụ đơn vị đó phối hợp.' },
  chartQuarter: { title: 'Nhiệm vụ theo thời hạn', description: 'Số nhiệm vụ theo quý của thời hạn hoàn thành; nhiệm vụ thường xuyên và chưa có thời hạn để riêng.' },
  chartArea: { title: 'Nhiệm vụ và vấn đề theo lĩnh vực', description: 'Số nhiệm vụ và số vấn đề tìm thấy trong mỗi lĩnh vực của Bộ Chỉ số.' },
  chartTop: { title: 'Đơn vị đảm nhận nhiều nhiệm vụ nhất', description: 'Các đơn vị có nhiều nhiệm vụ nhất, chủ trì và phối hợp cộng lại.' },
  seriesLead: 'Chủ trì',
  seriesSupport: 'Phối hợp',
  seriesTasks: 'Nhiệm vụ',
  seriesFindings: 'Vấn đề',
  seriesAll: 'Nhiệm vụ',
  quarter: (n, y) => `Quý ${n}/${y}`,
  recurring: 'Thường xuyên, định kỳ',
  unreadableDeadline: 'Thời hạn không đọc được',
  noDeadline: 'Chưa có thời hạn',
  noLead: 'Chưa có đơn vị chủ trì',
  listNoLead: 'Nhiệm vụ chưa có đơn vị chủ trì',
  listNoDeadline: 'Nhiệm vụ chưa có thời hạn',
  noneInList: 'Không có.',
  dataTable: 'Bảng số liệu',
  unit: 'Nhóm',
  value: 'Số',
  moreUnits: (n) => `và ${n} đơn vị khác`,
  generated: (tool) => `Tạo bởi ${tool} từ tệp kế hoạch.`,
  severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Gợi ý', hint: 'Gợi ý' },
};

const en: RenderText = {
  pageTitle: (t) => (t ? `${t} — appendix and overview` : 'PAR plan — appendix and overview'),
  appendixHeading: 'Appendix',
  dashboardHeading: 'Plan overview',
  problemsInSection: (e, w, i) => [e && `${e} error${e > 1 ? 's' : ''}`, w && `${w} warning${w > 1 ? 's' : ''}`, i && `${i} hint${i > 1 ? 's' : ''}`].filter(Boolean).join(', '),
  noProblems: 'No problems',
  planProblems: 'Problems of the whole file',
  emptyPlan: 'The plan has no sections yet.',
  totals: (s, i, t, f) => `${s} sections · ${i} items · ${t} tasks · ${f} problems`,
  chartLead: { title: 'Tasks per lead unit', description: 'How many tasks each unit leads, and how many it supports.' },
  chartQuarter: { title: 'Tasks per deadline', description: 'Tasks per quarter of their deadline; recurring tasks and tasks with no deadline apart.' },
  chartArea: { title: 'Tasks and problems per area', description: 'Tasks and problems found in each area of the index.' },
  chartTop: { title: 'Units carrying the most tasks', description: 'The units with the most tasks, lead and support together.' },
  seriesLead: 'Lead',
  seriesSupport: 'Support',
  seriesTasks: 'Tasks',
  seriesFindings: 'Problems',
  seriesAll: 'Tasks',
  quarter: (n, y) => `Q${['I', 'II', 'III', 'IV'].indexOf(n) + 1} ${y}`,
  recurring: 'Recurring',
  unreadableDeadline: 'Unreadable deadline',
  noDeadline: 'No deadline',
  noLead: 'No lead unit',
  listNoLead: 'Tasks with no lead unit',
  listNoDeadline: 'Tasks with no deadline',
  noneInList: 'None.',
  dataTable: 'Data table',
  unit: 'Group',
  value: 'Count',
  moreUnits: (n) => `and ${n} more units`,
  generated: (tool) => `Made by ${tool} from the plan file.`,
  severity: { error: 'Error', warning: 'Warning', info: 'Hint', hint: 'Hint' },
};

export function renderText(locale: Locale): RenderText {
  return locale === 'en' ? en : vi;
}
