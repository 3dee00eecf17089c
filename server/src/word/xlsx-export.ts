// Export of a plan to a follow-up spreadsheet (.xlsx): one row per task, for the office that follows up.
// Written by hand (minimal SpreadsheetML in a zip, zip.ts): content types, workbook, styles and
// one worksheet with inline strings, a bold frozen header row, an autoFilter over the data, column
// widths, and real Excel dates ("Bắt đầu", "Kết thúc") parsed from the deadline with parseDeadline.
//
// Columns: Phần | Tên phần | Mã tiêu chí | Tên tiêu chí | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp |
// Thời hạn | Bắt đầu | Kết thúc | (Sản phẩm, when the plan has one) | Ghi chú.
//   Bắt đầu / Kết thúc: the interval of the deadline ("Trước 15/12/2023" has no start); for a recurring
//   deadline the period it runs within ("Hằng quý trong năm 2023"), else "Kết thúc" holds its text
//   ("Thường xuyên") so that it can be filtered.
//   Ghi chú: the task's note, then the gaps: "thiếu đơn vị chủ trì", "thiếu thời hạn",
//   "thời hạn không đọc được", "chưa có nhiệm vụ".
//
// Pure (no fs): plan text in, .xlsx bytes out.

import { writeOfficePackage } from './zip';
import { parseDeadline, type Catalog } from '../engine';
import { catalogNames } from './catalog-names';
import { readPlanForExport, type PlanData } from './plan-data';
import { escapeXml } from './xml';

export interface XlsxExportOptions {
  catalog?: Catalog;
  /** Name of the worksheet (default "Nhiệm vụ"). */
  sheetName?: string;
}

export type XlsxValue = string | { date: string } | null;

export interface XlsxTable {
  headers: string[];
  widths: number[];
  rows: XlsxValue[][];
}

/** Excel's serial day number of an ISO date (1900 date system): 2023-12-15 -> 45275. */
export function excelSerial(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The follow-up table of a plan: one row per task (an item without tasks gets one row). */
function followUpTable(data: PlanData, catalog?: Catalog): XlsxTable {
  const { criterion: officialName, area: areaName } = catalogNames(catalog);
  const tasks = data.sections.flatMap((s) => s.items.flatMap((i) => i.tasks));
  const hasProduct = tasks.some((t) => t.product?.trim());
  const headers = ['Phần', 'Tên phần', 'Mã tiêu chí', 'Tên tiêu chí', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Bắt đầu', 'Kết thúc'];
  const widths = [7, 28, 13, 40, 80, 28, 28, 18, 12, 13];
  if (hasProduct) {
    headers.push('Sản phẩm');
    widths.push(24);
  }
  headers.push('Ghi chú');
  widths.push(28);
  const rows: XlsxValue[][] = [];
  const year = data.plan.year;
  for (const section of data.sections) {
    for (const item of section.items) {
      const codes = item.criteria.join('; ');
      const name = item.name?.trim() || item.criteria.map((c) => officialName(c) ?? '').filter((n) => n).join('; ');
      const list = item.tasks.length ? item.tasks : [null];
      for (const task of list) {
        const notes: string[] = [];
        let start: XlsxValue = null;
        let end: XlsxValue = null;
        if (task?.note?.trim()) notes.push(task.note.trim());
        if (!task) notes.push('chưa có nhiệm vụ');
        else {
          if (!task.lead.length) notes.push('thiếu đơn vị chủ trì');
          if (!task.deadline) notes.push('thiếu thời hạn');
          else {
            const meaning = parseDeadline(task.deadline, { planYear: year });
            if (meaning.kind === 'interval') {
              if (meaning.start) start = { date: meaning.start };
              end = { date: meaning.end };
            } else if (meaning.kind === 'recurring') {
              if (meaning.within) {
                start = { date: meaning.within.start };
                end = { date: meaning.within.end };
              } else end = meaning.normalized;
            } else notes.push('thời hạn không đọc được');
          }
        }
        const row: XlsxValue[] = [
          section.area,
          section.title ?? areaName(section.area) ?? '',
          codes,
          name,
          task?.task ?? '',
          task?.lead.join('; ') ?? '',
          task?.support.join('; ') ?? '',
          task?.deadline ?? '',
          start,
          end,
        ];
        if (hasProduct) row.push(task?.product ?? '');
        row.push(notes.join('; '));
        rows.push(row);
      }
    }
  }
  return { headers, widths, rows };
}

// ---------------------------------------------------------------------------------------------------
// SpreadsheetML

/** Column letters: 0 -> A, 25 -> Z, 26 -> AA. */
function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const MAX_CELL_TEXT = 32_767;

const STYLE_HEADER = 1;
const STYLE_TEXT = 2;
const STYLE_DATE = 3;
const STYLE_CENTER = 4;
/** Unlocked cells, shaded, for the columns a unit fills in. */
const STYLE_EDITABLE = 5;
const STYLE_EDITABLE_DATE = 6;

function cellXml(ref: string, value: XlsxValue, style: number, editable = false): string {
  if (value === null || value === '') return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === 'object') {
    const serial = excelSerial(value.date);
    if (serial === null) return `<c r="${ref}" s="${style}"/>`;
    return `<c r="${ref}" s="${editable ? STYLE_EDITABLE_DATE : STYLE_DATE}"><v>${serial}</v></c>`;
  }
  const text = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT - 1) + '…' : value;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** What a sheet others fill in adds: columns they may edit, a hidden column, a drop-down list, protection. */
export interface SheetExtras {
  /** Columns (0-based) left unlocked when the sheet is protected; the others are read-only. */
  editable?: ReadonlySet<number>;
  hidden?: ReadonlySet<number>;
  /** A drop-down list of allowed values on one column. */
  list?: { column: number; values: readonly string[] };
  /** Protect the sheet (no password: Review › Unprotect Sheet lifts it), so only `editable` columns change. */
  protect?: boolean;
}

function sheetXml(table: XlsxTable, extras: SheetExtras = {}): string {
  const cols = table.headers.length;
  const last = columnName(cols - 1);
  const lastRow = table.rows.length + 1;
  const centered = new Set(['Phần', 'Mã tiêu chí', 'Thời hạn', 'Kết thúc']);
  const out: string[] = [];
  out.push(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${last}${lastRow}"/>`);
  out.push('<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>');
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  out.push('<cols>');
  table.widths.forEach((w, i) => {
    const hidden = extras.hidden?.has(i) ? ' hidden="1"' : '';
    const style = extras.editable?.has(i) ? ` style="${STYLE_EDITABLE}"` : '';
    out.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${hidden}${style}/>`);
  });
  out.push('</cols>');
  out.push('<sheetData>');
  out.push(`<row r="1">${table.headers.map((h, i) => cellXml(`${columnName(i)}1`, h, STYLE_HEADER)).join('')}</row>`);
  table.rows.forEach((row, r) => {
    const n = r + 2;
    const styleOf = (h: string, i: number) => (extras.editable?.has(i) ? STYLE_EDITABLE : centered.has(h) ? STYLE_CENTER : STYLE_TEXT);
    const cells = table.headers.map((h, i) => cellXml(`${columnName(i)}${n}`, row[i] ?? null, styleOf(h, i), extras.editable?.has(i)));
    out.push(`<row r="${n}">${cells.join('')}</row>`);
  });
  out.push('</sheetData>');
  // Sorting and filtering stay allowed under protection: offices sort their own rows.
  if (extras.protect) out.push('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>');
  out.push(`<autoFilter ref="A1:${last}${lastRow}"/>`);
  if (extras.list) {
    const col = columnName(extras.list.column);
    const values = extras.list.values.join(',').replace(/"/g, '""');
    out.push(`<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${col}2:${col}${Math.max(lastRow, 2)}"><formula1>${escapeXml(`"${values}"`)}</formula1></dataValidation></dataValidations>`);
  }
  out.push('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  out.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  out.push('</worksheet>');
  return out.join('');
}

function sheetNameOf(name: string | undefined): string {
  const cleaned = (name ?? 'Nhiệm vụ').replace(/[\\/?*[\]:]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  return cleaned || 'Nhiệm vụ';
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="7">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment vertical="top" wrapText="1"/><protection locked="0"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="center" vertical="top"/><protection locked="0"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The follow-up spreadsheet of a plan. Reads the plan tolerantly, like exportPlanDocx. */
export async function exportPlanXlsx(planYamlText: string, options: XlsxExportOptions = {}): Promise<Uint8Array> {
  const { data } = readPlanForExport(planYamlText);
  return exportPlanDataXlsx(data, options);
}

export async function exportPlanDataXlsx(data: PlanData, options: XlsxExportOptions = {}): Promise<Uint8Array> {
  return workbookBytes(followUpTable(data, options.catalog), options.sheetName);
}

/** A one-sheet workbook of a table: shared by the plan export, the follow-up sheet and the report. */
export async function workbookBytes(table: XlsxTable, name: string | undefined, extras: SheetExtras = {}): Promise<Uint8Array> {
  const sheetName = sheetNameOf(name);
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const last = columnName(table.headers.length - 1);
  const lastRow = table.rows.length + 1;
  const parts: [string, string][] = [];
  const add = (path: string, content: string) => parts.push([path, content]);
  add(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  add(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
  );
  add(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      '<bookViews><workbookView/></bookViews>' +
      `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
      '<definedNames>' +
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(`${quoted}!$A$1:$${last}$${lastRow}`)}</definedName>` +
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(`${quoted}!$1:$1`)}</definedName>` +
      '</definedNames>' +
      '</workbook>',
  );
  add(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      '</Relationships>',
  );
  add('xl/styles.xml', STYLES_XML);
  add('xl/worksheets/sheet1.xml', sheetXml(table, extras));
  return writeOfficePackage(parts);
}
