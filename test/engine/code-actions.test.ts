// Code actions as the editor applies them: the document text after the edit, and the finding it
// targets gone. Cursor marker `|` marks the requested range.

import { describe, expect, it } from 'vitest';
import { applyEdits, fixAll } from '../../server/src/engine';
import { DEFAULT_OPTIONS } from '../../server/src/engine/analysis';
import { codeActions, fixAllEdits } from '../../server/src/engine/features/code-actions';
import { analyze, bundledData } from '../support/engine';

const HEADER = 'plan:\n  title: Kế hoạch\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\nsections:\n';

function actionsAt(marked: string, only?: string[]) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const analysis = analyze(text);
  return { text, analysis, actions: codeActions(analysis, { start: offset, end: offset }, only) };
}

function apply(marked: string, title: string, only?: string[]): string {
  const { text, actions } = actionsAt(marked, only);
  const action = actions.find((a) => a.title.includes(title));
  if (!action) throw new Error(`no action "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  return applyEdits(text, action.edits);
}

const codes = (text: string) => analyze(text).findings().map((f) => f.code);

describe('insert a missing lead or deadline', () => {
  const doc = `${HEADER}  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - |task: Theo dõi, đôn đốc\n            support: [Sở Nội vụ]\n`;
  it('adds the key under the task text, at the task keys indentation', () => {
    const after = apply(doc, 'Thêm đơn vị chủ trì');
    expect(after).toContain('          - task: Theo dõi, đôn đốc\n            lead: []\n            support: [Sở Nội vụ]\n');
    const deadline = apply(doc, 'Thêm thời hạn');
    expect(deadline).toContain('          - task: Theo dõi, đôn đốc\n            deadline: ""\n');
  });

  it('offers a snippet with a placeholder and the plan year\'s deadlines', () => {
    const { actions } = actionsAt(doc);
    expect(actions.find((a) => a.title === 'Thêm đơn vị chủ trì')!.snippet!.text).toBe('            lead: [${1:Tên đơn vị}]\n');
    expect(actions.find((a) => a.title === 'Thêm thời hạn')!.snippet!.text).toBe('            deadline: ${1|Năm 2023,Quý I/2023,Quý II/2023,Quý III/2023,Quý IV/2023,Trước 31/12/2023|}\n');
  });

  it('fills an empty value in place, as a snippet only (a plain edit would change nothing useful)', () => {
    const empty = `${HEADER}  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            |lead:\n            deadline: Năm 2023\n`;
    const { text, actions } = actionsAt(empty);
    const add = actions.find((a) => a.title === 'Thêm đơn vị chủ trì')!;
    expect(add.edits).toEqual([]);
    expect(add.snippet!.text).toBe(' [${1:Tên đơn vị}]');
    expect(text.slice(0, add.snippet!.offset).endsWith('            lead:')).toBe(true);
  });
});

describe('move an item to the section of its area', () => {
  it('into an existing section, keeping its comments and re-indenting', () => {
    const doc = `${HEADER}  - area: II\n    items:\n      - criteria: ["2.4"]\n        tasks:\n          - task: A\n            lead: [Sở Tư pháp]\n            deadline: Năm 2023\n      # mục này thuộc lĩnh vực III\n      - criteria: [|"3.4"]\n        tasks:\n          - task: B\n            lead: [Văn phòng UBND tỉnh]\n            deadline: Năm 2023\n  - area: III\n    items:\n      - criteria: ["3.2.2"]\n        tasks:\n          - task: C\n            lead: [Văn phòng UBND tỉnh]\n            deadline: Năm 2023\n`;
    const after = apply(doc, 'Chuyển mục sang phần III');
    expect(codes(after)).toEqual([]);
    expect(after.endsWith('            deadline: Năm 2023\n      # mục này thuộc lĩnh vực III\n      - criteria: ["3.4"]\n        tasks:\n          - task: B\n            lead: [Văn phòng UBND tỉnh]\n            deadline: Năm 2023\n')).toBe(true);
  });

  it('into a new section in area order, removing the emptied one', () => {
    const doc = `${HEADER}  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            lead: [Sở Nội vụ]\n            deadline: Năm 2023\n  - area: II\n    items:\n      - criteria: [|"5.4"]\n        tasks:\n          - task: B\n            lead: [Sở Nội vụ]\n            deadline: Năm 2023\n  - area: VIII\n    items:\n      - criteria: ["8.2"]\n        tasks:\n          - task: C\n            lead: [Sở Tài chính]\n            deadline: Năm 2023\n`;
    const after = apply(doc, 'Chuyển mục sang phần V');
    expect(codes(after)).toEqual([]);
    expect(after).not.toContain('area: II\n');
    expect(after).toContain('  - area: V\n    items:\n      - criteria: ["5.4"]\n        tasks:\n          - task: B\n');
    expect(after.indexOf('area: V\n')).toBeLessThan(after.indexOf('area: VIII'));
  });
});

describe('silence a finding', () => {
  it('adds a directive above the line, or extends the one already there', () => {
    const doc = `${HEADER}  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - |task: A\n`;
    const once = apply(doc, 'Tắt par/missing-lead');
    expect(once).toContain('          # par-plan-disable-next-line par/missing-lead\n          - task: A\n');
    expect(codes(once)).toEqual(['par/missing-deadline']);
    const marked = once.replace('- task: A', '- |task: A');
    const twice = apply(marked, 'Tắt par/missing-deadline');
    expect(twice).toContain('# par-plan-disable-next-line par/missing-lead par/missing-deadline\n');
    expect(codes(twice)).toEqual([]);
  });

  it('is not offered on a line that continues a multi-line scalar (a comment there would be text)', () => {
    const task = (lead: string) => `${HEADER}  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            lead: ${lead}\n            deadline: Năm 2023\n`;
    const titles = (marked: string) => actionsAt(marked).actions.map((a) => a.title);
    expect(titles(task('"Sở Nội vụ;\n              Sở |Xyz Abc"'))).not.toContain('Tắt par/unknown-unit cho dòng này');
    expect(titles(task('[Sở |Xyz Abc]'))).toContain('Tắt par/unknown-unit cho dòng này');
  });
});

describe('rewrites', () => {
  it('normalises a deadline', () => {
    const doc = `${HEADER}  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            lead: [Sở Nội vụ]\n            deadline: quý 4 năm 2023|\n`;
    expect(apply(doc, 'Viết lại thời hạn', ['refactor'])).toContain('deadline: Quý IV/2023\n');
  });

  it('splits a Word-style "A; B" into a list', () => {
    const doc = `${HEADER}  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            lead: "Sở Nội vụ; |Sở, ban, ngành cấp tỉnh"\n            deadline: Năm 2023\n`;
    const after = apply(doc, 'Tách thành danh sách', ['refactor']);
    expect(after).toContain('            lead:\n              - Sở Nội vụ\n              - Sở, ban, ngành cấp tỉnh\n            deadline');
    const a = analyze(after);
    expect(a.findings()).toEqual([]);
    expect(a.model.tasks[0].lead!.entries.map((e) => e.text)).toEqual(['Sở Nội vụ', 'Sở, ban, ngành cấp tỉnh']);
  });
});

describe('fix all', () => {
  it('gives the same text as the CLI --fix, as minimal edits', () => {
    const doc = `${HEADER}  - area: I\n    items:\n      - criteria: [1.1, 1.7]  # chú thích\n        tasks:\n          - task: A\n            lead: [SNV, Sở, ban, ngành cấp tỉnh]\n            deadline: Năm 2023\n`;
    const analysis = analyze(doc);
    const edits = fixAllEdits(analysis);
    expect(applyEdits(doc, edits)).toBe(fixAll(doc, bundledData(), DEFAULT_OPTIONS).text);
    expect(applyEdits(doc, edits)).toContain('criteria: ["1.1", "1.7"]  # chú thích');
    const { actions } = actionsAt(`|${doc}`, ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll']);
    expect(fixAllEdits(analyze(applyEdits(doc, edits)))).toEqual([]);
  });

  it('starts from the given analysis and hands back the analysis of the fixed text', () => {
    const doc = `${HEADER}  - area: I\n    items:\n      - criteria: [1.1]\n        tasks:\n          - task: A\n            lead: [SNV]\n            deadline: Năm 2023\n`;
    const first = analyze(doc);
    const result = fixAll(first);
    expect(result.applied).toBeGreaterThan(0);
    expect(result.analysis.text).toBe(result.text);
    expect(result.analysis.findings()).toEqual(analyze(result.text).findings());
    const clean = analyze(result.text);
    expect(fixAll(clean).analysis).toBe(clean);
  });
});
