// par/criterion-area-mismatch: a code of one area listed under another area's section (3.x under II).

import { areaOfCode, isWellFormedCode } from '../data/catalog';
import { AREA_NUMERALS } from '../model';
import type { Rule } from './rule';

export const criterionAreaMismatchRule: Rule = {
  code: 'par/criterion-area-mismatch',
  defaultSeverity: 'warning',
  description: {
    vi: "Mã thuộc lĩnh vực khác với phần chứa nó (3.x trong phần II)",
    en: "A code of another area than its section (3.x under section II)",
  },
  fixable: true,
  tags: ["criterion"],
  check(ctx) {
    for (const item of ctx.model.items) {
      const area = item.section.area;
      if (!area?.number) continue;
      for (const ref of item.criteria) {
        if (!isWellFormedCode(ref.code)) continue;
        const codeArea = areaOfCode(ref.code);
        if (codeArea === area.number || codeArea < 1 || codeArea > AREA_NUMERALS.length) continue;
        ctx.report({
          range: ref.range,
          message: ctx.msg.criterionAreaMismatch(ref.code, AREA_NUMERALS[codeArea - 1], area.numeral),
          related: [{ range: area.range, message: area.numeral }],
        });
      }
    }
  },
};
