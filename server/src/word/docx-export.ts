// Export of a plan to a Word appendix (.docx) in the usual Vietnamese administrative layout:
// A4 landscape, Times New Roman, the two-column header (issuing body | national motto), the appendix
// title, "(Kèm theo ...)", and the table STT | Tiêu chí | Nhiệm vụ/giải pháp | Đơn vị chủ trì |
// Đơn vị phối hợp | Thời hạn (+ Sản phẩm, Ghi chú when the plan has them), its header row repeated on
// every page, section rows in bold, and one row per task, the item's STT and criterion cells merged
// vertically over its tasks.
//
// The cells are written so that docx-import.ts reads them back to the same plan:
//   criterion cell: "code - name" per code (";" between codes, one per paragraph), then the finding
//   as a paragraph in parentheses; when there is no name, or the finding's parentheses do not balance,
//   the finding follows ": " on the same line instead;
//   multi-line text: one paragraph per line; units: "A; B"; empty values: empty cells;
//   title and appendix: the text as written, shown in capitals by formatting (w:caps), so the import
//   gets the original case back.
//
// Pure (no fs): plan text in, .docx bytes out.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Catalog } from '../engine/data/catalog';
import { catalogNames } from './catalog-names';
import { columnsFor, criterionCellLines, numberedItems, type Column } from './appendix-layout';
import { readPlanForExport, type PlanData, type PlanTask } from './plan-data';

export { criterionCellLines };

export interface DocxExportOptions {
  /** Criterion and area names (default: the bundled catalog). */
  catalog?: Catalog;
}

const FONT = 'Times New Roman';
/** Half-points. */
export const SIZE_HEADER = 26; // 13 pt
const SIZE_TABLE = 24; // 12 pt
const MM = 1440 / 25.4; // twips per millimetre

/** Margins (mm): those of Nghị định 30/2020/NĐ-CP for A4 (top/bottom 20, left 30, right 15). */
const PAGE_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };
const PAGE_WIDTH_TWIPS = Math.round(297 * MM);
export const TEXT_WIDTH = PAGE_WIDTH_TWIPS - Math.round((PAGE_MARGINS_MM.left + PAGE_MARGINS_MM.right) * MM);

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  allCaps?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE_TABLE,
    bold: style.bold,
    italics: style.italics,
    allCaps: style.allCaps,
    underline: style.underline ? {} : undefined,
  });
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export function para(text: string, style: RunStyle = {}, alignment: Align = AlignmentType.LEFT, spacing = { before: 30, after: 30 }, keepNext = false): Paragraph {
  return new Paragraph({ alignment, spacing, keepNext: keepNext || undefined, children: text ? [run(text, style)] : [] });
}

/** One paragraph per line; an empty text is one empty paragraph (an empty cell). */
function paras(text: string, style: RunStyle = {}, alignment: Align = AlignmentType.LEFT): Paragraph[] {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.map((l) => para(l, style, alignment));
}

export function cell(children: Paragraph[], width: number, extra: { columnSpan?: number; rowSpan?: number; center?: boolean } = {}): TableCell {
  return new TableCell({
    children: children.length ? children : [para('')],
    width: { size: width, type: WidthType.DXA },
    columnSpan: extra.columnSpan,
    rowSpan: extra.rowSpan,
    verticalAlign: extra.center ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

// ---------------------------------------------------------------------------------------------------
// Header

const UBND_ISSUER = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố)\s+(.+)$/iu;

function issuerParagraphs(issuer: string | undefined): Paragraph[] {
  const m = issuer ? UBND_ISSUER.exec(issuer.trim()) : null;
  const style: RunStyle = { bold: true, size: SIZE_HEADER };
  if (m) {
    return [
      para('ỦY BAN NHÂN DÂN', style, AlignmentType.CENTER, { before: 0, after: 0 }),
      para(`${m[1]} ${m[2]}`.toLocaleUpperCase('vi'), style, AlignmentType.CENTER, { before: 0, after: 0 }),
    ];
  }
  return [para(issuer ?? '', { ...style, allCaps: true }, AlignmentType.CENTER, { before: 0, after: 0 })];
}

/** A short centred rule under the issuing body, as in administrative documents (an empty paragraph). */
function ruleUnder(cellWidth: number): Paragraph {
  const indent = Math.round(cellWidth * 0.33);
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 120 },
    indent: { left: indent, right: indent },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

export function headerTable(issuer: string | undefined): Table {
  const left = Math.round(TEXT_WIDTH * 0.36);
  const right = TEXT_WIDTH - left;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: left, type: WidthType.DXA }, borders: NO_BORDERS, children: [...issuerParagraphs(issuer), ruleUnder(left)] }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: [
              para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE_TABLE }, AlignmentType.CENTER, { before: 0, after: 0 }),
              para('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true, size: SIZE_HEADER }, AlignmentType.CENTER, { before: 0, after: 0 }),
            ],
          }),
        ],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------------
// Main table

function widthsOf(cols: Column[]): number[] {
  const total = cols.reduce((n, c) => n + c.weight, 0);
  const widths = cols.map((c) => Math.floor((TEXT_WIDTH * c.weight) / total));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function taskCellParagraphs(key: Column['key'], task: PlanTask | undefined): Paragraph[] {
  if (!task) return [para('')];
  switch (key) {
    case 'task':
      return paras(task.task, {}, AlignmentType.JUSTIFIED);
    case 'lead':
      return [para(task.lead.join('; '))];
    case 'support':
      return [para(task.support.join('; '))];
    case 'deadline':
      return [para(task.deadline.replace(/\s+/g, ' ').trim(), {}, AlignmentType.CENTER)];
    case 'product':
      return paras(task.product ?? '');
    case 'note':
      return paras(task.note ?? '');
    default:
      return [para('')];
  }
}

function mainTable(data: PlanData, officialName: (code: string) => string | undefined, areaName: (area: string) => string | undefined): Table {
  const cols = columnsFor(data);
  const widths = widthsOf(cols);
  const rows: TableRow[] = [];
  rows.push(
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: cols.map((c, i) => cell([para(c.header, { bold: true }, AlignmentType.CENTER)], widths[i], { center: true })),
    }),
  );
  const restWidth = widths.slice(1).reduce((a, b) => a + b, 0);
  for (const section of data.sections) {
    const title = section.title ?? areaName(section.area) ?? '';
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          // keepNext: a section row stays on the page of its first item
          cell([para(section.area, { bold: true }, AlignmentType.CENTER, undefined, true)], widths[0], { center: true }),
          cell(
            title.split(/\r\n|\r|\n/).map((l) => para(l, { bold: true }, AlignmentType.LEFT, undefined, true)),
            restWidth,
            { columnSpan: cols.length - 1 },
          ),
        ],
      }),
    );
    for (const { item, stt, criterionLines: critLines } of numberedItems(section.items, officialName)) {
      const tasks: (PlanTask | undefined)[] = item.tasks.length ? item.tasks : [undefined];
      const span = tasks.length;
      tasks.forEach((task, k) => {
        const children: TableCell[] = [];
        cols.forEach((c, i) => {
          if (c.key === 'stt' || c.key === 'criterion') {
            if (k > 0) return; // merged with the item's first row
            const content = c.key === 'stt' ? [para(stt, {}, AlignmentType.CENTER)] : critLines.map((l) => para(l));
            children.push(cell(content, widths[i], { rowSpan: span > 1 ? span : undefined, center: c.key === 'stt' }));
            return;
          }
          children.push(cell(taskCellParagraphs(c.key, task), widths[i], { center: c.key === 'deadline' }));
        });
        rows.push(new TableRow({ children }));
      });
    }
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

// ---------------------------------------------------------------------------------------------------

function titleBlock(data: PlanData): Paragraph[] {
  const out: Paragraph[] = [];
  const gap = { before: 0, after: 0 };
  out.push(para('', {}, AlignmentType.CENTER, gap));
  if (data.plan.appendix) out.push(para(data.plan.appendix, { bold: true, allCaps: true, size: SIZE_HEADER }, AlignmentType.CENTER, { before: 120, after: 0 }));
  if (data.plan.title) {
    for (const line of data.plan.title.split(/\r?\n/)) out.push(para(line, { bold: true, allCaps: true, size: SIZE_HEADER }, AlignmentType.CENTER, gap));
  }
  if (data.plan.document) {
    // "số /KH-UBND ngày /5/2023": the number and day are left blank to be filled in at signing; the
    // blank is widened as in the originals (and the import notes it again).
    const doc = data.plan.document.replace(/\s+/g, ' ').trim().replace(/ \//g, '        /');
    out.push(para(`(Kèm theo ${doc})`, { italics: true, size: SIZE_HEADER }, AlignmentType.CENTER, gap));
  }
  out.push(para('', {}, AlignmentType.CENTER, { before: 0, after: 120 }));
  return out;
}

/**
 * A document in the administrative layout every par-plan document shares: A4 landscape, the margins of
 * Nghị định 30/2020/NĐ-CP, Times New Roman, page numbers at the top centre from the second page.
 */
export function administrativeDocument(meta: { title: string; description: string }, children: (Paragraph | Table)[]): Document {
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE_TABLE })] })],
  });
  return new Document({
    creator: 'par-plan',
    title: meta.title,
    description: meta.description,
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE_HEADER }, paragraph: { spacing: { before: 0, after: 0 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: Math.round(210 * MM), height: PAGE_WIDTH_TWIPS, orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: Math.round(PAGE_MARGINS_MM.top * MM),
              bottom: Math.round(PAGE_MARGINS_MM.bottom * MM),
              left: Math.round(PAGE_MARGINS_MM.left * MM),
              right: Math.round(PAGE_MARGINS_MM.right * MM),
              header: Math.round(10 * MM),
              footer: Math.round(10 * MM),
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
}

function buildAppendixDocument(data: PlanData, options: DocxExportOptions = {}): Document {
  const names = catalogNames(options.catalog);
  return administrativeDocument(
    { title: data.plan.title ?? 'Phụ lục', description: 'Phụ lục kế hoạch thực hiện Chỉ số CCHC (PAR Index), xuất bằng par-plan' },
    [headerTable(data.plan.issuer), ...titleBlock(data), mainTable(data, names.criterion, names.area), para('')],
  );
}

/**
 * The plan as a Word appendix. Reads the plan tolerantly (what has the expected shape is exported);
 * YAML syntax errors are not checked here: see `readPlanForExport` (the CLI refuses such a plan).
 */
export async function exportPlanDocx(planYamlText: string, options: DocxExportOptions = {}): Promise<Uint8Array> {
  const { data } = readPlanForExport(planYamlText);
  return exportPlanDataDocx(data, options);
}

export async function exportPlanDataDocx(data: PlanData, options: DocxExportOptions = {}): Promise<Uint8Array> {
  return Packer.pack(buildAppendixDocument(data, options), 'uint8array');
}
