// Builders for the .docx variants of the tests: tables written with the `docx` library, or the XML of an
// exported file edited in place, or a hand-written document.xml zipped with the minimal package parts.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import JSZip from 'jszip';
import { parse } from 'yaml';

export const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
export const SAMPLE_TEXT = readFileSync(repo('samples/ha-tinh-2023.par.yaml'), 'utf8');
export const SAMPLE = parse(SAMPLE_TEXT);

export type CellSpec =
  | string
  | {
      /** One entry per paragraph; "\n" inside an entry is a line break (w:br). */
      text?: string | string[];
      span?: number;
      rowSpan?: number;
      vMerge?: 'restart' | 'continue';
      bullet?: boolean;
    };

export interface TableSpec {
  rows: CellSpec[][];
  /** The first N rows are marked as header rows (w:tblHeader). */
  headerRows?: number;
}

export interface DocSpec {
  /** Header table: [left cell lines, right cell lines]. */
  headerTable?: [string[], string[]];
  before?: (string | { text: string; caps?: boolean })[];
  tables: (TableSpec | { paragraphs: string[] })[];
  after?: string[];
}

function paragraphsOf(spec: CellSpec): Paragraph[] {
  const texts = typeof spec === 'string' ? [spec] : Array.isArray(spec.text) ? spec.text : [spec.text ?? ''];
  const bullet = typeof spec !== 'string' && spec.bullet;
  return texts.map((t) => {
    const lines = t.split('\n');
    return new Paragraph({
      bullet: bullet ? { level: 0 } : undefined,
      children: lines.map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : undefined })),
    });
  });
}

function cellOf(spec: CellSpec): TableCell {
  const o = typeof spec === 'string' ? {} : spec;
  return new TableCell({
    children: paragraphsOf(spec),
    columnSpan: o.span,
    rowSpan: o.rowSpan,
    verticalMerge: o.vMerge === 'restart' ? VerticalMergeType.RESTART : o.vMerge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
  });
}

export function tableOf(spec: TableSpec): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: spec.rows.map((cells, r) => new TableRow({ tableHeader: r < (spec.headerRows ?? 0) || undefined, children: cells.map(cellOf) })),
  });
}

export const STANDARD_BEFORE: DocSpec['before'] = ['PHỤ LỤC I', 'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024', '(Kèm theo Kế hoạch số 12/KH-UBND ngày 3/1/2024 của UBND tỉnh)'];
export const STANDARD_HEADER_TABLE: DocSpec['headerTable'] = [['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']];

export async function buildDocx(spec: DocSpec): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  if (spec.headerTable) {
    children.push(
      new Table({
        rows: [new TableRow({ children: spec.headerTable.map((lines) => new TableCell({ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) })) })],
      }),
    );
  }
  for (const b of spec.before ?? []) {
    const o = typeof b === 'string' ? { text: b } : b;
    children.push(new Paragraph({ children: [new TextRun({ text: o.text, allCaps: o.caps })] }));
  }
  for (const t of spec.tables) {
    if ('paragraphs' in t) for (const p of t.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)] }));
    else children.push(tableOf(t));
  }
  for (const p of spec.after ?? []) children.push(new Paragraph({ children: [new TextRun(p)] }));
  const doc = new Document({
    numbering: { config: [] },
    sections: [{ children }],
  });
  return Packer.pack(doc, 'uint8array');
}

/** Replaces word/document.xml of a .docx by `edit(xml)`. */
export async function editDocumentXml(docx: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', edit(xml));
  return zip.generateAsync({ type: 'uint8array' });
}

export async function readDocumentXml(docx: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
}

/** A .docx made of a hand-written document.xml body (and optional numbering.xml). */
export async function docxFromBodyXml(bodyXml: string, opts: { prefix?: string; numberingXml?: string } = {}): Promise<Uint8Array> {
  const w = opts.prefix ?? 'w';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${w}:document xmlns:${w}="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
      `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><${w}:body>${bodyXml}</${w}:body></${w}:document>`,
  );
  if (opts.numberingXml) {
    zip.file(
      'word/_rels/document.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    );
    zip.file('word/numbering.xml', opts.numberingXml);
  }
  return zip.generateAsync({ type: 'uint8array' });
}

export const HEAD = ['STT', 'Tiêu chí, tiêu chí thành phần bị trừ điểm năm 2023', 'Nhiệm vụ/giải pháp thực hiện năm 2024', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn hoàn thành'];

/** Plan data of a parsed YAML text, for comparisons. */
export function dataOf(yamlText: string): unknown {
  return parse(yamlText);
}
