// The tree view follows the cursor: the line → section / item / task lookup (client/src/tree-lookup.ts),
// on the sample's tree as the server sends it (ranges in lines).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { treePathAtLine } from '../../client/src/tree-lookup';
import { planTree } from '../../server/src/engine/features/outline';
import type { TreeResponse } from '../../server/src/lsp/protocol';
import { analyze } from '../support/engine';

const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
const lines = sample.split('\n');
const analysis = analyze(sample);
const toLines = (range: { start: number; end: number }) => ({ start: analysis.lines.positionAt(range.start), end: analysis.lines.positionAt(range.end) });
// The shape of parPlan/tree's answer: the engine's tree with offsets turned into positions.
const sections: TreeResponse['tree']['sections'] = planTree(analysis).sections.map((s) => ({
  ...s,
  range: toLines(s.range),
  items: s.items.map((i) => ({ ...i, range: toLines(i.range), tasks: i.tasks.map((t) => ({ ...t, range: toLines(t.range) })) })),
}));
const lineOf = (text: string, from = 0) => {
  const at = lines.indexOf(text, from);
  expect(at, text).toBeGreaterThanOrEqual(0);
  return at;
};

describe('treePathAtLine', () => {
  it('gives the section, not the previous section\'s last task, on a section\'s own lines', () => {
    const areaII = lineOf('  - area: II');
    expect(treePathAtLine(sections, areaII)).toEqual({ section: 1 });
    expect(treePathAtLine(sections, areaII + 1)).toEqual({ section: 1 }); // title
    expect(treePathAtLine(sections, lineOf('    items:', areaII))).toEqual({ section: 1 });
  });

  it('gives the item, not the previous item\'s last task, on an item\'s lines before its first task', () => {
    const item17 = lineOf('      - criteria: ["1.7"]');
    expect(treePathAtLine(sections, item17)).toEqual({ section: 0, item: 1 });
    expect(treePathAtLine(sections, lineOf('        tasks:', item17))).toEqual({ section: 0, item: 1 });
  });

  it('gives the task on every line of a task', () => {
    const first = lineOf('  - area: II');
    const task0 = lineOf('          - task: "- Đẩy mạnh công tác tuyên truyền, nhất là nhóm đối tượng được khảo sát về công tác cải cách thể chế trên địa bàn tỉnh."', first);
    const task1 = lines.findIndex((l, i) => i > task0 && l.startsWith('          - task:'));
    for (let line = task0; line < task1; line++) expect(treePathAtLine(sections, line), `line ${line + 1}`).toEqual({ section: 1, item: 0, task: 0 });
    expect(treePathAtLine(sections, task1)).toEqual({ section: 1, item: 0, task: 1 });
  });

  it('gives every node on its own first line, and nothing in the header', () => {
    for (const [s, section] of sections.entries()) {
      expect(treePathAtLine(sections, section.range.start.line)).toEqual({ section: s });
      for (const [i, item] of section.items.entries()) {
        expect(treePathAtLine(sections, item.range.start.line)).toEqual({ section: s, item: i });
        for (const [t, task] of item.tasks.entries()) expect(treePathAtLine(sections, task.range.start.line)).toEqual({ section: s, item: i, task: t });
      }
    }
    for (let line = 0; line < sections[0].range.start.line; line++) expect(treePathAtLine(sections, line)).toBeUndefined();
    const last = sections.length - 1;
    const lastItem = sections[last].items.length - 1;
    expect(treePathAtLine(sections, lines.length - 1)).toEqual({ section: last, item: lastItem, task: sections[last].items[lastItem].tasks.length - 1 });
    expect(treePathAtLine([], 5)).toBeUndefined();
  });
});
