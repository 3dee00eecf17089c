// The bundled catalog: honest coverage of 876/QĐ-BNV, and no drift from the plan schema.

import { describe, expect, it } from 'vitest';
import catalogFile from '../../schemas/par-criteria.876-2022.json';
import planSchema from '../../schemas/par-plan.schema.json';
import { buildCatalog, checkCatalogFile, compareCodes, parentOfCode, suggestCodes, type CatalogFile } from '../../server/src/engine/data/catalog';

const catalog = buildCatalog(catalogFile as CatalogFile);
const codes = [...catalog.codes.values()];

describe('criteria catalog', () => {
  it('is a valid catalog file and says it is incomplete', () => {
    expect(checkCatalogFile(catalogFile)).toEqual([]);
    expect(catalog.complete).toBe(false);
    expect(catalog.totals).toEqual({ areas: 8, criteria: 37, subCriteria: 88 });
  });

  it('has the 8 areas I..VIII', () => {
    expect(catalog.areas.map((a) => `${a.number}:${a.roman}`)).toEqual(['1:I', '2:II', '3:III', '4:IV', '5:V', '6:VI', '7:VII', '8:VIII']);
  });

  it('names exactly the 33 codes the reference names, and invents no other name', () => {
    const named = codes.filter((c) => c.name);
    expect(named).toHaveLength(33);
    expect(named.every((c) => c.source === 'seed' && c.scoring)).toBe(true);
    expect(codes.filter((c) => !c.name).every((c) => c.source === 'parent' || c.source === 'sequence')).toBe(true);
  });

  it('lists every parent of a listed sub-criterion and every earlier sibling', () => {
    for (const c of codes) {
      const parent = parentOfCode(c.code);
      if (parent) expect(catalog.codes.has(parent), `${parent} of ${c.code}`).toBe(true);
      const parts = c.code.split('.');
      const last = Number(parts.pop());
      for (let k = 1; k < last; k++) expect(catalog.codes.has([...parts, k].join('.')), `${[...parts, k].join('.')} before ${c.code}`).toBe(true);
    }
  });

  it('stays within the set: at most 37 criteria and 88 sub-criteria', () => {
    const tc = codes.filter((c) => c.level === 'TC').length;
    const tctp = codes.filter((c) => c.level === 'TCTP').length;
    expect(tc).toBe(35);
    expect(tctp).toBe(44);
    expect(tc).toBeLessThanOrEqual(37);
    expect(tctp).toBeLessThanOrEqual(88);
  });

  it('keeps the schema in step (run scripts/sync-schema.mjs after editing the catalog)', () => {
    const defs = (planSchema as any).definitions;
    expect(defs.area.enum).toEqual(catalog.areas.map((a) => a.roman));
    expect(defs.code.examples).toEqual(catalogFile.codes.map((c) => c.code));
    const pattern = new RegExp(defs.code.pattern);
    for (const c of codes) expect(pattern.test(c.code), c.code).toBe(true);
    expect(pattern.test('1.1a')).toBe(false);
    expect(pattern.test('1')).toBe(false);
  });

  it('is sorted by code', () => {
    const listed = catalogFile.codes.map((c) => c.code);
    expect([...listed].sort(compareCodes)).toEqual(listed);
  });

  it('suggests close codes', () => {
    expect(suggestCodes(catalog, '3.22')[0]).toBe('3.2.2');
    expect(suggestCodes(catalog, '1.10')).toContain('1.1');
  });

  it('rejects broken catalog files with positioned problems', () => {
    expect(checkCatalogFile([])).toHaveLength(1);
    const problems = checkCatalogFile({ id: 'x', title: 'x', complete: true, areas: [{ number: 1, roman: 'I', name: 'A' }], codes: [{ code: '2.1', level: 'TCTP' }, { code: 'abc', level: 'TC' }] });
    expect(problems.map((p) => p.path)).toEqual(['codes[0].code', 'codes[0].level', 'codes[1].code']);
  });
});
