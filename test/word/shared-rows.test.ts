// The row -> plan logic shared by the text and the .docx import (text-import.ts), as extended for Word.

import { describe, expect, it } from 'vitest';
import { importPlanText } from '../../server/src/word/text-import';
import { mapTableRows } from '../../server/src/word/table-rows';
import { textOf, type Cell } from '../../server/src/word/table-cells';
import { type ImportProblem } from '../../server/src/word/imported-plan';

const cell = (line: number, ...texts: string[]): Cell => ({ line, fragments: texts.map((text) => ({ line, text })) });

describe('textOf', () => {
  it('joins a line starting in lowercase to the one above, but not a list line "a) ", "đ. ", "ii) "', () => {
    expect(textOf(cell(1, 'Việc một,', 'tiếp theo'))).toBe('Việc một, tiếp theo');
    expect(textOf(cell(1, 'Gồm:', 'a) Một', 'b) Hai', 'đ. Năm', 'ii) La Mã'))).toBe('Gồm:\na) Một\nb) Hai\nđ. Năm\nii) La Mã');
  });

  it('applies to the text form too', () => {
    const text = ['\tII', '\tCải cách thể chế', '\t', '\t', '\t', '\t', '', '\t1', '\t2.1 - Tên', '\tGồm:', 'a) Một', 'b) Hai', '\tSở A', '\t', '\tNăm 2024', ''].join('\n');
    expect(importPlanText(text).plan.sections[0].items[0].tasks[0].task).toBe('Gồm:\na) Một\nb) Hai');
  });
});

describe('mapTableRows', () => {
  it('reads the product and note cells of a Word table (positions 6 and 7), only when not empty', () => {
    const problems: ImportProblem[] = [];
    const sections = mapTableRows(
      [
        { line: 2, cells: [cell(2, 'I'), cell(2, 'Chỉ đạo'), cell(2), cell(2), cell(2), cell(2), cell(2), cell(2)] },
        { line: 3, cells: [cell(3, '1'), cell(3, '1.1 - Tên'), cell(3, 'Việc'), cell(3, 'Sở A; Sở B'), cell(3), cell(3, 'Năm 2024'), cell(3, 'Báo cáo'), cell(3)] },
        { line: 4, cells: [cell(4), cell(4), cell(4), cell(4), cell(4), cell(4), cell(4), cell(4, 'Chỉ có ghi chú')] },
      ],
      problems,
      { officialName: () => undefined },
    );
    expect(sections[0].items[0].tasks).toEqual([
      { task: 'Việc', lead: ['Sở A', 'Sở B'], support: [], deadline: 'Năm 2024', product: 'Báo cáo' },
      { task: '', lead: [], support: [], deadline: '', note: 'Chỉ có ghi chú' },
    ]);
    expect(problems.map((p) => p.line)).toEqual([4]);
  });
});

describe('row clean-up, the same in the text form as in a .docx', () => {
  const lines = [
    'ỦY BAN NHÂN DÂN',
    'TỈNH HÀ TĨNH',
    'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH',
    ...['STT', 'Tiêu chí', 'Nhiệm vụ/giải pháp thực hiện năm 2024', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'].map((c) => `\t${c}`),
    '',
    ...['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'].map((c) => `\t${c}`),
    '',
    ...['I. Chỉ đạo điều hành', '', '', '', '', ''].map((c) => `\t${c}`),
    '',
    ...['1', 'Tiêu chí 1.1 - Thực hiện Kế hoạch CCHC năm', 'Việc', 'Sở A', '', 'Năm 2024'].map((c) => `\t${c}`),
    '',
    ...['', 'II - Cải cách thể chế', '', '', '', ''].map((c) => `\t${c}`),
    '',
  ];

  it('strips "Tiêu chí" before a code, splits a section written in one cell, skips column numbers, takes the year from the task heading', () => {
    const res = importPlanText(lines.join('\n'));
    expect(res.problems).toEqual([]);
    expect(res.plan.plan.year).toBe(2024);
    expect(res.plan.sections).toEqual([
      { area: 'I', title: 'Chỉ đạo điều hành', items: [{ criteria: ['1.1'], tasks: [{ task: 'Việc', lead: ['Sở A'], support: [], deadline: 'Năm 2024' }] }] },
      { area: 'II', title: 'Cải cách thể chế', items: [] },
    ]);
  });
});
