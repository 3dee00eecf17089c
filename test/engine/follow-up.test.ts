// Follow-up in the editor and in the engine's edits: hover on a deadline, "Mark as done", status
// completion, the minimal edits import shares, and the calendar of reporting periods. Every case
// gives its as-of day: nothing here reads the clock.

import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine';
import { parseDeadline } from '../../server/src/engine/data/deadline';
import { codeActions } from '../../server/src/engine/features/code-actions';
import { completionsAt } from '../../server/src/engine/features/completion';
import { hoverAt } from '../../server/src/engine/features/hover';
import { planTree } from '../../server/src/engine/features/outline';
import { lastEndedPeriod, periodContaining, readStatus } from '../../server/src/engine/follow-up';
import { taskChangeEdits } from '../../server/src/engine/follow-up-edits';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, located } from '../support/engine';

const doc = (tasks: string) =>
  `plan:\n  title: Kế hoạch\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2026\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n${tasks}`;

const tracked = doc(
  '          - task: A # nhiệm vụ A\n            lead: [Sở Nội vụ]\n            deadline: Quý II/2026\n            status: đang thực hiện\n' +
    '          - task: B\n            lead: [Sở Nội vụ]\n            deadline: Quý IV/2026\n',
);

describe('status values', () => {
  it('match without accents and case, in Vietnamese or English', () => {
    expect(['Hoàn thành', 'HOAN THANH', 'hoàn thành.', 'done', 'Đã hoàn thành'].map(readStatus)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(['chưa thực hiện', 'not started', 'dang thuc hien', 'Không thực hiện', 'xong'].map(readStatus)).toEqual(['not-started', 'not-started', 'in-progress', 'dropped', undefined]);
  });
});

describe('reporting periods', () => {
  const recurring = (text: string) => parseDeadline(text, { planYear: 2026 }) as Extract<ReturnType<typeof parseDeadline>, { kind: 'recurring' }>;
  it('the last ended period of each recurring deadline, within the plan year', () => {
    expect(lastEndedPeriod(recurring('Hằng quý'), '2026-07-01', 2026)).toMatchObject({ unit: 'quarter', n: 2, start: '2026-04-01', end: '2026-06-30' });
    expect(lastEndedPeriod(recurring('Hằng quý'), '2026-06-30', 2026)).toMatchObject({ n: 1 });
    expect(lastEndedPeriod(recurring('Hằng quý'), '2026-02-10', 2026)).toBeUndefined();
    expect(lastEndedPeriod(recurring('Hằng tháng'), '2026-03-01', 2026)).toMatchObject({ unit: 'month', n: 2, end: '2026-02-28' });
    expect(lastEndedPeriod(recurring('Hằng quý'), '2027-05-01', 2026)).toMatchObject({ n: 4, year: 2026 });
    expect(lastEndedPeriod(recurring('Hằng tuần'), '2026-06-10', 2026)).toMatchObject({ start: '2026-06-01', end: '2026-06-07' });
    expect(lastEndedPeriod(recurring('Hằng quý từ quý III đến quý IV/2026'), '2026-09-30', 2026)).toBeUndefined();
  });
  it('weeks run Monday to Sunday', () => {
    expect(periodContaining('week', '2026-01-01')).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
  });
});

describe('hover on a deadline', () => {
  const hoverOn = (text: string, token: string, asOf: string, locale: 'vi' | 'en' = 'vi') =>
    hoverAt(analyze(text, { asOf, locale }), text.indexOf(token) + 1)?.markdown ?? '';
  it('says how many days remain or have passed, as of the day given', () => {
    expect(hoverOn(tracked, 'Quý II/2026', '2026-06-20')).toContain('Còn **10 ngày** đến hạn (tính đến 20/6/2026; đang thực hiện)');
    expect(hoverOn(tracked, 'Quý II/2026', '2026-07-15')).toContain('Đã quá hạn **15 ngày**');
    expect(hoverOn(tracked, 'Quý IV/2026', '2026-12-31', 'en')).toContain('Due **today**');
  });
  it('says nothing of lateness in a plan that is not followed up', () => {
    const plain = doc('          - task: A\n            lead: [Sở Nội vụ]\n            deadline: Quý II/2026\n');
    expect(hoverOn(plain, 'Quý II/2026', '2026-07-15')).not.toContain('quá hạn');
  });
  it('names the period a recurring task has not reported on', () => {
    const text = doc('          - task: A\n            deadline: Hằng quý\n            progress:\n              - date: 1/2/2026\n                text: x\n');
    expect(hoverOn(text, 'Hằng quý', '2026-07-10')).toContain('Chưa có báo cáo tiến độ cho Quý II/2026 (kỳ đã kết thúc 10 ngày)');
    expect(hoverOn(text, 'Hằng quý', '2026-04-10')).toContain('Đã có báo cáo tiến độ cho Quý I/2026');
  });
});

describe('hover on a status and a completion day', () => {
  const text = doc('          - task: A\n            deadline: Quý II/2026\n            status: HOAN THANH\n            done: 2026-07-05\n');
  it('names the status and says whether the task was done on time', () => {
    const analysis = analyze(text);
    const at = (token: string) => hoverAt(analysis, text.indexOf(token) + 1);
    expect(at('HOAN THANH')).toMatchObject({ markdown: '**Trạng thái** hoàn thành (`done`)', range: { start: text.indexOf('HOAN THANH') } });
    expect(at('2026-07-05')!.markdown).toBe('**Ngày hoàn thành** 5/7/2026\n\nChậm **5 ngày** so với thời hạn (30/6/2026).');
    const early = text.replace('2026-07-05', '1/6/2026');
    expect(hoverAt(analyze(early, { locale: 'en' }), early.indexOf('1/6/2026') + 1)!.markdown).toBe('**Done on** 2026-06-01\n\nOn time (deadline 2026-06-30).');
  });
});

describe('mark as done', () => {
  const markDone = (text: string, at: string, asOf: string) => {
    const analysis = analyze(text, { asOf });
    const offset = text.indexOf(at) + 1;
    const action = codeActions(analysis, { start: offset, end: offset }).find((a) => a.title === 'Đánh dấu hoàn thành');
    return action && applyEdits(text, action.edits);
  };
  it('replaces the status and adds the day, as a quick-fix of par/overdue, keeping comments', () => {
    const after = markDone(tracked, 'Quý II/2026', '2026-07-15')!;
    expect(after).toBe(tracked.replace('status: đang thực hiện\n', 'status: hoàn thành\n            done: 15/7/2026\n'));
    expect(after).toContain('# nhiệm vụ A');
    expect(located(analyze(after, { asOf: '2026-07-15' })).map((f) => f.code)).toEqual(['par/done-late']);
  });
  it('adds both keys to a task without them, and fills an empty done', () => {
    expect(markDone(tracked, 'task: B', '2026-07-15')).toBe(tracked + '            status: hoàn thành\n            done: 15/7/2026\n');
    const empty = doc('          - task: A\n            deadline: Quý II/2026\n            status: done\n            done:\n');
    expect(markDone(empty, 'status: done', '2026-06-01')).toBe(empty.replace('done:\n', 'done: 1/6/2026\n'));
  });
  it('is not offered without an as-of day, nor for a task already done with its day', () => {
    expect(markDone(tracked, 'Quý II/2026', undefined as unknown as string)).toBeUndefined();
    const done = doc('          - task: A\n            deadline: Quý II/2026\n            status: hoàn thành\n            done: 1/6/2026\n');
    expect(markDone(done, 'task: A', '2026-07-01')).toBeUndefined();
  });
});

describe('task change edits', () => {
  const apply = (text: string, change: Parameters<typeof taskChangeEdits>[2], index = 0) => {
    const analysis = analyze(text);
    const edits = taskChangeEdits(analysis, analysis.model.tasks[index], change);
    return edits && applyEdits(text, edits);
  };
  it('appends a report to an existing list, with the file\'s line breaks', () => {
    const text = doc('          - task: A\n            progress:\n              - date: 1/2/2026\n                text: "Đợt 1"\n            note: x\n').replace(/\n/g, '\r\n');
    const after = apply(text, { progress: { date: '30/6/2026', text: 'Đợt 2: xong 80%', evidence: 'Báo cáo số 12/BC-SNV' } })!;
    expect(after).toBe(text.replace('text: "Đợt 1"\r\n', 'text: "Đợt 1"\r\n              - date: 30/6/2026\r\n                text: "Đợt 2: xong 80%"\r\n                evidence: Báo cáo số 12/BC-SNV\r\n'));
  });
  it('starts a list after `progress: []` and adds keys at the end of the last task of the file', () => {
    const text = doc('          - task: A\n            progress: []').replace(/\n$/, '');
    const after = apply(text, { set: { status: 'đang thực hiện' }, progress: { date: '1/3/2026', text: 'Bắt đầu' } })!;
    expect(after.endsWith('            progress:\n              - date: 1/3/2026\n                text: Bắt đầu\n            status: đang thực hiện\n')).toBe(true);
    expect(analyze(after).findings().map((f) => f.code)).not.toContain('par/schema');
  });
  it('refuses a task written in flow style', () => {
    expect(apply(doc('          - {task: A, lead: [Sở Nội vụ]}\n'), { set: { status: 'done' } })).toBeUndefined();
  });
});

describe('status completion', () => {
  it('offers the four labels, found when typed without accents or in English', () => {
    const text = doc('          - task: A\n            status: hoan\n');
    const offset = text.indexOf('status: hoan') + 'status: hoan'.length;
    const items = completionsAt(analyze(text), offset);
    expect(items.map((i) => i.label)).toEqual(['hoàn thành']);
    expect(applyEdits(text, [items[0].edit])).toContain('status: hoàn thành\n');
    const all = completionsAt(analyze(doc('          - task: A\n            status: \n')), doc('          - task: A\n            status: \n').length - 1);
    expect(all.map((i) => i.label)).toEqual(['chưa thực hiện', 'đang thực hiện', 'hoàn thành', 'không thực hiện']);
  });
  it('offers the keys of a progress report, and the as-of day for its date', () => {
    const text = doc('          - task: A\n            progress:\n              - date: 1/2/2026\n                te\n');
    const items = completionsAt(analyze(text), text.indexOf('                te') + 18);
    expect(items.map((i) => i.label)).toEqual(['text', 'evidence']);
    const dated = doc('          - task: A\n            progress:\n              - date: \n');
    const day = completionsAt(analyze(dated, { asOf: '2026-06-30' }), dated.indexOf('date: ') + 6);
    expect(day.map((i) => i.label)).toEqual(['30/6/2026']);
  });

  it('offers the follow-up keys in a task', () => {
    const text = doc('          - task: A\n            sta\n');
    const items = completionsAt(analyze(text), text.indexOf('sta') + 3);
    expect(items.map((i) => i.label)).toContain('status');
  });
});

describe('plan tree', () => {
  it('gives each task its status and days late, and counts the overdue tasks for the status bar', () => {
    const tree = planTree(analyze(tracked, { asOf: '2026-07-15' }));
    expect(tree.sections[0].items[0].tasks.map((t) => [t.status, t.overdueDays])).toEqual([['in-progress', 15], ['not-started', null]]);
    expect(tree.overdue).toBe(1);
    expect(planTree(analyze(tracked)).overdue).toBe(0);
  });
});

describe('a plan without follow-up keys', () => {
  it('checks exactly as before, whatever the as-of day', () => {
    const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
    expect(located(analyze(sample, { asOf: '2030-01-01' }))).toEqual(located(analyze(sample)));
  });
});
