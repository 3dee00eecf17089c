// The appendix table as the Word export lays it out, shared by the Word export and the HTML views
// (server/src/render/): its columns and headers, and the text of an item's criterion cell.

import { matchingParen, wordCount } from './text-helpers';
import type { PlanData, PlanItem } from './plan-data';

export interface Column {
  key: 'stt' | 'criterion' | 'task' | 'lead' | 'support' | 'deadline' | 'product' | 'note';
  header: string;
  weight: number;
}

export function columnsFor(data: PlanData): Column[] {
  const year = data.plan.year;
  const indexYear = data.plan.indexYear;
  const tasks = data.sections.flatMap((s) => s.items.flatMap((i) => i.tasks));
  const hasProduct = tasks.some((t) => t.product !== undefined && t.product.trim());
  const hasNote = tasks.some((t) => t.note !== undefined && t.note.trim());
  const extra = (hasProduct ? 1 : 0) + (hasNote ? 1 : 0);
  const cols: Column[] = [
    { key: 'stt', header: 'STT', weight: 4.5 },
    {
      key: 'criterion',
      header:
        indexYear !== undefined
          ? `Tiêu chí, tiêu chí thành phần bị trừ điểm, không đạt điểm tối đa trong năm ${indexYear} (theo Bộ Chỉ số CCHC cấp tỉnh)`
          : 'Tiêu chí, tiêu chí thành phần bị trừ điểm, không đạt điểm tối đa (theo Bộ Chỉ số CCHC cấp tỉnh)',
      weight: extra ? 19 : 22,
    },
    { key: 'task', header: year !== undefined ? `Nhiệm vụ/giải pháp thực hiện năm ${year}` : 'Nhiệm vụ/giải pháp thực hiện', weight: extra === 2 ? 26 : extra ? 30 : 37 },
    { key: 'lead', header: 'Đơn vị chủ trì', weight: 13 },
    { key: 'support', header: 'Đơn vị phối hợp', weight: 13 },
    { key: 'deadline', header: 'Thời hạn hoàn thành (tháng/ quý/ năm)', weight: 10.5 },
  ];
  if (hasProduct) cols.push({ key: 'product', header: 'Sản phẩm', weight: 10 });
  if (hasNote) cols.push({ key: 'note', header: 'Ghi chú', weight: extra === 2 ? 7 : 9 });
  return cols;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function enclosed(s: string): boolean {
  return s.startsWith('(') && matchingParen(s, 0) === s.length - 1;
}

/** The lines of the criterion cell of an item (see the rules at the top of the file). */
export function criterionCellLines(item: PlanItem, officialName: (code: string) => string | undefined): string[] {
  const codes = item.criteria;
  const written = item.name?.trim() ?? '';
  let names: string[];
  if (written) {
    const parts = written.split(/;\s*/);
    names = codes.length > 1 && parts.length === codes.length ? parts : [written, ...codes.slice(1).map(() => '')];
  } else names = codes.map((c) => officialName(c) ?? '');
  const head = codes.length ? codes.map((c, i) => `${c} - ${names[i] ?? ''}`.trimEnd() + (i < codes.length - 1 ? ';' : '')) : names[0] ? [names[0]] : [];
  const lastName = names[Math.max(codes.length, 1) - 1] ?? '';
  const finding = item.finding?.trim() ?? '';
  if (!finding) return head;
  const lines = finding.split(/\r\n|\r|\n/);
  const wrap = () => {
    lines[0] = `(${lines[0]}`;
    lines[lines.length - 1] += ')';
  };
  if (balanced(finding) && (lastName || (!codes.length && wordCount(finding) >= 3))) {
    // "name" then "(finding)" on the next line
    wrap();
    return [...head, ...lines];
  }
  // "code - name: finding" (no name to end at, or parentheses that do not balance)
  if (enclosed(finding)) wrap();
  if (!head.length) return [`: ${lines[0]}`, ...lines.slice(1)];
  const last = head.length - 1;
  const out = [...head];
  out[last] = `${out[last]}${lastName ? ': ' : ' : '}${lines[0]}`;
  return [...out, ...lines.slice(1)];
}

/**
 * The items of a section with their STT and criterion cell. An item without a code is written without
 * a number, as in the original appendices (unless its criterion cell would be empty: then the number
 * keeps it an item of its own).
 */
export function numberedItems<I extends PlanItem>(items: readonly I[], officialName: (code: string) => string | undefined): { item: I; stt: string; criterionLines: string[] }[] {
  let number = 0;
  return items.map((item) => {
    const criterionLines = criterionCellLines(item, officialName);
    const stt = item.criteria.length || !criterionLines.some((l) => l.trim()) ? String(++number) : '';
    return { item, stt, criterionLines };
  });
}
