// The results of the index year read from the forms offices keep them in (.csv, .xlsx, .docx), the
// results file format and its schema, and the catalog schema.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { bundledCatalog, readResultsText, resultsToYaml } from '../../server/src/engine';
import { catalogFromResults } from '../../server/src/cli/results';
import { readCsv } from '../../server/src/results/csv';
import { importResults } from '../../server/src/results/read';
import { importResultsTable, readPoints } from '../../server/src/results/table';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'results');
const schema = (name: string) => new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')));
const byCode = (file: { criteria: { code: string }[] } | undefined) => new Map(file?.criteria.map((c) => [c.code, c]));

describe('CSV reader (RFC 4180)', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, a BOM and the ";" Excel uses with a decimal comma', () => {
    const { table, unclosedQuoteLine } = readCsv('\uFEFFa;"b ""x""";"2,75"\r\n"line\none";;3\n');
    expect(unclosedQuoteLine).toBeUndefined();
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['a', 'b "x"', '2,75'],
      ['line\none', '', '3'],
    ]);
    expect(table.rows.map((r) => r.number)).toEqual([1, 2]);
  });

  it('takes "," when it is the separator, and says where a quote was left open', () => {
    expect(readCsv('code,max\n"2.4","2,5"\n').table.rows[1].cells.map((c) => c.text)).toEqual(['2.4', '2,5']);
    expect(readCsv('a,b\n"open,2\n').unclosedQuoteLine).toBe(2);
  });

  it('reads points as numbers or as text with a decimal comma, and refuses other text', () => {
    const cell = (text: string, number?: number) => ({ text, number, origin: true });
    expect(readPoints(cell('2,75'))).toBe(2.75);
    expect(readPoints(cell(' 3 '))).toBe(3);
    expect(readPoints(cell('0.5', 0.5))).toBe(0.5);
    expect(readPoints(cell(''))).toBeNull();
    expect(readPoints(cell('không chấm'))).toBeNaN();
  });
});

describe('results table import', () => {
  it('maps the CSV by its headers: codes in STT or in the name cell, area rows, decimal commas; the unmappable row is reported', async () => {
    const result = importResults(readFileSync(join(fixtures, 'ha-tinh-2022.csv')), 'ha-tinh-2022.csv');
    expect(result.file?.issuer).toBe('UBND tỉnh Hà Tĩnh');
    expect(result.file?.['index-year']).toBe(2022);
    const codes = byCode(result.file);
    expect(codes.get('1.7')).toEqual({ code: '1.7', name: 'Thực hiện các nhiệm vụ do Chính phủ giao', max: 1, obtained: 0.5, 'self-assessed': 1 });
    expect(codes.get('3.2.2')).toMatchObject({ name: 'Công khai thủ tục hành chính và các quy định liên quan', max: 1, obtained: 0.5 });
    expect(codes.get('2.4')).toEqual({ code: '2.4', name: 'Chất lượng văn bản do tỉnh ban hành', max: 2, obtained: 1.5, note: 'Điều tra xã hội học' });
    expect(result.file?.areas?.map((a) => a.area)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(result.file?.areas?.[4]).toMatchObject({ max: 8.5, obtained: 6.48 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].row).toBe(51);
    expect(result.problems[0].message).toContain('Điểm thưởng do Bộ Nội vụ bổ sung');
  });

  it('the sample results file is exactly what the CSV imports to', async () => {
    const result = importResults(readFileSync(join(fixtures, 'ha-tinh-2022.csv')), 'ha-tinh-2022.csv', { source: 'ha-tinh-2022.csv' });
    const sample = readResultsText(readFileSync(join(root, 'samples', 'ket-qua-2022.par-results.yaml'), 'utf8'));
    expect(sample.problems).toEqual([]);
    expect(sample.file).toEqual(result.file);
  });

  it('maps an .xlsx written by openpyxl with a two-row merged header ("Kết quả" over "Tự đánh giá" | "Thẩm định")', async () => {
    const result = importResults(readFileSync(join(fixtures, 'ha-tinh-2022-openpyxl.xlsx')), 'ha-tinh-2022-openpyxl.xlsx');
    expect(result.file?.issuer).toBe('UBND tỉnh Hà Tĩnh');
    expect(result.file?.['index-year']).toBe(2022);
    const codes = byCode(result.file);
    // "0,5" typed as text in a numeric column, the rest stored as numbers.
    expect(codes.get('1.7')).toEqual({ code: '1.7', name: 'Thực hiện các nhiệm vụ do Chính phủ giao', max: 1, obtained: 0.5, 'self-assessed': 1 });
    expect(codes.get('3.2.2')).toMatchObject({ obtained: 0.5, 'self-assessed': 1 });
    expect(codes.get('2.4')).toEqual({ code: '2.4', name: 'Chất lượng văn bản do tỉnh ban hành', max: 2, obtained: 1.5 });
    expect([...codes.keys()]).toEqual(['1.1', '1.3', '1.7', '2.2', '2.4', '3.2', '3.2.1', '3.2.2', '3.2.3', '3.4']);
    expect(result.problems.map((p) => p.row)).toEqual([17, 18]);
    expect(result.problems[0].message).toContain('Tiêu chí không rõ mã');
    expect(result.problems[1].message).toContain('«chưa có» không phải là số');
  });

  it('maps a Word table with a two-row merged header and the code at the start of the name cell', async () => {
    const cell = (text: string, extra: Record<string, unknown> = {}) => new TableCell({ children: [new Paragraph({ text, alignment: AlignmentType.LEFT })], ...extra });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('BẢNG KẾT QUẢ CHỈ SỐ CCHC NĂM 2022 CỦA TỈNH NGHỆ AN'),
            new Table({
              rows: [
                new TableRow({ children: [cell('TT', { rowSpan: 2 }), cell('Tiêu chí, tiêu chí thành phần', { rowSpan: 2 }), cell('Điểm tối đa', { rowSpan: 2 }), cell('Kết quả', { columnSpan: 2 })] }),
                new TableRow({ children: [cell('Điểm tự đánh giá'), cell('Điểm đạt được')] }),
                new TableRow({ children: [cell('II'), cell('Cải cách thể chế'), cell('3,5'), cell(''), cell('2,5')] }),
                new TableRow({ children: [cell('1'), cell('2.4. Chất lượng văn bản do tỉnh ban hành'), cell('2'), cell(''), cell('1,25')] }),
                new TableRow({ children: [cell('2'), cell('2.2 - Kiểm tra, rà soát văn bản'), cell('1,5'), cell('1,5'), cell('1,5')] }),
                new TableRow({ children: [cell('3'), cell('Không có mã'), cell('1'), cell('1'), cell('1')] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const result = importResults(bytes, 'ket-qua.docx');
    expect(result.file?.issuer).toBe('UBND tỉnh Nghệ An');
    expect(result.file?.criteria).toEqual([
      { code: '2.2', name: 'Kiểm tra, rà soát văn bản', max: 1.5, obtained: 1.5, 'self-assessed': 1.5 },
      { code: '2.4', name: 'Chất lượng văn bản do tỉnh ban hành', max: 2, obtained: 1.25 },
    ]);
    expect(result.file?.areas).toEqual([{ area: 'II', name: 'Cải cách thể chế', max: 3.5, obtained: 2.5 }]);
    expect(result.problems).toEqual([{ row: 6, message: expect.stringContaining('Không có mã') }]);
  });

  it('reports a table without a results header, a missing year, a duplicate code and a missing score', () => {
    const rows = (lines: string[][]) => ({ rows: lines.map((cells, i) => ({ number: i + 1, cells: cells.map((text) => ({ text, origin: true })) })) });
    expect(importResultsTable(rows([['STT', 'Nhiệm vụ']])).problems[0].message).toContain('Không tìm thấy dòng tiêu đề');
    expect(importResultsTable(rows([['Mã', 'Điểm tối đa', 'Điểm đạt được'], ['1.1', '1', '1']])).problems[0].message).toContain('--year');
    const result = importResultsTable(rows([['Mã', 'Điểm tối đa', 'Điểm đạt được'], ['1.1', '1', '1'], ['1.1', '1', '0,5'], ['1.2', '1', '']]), { year: 2022 });
    expect(result.file?.criteria).toEqual([{ code: '1.1', max: 1, obtained: 1 }]);
    expect(result.problems).toEqual([
      { row: 3, message: expect.stringContaining('Mã 1.1 đã có ở dòng 2') },
      { row: 4, message: expect.stringContaining('1.2: thiếu điểm đạt được') },
    ]);
  });

  it('says why a file is not a table it can read', async () => {
    expect((importResults(new TextEncoder().encode('not a zip'), 'x.xlsx')).problems[0].message).toContain('không phải bảng tính Excel');
    expect((importResults(new TextEncoder().encode('a;"b\n'), 'x.csv')).problems[0].message).toContain('Dòng 1');
  });
});

describe('results file', () => {
  it('computes losses from the leaves: a criterion with sub-criteria loses what they lose', () => {
    const { results } = readResultsText(readFileSync(join(root, 'samples', 'ket-qua-2022.par-results.yaml'), 'utf8'));
    expect(results!.lossOf('3.2')).toBe(0.75);
    expect(results!.lossOf('3.2.1')).toBe(0);
    expect(results!.lossOf('1.1')).toBe(0);
    expect(results!.lossOf('9.9')).toBeUndefined();
    expect(results!.lost.map((l) => l.code)).not.toContain('3.2');
    expect(results!.lost.find((l) => l.code === '5.2.3')?.lost).toBe(0.2);
  });

  it('reports each wrong line with its number, in both languages', () => {
    const read = readResultsText('index-year: 2022\ncriteria:\n  - code: 2.4\n    max: 2\n    obtained: 1\n  - code: "3.1"\n    max: 1\n    obtained: 2\n    extra: 1\n');
    expect(read.results).toBeUndefined();
    expect(read.problems.map((p) => p.line)).toEqual([3, 9, 8]);
    expect(read.problems[0].message.vi).toContain('trong dấu nháy');
    expect(read.problems[0].message.en).toContain('quoted code');
  });

  it('writes what it reads', () => {
    const text = readFileSync(join(root, 'samples', 'ket-qua-2022.par-results.yaml'), 'utf8');
    const { file } = readResultsText(text);
    expect(readResultsText(resultsToYaml(file!)).file).toEqual(file);
  });
});

describe('schemas', () => {
  const validResults = schema('par-results.schema.json');
  const validCatalog = schema('par-catalog.schema.json');
  const yaml = (path: string) => readResultsText(readFileSync(path, 'utf8'));
  const plain = async (path: string) => (await import('yaml')).parse(readFileSync(path, 'utf8'));

  it('the sample and fixture results files follow schemas/par-results.schema.json; the bad one does not', async () => {
    for (const path of [join(root, 'samples', 'ket-qua-2022.par-results.yaml'), join(root, 'test', 'fixtures', 'rules', 'results.par-results.yaml')]) {
      expect(validResults(await plain(path)), `${path}: ${JSON.stringify(validResults.errors)}`).toBe(true);
      expect(yaml(path).problems).toEqual([]);
    }
    const bad = join(root, 'test', 'fixtures', 'rules', 'bad.par-results.yaml');
    expect(validResults(await plain(bad))).toBe(false);
    expect(yaml(bad).problems).toHaveLength(1);
  });

  it('the bundled catalog, whose $schema names it, follows schemas/par-catalog.schema.json, and so does an imported one', async () => {
    const bundled = JSON.parse(readFileSync(join(root, 'schemas', 'par-criteria.876-2022.json'), 'utf8'));
    expect(bundled.$schema).toBe('./par-catalog.schema.json');
    expect(validCatalog(bundled), JSON.stringify(validCatalog.errors)).toBe(true);
    const imported = importResults(readFileSync(join(fixtures, 'ha-tinh-2022.csv')), 'ha-tinh-2022.csv');
    const catalog = catalogFromResults(imported.file!, bundledCatalog(), 'ha-tinh-2022.csv');
    expect(validCatalog(catalog), JSON.stringify(validCatalog.errors)).toBe(true);
    expect(catalog.complete).toBe(false);
    expect(catalog.codes.find((c) => c.code === '3.2')).toMatchObject({ name: 'Công khai thủ tục hành chính', maxPoints: 3 });
    expect(validCatalog({ ...bundled, codes: [{ code: '1.1', level: 'TCTP', name: '' }] })).toBe(false);
  });

  it('every results fixture of the rules is one the reader accepts or names the bad line of', () => {
    const dir = join(root, 'test', 'fixtures', 'rules');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.par-results.yaml'))) {
      const read = yaml(join(dir, name));
      expect(read.problems.every((p) => p.line > 0), name).toBe(true);
    }
  });
});
