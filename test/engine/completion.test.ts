// Completion, as data: each case is a document with the cursor at "|", the item to pick, and the whole
// document after applying that item's edit (snippet syntax reduced to its placeholders' default text).
// Comparing whole documents catches wrong ranges, doubled quotes and wrong indentation at once.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PlanAnalysis, type AnalysisOptions } from '../../server/src/engine';
import { diffTexts } from '../../server/src/engine/incremental';
import { completionsAt, type CompletionEntry } from '../../server/src/engine/features/completion';
import { LineStructure } from '../../server/src/engine/features/line-structure';
import { hoverAt } from '../../server/src/engine/features/hover';
import { fold } from '../../server/src/engine/data/text-fold';
import { analyze } from '../support/engine';
import { bigPlan, completionCursors } from '../support/big-plan';

// --- helpers -------------------------------------------------------------------------------------------

function at(doc: string, options: Partial<AnalysisOptions> = {}) {
  const offset = doc.indexOf('|');
  if (offset === -1 || doc.indexOf('|', offset + 1) !== -1) throw new Error('one "|" cursor marker expected');
  const text = doc.slice(0, offset) + doc.slice(offset + 1);
  const analysis = analyze(text, options);
  const items = completionsAt(analysis, offset);
  for (const item of items) {
    // Every edit replaces text on the cursor's line around the cursor (what editors accept).
    expect(item.edit.range.start, item.label).toBeLessThanOrEqual(offset);
    expect(item.edit.range.end, item.label).toBeGreaterThanOrEqual(offset);
    expect(text.slice(item.edit.range.start, item.edit.range.end), item.label).not.toContain('\n');
  }
  return { text, offset, analysis, items };
}

/** Snippet text as it reads once inserted with every placeholder left at its default. */
function plainSnippet(newText: string): string {
  return newText
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

function apply(text: string, item: CompletionEntry): string {
  const inserted = item.snippet ? plainSnippet(item.edit.newText) : item.edit.newText;
  return text.slice(0, item.edit.range.start) + inserted + text.slice(item.edit.range.end);
}

function pick(items: CompletionEntry[], label: string): CompletionEntry {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no "${label}" among: ${items.map((i) => i.label).join(' | ')}`);
  return item;
}

const sorted = (items: CompletionEntry[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

const head = (year = 2023) => `plan:\n  title: Kế hoạch\n  issuer: UBND tỉnh Hà Tĩnh\n  year: ${year}\nsections:\n`;
/** A plan whose last lines are inside task "X" of item 1.1, section I (keys at column 12). */
const inTask = (rest: string, year = 2023) =>
  `${head(year)}  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: X\n${rest}`;
/** A plan whose last lines are inside an item of section III (keys at column 8). */
const inItem = (rest: string) => `${head()}  - area: III\n    items:\n      - ${rest}`;

interface Case {
  name: string;
  doc: string;
  pick: string;
  expected: string;
  options?: Partial<AnalysisOptions>;
}

function runCases(cases: Case[]) {
  for (const c of cases) {
    it(c.name, () => {
      const { text, items } = at(c.doc, c.options);
      expect(apply(text, pick(items, c.pick))).toBe(c.expected.replace('|', ''));
    });
  }
}

// --- criterion codes -------------------------------------------------------------------------------------

describe('criterion codes', () => {
  runCases([
    { name: 'inside quotes the editor closed: the bare code, no second quote', doc: inItem('criteria: ["1.1", "3.|"]\n'), pick: '3.2.2', expected: inItem('criteria: ["1.1", "3.2.2"]\n') },
    { name: 'half-typed flow list `["3.`: the quote is closed', doc: inItem('criteria: ["3.|'), pick: '3.2.2', expected: inItem('criteria: ["3.2.2"') },
    { name: 'unquoted in a flow list: inserted quoted', doc: inItem('criteria: ["1.1", 3.|]\n'), pick: '3.2.2', expected: inItem('criteria: ["1.1", "3.2.2"]\n') },
    { name: 'empty flow list', doc: inItem('criteria: [|]\n'), pick: '3.4', expected: inItem('criteria: ["3.4"]\n') },
    { name: 'mid-code: the digits after the cursor are replaced too', doc: inItem('criteria: ["3.|2"]\n'), pick: '3.2.3', expected: inItem('criteria: ["3.2.3"]\n') },
    { name: 'block entry in quotes', doc: inItem('criteria:\n          - "3.|'), pick: '3.2.2', expected: inItem('criteria:\n          - "3.2.2"') },
    { name: 'block entry without quotes', doc: inItem('criteria:\n          - 3.|\n'), pick: '3.2.2', expected: inItem('criteria:\n          - "3.2.2"\n') },
    { name: 'after `criteria: `: the list is written', doc: inItem('criteria: |\n'), pick: '3.4', expected: inItem('criteria: ["3.4"]\n') },
    { name: 'right after the colon: a space first', doc: inItem('criteria:|\n'), pick: '3.4', expected: inItem('criteria: ["3.4"]\n') },
    { name: 'a new line of a block list gets "- "', doc: inItem('criteria:\n          - "3.4"\n          |\n'), pick: '3.2.2', expected: inItem('criteria:\n          - "3.4"\n          - "3.2.2"\n') },
    { name: 'a string where the list belongs becomes the list', doc: inItem('criteria: "3.|"\n'), pick: '3.2.2', expected: inItem('criteria: ["3.2.2"]\n') },
  ]);

  it('offers the catalog codes with name (or the honest "not bundled") and level', () => {
    const { items } = at(inItem('criteria: ["|"]\n'));
    expect(items).toHaveLength(79);
    expect(pick(items, '3.2.2').detail).toBe('TCTP · lĩnh vực III · Công khai thủ tục hành chính và các quy định liên quan');
    expect(pick(items, '3.1').detail).toBe('TC · lĩnh vực III · tên chưa có trong danh mục đi kèm');
    expect(pick(items, '3.2.2').documentation).toContain('tỉnh tự đánh giá');
  });

  it("puts the section's own area first", () => {
    const { items } = at(inItem('criteria: ["|"]\n'));
    const order = sorted(items).map((i) => i.label);
    expect(order.slice(0, 7)).toEqual(['3.1', '3.2', '3.2.1', '3.2.2', '3.2.3', '3.3', '3.4']);
    expect(order[7]).toBe('1.1');
    // The area comes from the text even when it is written after other keys of the section.
    const late = at(`${head()}  - title: Thể chế\n    area: II\n    items:\n      - criteria: [|]\n`);
    expect(sorted(late.items)[0].label).toBe('2.1');
  });

  it('filters by what is typed and leaves out codes the item already lists', () => {
    const { items } = at(inItem('criteria: ["3.2.2", "3.|", "3.4"]\n'));
    expect(items.map((i) => i.label)).toEqual(['3.1', '3.2', '3.2.1', '3.2.3', '3.3']);
    const block = at(inItem('criteria:\n          - "3.1"\n          - "3.|"\n          - "3.3"\n'));
    expect(block.items.map((i) => i.label)).toEqual(['3.2', '3.2.1', '3.2.2', '3.2.3', '3.4']);
  });

  it('offers nothing after a closed quote or outside the list', () => {
    expect(at(inItem('criteria: ["3.2.2"|]\n')).items).toEqual([]);
    expect(at(inItem('criteria: ["3.2.2"]|\n')).items).toEqual([]);
    expect(at(inItem('criteria: ["3.2.2"] # 3.|\n')).items).toEqual([]);
  });
});

// --- units ---------------------------------------------------------------------------------------------------

describe('units', () => {
  runCases([
    { name: 'half-typed flow list `lead: [Sở`', doc: inTask('            lead: [Sở|'), pick: 'Sở Nội vụ', expected: inTask('            lead: [Sở Nội vụ') },
    { name: 'second entry of a flow list, accent-free', doc: inTask('            lead: [Sở Nội vụ, so tu|]\n'), pick: 'Sở Tư pháp', expected: inTask('            lead: [Sở Nội vụ, Sở Tư pháp]\n') },
    { name: 'a name with commas is quoted in a flow list', doc: inTask('            support: [|]\n'), pick: 'Sở, ban, ngành cấp tỉnh', expected: inTask('            support: ["Sở, ban, ngành cấp tỉnh"]\n') },
    { name: 'a name YAML split at its commas is joined and quoted', doc: inTask('            support: [Văn phòng UBND tỉnh, Sở, ban|]\n'), pick: 'Sở, ban, ngành cấp tỉnh', expected: inTask('            support: [Văn phòng UBND tỉnh, "Sở, ban, ngành cấp tỉnh"]\n') },
    { name: 'inside quotes in a flow list: bare name, the quote closed once', doc: inTask('            support: ["sở, ban|"]\n'), pick: 'Sở, ban, ngành cấp tỉnh', expected: inTask('            support: ["Sở, ban, ngành cấp tỉnh"]\n') },
    { name: 'abbreviation in a block entry', doc: inTask('            lead:\n              - snv|\n'), pick: 'Sở Nội vụ', expected: inTask('            lead:\n              - Sở Nội vụ\n') },
    { name: 'block entry: commas need no quotes', doc: inTask('            support:\n              - |\n'), pick: 'Sở, ban, ngành cấp tỉnh', expected: inTask('            support:\n              - Sở, ban, ngành cấp tỉnh\n') },
    { name: 'quoted block entry, typed with spaces', doc: inTask('            lead:\n              - "vp ubnd|'), pick: 'Văn phòng UBND tỉnh', expected: inTask('            lead:\n              - "Văn phòng UBND tỉnh"') },
    { name: 'Word-style string after ";"', doc: inTask('            support: "Sở, ban, ngành cấp tỉnh; cac co quan|"\n'), pick: 'Các cơ quan, đơn vị liên quan', expected: inTask('            support: "Sở, ban, ngành cấp tỉnh; Các cơ quan, đơn vị liên quan"\n') },
    { name: 'Word-style plain string after ";"', doc: inTask('            lead: Sở Nội vụ; so tu|\n'), pick: 'Sở Tư pháp', expected: inTask('            lead: Sở Nội vụ; Sở Tư pháp\n') },
    { name: 'after `lead: `: a flow list is started', doc: inTask('            lead: |\n'), pick: 'Sở Nội vụ', expected: inTask('            lead: [Sở Nội vụ]\n') },
    { name: 'a new line under a block list gets "- "', doc: inTask('            lead:\n              - Sở Nội vụ\n              |\n'), pick: 'Sở Tư pháp', expected: inTask('            lead:\n              - Sở Nội vụ\n              - Sở Tư pháp\n') },
    { name: 'the first line under `lead:` gets "- "', doc: inTask('            lead:\n              |'), pick: 'Sở Tư pháp', expected: inTask('            lead:\n              - Sở Tư pháp') },
    { name: 'group phrase naming several units', doc: inTask('            support: ["ubnd cap huyen, cap x|"]\n'), pick: 'UBND cấp huyện, cấp xã', expected: inTask('            support: ["UBND cấp huyện, cấp xã"]\n') },
    { name: 'a flow list continued on the next line', doc: inTask('            lead: [Sở Nội vụ,\n                   so tu|\n'), pick: 'Sở Tư pháp', expected: inTask('            lead: [Sở Nội vụ,\n                   Sở Tư pháp\n') },
  ]);

  // The editor filters the items again with the typed fragment (spaces included) against filterText.
  const typedCases: [string, string][] = [
    ['so noi vu', 'Sở Nội vụ'],
    ['snv', 'Sở Nội vụ'],
    ['SỞ NỘI VỤ', 'Sở Nội vụ'],
    ['vp ubnd', 'Văn phòng UBND tỉnh'],
    ['van phong uy ban', 'Văn phòng UBND tỉnh'],
    ['so kh&dt', 'Sở Kế hoạch và Đầu tư'],
    ['ubnd cap h', 'UBND cấp huyện'],
    ['cac co quan', 'Các cơ quan, đơn vị liên quan'],
  ];
  for (const [typed, label] of typedCases) {
    it(`"${typed}" finds ${label}`, () => {
      const { text, items } = at(inTask(`            lead: [Sở Tư pháp, ${typed}|]\n`));
      const item = pick(items, label);
      expect(text.slice(item.edit.range.start, item.edit.range.end)).toBe(typed);
      const words = fold(typed).split(/[^a-z0-9]+/).filter(Boolean);
      for (const word of words) expect(item.filterText).toContain(word);
      // The best match is listed first.
      expect(sorted(items)[0].label).toBe(label);
    });
  }

  it('describes units: kind, full name, abbreviations, note', () => {
    const { items } = at(inTask('            lead: [|]\n'));
    const vp = pick(items, 'Văn phòng UBND tỉnh');
    expect(vp.kind).toBe('unit');
    expect(vp.detail).toBe('Sở, cơ quan chuyên môn thuộc UBND cấp tỉnh');
    expect(vp.documentation).toContain('Tên đầy đủ: Văn phòng Ủy ban nhân dân tỉnh');
    expect(vp.documentation).toContain('Viết tắt: VP UBND tỉnh');
    expect(pick(items, 'Sở, ban, ngành cấp tỉnh').kind).toBe('group');
    const phrase = pick(items, 'UBND cấp huyện, cấp xã');
    expect(phrase.documentation).toContain('Gồm: UBND cấp huyện, UBND cấp xã');
  });

  const labels = (doc: string) => at(doc).items.map((i) => i.label);
  it('hides units superseded before the plan year ends, offers them for earlier plans', () => {
    expect(labels(inTask('            lead: [so ke hoach|]\n', 2023))).toEqual(['Sở Kế hoạch và Đầu tư']);
    expect(labels(inTask('            lead: [so ke hoach|]\n', 2025))).toEqual([]);
    expect(labels(inTask('            lead: [so thong tin|]\n', 2025))).toEqual([]);
    expect(labels(inTask('            lead: [ubnd cap huyen|]\n', 2026))).not.toContain('UBND cấp huyện');
    // A task due before the merger may still name it (as par/unit-superseded judges).
    expect(labels(inTask('            lead: [so ke hoach|]\n            deadline: Trước 15/2/2025\n', 2025))).toEqual(['Sở Kế hoạch và Đầu tư']);
  });

  it('hides units that do not exist yet and proposed names that never became official', () => {
    expect(labels(inTask('            lead: [so nong nghiep va m|]\n', 2023))).toEqual([]);
    expect(labels(inTask('            lead: [so nong nghiep va m|]\n', 2025))).toEqual(['Sở Nông nghiệp và Môi trường']);
    for (const year of [2023, 2025]) {
      const all = labels(inTask('            lead: [|]\n', year));
      expect(all).not.toContain('Sở Nội vụ và Lao động');
      expect(all).not.toContain('Sở Kinh tế - Tài chính');
      expect(all).toContain('Sở Nội vụ');
    }
  });

  it('reads the plan year from the header when the model has none', () => {
    const doc = inTask('            lead: [so ke hoach|]\n', 2023).replace('year: 2023', 'year: "2026"');
    const { analysis, items } = at(doc);
    expect(analysis.planYear).toBeUndefined();
    expect(items).toEqual([]);
  });
});

// --- deadlines and areas ---------------------------------------------------------------------------------------

describe('deadlines and areas', () => {
  runCases([
    { name: 'after `deadline: `', doc: inTask('            deadline: |\n'), pick: 'Quý IV/2023', expected: inTask('            deadline: Quý IV/2023\n') },
    { name: 'accent-free words', doc: inTask('            deadline: quy iv|\n'), pick: 'Quý IV/2023', expected: inTask('            deadline: Quý IV/2023\n') },
    { name: 'inside quotes', doc: inTask('            deadline: "Tr|"\n'), pick: 'Trước 15/12/2023', expected: inTask('            deadline: "Trước 15/12/2023"\n') },
    { name: 'right after the colon', doc: inTask('            deadline:|\n'), pick: 'Thường xuyên', expected: inTask('            deadline: Thường xuyên\n') },
    { name: 'area', doc: `${head()}  - area: |\n`, pick: 'III', expected: `${head()}  - area: III\n` },
    { name: 'area, half-typed', doc: `${head()}  - area: V|\n    items: []\n`, pick: 'VII', expected: `${head()}  - area: VII\n    items: []\n` },
  ]);

  it('offers deadlineSuggestions(planYear) in its order, with the dates each means', () => {
    const { items } = at(inTask('            deadline: |\n', 2024));
    expect(sorted(items).map((i) => i.label).slice(0, 7)).toEqual(['Năm 2024', 'Quý I/2024', 'Quý II/2024', 'Quý III/2024', 'Quý IV/2024', 'Trước 31/12/2024', 'Thường xuyên']);
    expect(pick(items, 'Quý IV/2024').detail).toBe('1/10/2024 – 31/12/2024 (cả quý)');
    expect(pick(items, 'Trước 15/12/2024').detail).toBe('Đến hết 15/12/2024');
  });

  it('names the areas', () => {
    const { items } = at(`${head()}  - area: |\n`);
    expect(items.map((i) => i.label)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(pick(items, 'III').detail).toBe('Cải cách TTHC');
    expect(pick(items, 'III').documentation).toContain('Cải cách thủ tục hành chính');
  });
});

// --- keys and snippets -----------------------------------------------------------------------------------------

describe('keys and snippets', () => {
  const task12 = (rest: string) => inTask(`            lead: [Sở Nội vụ]\n${rest}`);
  runCases([
    { name: 'a line with only `dea`', doc: task12('            dea|'), pick: 'deadline', expected: task12('            deadline: ') },
    { name: 'an empty line in a task', doc: task12('            |\n            deadline: Năm 2023\n'), pick: 'support', expected: task12('            support: []\n            deadline: Năm 2023\n') },
    { name: 'renaming a key keeps its value', doc: inTask('            deadl|ine: Năm 2023\n'), pick: 'product', expected: inTask('            product: Năm 2023\n') },
    { name: 'item key', doc: inItem('criteria: ["3.4"]\n        |\n        tasks: []\n'), pick: 'finding', expected: inItem('criteria: ["3.4"]\n        finding: \n        tasks: []\n') },
    {
      name: 'item key `tasks` writes a first task',
      doc: inItem('criteria: ["3.4"]\n        ta|'),
      pick: 'tasks',
      expected: inItem('criteria: ["3.4"]\n        tasks:\n          - task: \n            lead: []\n            support: []\n            deadline: Năm 2023'),
    },
    { name: 'section key', doc: `${head()}  - area: II\n    |\n    items: []\n`, pick: 'title', expected: `${head()}  - area: II\n    title: \n    items: []\n` },
    { name: 'plan key', doc: 'plan:\n  title: Kế hoạch\n  |\n', pick: 'issuer', expected: 'plan:\n  title: Kế hoạch\n  issuer: \n' },
    { name: 'root key of an empty file', doc: '|', pick: 'plan', expected: 'plan:\n  title: \n  issuer: \n  year: ' },
    {
      name: 'new task after "- "',
      doc: task12('          - |'),
      pick: 'nhiệm vụ mới',
      expected: task12('          - task: \n            lead: []\n            support: []\n            deadline: Năm 2023'),
    },
    { name: 'a key of a new task after "- "', doc: task12('          - ta|'), pick: 'task', expected: task12('          - task: ') },
    {
      name: 'new task on an empty line at the column of the tasks',
      doc: task12('          |\n'),
      pick: 'nhiệm vụ mới',
      expected: task12('          - task: \n            lead: []\n            support: []\n            deadline: Năm 2023\n'),
    },
    {
      name: 'new item at the column of the items',
      doc: task12('      |'),
      pick: 'mục (tiêu chí) mới',
      expected: task12('      - criteria: [""]\n        finding: \n        tasks:\n          - task: \n            lead: []\n            support: []\n            deadline: Năm 2023'),
    },
    {
      name: 'new section at the column of the sections',
      doc: task12('  |'),
      pick: 'phần (lĩnh vực) mới',
      expected: task12(
        '  - area: \n    title: \n    items:\n      - criteria: [""]\n        finding: \n        tasks:\n          - task: \n            lead: []\n            support: []\n            deadline: Năm 2023',
      ),
    },
    {
      name: 'new task right under `tasks:` at its own column: indented as the document indents lists',
      doc: inItem('criteria: ["3.4"]\n        tasks:\n        |'),
      pick: 'nhiệm vụ mới',
      expected: inItem('criteria: ["3.4"]\n        tasks:\n          - task: \n            lead: []\n            support: []\n            deadline: Năm 2023'),
    },
    {
      name: 'first task under `tasks:`',
      doc: inItem('criteria: ["3.4"]\n        tasks:\n          |'),
      pick: 'nhiệm vụ mới',
      expected: inItem('criteria: ["3.4"]\n        tasks:\n          - task: \n            lead: []\n            support: []\n            deadline: Năm 2023'),
    },
    {
      name: 'flush lists (no indentation before "- ") stay flush',
      doc: 'plan:\n  year: 2023\nsections:\n- area: I\n  items:\n  - criteria: ["1.1"]\n    tasks:\n    - task: X\n      lead: [Sở Nội vụ]\n  |',
      pick: 'mục (tiêu chí) mới',
      expected:
        'plan:\n  year: 2023\nsections:\n- area: I\n  items:\n  - criteria: ["1.1"]\n    tasks:\n    - task: X\n      lead: [Sở Nội vụ]\n  - criteria: [""]\n    finding: \n    tasks:\n    - task: \n      lead: []\n      support: []\n      deadline: Năm 2023',
    },
    { name: 'CRLF line ends', doc: task12('            dea|\n').replace(/\n/g, '\r\n'), pick: 'deadline', expected: task12('            deadline: \n').replace(/\n/g, '\r\n') },
    {
      name: 'flush list: "- " under `lead:` is a unit',
      doc: 'plan:\n  year: 2023\nsections:\n- area: I\n  items:\n  - criteria: ["1.1"]\n    tasks:\n    - task: X\n      lead:\n      - so noi|',
      pick: 'Sở Nội vụ',
      expected: 'plan:\n  year: 2023\nsections:\n- area: I\n  items:\n  - criteria: ["1.1"]\n    tasks:\n    - task: X\n      lead:\n      - Sở Nội vụ',
    },
  ]);

  it('offers only the keys the mapping does not have yet', () => {
    const keys = (doc: string) => at(doc).items.filter((i) => i.kind === 'key').map((i) => i.label);
    expect(keys(task12('            |\n            deadline: Năm 2023\n'))).toEqual(['support', 'product', 'note', 'status', 'done', 'progress', 'id']);
    expect(keys(inItem('criteria: ["3.4"]\n        |\n        tasks: []\n'))).toEqual(['name', 'finding']);
    expect(keys(`${head()}  - area: II\n    |`)).toEqual(['title', 'items']);
    expect(keys('plan:\n  title: T\n  year: 2023\n  |')).toEqual(['issuer', 'document', 'appendix', 'index-year', 'results']);
    expect(keys('plan:\n  title: T\n|')).toEqual(['sections']);
  });

  it('offers nothing inside text, comments or block scalars', () => {
    expect(at(inTask('            note: Ghi chú|\n')).items).toEqual([]);
    expect(at(inTask('            # dea|\n')).items).toEqual([]);
    expect(at(inTask('            note: >-\n              dòng một\n              dea|\n')).items).toEqual([]);
    expect(at(inTask('            note: >-\n              dòng một\n\n              |\n')).items).toEqual([]);
    expect(at(inTask('').replace('task: X', 'task: Theo dõi|')).items).toEqual([]);
  });
});

// --- robustness -----------------------------------------------------------------------------------------------

describe('every offset', () => {
  const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
  const variants: [string, string][] = [
    ['the sample', sample],
    ['cut in the middle of a line', sample.slice(0, 5003)],
    ['every "]" missing', sample.replace(/\]/g, '')],
    ['every quote missing', sample.replace(/"/g, '')],
    ['items indented wrongly', sample.replace(/\n {6}/g, '\n    ')],
    ['every 5th line cut in half', sample.split('\n').map((l, i) => (i % 5 === 4 ? l.slice(0, l.length >> 1) : l)).join('\n')],
    ['CRLF line ends', sample.replace(/\n/g, '\r\n')],
  ];
  for (const [name, text] of variants) {
    it(`${name}: never throws, every range holds the cursor on its line`, () => {
      const analysis = analyze(text);
      for (let offset = 0; offset <= text.length; offset++) {
        for (const item of completionsAt(analysis, offset)) {
          const { start, end } = item.edit.range;
          if (start > offset || end < offset || text.slice(start, end).includes('\n')) {
            throw new Error(`completion "${item.label}" at ${offset}: ${JSON.stringify(text.slice(offset - 30, offset))}|${JSON.stringify(text.slice(offset, offset + 10))}`);
          }
        }
        const hover = hoverAt(analysis, offset);
        if (hover && (hover.range.start > offset || hover.range.end < offset)) throw new Error(`hover at ${offset}`);
      }
    });
  }
});

// --- English ------------------------------------------------------------------------------------------------------

describe('English', () => {
  const en = { locale: 'en' as const };
  it('localizes details, documentation and snippet labels', () => {
    const codes = at(inItem('criteria: ["3.2|"]\n'), en).items;
    expect(pick(codes, '3.2.2').detail).toBe('TCTP · area III · Công khai thủ tục hành chính và các quy định liên quan');
    expect(pick(codes, '3.2.1').detail).toBe('TCTP · area III · name not in the bundled catalog');
    expect(pick(codes, '3.2.2').documentation).toContain('Scored by: self-assessment');
    const units = at(inTask('            lead: [snv|]\n'), en).items;
    expect(pick(units, 'Sở Nội vụ').detail).toBe("Department of the Provincial People's Committee");
    expect(pick(units, 'Sở Nội vụ').documentation).toContain('Abbreviations: SNV');
    const deadlines = at(inTask('            deadline: |\n'), en).items;
    expect(pick(deadlines, 'Quý IV/2023').detail).toBe('2023-10-01 – 2023-12-31 (whole quarter)');
    const keys = at(inTask('            |'), en).items;
    expect(pick(keys, 'deadline').detail).toBe('Deadline');
    expect(pick(at(inTask('          - |'), en).items, 'new task').kind).toBe('snippet');
  });

  runCases([{ name: 'en: new task', doc: inTask('          |'), pick: 'new task', expected: inTask('          - task: \n            lead: []\n            support: []\n            deadline: Năm 2023'), options: en }]);
});

// --- scaling (the timings are in bench/feature-scaling.mjs) ------------------------------------------------

describe('scaling', () => {
  const small = analyze(bigPlan(100));
  const large = analyze(bigPlan(10_000));

  /** Lines looked at per completion (memoised or not): every look goes through `indent` or `shape`. */
  function work(analysis: ReturnType<typeof analyze>): number[] {
    const offsets = completionCursors(analysis.text);
    for (const offset of offsets) completionsAt(analysis, offset); // the first call may build caches
    const indent = vi.spyOn(LineStructure.prototype, 'indent');
    const shape = vi.spyOn(LineStructure.prototype, 'shape');
    try {
      return offsets.map((offset) => {
        indent.mockClear();
        shape.mockClear();
        expect(completionsAt(analysis, offset).length, JSON.stringify(analysis.text.slice(offset - 40, offset + 5))).toBeGreaterThan(0);
        return indent.mock.calls.length + shape.mock.calls.length;
      });
    } finally {
      indent.mockRestore();
      shape.mockRestore();
    }
  }

  it('builds plans of the intended size', () => {
    expect(large.model.tasks.length).toBe(10_002);
    expect(large.parsed.lines.lineCount).toBeGreaterThan(90_000);
    expect(small.model.tasks.length).toBe(102);
  });

  it('completion reads the same few lines whatever the plan size', () => {
    const a = work(small);
    const b = work(large);
    for (let i = 0; i < a.length; i++) expect(b[i], `cursor ${i}: ${a[i]} vs ${b[i]} lines`).toBeLessThanOrEqual(a[i] * 2 + 10);
    expect(Math.max(...b)).toBeLessThan(200);
  });
});

describe('completion never parses', () => {
  const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
  const cursor = sample.indexOf('deadline: Năm 2023') + 'deadline: Năm'.length;

  function parsesDuring(run: () => CompletionEntry[]): { parses: number; items: CompletionEntry[] } {
    const parsed = vi.spyOn(PlanAnalysis.prototype, 'parsed', 'get');
    try {
      const items = run();
      return { parses: parsed.mock.calls.length, items };
    } finally {
      parsed.mockRestore();
    }
  }

  it('on a fresh version: the year comes from the header text', () => {
    const fresh = analyze(sample);
    const { parses, items } = parsesDuring(() => completionsAt(fresh, cursor));
    expect(parses).toBe(0);
    // Deadlines of the plan year (2023), which only the header says.
    expect(items.map((i) => i.label)).toContain('Năm 2023');
  });

  it('after an edit in the plan header', () => {
    const previous = analyze(sample);
    previous.findings();
    const at = sample.indexOf('year: 2023') + 'year: 202'.length;
    const text = `${sample.slice(0, at)}4${sample.slice(at + 1)}`;
    const next = new PlanAnalysis(text, previous.data, previous.options, { analysis: previous, change: diffTexts(sample, text) });
    const { parses, items } = parsesDuring(() => completionsAt(next, cursor));
    expect(parses).toBe(0);
    expect(items.map((i) => i.label)).toContain('Năm 2024');
  });
});
