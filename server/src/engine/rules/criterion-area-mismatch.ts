// par/criterion-area-mismatch: a code of one area listed under another area's section (3.x under II).

import { areaOfCode, isWellFormedCode, type Catalog } from '../data/catalog';
import { editDistance, fold } from '../data/text-fold';
import { AREA_NUMERALS, type ItemModel } from '../model';
import type { Rule } from './rule';

/** The item's own name reads as this criterion's name (a typo or two apart). */
function nameMatches(item: ItemModel, name: string | undefined): boolean {
  const written = item.name ? fold(item.name.text) : '';
  if (!written || !name) return false;
  const official = fold(name);
  return editDistance(written, official, Math.floor(official.length / 5)) <= Math.floor(official.length / 5);
}

/**
 * Did-you-mean for a code in the wrong section: the same number in the section's own area (6.4 under
 * V → 5.4) when the catalog lists it, unless the item's name says the written code is the one meant.
 */
function sameNumberInArea(catalog: Catalog, item: ItemModel, code: string, area: number): string | undefined {
  const candidate = `${area}${code.slice(code.indexOf('.'))}`;
  if (!catalog.codes.has(candidate)) return undefined;
  if (nameMatches(item, catalog.codes.get(code)?.name) && !nameMatches(item, catalog.codes.get(candidate)?.name)) return undefined;
  return candidate;
}

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
        // A code written as a block scalar keeps its form: no one-line replacement is offered there.
        const oneLine = ref.node.type === 'PLAIN' || ref.node.type === 'QUOTE_DOUBLE' || ref.node.type === 'QUOTE_SINGLE';
        const candidate = oneLine ? sameNumberInArea(ctx.analysis.data.catalog, item, ref.code, area.number) : undefined;
        const quoted = (code: string) => (ref.node.type === 'QUOTE_SINGLE' ? `'${code}'` : JSON.stringify(code));
        ctx.report({
          range: ref.range,
          message: ctx.msg.criterionAreaMismatch(ref.code, AREA_NUMERALS[codeArea - 1], area.numeral),
          related: [{ range: area.range, message: area.numeral }],
          fixes: candidate
            ? [{ title: ctx.msg.fixReplaceWith(candidate), edits: [{ range: ref.range, newText: quoted(candidate) }], safe: false, preferred: true }]
            : undefined,
        });
      }
    }
  },
};
