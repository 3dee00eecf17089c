// A small RFC 4180 reader for results tables saved as .csv: quoted fields (with "" for a quote and line
// breaks inside), a UTF-8 byte-order mark, and the separator Excel used: ";" where the decimal mark is a
// comma (Vietnamese settings), "," or a TAB otherwise, chosen from the first lines.

import type { Table } from './table';

/** The separator used most outside quotes in the first lines. */
function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 20; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') lines++;
    else if (!quoted && c in counts) counts[c]++;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ',';
}

export interface CsvResult {
  table: Table;
  /** A quote left open at the end of the file: the line it was opened on. */
  unclosedQuoteLine?: number;
}

/** Records of a CSV text; each row's number is the line its record starts on. */
export function readCsv(input: string): CsvResult {
  const text = input.replace(/^\uFEFF/, '');
  const separator = detectSeparator(text);
  const rows: Table['rows'] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endRecord = () => {
    record.push(field);
    rows.push({ number: recordLine, cells: record.map((t) => ({ text: t, origin: true })) });
    record = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || record.length || quoted) endRecord();
  return { table: { rows }, unclosedQuoteLine: quoted ? quoteLine : undefined };
}
