// The cells of an appendix table: their lines (fragments) and the views the mapping reads of them
// (text, flat text, unit list). Built by both importers.

import { normalizeSpace } from './text-helpers';

/** One line of a cell's text, with where it came from (a line of the text form, a row of a .docx table). */
export interface Fragment {
  line: number;
  text: string; // normalised, non-empty
}

export interface Cell {
  line: number;
  fragments: Fragment[];
}

/**
 * One table row in the standard column order: 0 STT, 1 criterion, 2 task, 3 lead, 4 support,
 * 5 deadline, and optionally 6 product, 7 note (only the .docx import fills those).
 */
export interface Row {
  line: number;
  cells: Cell[];
}

export const CELL_START = /^[ \u00a0]*\t/;

export function addFragments(cell: Cell, raw: string, line: number): void {
  for (const part of raw.split(/[\u000b\u2028\u2029]/)) {
    const t = normalizeSpace(part);
    if (t) cell.fragments.push({ line, text: t });
  }
}

/** "a) ", "đ. ", "iv) ": a line of a list, not the rest of the line above. */
const LIST_MARKER = /^(?:\p{Ll}|[ivx]{1,4})[.)]\s/u;

/** Paragraph join for text cells: "\n" between lines, a space before a line starting in lowercase. */
export function textOf(cell: Cell | undefined): string {
  if (!cell) return '';
  let out = '';
  for (const f of cell.fragments) {
    if (!out) out = f.text;
    else if (/^\p{Ll}/u.test(f.text) && !LIST_MARKER.test(f.text)) out += ' ' + f.text;
    else out += '\n' + f.text;
  }
  return out;
}

/** One-line join for unit and deadline cells. */
export function flatOf(cell: Cell | undefined): string {
  if (!cell) return '';
  return cell.fragments.map((f) => f.text).join(' ');
}

export function unitsOf(cell: Cell | undefined): string[] {
  return flatOf(cell)
    .split(';')
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
}
