// Import of a PAR plan appendix from the plain-text form of a Word table.
//
// Input shape (what Word's "save as text" / copy of a table gives):
//   - header lines first (ỦY BAN NHÂN DÂN / TỈNH ..., national motto, PHỤ LỤC I, the title in capitals,
//     "(Kèm theo Kế hoạch số ...)");
//   - then the table: every cell starts with a TAB at the start of a line; a cell may go on over several
//     lines (continuation lines have no leading TAB, and may even be blank); rows are usually separated
//     by a blank line, but blank lines also occur inside cells, so rows are cut by counting cells (6 per row).
//   - columns: STT | criterion ("code - name (finding)") | task | lead units | support units | deadline.
//
// This file reads the text form into rows of cells (`tokenize`) and runs the import. What both
// importers share lives beside it: the imported plan's shape and the standard columns
// (imported-plan.ts), the lines above the table (appendix-header.ts), the cells (table-cells.ts),
// the criterion cell (criterion-cell.ts), the row clean-up and rows -> plan mapping (table-rows.ts),
// the YAML writer (plan-yaml.ts) and text helpers (text-helpers.ts). The .docx import
// (docx-import.ts) builds the same rows of cells from WordprocessingML.
//
// The function is pure (no fs, no clock) and never throws; whatever it cannot map goes to `problems`
// with its 1-based line number and its text, so nothing is dropped silently.
//
// Rules (also documented in the report that came with this file):
//   - Text is NFC-normalised; runs of spaces / TABs / NBSP are collapsed and each line is trimmed.
//   - Text cells (criterion, task, section title): lines are kept as separate paragraphs ("\n"),
//     except that a line starting with a lowercase letter continues the previous line (joined by a space),
//     unless it starts with a list marker ("a) ", "đ. ", "ii) ").
//     Blank lines inside a cell are dropped.
//   - Unit cells (lead, support) and the deadline cell: all lines are joined with one space (so a name
//     broken across lines, "Sở Kế hoạch và\n Đầu tư", becomes one name); lead/support are then split on
//     ";" only. An empty cell stays empty: lead: [], support: [], deadline: "".
//   - Criterion cell: one or more "code - text" segments separated by ";" (a new segment starts only where
//     ";" is followed by a code and a dash). In each segment the written name runs up to the first line
//     break, the first top-level "(" that opens a group of three words or more (or is never closed), or
//     the first ": " - searched after the official name when the segment starts with it, so parentheses
//     or colons inside an official name do not cut it. The rest is the finding; exactly one pair of
//     parentheses is removed when it encloses the whole finding.
//   - `name` is written only when a written name is not simply the official name: for an item without
//     a code, or when some segment's written name differs (case and spacing aside) from the official name
//     of its code, or no official name is known for the code. Then `name` holds all written names joined
//     with "; ".

import { type HeaderInfo, parseHeader, yearIn } from './appendix-header';
import { COLUMN_LABELS, COLUMNS, HEADING_PATTERNS, type ImportedPlan, type ImportOptions, type ImportProblem, type ImportResult, isAreaNumeral, officialNameOf } from './imported-plan';
import { planToYaml } from './plan-yaml';
import { addFragments, type Cell, CELL_START, flatOf, type Row, textOf } from './table-cells';
import { fillPlanInfo, isColumnNumbers, mapTableRows, tidyRow } from './table-rows';
import { normalizeSpace, quote } from './text-helpers';

function looksLikeStt(t: string): boolean {
  return /^\d{1,2}\.?$/.test(t) || isAreaNumeral(t.replace(/\.$/, ''));
}

function tokenize(lines: string[], start: number, problems: ImportProblem[]): Row[] {
  const rows: Row[] = [];
  let row: Cell[] = [];
  let current: Cell | null = null;
  let blankSinceCell = false;
  const flush = () => {
    if (row.length) rows.push({ line: row[0].line, cells: row });
    row = [];
  };
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i];
    const m = CELL_START.exec(raw);
    if (m) {
      const content = raw.slice(m[0].length);
      if (row.length >= COLUMNS) flush();
      else if (row.length >= 2 && blankSinceCell && looksLikeStt(normalizeSpace(content))) {
        // A short row: a blank line, then what looks like the STT of a new row. Reported when mapped.
        flush();
      }
      current = { line: i + 1, fragments: [] };
      addFragments(current, content, i + 1);
      row.push(current);
      blankSinceCell = false;
    } else if (!normalizeSpace(raw)) {
      blankSinceCell = true;
    } else if (current) {
      addFragments(current, raw, i + 1);
    } else {
      problems.push({ line: i + 1, message: `Dòng nằm ngoài ô bảng, không xếp được vào cột nào: ${quote(normalizeSpace(raw))}` });
    }
  }
  flush();
  return rows;
}


export function importPlanText(text: string, options: ImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const plan: ImportedPlan = { plan: {}, sections: [] };
  let headerInfo: HeaderInfo = {};
  try {
    const input = String(text ?? '').replace(/^\uFEFF/, '').normalize('NFC');
    const lines = input.split(/\r\n|\r|\n/);
    const officialName = officialNameOf(options);

    // Where the table starts: the "STT" heading row, else the first section row.
    let tableStart = lines.findIndex((l) => CELL_START.test(l) && /^STT\.?$/i.test(normalizeSpace(l)));
    let hasHeadingRow = tableStart >= 0;
    if (!hasHeadingRow) {
      tableStart = lines.findIndex((l) => CELL_START.test(l) && isAreaNumeral(normalizeSpace(l).replace(/\.$/, '')));
    }
    if (tableStart < 0) tableStart = lines.length;

    headerInfo = parseHeader(lines, tableStart, problems);
    const rows = tableStart < lines.length ? tokenize(lines, tableStart, problems) : [];

    const info = plan.plan;
    // The task column heading ("Nhiệm vụ/giải pháp thực hiện năm 2023") names the plan year too.
    const fallbackYear = hasHeadingRow && rows.length ? yearIn(textOf(rows[0].cells[2])) : undefined;
    fillPlanInfo(info, headerInfo, options, problems, { docLine: 1, fallbackYear });

    if (!rows.length) {
      problems.push({ line: Math.min(tableStart + 1, Math.max(lines.length, 1)), message: 'Không tìm thấy bảng nhiệm vụ (các ô bắt đầu bằng ký tự TAB, dòng phần I..VIII).' });
    }

    let r = 0;
    if (hasHeadingRow && rows.length) {
      const heading = rows[0];
      r = 1;
      heading.cells.forEach((cell, i) => {
        const t = textOf(cell);
        if (!HEADING_PATTERNS[i]?.test(t)) {
          problems.push({ line: cell.line, message: `Ô tiêu đề cột ${i + 1} không như mong đợi (${COLUMN_LABELS[i] ?? '?'}): ${quote(t)}` });
        }
      });
      if (heading.cells.length < COLUMNS) {
        problems.push({ line: heading.line, message: `Dòng tiêu đề cột chỉ có ${heading.cells.length}/${COLUMNS} ô.` });
      }
      const indexYear = yearIn(textOf(heading.cells[1]));
      if (indexYear !== undefined) info['index-year'] = indexYear;
    }

    const body: Row[] = [];
    for (const row of rows.slice(r)) {
      if (isColumnNumbers(row.cells.map(flatOf))) continue;
      // Rows are cut by counting cells, so a short row is reported (before the clean-up may add a cell).
      if (row.cells.length < COLUMNS) {
        problems.push({ line: row.line, message: `Dòng bảng chỉ có ${row.cells.length}/${COLUMNS} ô (bảng bị cắt hoặc thiếu ô); các ô còn thiếu được coi là trống.` });
      }
      tidyRow(row.cells, row.line, problems);
      body.push(row);
    }
    plan.sections.push(...mapTableRows(body, problems, { officialName }));
  } catch (err) {
    problems.push({ line: 1, message: `Lỗi nội bộ khi nhập văn bản: ${err instanceof Error ? err.message : String(err)}` });
  }

  let yaml = '';
  try {
    yaml = planToYaml(plan, { source: options.source, documentHadBlanks: headerInfo.documentHadBlanks });
  } catch (err) {
    problems.push({ line: 1, message: `Lỗi nội bộ khi ghi YAML: ${err instanceof Error ? err.message : String(err)}` });
  }
  problems.sort((a, b) => a.line - b.line);
  return { yaml, plan, problems };
}
