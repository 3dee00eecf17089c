// The appendix preview, the dashboard and the HTML page as data: rows, cells and marks of the view
// model, and the structure of the HTML drawn from it.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanAnalysis } from '../../server/src/engine';
import { appendixRows, dashboardOf, dashboardHtml, exportPage, planView, renderText, type PlanView } from '../../server/src/render';
import { criterionCellLines } from '../../server/src/word/docx-export';
import { readPlanForExport } from '../../server/src/word/plan-data';
import { analyze, bundledData } from '../support/engine';

const repo = (p: string) => join(__dirname, '..', '..', p);
const SAMPLE = readFileSync(repo('samples/ha-tinh-2023.par.yaml'), 'utf8');
const vi = renderText('vi');

/** Every mark of a view as "place column code": place is "plan", "II" (section), "II.1" (item), "II.1.2" (task). */
function marksOf(view: PlanView): string[] {
  const out: string[] = view.planMarks.map((m) => `plan ${m.code}`);
  for (const s of view.sections) {
    out.push(...s.marks.map((m) => `${s.area} section ${m.code}`));
    s.items.forEach((item, i) => {
      out.push(...item.criterion.marks.map((m) => `${s.area}.${i + 1} criterion ${m.code}`));
      item.tasks.forEach((task, k) => {
        for (const [column, cell] of Object.entries(task.cells)) out.push(...cell.marks.map((m) => `${s.area}.${i + 1}.${k + 1} ${column} ${m.code}`));
      });
    });
  }
  return out;
}

const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('the sample as its appendix', () => {
  const view = planView(analyze(SAMPLE));
  const rows = appendixRows(view, vi);

  it('has 8 section rows and 41 task rows, in the sample\'s order', () => {
    expect(rows.filter((r) => r.kind === 'section')).toHaveLength(8);
    expect(rows.filter((r) => r.kind === 'task')).toHaveLength(41);
    expect(view.sections.map((s) => s.area)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(view.sections.map((s) => s.items.reduce((n, i) => n + i.tasks.length, 0))).toEqual([3, 3, 7, 5, 4, 3, 6, 10]);
    expect(view.taskCount).toBe(41);
  });

  it('puts each of the five findings on the cell it is about, and counts them per section', () => {
    expect(marksOf(view)).toEqual([
      'I.2.2 lead par/missing-lead',
      'I.2.2 deadline par/missing-deadline',
      'V.1.1 deadline par/missing-deadline',
      'VIII.1.1 lead par/missing-lead',
      'VIII.1.1 deadline par/missing-deadline',
    ]);
    expect(view.sections.map((s) => s.problems.warnings)).toEqual([2, 0, 0, 0, 1, 0, 0, 2]);
  });

  it('shows what the Word export writes: the same columns, criterion cells and task cells', () => {
    const word = readPlanForExport(SAMPLE).data;
    expect(view.columns.map((c) => c.header)).toEqual([
      'STT',
      'Tiêu chí, tiêu chí thành phần bị trừ điểm, không đạt điểm tối đa trong năm 2022 (theo Bộ Chỉ số CCHC cấp tỉnh)',
      'Nhiệm vụ/giải pháp thực hiện năm 2023',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời hạn hoàn thành (tháng/ quý/ năm)',
    ]);
    const official = (code: string) => bundledData().catalog.codes.get(code)?.name;
    word.sections.forEach((section, s) => {
      section.items.forEach((item, i) => {
        const shown = view.sections[s].items[i];
        expect(shown.criterion.lines).toEqual(criterionCellLines(item, official));
        expect(shown.tasks.map((t) => t.task)).toEqual(item.tasks);
      });
    });
  });

  it('gives every row and cell its place in the document', () => {
    const lines = SAMPLE.split('\n');
    for (const row of rows) {
      const line = lines[row.at.line];
      expect(line.slice(row.at.character)).toMatch(row.kind === 'section' ? /^area:/ : /^(task|lead|support|deadline|criteria):/);
    }
    const firstTask = view.sections[0].items[0].tasks[0];
    expect(lines[firstTask.cells.deadline.at.line].slice(firstTask.cells.deadline.at.character)).toBe('Trước 15/12/2023');
    // A missing value sends the editor to its task.
    const noLead = view.sections[0].items[1].tasks[1];
    expect(lines[noLead.cells.lead.at.line].slice(noLead.cells.lead.at.character)).toMatch(/^\[\]/);
  });

  it('draws the rows: section rows span the table, the item cells span their tasks, marked cells carry their message', () => {
    const html = rows.map((r) => r.html).join('');
    expect(count(html, /<tr class="section">/g)).toBe(8);
    expect(count(html, /<tr class="task">/g)).toBe(41);
    expect(count(html, /colspan="5"/g)).toBe(8);
    expect(count(html, /<td class="[a-z]+ marked warning"/g)).toBe(5);
    expect(html).toContain('title="Cảnh báo: Nhiệm vụ chưa có đơn vị chủ trì: &quot;lead&quot; đang để trống. (par/missing-lead)"');
    // Item I.2 has two tasks: its STT and criterion cells span both rows.
    expect(rows[2].html).toMatch(/^<tr class="task"><td class="stt" data-col="stt" rowspan="2"><p>2<\/p><\/td><td class="criterion" data-col="criterion" rowspan="2">/);
    expect(rows[3].html).toMatch(/^<tr class="task"><td class="task" data-col="task">/);
    expect(rows[0].html).toContain('<span class="section-problems" data-problems="2">2 cảnh báo</span>');
  });
});

describe('findings placed on cells', () => {
  const header = 'plan:\n  title: T\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\n';
  const cases: { name: string; yaml: string; marks: string[] }[] = [
    {
      name: 'an unknown unit in the lead list, an unreadable deadline',
      yaml: `${header}sections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            lead: [Sở Không Có Thật]\n            deadline: Quý 5\n`,
      marks: ['I.1.1 lead par/unknown-unit', 'I.1.1 deadline par/invalid-deadline'],
    },
    {
      name: 'missing lead and deadline keys go to their columns',
      yaml: `${header}sections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n`,
      marks: ['I.1.1 lead par/missing-lead', 'I.1.1 deadline par/missing-deadline'],
    },
    {
      name: 'a code of another area is on the criterion cell; an unknown task key on the task cell',
      yaml: `${header}sections:\n  - area: II\n    items:\n      - criteria: ["3.2.2"]\n        tasks:\n          - task: A\n            lead: [Sở Tư pháp]\n            deadline: Năm 2023\n            leed: x\n`,
      marks: ['II.1 criterion par/criterion-area-mismatch', 'II.1.1 task par/schema'],
    },
    {
      name: 'a problem in the header belongs to the whole plan',
      yaml: `plan:\n  title: T\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\n  titel: x\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            lead: [Sở Nội vụ]\n            deadline: Năm 2023\n`,
      marks: ['plan par/schema'],
    },
    {
      name: 'YAML syntax errors alone, on the plan',
      yaml: `${header}sections:\n  - area: I\n    items: [\n`,
      marks: ['plan par/syntax'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(marksOf(planView(analyze(c.yaml)))).toEqual(c.marks);
    });
  }

  it('loses no finding of any rule fixture: every one is on exactly one cell, row or the plan', () => {
    const dir = repo('test/fixtures/rules');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.par.yaml'))) {
      const analysis = analyze(readFileSync(join(dir, file), 'utf8'));
      const view = planView(analysis);
      const counts = view.problems;
      expect(marksOf(view).length, file).toBe(analysis.findings().length);
      expect(counts.errors + counts.warnings + counts.infos, file).toBe(analysis.findings().length);
    }
  });
});

describe('the dashboard of the sample', () => {
  const view = planView(analyze(SAMPLE));
  const dashboard = dashboardOf(view, vi);
  const chart = (id: string) => dashboard.charts.find((c) => c.id === id)!;

  it('counts tasks per lead unit with their support, per deadline quarter, per area, and the top units', () => {
    expect(dashboard.charts.map((c) => c.id)).toEqual(['lead', 'quarter', 'area', 'top']);
    expect(chart('lead').bars.slice(0, 4).map((b) => `${b.label}: ${b.values.join('/')}`)).toEqual([
      'Sở, ban, ngành cấp tỉnh: 12/20',
      'UBND cấp huyện: 8/18',
      'Văn phòng UBND tỉnh: 6/6',
      'Sở Nội vụ: 6/3',
    ]);
    expect(chart('quarter').bars.map((b) => `${b.label}: ${b.values[0]}`)).toEqual(['Quý IV/2023: 36', 'Thường xuyên, định kỳ: 2', 'Chưa có thời hạn: 3']);
    expect(chart('area').bars.map((b) => b.values)).toEqual([[3, 2], [3, 0], [7, 0], [5, 0], [4, 1], [3, 0], [6, 0], [10, 2]]);
    expect(chart('top').bars.slice(0, 2).map((b) => `${b.label}: ${b.values[0]}`)).toEqual(['Sở, ban, ngành cấp tỉnh: 31', 'UBND cấp huyện: 26']);
    // The tasks behind a bar are the bar's value.
    for (const c of dashboard.charts) for (const b of c.bars) b.values.forEach((v, s) => c.id !== 'area' || s === 0 ? expect(b.tasks[s]).toHaveLength(v) : undefined);
  });

  it('lists the tasks with no lead unit and no deadline', () => {
    expect(dashboard.lists.map((l) => `${l.id}: ${l.tasks.join(',')}`)).toEqual(['no-lead: 2,31', 'no-deadline: 2,18,31']);
  });

  it('draws one SVG per chart with a title, a description, one clickable bar per value and a data table', () => {
    const { html, groups } = dashboardHtml(dashboard, view, vi);
    expect(count(html, /<svg class="chart-svg" role="img"/g)).toBe(4);
    expect(count(html, /<title id="chart-[a-z]+-title">/g)).toBe(4);
    expect(count(html, /<desc id="chart-[a-z]+-desc">/g)).toBe(4);
    const bars = dashboard.charts.reduce((n, c) => n + c.bars.length * c.series.length, 0);
    expect(count(html, /<rect class="bar s\d"/g)).toBe(bars);
    expect(groups).toHaveLength(bars);
    expect(count(html, /<details class="chart-data">/g)).toBe(4);
    expect(html).toContain('aria-label="Sở Nội vụ — Chủ trì: 6"');
    expect(count(html, /<li data-task="\d+">/g)).toBe(5);
  });

  it('speaks English when asked', () => {
    const en = renderText('en');
    const d = dashboardOf(planView(analyze(SAMPLE, { locale: 'en' })), en);
    expect(d.charts.map((c) => c.title)).toEqual(['Tasks per lead unit', 'Tasks per deadline', 'Tasks and problems per area', 'Units carrying the most tasks']);
    expect(d.charts[1].bars.map((b) => b.label)).toEqual(['Q4 2023', 'Recurring', 'No deadline']);
  });
});

describe('the exported page', () => {
  it('is one self-contained document: inline style and SVG, no script, no external resource', () => {
    const view = planView(analyze(SAMPLE));
    const page = exportPage(view, dashboardOf(view, vi), vi, { generator: 'par-plan', lang: 'vi' });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(page).toContain('@page { size: A4 landscape;');
    expect(count(page, /<tr class="task">/g)).toBe(41);
    expect(count(page, /<svg class="chart-svg"/g)).toBe(4);
  });

  it('escapes the plan\'s text', () => {
    const yaml = 'plan:\n  title: "<b>T</b>"\n  year: 2023\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: "<script>alert(1)</script> & \\"x\\""\n            lead: [Sở Nội vụ]\n            deadline: Năm 2023\n';
    const view = planView(analyze(yaml));
    const page = exportPage(view, dashboardOf(view, vi), vi, { generator: 'par-plan', lang: 'vi' });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>T</b>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });
});

describe('row keys', () => {
  it('change for the edited row only, and differ for identical rows', () => {
    const before = new PlanAnalysis(SAMPLE, bundledData());
    // The previous version is read first: the next one takes over its parse.
    const keysBefore = appendixRows(planView(before), vi).map((r) => r.key);
    const at = SAMPLE.indexOf('Trước 15/12/2023');
    const text = `${SAMPLE.slice(0, at)}Trước 16/12/2023${SAMPLE.slice(at + 'Trước 15/12/2023'.length)}`;
    const after = new PlanAnalysis(text, bundledData(), undefined, { analysis: before, change: { start: at, end: at + 16, newLength: 16 } });
    const rowsAfter = appendixRows(planView(after), vi);
    const keysAfter = rowsAfter.map((r) => r.key);
    expect(keysAfter.filter((k, i) => k !== keysBefore[i])).toHaveLength(1);
    expect(keysAfter[1]).not.toBe(keysBefore[1]);
    expect(rowsAfter[1].html).toContain('Trước 16/12/2023');
    // The same row drawn fresh, without what was kept from the previous version, is the same.
    expect(appendixRows(planView(analyze(text)), vi).map((r) => r.html)).toEqual(rowsAfter.map((r) => r.html));
    // Two identical rows: the sample has none, a plan with a task copied has.
    const task = '          - task: A\n            lead: [Sở Nội vụ]\n            deadline: Năm 2023\n';
    const twice = `plan:\n  year: 2023\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n${task}${task}${task}`;
    const keys = appendixRows(planView(analyze(twice)), vi).map((r) => r.key);
    expect(new Set(keys).size).toBe(4);
    expect(keys[3]).toBe(`${keys[2]}.1`);
  });
});
