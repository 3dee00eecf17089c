import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv from 'ajv';
import fc from 'fast-check';
import { importPlanText } from '../../server/src/word/text-import';
import { parseCriterionCell } from '../../server/src/word/criterion-cell';
import { type ImportResult } from '../../server/src/word/imported-plan';
import * as word from '../../server/src/word';
import { bundledCatalog } from '../../server/src/engine';

const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

const SAMPLE_PATH = repo('samples/ha-tinh-2023.par.yaml');
const sampleText = readFileSync(SAMPLE_PATH, 'utf8');
const sample = parse(sampleText);
const officialName = (code: string) => bundledCatalog().codes.get(code)?.name;

// The seed (the plain text of the Word table) is committed under test/fixtures/seed; a missing seed
// fails here rather than skipping the tests that need it. PAR_SEED may point to another copy.
const seedPath = process.env.PAR_SEED || repo('test/fixtures/seed/000_305705c128854940.txt');
const seed = readFileSync(seedPath, 'utf8');

// ---------------------------------------------------------------------------------------------------
// "Nothing is lost": every word of every non-empty input line is found in the plan or in a problem.

const BOILERPLATE = [
  /^ỦY BAN NHÂN DÂN$/iu, // becomes "UBND" in plan.issuer
  /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu,
  /^Độc lập – Tự do – Hạnh phúc$/u,
  // the column headings of the seed's table
  /^STT$/,
  /^Tiêu chí, tiêu chí thành phần bị trừ điểm, không đạt điểm tối đa trong năm 2022 \(theo Bộ Chỉ số CCHC cấp tỉnh\)$/u,
  /^Nhiệm vụ\/giải pháp thực hiện năm 2023$/u,
  /^Đơn vị chủ trì$/u,
  /^Đơn vị phối hợp$/u,
  /^Thời hạn hoàn thành \(tháng\/ quý\/năm\)$/u,
];

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

function corpusOf(res: ImportResult): string {
  const codes = res.plan.sections.flatMap((s) => s.items.flatMap((i) => i.criteria));
  const official = codes.map((c) => officialName(c) ?? '');
  return [...strings(res.plan), ...res.problems.map((p) => p.message), ...official].join('\n').toLowerCase();
}

const norm = (s: string) => s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
const PUNCT = /^[()[\]{}.,;:!?"“”'«»…\-–—/]+|[()[\]{}.,;:!?"“”'«»…\-–—/]+$/gu;

/** Lines of `input` whose words are not all found in the result. */
function lostLines(input: string, res: ImportResult): string[] {
  const corpus = corpusOf(res);
  const lost: string[] = [];
  for (const raw of input.split(/\r\n|\r|\n/)) {
    const line = norm(raw);
    if (!line || BOILERPLATE.some((re) => re.test(line))) continue;
    const doc = /^\(Kèm theo (.*)\)$/u.exec(line);
    if (doc && res.plan.plan.document === norm(doc[1])) continue;
    // "(Kèm theo" is dropped on purpose: plan.document holds only the document's own words
    const words = line
      .replace(/^\(\s*kèm theo\b/iu, '')
      .split(/[ ()]+/) // a name/finding cut may fall at a "(" with no space before it
      .map((w) => w.replace(PUNCT, '').toLowerCase())
      .filter((w) => w && !/^\d+$/.test(w)); // a bare STT number is structure (order), checked separately
    if (words.some((w) => !corpus.includes(w))) lost.push(line);
  }
  return lost;
}

// ---------------------------------------------------------------------------------------------------
// Facts read from the seed by hand, checked against the sample YAML.

type Task = { task: string; lead: string[]; support: string[]; deadline: string };
type Item = { criteria: string[]; name?: string; finding?: string; tasks: Task[] };
type Section = { area: string; title: string; items: Item[] };
const sections: Section[] = sample.sections;
const sec = (area: string) => sections.find((s) => s.area === area)!;

describe('sample samples/ha-tinh-2023.par.yaml (facts read from the seed)', () => {
  it('has the plan header of the appendix', () => {
    expect(sample.plan).toMatchObject({
      title: 'Nhiệm vụ, giải pháp thực hiện Chỉ số PAR Index năm 2023',
      issuer: 'UBND tỉnh Hà Tĩnh',
      year: 2023,
      appendix: 'Phụ lục I',
    });
    expect(sample.plan.document).toMatch(/^Kế hoạch số \/KH-UBND ngày \/5\/2023 của UBND tỉnh$/);
  });

  it('is valid against schemas/par-plan.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(repo('schemas/par-plan.schema.json'), 'utf8')));
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has the eight sections I..VIII with their titles', () => {
    expect(sections.map((s) => s.area)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(sec('I').title).toBe('Chỉ đạo điều hành CCHC');
    expect(sec('III').title).toBe('Cải cách thủ tục hành chính');
    expect(sec('VIII').title).toBe(
      'Tác động CCHC đến người dân, tổ chức và các chỉ tiêu phát triển kinh tế - xã hội của tỉnh',
    );
  });

  it('has 41 task rows: I:3, II:3, III:7, IV:5, V:4, VI:3, VII:6, VIII:10', () => {
    const counts = sections.map((s) => s.items.reduce((n, i) => n + i.tasks.length, 0));
    expect(counts).toEqual([3, 3, 7, 5, 4, 3, 6, 10]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(41);
  });

  it('has the criterion codes of every item, as strings', () => {
    expect(sections.map((s) => s.items.map((i) => i.criteria))).toEqual([
      [['1.1'], ['1.7']],
      [['2.4']],
      [['3.2.2'], ['3.2.3'], ['3.4']],
      [['4.1.3'], ['4.1.4'], ['4.1.5'], ['4.1.6'], ['4.3.4']],
      [['5.2.3', '5.2.4', '5.3.2', '5.3.3'], ['5.4'], ['5.5.2'], ['5.7']],
      [['6.1.1'], ['6.1.3'], ['6.1.4', '6.2.4', '6.2.5']],
      [['7.1.2'], ['7.1.4'], ['7.3.2'], ['7.3.6'], ['7.3.7']],
      [['8.1'], ['8.2'], ['8.3.2'], ['8.4'], ['8.5'], []],
    ]);
    expect(sampleText).toContain('criteria: ["5.2.3", "5.2.4", "5.3.2", "5.3.3"]');
    expect(sampleText).not.toMatch(/criteria: \[[^\]"]*\d/); // no unquoted code
  });

  it('keeps exactly the gaps of the original, nothing more', () => {
    const gaps: string[] = [];
    for (const s of sections)
      s.items.forEach((item, i) =>
        item.tasks.forEach((t, j) => {
          for (const k of ['lead', 'support'] as const) if (t[k].length === 0) gaps.push(`${s.area}/${i + 1}/${j + 1}/${k}`);
          if (t.deadline === '') gaps.push(`${s.area}/${i + 1}/${j + 1}/deadline`);
        }),
      );
    expect(gaps).toEqual([
      'I/2/2/lead',
      'I/2/2/deadline',
      'V/1/1/deadline',
      'VIII/1/1/lead',
      'VIII/1/1/support',
      'VIII/1/1/deadline',
    ]);
    expect(sec('VIII').items[0].tasks[0].task).toBe('Có giải pháp riêng theo Phụ lục II (kèm theo)');
    expect(sampleText.match(/# Ô trống trong bản gốc/g)).toHaveLength(6);
  });

  it('keeps texts verbatim, typos included', () => {
    expect(sec('I').items[0].tasks[0].task).toBe(
      'Thường xuyên theo dõi tiến độ, kịp thời đôn đốc, kiểm tra việc thực hiện các chỉ tiêu, nhiệm vụ trong Kế hoạch CCHC năm 2023 phấn đấu hoàn thành 100% nhiệm vụ theo kế hoạch đề ra.',
    );
    expect(sec('III').items[0].tasks[1].task).toMatch(/^Tạo đường linh liên kết TTHC /);
    expect(sec('V').items[1].tasks[0].task).toContain('kỷ luật kỷ cương hành chínhh trong đội ngũ');
    expect(sec('V').items[1].tasks[0].task).toContain('Kết luận số 29-KL/TUngày 22/7/2021');
    expect(sec('VII').items[0].tasks[0].deadline).toBe('tháng 12/2023');
  });

  it('keeps the paragraphs of a multi-line cell as lines of a literal block', () => {
    expect(sec('II').items[0].tasks[2].task).toBe(
      '- Đẩy nhanh tiến độ, kịp thời tham mưu ban hành các văn bản quy phạm pháp luật để quy định chi tiết các nội dung được giao tại các văn bản quy phạm pháp luật của Trung ương.\n' +
        '- Tiếp tục nâng cao chất lượng xây dựng, ban hành văn bản quy phạm pháp luật do tỉnh ban hành.',
    );
    const chiTieu7 = sec('VIII').items[4].tasks[4].task.split('\n');
    expect(chiTieu7).toHaveLength(4);
    expect(chiTieu7[0]).toBe('Chỉ tiêu 7:');
    expect(chiTieu7[1]).toMatch(/^- Triển khai thực hiện các văn bản chỉ đạo/);
    // " - Tăng cường giám sát" (leading space in the seed) is trimmed
    expect(sec('VI').items[0].tasks[0].task.split('\n')[1]).toBe(
      '- Tăng cường giám sát việc chấp hành các quy định trong quản lý, giải ngân vốn đầu tư công.',
    );
    expect(sampleText).toMatch(/task: \|-\n +- Đẩy nhanh tiến độ/);
  });

  it('splits unit cells on ";" only and joins names broken across lines', () => {
    expect(sec('I').items[0].tasks[0].support).toEqual(['Sở, ban, ngành cấp tỉnh', 'UBND cấp huyện và các cơ quan liên quan']);
    expect(sec('VIII').items[1].tasks[0].lead).toEqual(['Sở Kế hoạch và Đầu tư']);
    expect(sec('VIII').items[2].tasks[0].lead).toEqual(['Sở Kế hoạch và Đầu tư']);
    expect(sec('VIII').items[1].tasks[0].support).toEqual(['Sở, ban, ngành cấp tỉnh, UBND cấp huyện']); // comma: not split
    expect(sec('VII').items[3].tasks[0].lead).toEqual(['Sở, ban, ngành cấp tỉnh']); // "Sở, ban, ngành \ncấp tỉnh"
    expect(sec('VII').items[3].tasks[1].support).toEqual(['Sở Thông tin và Truyền thông', 'sở, ban, ngành cấp tỉnh', 'UBND cấp huyện']);
    for (const s of sections)
      for (const i of s.items)
        for (const t of i.tasks)
          for (const u of [...t.lead, ...t.support, t.deadline]) expect(u).not.toMatch(/\n| {2}|^ | $|;/);
  });

  it('splits criterion cells into finding and (only when not the official name) name', () => {
    expect(sec('I').items[0]).not.toHaveProperty('name');
    expect(sec('I').items[0].finding).toBe('Mức độ đạt được kế hoạch CCHC năm 2022 đạt 98,2% (56/57 nhiệm vụ)');
    expect(sec('I').items[1].finding).toMatch(/^theo Báo cáo số 18\/BC-VPCP ngày 02\/01\/2023 của VPCP, .* chưa hoàn thành$/);
    expect(sec('VII').items[1].finding).toBe('tiêu chí này không đạt điểm tối đa do năm 2022 tỉnh đạt tỷ lệ 60%');
    const named = sections.flatMap((s) => s.items.filter((i) => i.name !== undefined).map((i) => [i.criteria.join(','), i.name]));
    expect(named).toEqual([
      ['8.1', 'SIPAS'],
      ['8.5', 'Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND tỉnh giao năm 2022'],
      ['', 'Đối với thực hiện các chỉ tiêu kinh tế - xã hội năm 2023'],
    ]);
    // 8.5: the finding is not one enclosed parenthetical, so its parentheses stay
    const f85 = sec('VIII').items[4].finding!.split('\n');
    expect(f85[0]).toMatch(/^\(tiêu chí này năm 2022 bị trừ điểm do Nghị quyết số 40\/NQ-HĐND .*; 07 chỉ tiêu không đạt kế hoạch bao gồm:$/);
    expect(f85).toHaveLength(8);
    expect(f85[7]).toBe('7. 91,21% xã, phường, thị trấn đạt cơ sở vững mạnh toàn diện (KH 100%)');
  });
});

// ---------------------------------------------------------------------------------------------------

describe('importPlanText on the seed', () => {
  const res = importPlanText(seed);

  it('reproduces the sample (same plan, same tasks, units, deadlines)', () => {
    expect(res.plan).toStrictEqual(sample);
    expect(parse(res.yaml)).toStrictEqual(sample);
  });

  it('reports no problem for the seed', () => {
    expect(res.problems).toEqual([]);
  });

  it('represents every line of the seed', () => {
    expect(lostLines(seed, res)).toEqual([]);
  });

  it('takes issuer and year from options, noting a disagreement', () => {
    const r = importPlanText(seed, { issuer: 'UBND tỉnh X', year: 2024 });
    expect(r.plan.plan.issuer).toBe('UBND tỉnh X');
    expect(r.plan.plan.year).toBe(2024);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/2023.*2024/);
  });

  it('never throws on a truncated seed, and reports the cut row without losing text', () => {
    const lines = seed.split('\n');
    for (let n = 0; n <= lines.length; n += 7) {
      const cut = lines.slice(0, n).join('\n');
      const r = importPlanText(cut);
      expect(lostLines(cut, r), `cut at ${n}`).toEqual([]);
      expect(() => parse(r.yaml)).not.toThrow();
      expect(parse(r.yaml)).toStrictEqual(r.plan);
    }
    // cut after the first two cells of "1.1": the row is incomplete
    const at = lines.findIndex((l) => l.startsWith('\t1.1 - '));
    const r = importPlanText(lines.slice(0, at + 1).join('\n'));
    expect(r.problems.some((p) => p.line === at && /2\/6 ô/.test(p.message))).toBe(true);
    expect(r.plan.sections[0].items[0].criteria).toEqual(['1.1']);
    expect(r.plan.sections[0].items[0].tasks).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------

// The column headings of the seed, as cells.
const HEADINGS = [
  '\tSTT',
  '\tTiêu chí, tiêu chí thành phần bị trừ điểm, không đạt điểm tối đa trong năm 2022  (theo Bộ Chỉ số CCHC cấp tỉnh)',
  '\tNhiệm vụ/giải pháp thực hiện năm 2023',
  '\tĐơn vị chủ trì',
  '\tĐơn vị phối hợp',
  '\tThời hạn hoàn thành (tháng/ quý/năm)',
];

const MINI = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH QUẢNG TRỊ',
  '',
  'PHỤ LỤC II',
  'NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024',
  '(Kèm theo Kế hoạch số 12/KH-UBND ngày 3/1/2024 của UBND tỉnh)',
  '',
  ...HEADINGS,
  '',
  '\tI', '\tChỉ đạo điều hành', '\t ', '\t\u00a0', '\t', '\t \u00a0 ',
  '',
  '\t1', '\t1.10 - Tên lạ (lý do (chi tiết) cuối)', '\tNhiệm vụ   một', '\tSở Nội vụ;  Sở Tư pháp ;', '\t\u00a0', '\tQuý I/2024',
  '',
  '\t', '\t', '\t- Ý một', '- Ý hai', '', '\tSở Kế hoạch và', ' Đầu tư', '\tSở A, Sở B', '\t',
  '',
  '\t2', '\t1.7 - Thực hiện các nhiệm vụ do Chính phủ giao', '\tViệc ba, tiếp', 'tục dòng sau', '\t', '\t', '\tNăm 2024',
  '',
].join('\n');

describe('importPlanText on a small table', () => {
  const res = importPlanText(MINI);

  it('reads the header', () => {
    expect(res.plan.plan).toEqual({
      title: 'Nhiệm vụ cải cách hành chính năm 2024',
      issuer: 'UBND tỉnh Quảng Trị',
      year: 2024,
      'index-year': 2022, // from the seed's column heading "... trong năm 2022"
      document: 'Kế hoạch số 12/KH-UBND ngày 3/1/2024 của UBND tỉnh',
      appendix: 'Phụ lục II',
    });
    expect(res.problems).toEqual([]);
  });

  it('maps rows, keeps empty cells empty, splits units on ";" only', () => {
    expect(res.plan.sections).toEqual([
      {
        area: 'I',
        title: 'Chỉ đạo điều hành',
        items: [
          {
            criteria: ['1.10'],
            name: 'Tên lạ',
            finding: 'lý do (chi tiết) cuối',
            tasks: [
              { task: 'Nhiệm vụ một', lead: ['Sở Nội vụ', 'Sở Tư pháp'], support: [], deadline: 'Quý I/2024' },
              { task: '- Ý một\n- Ý hai', lead: ['Sở Kế hoạch và Đầu tư'], support: ['Sở A, Sở B'], deadline: '' },
            ],
          },
          {
            criteria: ['1.7'],
            tasks: [{ task: 'Việc ba, tiếp tục dòng sau', lead: [], support: [], deadline: 'Năm 2024' }],
          },
        ],
      },
    ]);
  });

  it('writes readable YAML that reads back to the same plan', () => {
    expect(parse(res.yaml)).toStrictEqual(res.plan);
    expect(res.yaml).toMatch(/^# /); // header comment
    expect(res.yaml).toContain('criteria: ["1.10"]');
    expect(res.yaml).toContain('  - area: I\n');
    expect(res.yaml).toMatch(/task: \|-\n {14}- Ý một\n {14}- Ý hai\n/);
    expect(res.yaml).toContain('support: [] # Ô trống trong bản gốc');
    expect(res.yaml).toContain('deadline: "" # Ô trống trong bản gốc');
    expect(importPlanText(MINI, { source: 'mini.txt' }).yaml.split('\n')[0]).toContain('mini.txt');
  });

  it('reports short rows, numbering gaps, orphan rows and rows before any section', () => {
    const text = [
      ...HEADINGS,
      '',
      '\t1', '\t2.4 - Trước phần', '\tViệc sớm', '\tSở X', '\t', '\t',
      '',
      '\tII', '\tCải cách thể chế', '\t', '\t', '\t', '\t',
      '',
      '\t', '\t', '\tViệc mồ côi', '\tSở Y', '\t', '\t',
      '',
      '\t3', '\t2.1 - Tên', '\tViệc thiếu ô', '\tSở Z', '\tSở W',
      '',
      '\t4', '\t2.2 - Khác', '\tViệc bốn', '\tSở Q', '\t', '\tNăm 2024',
    ].join('\n');
    const r = importPlanText(text);
    const msgs = r.problems.map((p) => `${p.line}: ${p.message}`).join('\n');
    expect(msgs).toMatch(/^8: .*trước phần I\.\.VIII.*Việc sớm/m);
    expect(msgs).toMatch(/^22: .*tiếp nối.*phần II chưa có mục/m);
    expect(msgs).toMatch(/^29: .*5\/6 ô/m);
    expect(msgs).toMatch(/^29: .*STT «3».*không liền sau STT 0/m);
    expect(msgs).not.toMatch(/STT «4»/);
    expect(r.plan.sections[0].items.map((i) => i.criteria)).toEqual([[], ['2.1'], ['2.2']]);
    expect(r.plan.sections[0].items[0].tasks[0].task).toBe('Việc mồ côi');
    expect(r.plan.sections[0].items[1].tasks[0]).toEqual({ task: 'Việc thiếu ô', lead: ['Sở Z'], support: ['Sở W'], deadline: '' });
    expect(lostLines(text, r)).toEqual([]);
  });
});

describe('parseCriterionCell', () => {
  it('splits several codes, official names left out', () => {
    expect(
      parseCriterionCell(
        '5.2.3 - Tính công khai, minh bạch trong tuyển dụng công chức, viên chức; 5.2.4 - Tình trạng tiêu cực trong công tác tuyển dụng công chức, viên chức  (tiêu chí này x y z)',
      ),
    ).toEqual({
      criteria: ['5.2.3', '5.2.4'],
      writtenNames: [
        'Tính công khai, minh bạch trong tuyển dụng công chức, viên chức',
        'Tình trạng tiêu cực trong công tác tuyển dụng công chức, viên chức',
      ],
      finding: 'tiêu chí này x y z',
    });
  });

  it('does not cut an official name at its own ";", "(" or ":"', () => {
    const c624 = parseCriterionCell(`6.2.4 - ${officialName('6.2.4')} (lý do ở đây)`);
    expect(c624.criteria).toEqual(['6.2.4']);
    expect(c624.name).toBeUndefined();
    expect(c624.finding).toBe('lý do ở đây');
    const c714 = parseCriterionCell(`7.1.4 - ${officialName('7.1.4')} (tiêu chí này không đạt)`);
    expect(c714).toMatchObject({ criteria: ['7.1.4'], finding: 'tiêu chí này không đạt' });
    expect(c714.name).toBeUndefined();
    const c24 = parseCriterionCell(`2.4 - ${officialName('2.4')} (a b c)`);
    expect(c24.name).toBeUndefined();
  });

  it('strips one enclosing pair of parentheses only', () => {
    expect(parseCriterionCell('3.4 - Kết quả giải quyết hồ sơ TTHC ((a) b c d)').finding).toBe('(a) b c d');
    expect(parseCriterionCell('3.4 - Kết quả giải quyết hồ sơ TTHC (a b c) và (d)').finding).toBe('(a b c) và (d)');
    expect(parseCriterionCell('1.1 - Thực hiện Kế hoạch CCHC năm: Đạt 90% (9/10)').finding).toBe('Đạt 90% (9/10)');
  });

  it('keeps a written name that is not the official one, and uses a given catalog', () => {
    expect(parseCriterionCell('8.1 - SIPAS').name).toBe('SIPAS');
    expect(parseCriterionCell('9.9 - Chưa biết (lý do một hai)')).toMatchObject({ criteria: ['9.9'], name: 'Chưa biết', finding: 'lý do một hai' });
    expect(parseCriterionCell('9.9 - Chưa biết (lý do một hai)', (c) => (c === '9.9' ? 'Chưa biết' : undefined)).name).toBeUndefined();
    expect(parseCriterionCell('Không mã (theo văn bản số 1)')).toEqual({
      criteria: [],
      writtenNames: ['Không mã'],
      name: 'Không mã',
      finding: 'theo văn bản số 1',
    });
  });
});

describe('decodeText (what the CLI and the extension decode a .txt with)', () => {
  it('reads UTF-8, and UTF-16 LE or BE with a byte-order mark (Word "Unicode text")', () => {
    const text = '\tI\n\tChỉ đạo điều hành';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(word.decodeText(new TextEncoder().encode(text))).toBe(text);
    expect(word.decodeText(le)).toBe(text);
    expect(word.decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('importPlanText on odd input', () => {
  it('returns problems for an empty string, without throwing', () => {
    const r = importPlanText('');
    expect(r.plan).toEqual({ plan: {}, sections: [] });
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.line >= 1)).toBe(true);
    expect(parse(r.yaml)).toStrictEqual(r.plan);
  });

  it('reports every line of garbage text', () => {
    const garbage = 'xin chào\n\n  lorem ipsum dolor\n12345 abc\t\tdef\n)(*&^%$ ;; ::\n';
    const r = importPlanText(garbage);
    expect(r.plan.sections).toEqual([]);
    const msgs = r.problems.map((p) => p.message).join('\n');
    for (const line of ['xin chào', 'lorem ipsum dolor', '12345 abc def', ')(*&^%$ ;; ::']) expect(msgs).toContain(line);
    expect(r.problems.find((p) => p.message.includes('lorem'))!.line).toBe(3);
    expect(lostLines(garbage, r)).toEqual([]);
  });

  it('never throws and never loses a word (random tables)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '', ' ', '\t', '\t ', '\t\u00a0', '\tI', '\tII', '\tVIII', '\tIX', '\t1', '\t2', '\t7.', '\tSTT',
        '\t1.1 - Thực hiện Kế hoạch CCHC năm: lý do', '\t3.2.2 - Tên (lý do một hai)', '\t5.2.3 - A; 5.2.4 - B (c d e)',
        '\tSở Nội vụ; Sở Tư pháp', '\tNăm 2024', '- gạch đầu dòng', 'tiếp dòng thường', 'PHỤ LỤC III',
        'ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN', 'KẾ HOẠCH NĂM 2025', '(Kèm theo Kế hoạch số 1/KH-UBND)', '(Kèm theo',
        '\tCó (ngoặc chưa đóng', 'ngoặc đóng)', '\r', 'a\u000bb',
      ),
      fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((s) => `\t${s}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (lines) => {
        const input = lines.join('\n');
        const r = importPlanText(input);
        expect(lostLines(input, r)).toEqual([]);
        expect(parse(r.yaml)).toStrictEqual(r.plan);
        for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
