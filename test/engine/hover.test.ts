// Hover, as data: the cursor on a token, the facts the markdown must state, and the exact token the
// hover range covers. Counts are checked against the model, not against numbers copied from the output.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisOptions } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine/features/hover';
import { analyze } from '../support/engine';

const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
const sampleAnalysis = analyze(sample);

/** Hover on the `nth` occurrence of `token` in `text` (cursor `into` characters inside it). */
function hoverOn(analysis: ReturnType<typeof analyze>, token: string, { nth = 0, into = 1, exact = token } = {}) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = analysis.text.indexOf(token, start + 1);
  if (start === -1) throw new Error(`"${token}" not found`);
  const hover = hoverAt(analysis, start + into);
  if (!hover) return null;
  const exactStart = analysis.text.indexOf(exact, start);
  // The range is exactly the hovered token.
  expect(analysis.text.slice(hover.range.start, hover.range.end)).toBe(exact);
  expect(hover.range.start).toBe(exactStart);
  return hover.markdown;
}

const doc = (body: string, year = 2023) =>
  `plan:\n  title: Kế hoạch\n  issuer: UBND tỉnh Hà Tĩnh\n  year: ${year}\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n${body}`;
const small = (body: string, options: Partial<AnalysisOptions> & { year?: number } = {}) => analyze(doc(body, options.year), options);

/** Tasks of the sample naming a unit, by role: computed from the model, independently of the hover. */
function tasksNaming(unitId: string) {
  const count = { lead: 0, support: 0 };
  for (const task of sampleAnalysis.model.tasks) {
    for (const role of ['lead', 'support'] as const) {
      const named = (task[role]?.entries ?? []).some((e) => sampleAnalysis.unitParts(e).some((p) => p.unitIds.includes(unitId)));
      if (named) count[role]++;
    }
  }
  return count;
}

describe('criterion codes', () => {
  it('on the sample: level, name, parent, area, scoring and how many tasks address it', () => {
    const md = hoverOn(sampleAnalysis, '"3.2.2"', { into: 2, exact: '3.2.2' })!;
    const tasks = sampleAnalysis.model.items.filter((i) => i.criteria.some((c) => c.code === '3.2.2')).reduce((n, i) => n + i.tasks.length, 0);
    expect(tasks).toBeGreaterThan(0);
    for (const fact of [
      '**3.2.2** · Tiêu chí thành phần (TCTP)',
      'Công khai thủ tục hành chính và các quy định liên quan',
      'Thuộc tiêu chí 3.2',
      'Lĩnh vực III: Cải cách thủ tục hành chính',
      'Cách chấm điểm: tỉnh tự đánh giá, Bộ Nội vụ thẩm định',
      `Kế hoạch này có ${tasks} nhiệm vụ cho tiêu chí này`,
    ]) {
      expect(md).toContain(fact);
    }
  });

  it("shows the item's own name and the SIPAS scoring", () => {
    const md = hoverOn(sampleAnalysis, '"8.1"', { into: 1, exact: '8.1' })!;
    expect(md).toContain('Tiêu chí (TC)');
    expect(md).toContain('SIPAS (Chỉ số hài lòng về sự phục vụ hành chính)');
    expect(md).toContain('khảo sát sự hài lòng của người dân, tổ chức (SIPAS)');
    expect(md).toContain('Tên ghi trong kế hoạch: SIPAS');
  });

  it('counts the tasks of every item that lists the code', () => {
    const a = small(
      '          - task: A\n' +
        '      - criteria: ["1.2", "1.1"]\n        tasks:\n          - task: B\n          - task: C\n' +
        '      - criteria: ["1.2"]\n        tasks: []\n',
    );
    expect(hoverOn(a, '"1.1"', { into: 3, exact: '1.1' })).toContain('Kế hoạch này có 3 nhiệm vụ cho tiêu chí này (ở 2 mục).');
    expect(hoverOn(a, '"1.2"', { into: 3, exact: '1.2' })).toContain('Kế hoạch này có 2 nhiệm vụ cho tiêu chí này (ở 2 mục).');
  });

  it('is honest about names the bundled catalog lacks and codes it does not know', () => {
    const a = small('          - task: A\n      - criteria: ["1.3", "1.9"]\n        name: Tên riêng\n        tasks: []\n');
    expect(hoverOn(a, '"1.3"', { into: 1, exact: '1.3' })).toContain('_tên chưa có trong danh mục đi kèm_');
    const md = hoverOn(a, '"1.9"', { into: 1, exact: '1.9' })!;
    expect(md).toContain('Mã 1.9 không có trong danh mục tiêu chí đi kèm (danh mục chưa đầy đủ). Có phải ý bạn là 1.1');
    expect(md).toContain('Lĩnh vực I: ');
    expect(md).toContain('Tên ghi trong kế hoạch: Tên riêng');
    expect(md).toContain('Kế hoạch này chưa có nhiệm vụ nào cho tiêu chí này.');
  });

  it('in English', () => {
    const a = small('          - task: A\n', { locale: 'en' });
    const md = hoverOn(a, '"1.1"', { into: 1, exact: '1.1' })!;
    expect(md).toContain('**1.1** · Criterion (TC)');
    expect(md).toContain('Area I: Công tác chỉ đạo, điều hành cải cách hành chính');
    expect(md).toContain('Scored by: self-assessment by the province');
    expect(md).toContain('This plan has 1 task for this criterion.');
  });
});

describe('units', () => {
  it('on the sample: kind, abbreviations, note and the tasks it leads and supports', () => {
    const md = hoverOn(sampleAnalysis, 'Sở Nội vụ và các Sở', { exact: 'Sở Nội vụ' })!;
    const { lead, support } = tasksNaming('so-noi-vu');
    expect(lead).toBeGreaterThan(3);
    expect(md).toContain('**Sở Nội vụ** — Sở, cơ quan chuyên môn thuộc UBND cấp tỉnh');
    expect(md).toContain('Viết tắt: SNV, Sở NV');
    expect(md).toContain('Ghi chú: Từ 1/3/2025 nhận thêm chức năng');
    expect(md).toContain(`Trong kế hoạch này: chủ trì ${lead} nhiệm vụ, phối hợp ${support} nhiệm vụ.`);
    // The first few tasks, shortened, and how many more.
    expect(md).toContain('- Chủ trì: "Thường xuyên theo dõi tiến độ, kịp thời đôn đốc');
    expect(md).toContain('…" (I · 1.1)');
    expect(md).toContain(`… và ${lead + support - 3} nhiệm vụ khác`);
  });

  it('a group written with a qualifier: hovering the name or the qualifier', () => {
    const name = hoverOn(sampleAnalysis, 'Sở, ngành chủ trì các lĩnh vực CCHC', { exact: 'Sở, ngành' })!;
    expect(name).toContain('**Sở, ban, ngành cấp tỉnh** — Nhóm đơn vị');
    expect(name).toContain('Viết là "Sở, ngành"');
    expect(name).toContain('Phần nói thêm: "chủ trì các lĩnh vực CCHC"');
    const qualifier = hoverOn(sampleAnalysis, 'chủ trì các lĩnh vực CCHC', { into: 3 })!;
    expect(qualifier).toContain('**Sở, ban, ngành cấp tỉnh**');
  });

  it('a phrase naming several units', () => {
    const md = hoverOn(sampleAnalysis, 'UBND cấp huyện, cấp xã', { into: 2 })!;
    expect(md).toContain('**UBND cấp huyện, cấp xã** — Cụm gồm nhiều đơn vị');
    expect(md).toContain('Gồm: UBND cấp huyện, UBND cấp xã');
    expect(md).toContain('**UBND cấp huyện** — Chính quyền địa phương');
    expect(md).toContain('Hoạt động đến hết 30/6/2025');
    expect(md).toContain('**UBND cấp xã** — Chính quyền địa phương');
  });

  it('validity and successor of a unit reorganised later', () => {
    const md = hoverOn(sampleAnalysis, 'Cục Thuế tỉnh')!;
    expect(md).toContain('Hoạt động đến hết 28/2/2025');
    expect(md).toContain('Đơn vị kế nhiệm: Chi cục Thuế khu vực');
    expect(md).not.toContain('⚠');
  });

  it('warns when the unit no longer exists when the task is due', () => {
    const a = small('          - task: A\n            lead: [Sở Kế hoạch và Đầu tư]\n            deadline: Năm 2026\n', { year: 2026 });
    const md = hoverOn(a, 'Sở Kế hoạch và Đầu tư')!;
    expect(md).toContain('⚠ Không còn (hoặc chưa) hoạt động vào 31/12/2026 (kế hoạch năm 2026).');
    expect(md).toContain('Đơn vị kế nhiệm: Sở Tài chính');
    const successor = small('          - task: A\n            lead: [Sở Nông nghiệp và Môi trường]\n', { year: 2025 });
    expect(hoverOn(successor, 'Sở Nông nghiệp và Môi trường')).toContain('Tiền thân: Sở Nông nghiệp và Phát triển nông thôn, Sở Tài nguyên và Môi trường');
  });

  it('abbreviations, shared heads and Word-style strings', () => {
    const a = small('          - task: A\n            lead: "SNV; Các Sở: Tài chính, Tư pháp"\n');
    expect(hoverOn(a, 'SNV')).toContain('Viết tắt "SNV"');
    const md = hoverOn(a, 'Tư pháp', { into: 2 })!;
    expect(md).toContain('**Sở Tư pháp**');
    expect(md).toContain('Viết gọn sau "Sở:"');
  });

  it('an unknown unit: not in the registry, with did-you-mean', () => {
    const a = small('          - task: A\n            lead: [Sở Nội vụx, Hội Phụ nữ tỉnh]\n');
    const md = hoverOn(a, 'Sở Nội vụx')!;
    expect(md).toContain('Không có "Sở Nội vụx" trong danh mục đơn vị. Có phải ý bạn là: Sở Nội vụ');
    expect(hoverOn(a, 'Hội Phụ nữ tỉnh')).toContain('Không có "Hội Phụ nữ tỉnh" trong danh mục đơn vị.');
  });

  it('in English', () => {
    const a = small('          - task: A\n            lead: [SNV]\n            support: [Sở Tư pháp]\n', { locale: 'en' });
    const md = hoverOn(a, 'SNV')!;
    expect(md).toContain("**Sở Nội vụ** — Department of the Provincial People's Committee");
    expect(md).toContain('Abbreviated "SNV"');
    expect(md).toContain('In this plan: leads 1 task, supports 0 tasks.');
    expect(md).toContain('- Leads: "A" (I · 1.1)');
  });
});

describe('deadlines', () => {
  const cases: [body: string, token: string, facts: string[], options?: { locale?: 'en'; year?: number }][] = [
    ['deadline: Quý IV/2023', 'Quý IV/2023', ['**Thời hạn** Quý IV/2023', '1/10/2023 – 31/12/2023 (cả quý)']],
    ['deadline: Trước 15/12/2023', 'Trước 15/12/2023', ['Đến hết 15/12/2023']],
    ['deadline: "Quý IV"', 'Quý IV', ['1/10/2023 – 31/12/2023', 'Không ghi năm: lấy năm kế hoạch (2023).', 'Cách viết chuẩn: Quý IV/2023']],
    ['deadline: tháng 12/2023', 'tháng 12/2023', ['1/12/2023 – 31/12/2023 (cả tháng)', 'Cách viết chuẩn: Tháng 12/2023']],
    ['deadline: Thường xuyên trong năm 2023', 'Thường xuyên trong năm 2023', ['Thực hiện thường xuyên, trong khoảng 1/1/2023 – 31/12/2023']],
    ['deadline: Hằng quý', 'Hằng quý', ['Định kỳ hằng quý (không ghi thời điểm kết thúc)']],
    ['deadline: Quý 5/2023', 'Quý 5/2023', ['Không hiểu được thời hạn này: quý phải từ I đến IV. (ở "5")']],
    ['deadline: Quý IV', 'Quý IV', ['2023-10-01 – 2023-12-31 (whole quarter)', 'No year written: the plan year (2023) is used.', 'Canonical spelling: Quý IV/2023'], { locale: 'en' }],
  ];
  for (const [body, token, facts, options] of cases) {
    it(`${body}${options?.locale ? ' (en)' : ''}`, () => {
      const a = small(`          - task: A\n            ${body}\n`, options);
      const md = hoverOn(a, body, { into: body.indexOf(token) + 1, exact: token })!;
      for (const fact of facts) expect(md).toContain(fact);
    });
  }

  it('on the sample; an empty deadline has no hover', () => {
    expect(hoverOn(sampleAnalysis, 'Trước 15/12/2023')).toContain('Đến hết 15/12/2023');
    const empty = sample.indexOf('deadline: ""') + 11;
    expect(hoverAt(sampleAnalysis, empty)).toBeNull();
  });
});

describe('areas and elsewhere', () => {
  it('the area value', () => {
    const md = hoverOn(sampleAnalysis, 'area: III', { into: 7, exact: 'III' })!;
    expect(md).toContain('**Lĩnh vực III**');
    expect(md).toContain('Cải cách thủ tục hành chính');
    const en = analyze(sample, { locale: 'en' });
    expect(hoverOn(en, 'area: VIII', { into: 7, exact: 'VIII' })).toContain('**Area VIII**');
  });

  it('is null on keys, task text, comments and outside the plan', () => {
    for (const [token, into] of [
      ['lead:', 1],
      ['task: Thường xuyên theo dõi', 12],
      ['# Ô trống', 3],
      ['title: Nhiệm vụ', 9],
      ['sections:', 2],
    ] as const) {
      expect(hoverAt(sampleAnalysis, sample.indexOf(token) + into), token).toBeNull();
    }
    expect(hoverAt(sampleAnalysis, sample.length)).toBeNull();
  });
});
