// The Word export: layout facts read from the XML, the criterion-cell contract with the import, and
// random plans that go through export and import unchanged.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { bundledCatalog } from '../../server/src/engine';
import { criterionCellLines, exportPlanDocx } from '../../server/src/word/docx-export';
import { importPlanDocx } from '../../server/src/word/docx-import';
import { parseCriterionCell } from '../../server/src/word/criterion-cell';
import { parseXml } from '../../server/src/word/xml';
import { readDocumentXml, SAMPLE_TEXT } from './helpers';

const catalog = bundledCatalog();
const official = (c: string) => catalog.codes.get(c)?.name;

describe('layout of the exported appendix', () => {
  it('is A4 landscape, Times New Roman, with the administrative header, a repeated header row and bold section rows', async () => {
    const xml = await readDocumentXml(await exportPlanDocx(SAMPLE_TEXT));
    expect(parseXml(xml).error).toBeUndefined();
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain('Times New Roman');
    expect(xml).toContain('>ỦY BAN NHÂN DÂN<');
    expect(xml).toContain('>TỈNH HÀ TĨNH<');
    expect(xml).toContain('>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<');
    expect(xml).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>).)*>Độc lập - Tự do - Hạnh phúc</);
    expect(xml).toMatch(/<w:caps\/>(?:(?!<\/w:r>).)*>Nhiệm vụ, giải pháp thực hiện Chỉ số PAR Index năm 2023</);
    expect(xml).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*>\(Kèm theo Kế hoạch số {8}\/KH-UBND ngày {8}\/5\/2023 của UBND tỉnh\)</);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*>Chỉ đạo điều hành CCHC</);
    expect(xml).toMatch(/<w:gridSpan w:val="5"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="continue"\/>/);
    // 8 section rows + 41 task rows + 1 header row in the main table, 1 row in the header table
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(1 + 1 + 8 + 41);
  });

  it('adds "Sản phẩm" and "Ghi chú" columns only when the plan has them', async () => {
    const plan = `plan: {title: T năm 2024, issuer: UBND tỉnh X, year: 2024}
sections:
  - area: I
    items:
      - criteria: ["1.1"]
        tasks:
          - {task: Việc, lead: [A], product: Báo cáo, note: Gấp}
`;
    const xml = await readDocumentXml(await exportPlanDocx(plan));
    expect(xml).toContain('>Sản phẩm<');
    expect(xml).toContain('>Ghi chú<');
    // the section title missing: the catalog's area name
    expect(xml).toContain('>Công tác chỉ đạo, điều hành cải cách hành chính<');
    const back = await importPlanDocx(await exportPlanDocx(plan));
    expect(back.plan.sections[0].items[0].tasks[0]).toEqual({ task: 'Việc', lead: ['A'], support: [], deadline: '', product: 'Báo cáo', note: 'Gấp' });
  });

  it('never throws on a broken or empty plan', async () => {
    for (const text of ['', 'plan: [', '- 1\n- 2', 'sections: 5', 'plan:\n  title: x\nsections:\n  - area: IX\n    items: [{criteria: [1.10], tasks: [{}]}]']) {
      const bytes = await exportPlanDocx(text);
      expect(bytes.length).toBeGreaterThan(1000);
    }
  });
});

describe('criterion cell: written by the export, read by the import', () => {
  const cases: { criteria: string[]; name?: string; finding?: string }[] = [
    { criteria: ['1.1'], finding: 'Mức độ đạt 98,2% (56/57 nhiệm vụ)' },
    { criteria: ['8.1'], name: 'SIPAS' },
    { criteria: ['8.5'], name: 'Chỉ tiêu KT-XH', finding: '(tiêu chí a b) c (d\n1. e (f' },
    { criteria: ['5.2.3', '5.2.4'], finding: 'x' },
    { criteria: ['5.2.3', '5.2.4'], name: 'Tên A; Tên B', finding: 'lý do ngắn' },
    { criteria: ['5.2.3', '5.2.4'], name: 'Một tên chung' },
    { criteria: ['9.9'], finding: 'ab' },
    { criteria: ['9.9'], finding: '(ab)' },
    { criteria: [], name: 'Đối với chỉ tiêu năm 2023', finding: 'theo Nghị quyết số 13' },
    { criteria: [], finding: 'chỉ có lý do, không có tên' },
    { criteria: [], finding: 'ngắn' },
    { criteria: ['6.2.4'], finding: 'lý do (một) hai' },
  ];
  for (const item of cases) {
    it(JSON.stringify(item), () => {
      const lines = criterionCellLines({ ...item, tasks: [] }, official);
      const parts = parseCriterionCell(lines.join('\n'), official);
      expect({ criteria: parts.criteria, name: parts.name, finding: parts.finding }).toEqual({ criteria: item.criteria, name: item.name, finding: item.finding });
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Random plans through export and import

const WORDS = ['Sở', 'Nội', 'vụ', 'tuyên', 'truyền', 'kiểm', 'tra', 'Đẩy', 'mạnh', 'năm', '2024', 'TTHC', 'công', 'khai', '98,2%', 'đ/c', '"trích"', '&', '<a>'];
const word = fc.constantFrom(...WORDS);
const phrase = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
/** A line that does not start with a lowercase letter (a lowercase start continues the line above). */
const line = fc.tuple(fc.constantFrom('Đ', 'T', '- ', '+ ', '1. ', 'K', '(1) '), phrase(1, 8)).map(([a, b]) => `${a}${b}`);
const text = fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));
const unit = fc.constantFrom('Sở Nội vụ', 'Sở, ban, ngành cấp tỉnh', 'UBND cấp huyện', 'Văn phòng UBND tỉnh', 'Các cơ quan, đơn vị liên quan');
const deadline = fc.constantFrom('', 'Năm 2024', 'Quý IV/2024', 'Trước 15/12/2024', 'Thường xuyên', 'Tháng 6/2024');
const codes = fc.constantFrom(...[...catalog.codes.keys()].filter((c) => c.startsWith('1.') || c.startsWith('5.')));
const task = fc.record({ task: text, lead: fc.uniqueArray(unit, { maxLength: 2 }), support: fc.uniqueArray(unit, { maxLength: 2 }), deadline });
const item = fc.record(
  {
    criteria: fc.uniqueArray(codes, { minLength: 1, maxLength: 3 }),
    name: fc.tuple(fc.constantFrom('Tên', 'Mức độ', 'SIPAS'), phrase(0, 4)).map(([a, b]) => `${a} ${b}`.trim()),
    finding: text,
    tasks: fc.array(task, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['criteria', 'tasks'] },
);
const plan = fc.record({
  plan: fc.record({ title: fc.constant('Kế hoạch cải cách hành chính năm 2024'), issuer: fc.constantFrom('UBND tỉnh Quảng Trị', 'UBND thành phố Hà Nội', 'Sở Nội vụ tỉnh Nghệ An'), year: fc.constant(2024) }),
  sections: fc.array(
    fc.record({ area: fc.constantFrom('I', 'V'), title: phrase(1, 5).map((s) => `Phần ${s}`), items: fc.array(item, { minLength: 1, maxLength: 3 }) }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('random plans: export then import gives the same plan', () => {
  it('keeps header, sections, items and tasks', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async (generated) => {
        const p = JSON.parse(JSON.stringify(generated)); // plain objects (fast-check makes some without prototype)
        const res = await importPlanDocx(await exportPlanDocx(stringify(p)));
        expect(res.problems).toEqual([]);
        expect(res.plan).toStrictEqual(p);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    );
  });
});
