// Rows of cells -> plan: the row clean-up and the mapping shared by the text and the .docx imports.

import { AREA_NUMERALS } from '../engine/model';
import { type HeaderInfo, yearIn, yearInDocument } from './appendix-header';
import { CODE_AT_START, parseCriterionCell } from './criterion-cell';
import { COLUMN_LABELS, type ImportedItem, type ImportedPlanInfo, type ImportedSection, type ImportedTask, type ImportOptions, type ImportProblem, isAreaNumeral } from './imported-plan';
import { type Cell, flatOf, type Fragment, type Row, textOf, unitsOf } from './table-cells';
import { normalizeSpace, quote } from './text-helpers';

const CRITERION_PREFIX = /^(?:tiêu chí thành phần|tiêu chí|TCTP|TC)\s+(?=\d+\.\d)/iu;
const SECTION_IN_ONE_CELL = new RegExp(`^(${AREA_NUMERALS.join('|')})\\s*[.\\-–—:)]\\s*(\\S[\\s\\S]*)$`, 'u');
const CODE_LIST = /\d+(?:\.\d+){1,2}/g;

/** "(1) (2) (3) ..." or "1 2 3 ..." under the heading (the texts of a row's cells): column numbers, not content. */
export function isColumnNumbers(cellTexts: string[]): boolean {
  const texts = cellTexts.filter((t) => t);
  if (texts.length < 3) return false;
  if (!texts.every((t) => /^\(?\d{1,2}\)?$/.test(t))) return false;
  const nums = texts.map((t) => Number(t.replace(/[()]/g, '')));
  return nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

function setText(cell: Cell, text: string): void {
  cell.fragments = text ? [{ line: cell.line, text }] : [];
}

/**
 * How appendices are written, brought to the standard row: "I. Chỉ đạo ..." in one cell becomes the
 * section row "I | Chỉ đạo ..."; "Tiêu chí 1.1 - ..." becomes "1.1 - ..."; the codes of a separate code
 * column (`codeFragments`, .docx only) go in front of the criterion text.
 */
export function tidyRow(cells: Cell[], rowLine: number, problems: ImportProblem[], codeFragments: Fragment[] = []): void {
  // A cut row of the text form may lack the criterion cell that the clean-up writes to.
  cells[1] ??= { line: rowLine, fragments: [] };
  // A section row whose title cell starts in the code column.
  if (/^[IVXLC]+\.?$/.test(flatOf(cells[0])) && !cells[1].fragments.length && codeFragments.length) {
    cells[1].fragments = codeFragments;
    codeFragments = [];
  }
  const stt = flatOf(cells[0]);
  const crit = textOf(cells[1]);
  const taskCols = cells.slice(2).some((c) => c.fragments.length);
  // "I. Chỉ đạo điều hành" written in one cell (STT or criterion column)
  const oneCell = SECTION_IN_ONE_CELL.exec(stt) ?? (!stt && !taskCols ? SECTION_IN_ONE_CELL.exec(crit) : null);
  if (oneCell && !crit !== !stt && !taskCols && codeFragments.length === 0) {
    setText(cells[0], oneCell[1]);
    setText(cells[1], normalizeSpace(oneCell[2]));
  } else {
    // "Tiêu chí 1.1 - ..." -> "1.1 - ..."
    const first = cells[1].fragments[0];
    if (first && CRITERION_PREFIX.test(first.text)) first.text = first.text.replace(CRITERION_PREFIX, '');
    if (codeFragments.length) mergeCodeColumn(cells, codeFragments, rowLine, problems);
  }
}

/** The code column's codes go in front of the criterion text ("5.2.3 - ; 5.2.4 - name (finding)"). */
function mergeCodeColumn(cells: Cell[], codeFragments: Fragment[], rowNo: number, problems: ImportProblem[]): void {
  const codeText = codeFragments.map((f) => f.text).join(' ');
  const codes: string[] = codeText.match(CODE_LIST) ?? [];
  const critCell = cells[1];
  const crit = textOf(critCell);
  if (!codes.length) {
    problems.push({ line: rowNo, message: `Ô mã tiêu chí không có mã dạng "1.1" hay "3.2.2": ${quote(codeText)}; nội dung được đưa vào trước tên tiêu chí.` });
    critCell.fragments = [...codeFragments, ...critCell.fragments];
    return;
  }
  if (CODE_AT_START.test(crit)) {
    const inText: string[] = crit.match(CODE_LIST) ?? [];
    if (codes.some((c) => !inText.includes(c))) {
      problems.push({ line: rowNo, message: `Mã ở cột mã tiêu chí (${codes.join(', ')}) khác mã trong ô tiêu chí (${quote(crit)}); dùng mã trong ô tiêu chí.` });
    }
    return;
  }
  const prefix = codes.map((c, i) => (i < codes.length - 1 ? `${c} - ;` : `${c} - `)).join(' ');
  const first = critCell.fragments[0];
  if (first) first.text = `${prefix}${first.text}`;
  else critCell.fragments = [{ line: rowNo, text: prefix.trim() }];
}

/** The texts of a row's cells from column `from` on, labelled, for a problem message. */
function describeCells(cells: Cell[], from = 0): string {
  return cells
    .map((c, i) => ({ i, t: textOf(c) }))
    .filter((x) => x.i >= from && x.t)
    .map((x) => `${COLUMN_LABELS[x.i] ?? `cột ${x.i + 1}`}: ${quote(x.t)}`)
    .join('; ');
}

function taskFromRow(cells: Cell[], rowLine: number, problems: ImportProblem[]): ImportedTask | null {
  const task = textOf(cells[2]);
  const lead = unitsOf(cells[3]);
  const support = unitsOf(cells[4]);
  const deadline = flatOf(cells[5]);
  const product = textOf(cells[6]);
  const note = textOf(cells[7]);
  if (!task && !lead.length && !support.length && !deadline && !product && !note) return null;
  if (!task) {
    problems.push({ line: cells[2]?.line ?? rowLine, message: 'Ô nhiệm vụ/giải pháp trống nhưng dòng có đơn vị hoặc thời hạn; nhiệm vụ được giữ với nội dung rỗng.' });
  }
  const out: ImportedTask = { task, lead, support, deadline };
  if (product) out.product = product;
  if (note) out.note = note;
  return out;
}

function itemFromCriterion(text: string, officialName: (code: string) => string | undefined): ImportedItem {
  const parts = parseCriterionCell(text, officialName);
  const item: ImportedItem = { criteria: parts.criteria, tasks: [] };
  if (parts.name) item.name = parts.name;
  if (parts.finding) item.finding = parts.finding;
  return item;
}

export interface RowMapOptions {
  officialName: (code: string) => string | undefined;
}

/**
 * Section rows (Roman numeral in STT), item rows (a number and a criterion cell) and continuation rows
 * (empty STT and criterion: one more task of the item above) -> sections. Problems go to `problems`
 * with the line (text form) or row (.docx) of the cell at fault; nothing is dropped without one.
 */
export function mapTableRows(rows: Row[], problems: ImportProblem[], options: RowMapOptions): ImportedSection[] {
  const sections: ImportedSection[] = [];
  const { officialName } = options;
  let section: ImportedSection | null = null;
  let item: ImportedItem | null = null;
  let lastNumber = 0; // last item number (STT) seen in the current section
  for (const row of rows) {
    const cells = row.cells;
    const stt = flatOf(cells[0]);
    const crit = textOf(cells[1]);
    const area = stt.replace(/\.$/, '');

    if (/^[IVXLC]+$/.test(area)) {
      // Section row.
      if (!isAreaNumeral(area)) {
        problems.push({ line: cells[0]?.line ?? row.line, message: `Số La Mã ${quote(area)} không phải lĩnh vực I..VIII.` });
      }
      section = { area, items: [] };
      if (crit) section.title = crit;
      sections.push(section);
      item = null;
      lastNumber = 0;
      const extra = cells.slice(2).filter((c) => textOf(c));
      if (extra.length) {
        problems.push({ line: extra[0].line, message: `Dòng tiêu đề phần ${area} có nội dung ở các cột khác, không đưa vào kế hoạch: ${describeCells(cells, 2)}` });
      }
      continue;
    }

    const isContinuation = stt === '' && crit === '';
    if (isContinuation) {
      const task = taskFromRow(cells, row.line, problems);
      if (!task) continue; // an empty row holds no text
      if (!section) {
        problems.push({ line: row.line, message: `Dòng nhiệm vụ nằm trước phần I..VIII đầu tiên, không đưa vào kế hoạch: ${describeCells(cells)}` });
        continue;
      }
      if (!item) {
        problems.push({ line: row.line, message: `Dòng nhiệm vụ tiếp nối (không có STT và tiêu chí) nhưng phần ${section.area} chưa có mục nào; tạo mục không có mã tiêu chí.` });
        item = { criteria: [], tasks: [] };
        section.items.push(item);
      }
      item.tasks.push(task);
      continue;
    }

    // Item row.
    if (stt && !/^\d+\.?$/.test(stt)) {
      problems.push({ line: cells[0]?.line ?? row.line, message: `Ô STT ${quote(stt)} không phải số thứ tự hay số La Mã; dòng được coi là một mục.` });
    }
    if (!section) {
      problems.push({ line: row.line, message: `Dòng mục nằm trước phần I..VIII đầu tiên, không đưa vào kế hoạch: ${describeCells(cells)}` });
      item = null;
      continue;
    }
    item = itemFromCriterion(crit, officialName);
    if (/^\d+\.?$/.test(stt)) {
      // The YAML keeps items in order but not their numbers: a number out of sequence is reported.
      const n = Number(stt.replace(/\.$/, ''));
      if (n !== lastNumber + 1) {
        problems.push({ line: cells[0]?.line ?? row.line, message: `STT ${quote(stt)} của phần ${section.area} không liền sau STT ${lastNumber} (mục được giữ theo thứ tự dòng).` });
      }
      lastNumber = n;
      if (!crit) problems.push({ line: cells[0]?.line ?? row.line, message: `Mục số ${stt} của phần ${section.area} không có nội dung tiêu chí.` });
      else if (!item.criteria.length) problems.push({ line: cells[1]?.line ?? row.line, message: `Mục số ${stt} của phần ${section.area} không có mã tiêu chí (dạng "1.1 - tên"): ${quote(crit)}` });
    }
    const task = taskFromRow(cells, row.line, problems);
    if (task) item.tasks.push(task);
    section.items.push(item);
  }
  return sections;
}

export interface PlanInfoSources {
  /** Where a document-level problem is reported (line 1 of the text form, row 0 of a .docx). */
  docLine: number;
  /** What the header did not name: how the author recognises the issuer lines. */
  issuerHint?: string;
  /** A year to use when neither the title nor the document gives one (e.g. the task column heading). */
  fallbackYear?: number;
}

/** The plan header from the lines above the table, with the options' overrides; gaps are reported. */
export function fillPlanInfo(info: ImportedPlanInfo, headerInfo: HeaderInfo, options: ImportOptions, problems: ImportProblem[], sources: PlanInfoSources): void {
  const line = sources.docLine;
  if (headerInfo.title) info.title = headerInfo.title;
  else problems.push({ line, message: 'Không tìm thấy tiêu đề kế hoạch (dòng chữ in hoa trước bảng).' });

  const headerIssuer = headerInfo.issuer;
  if (options.issuer) {
    info.issuer = options.issuer;
    if (headerIssuer && headerIssuer !== options.issuer) {
      problems.push({ line, message: `Cơ quan ban hành trong văn bản (${quote(headerIssuer)}) khác với giá trị được chỉ định (${quote(options.issuer)}).` });
    }
  } else if (headerIssuer) info.issuer = headerIssuer;
  else problems.push({ line, message: `Không tìm thấy cơ quan ban hành (${sources.issuerHint ?? 'dòng "ỦY BAN NHÂN DÂN / TỈNH ..."'}).` });

  const textYear = yearIn(headerInfo.title) ?? yearInDocument(headerInfo.document) ?? sources.fallbackYear;
  if (options.year !== undefined) {
    info.year = options.year;
    if (textYear !== undefined && textYear !== options.year) {
      problems.push({ line, message: `Năm kế hoạch trong văn bản (${textYear}) khác với giá trị được chỉ định (${options.year}).` });
    }
  } else if (textYear !== undefined) info.year = textYear;
  else problems.push({ line, message: 'Không xác định được năm kế hoạch (không có "năm NNNN" trong tiêu đề).' });

  if (headerInfo.document) info.document = headerInfo.document;
  if (headerInfo.appendix) info.appendix = headerInfo.appendix;
}
