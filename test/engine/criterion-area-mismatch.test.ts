// The did-you-mean of a code in another area's section: the same number in the section's own area
// when the catalog lists it (6.4 under V → 5.4), unless the item's name says the written code is meant.

import { describe, expect, it } from 'vitest';
import { analyze } from '../support/engine';

const plan = (area: string, code: string, name?: string) =>
  `plan:\n  title: K\n  issuer: UBND tỉnh Nghệ An\n  year: 2026\nsections:\n  - area: ${area}\n    items:\n      - criteria: ["${code}"]\n` +
  (name ? `        name: ${name}\n` : '') +
  `        tasks:\n          - task: A\n            lead: [Sở Nội vụ]\n            deadline: Năm 2026\n`;

const fixesOf = (text: string) =>
  analyze(text)
    .findings()
    .filter((f) => f.code === 'par/criterion-area-mismatch')
    .map((f) => (f.fixes ?? []).map((x) => x.edits[0].newText));

describe('criterion in the wrong section', () => {
  it('offers the same number in the section\'s area', () => {
    expect(fixesOf(plan('V', '6.4'))).toEqual([['"5.4"']]);
  });

  it('offers nothing when that number is not in the catalog', () => {
    expect(fixesOf(plan('II', '3.2.2'))).toEqual([[]]);
  });

  it('keeps the written code when the item\'s name is that code\'s name', () => {
    expect(fixesOf(plan('II', '1.1', 'Thực hiện Kế hoạch CCHC năm'))).toEqual([[]]);
    expect(fixesOf(plan('II', '1.1', 'Một nội dung khác hẳn'))).toEqual([['"2.1"']]);
  });
});
