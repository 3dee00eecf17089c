// The criteria catalog of the provincial PAR Index: areas, criteria (TC) and sub-criteria (TCTP).
// The bundled file is honest about what it knows; a user can load a complete official one.

import { editDistance } from './text-fold';

export type CriterionLevel = 'TC' | 'TCTP';
export type Scoring = 'self-assessment' | 'survey' | 'sipas';

export interface CatalogArea {
  number: number;
  roman: string;
  name: string;
  shortName?: string;
}

export interface CatalogCodeRecord {
  code: string;
  level: CriterionLevel;
  /** Official name; absent when the code is known to exist but its name is not bundled. */
  name?: string;
  scoring?: Scoring;
  /** Why the code is in the catalog: named in a source, a parent of a named code, implied by numbering. */
  source?: string;
  maxPoints?: number;
}

export interface CatalogFile {
  id: string;
  title: string;
  decision?: string;
  /** True when every code of the set is listed: then an absent code is certainly wrong. */
  complete: boolean;
  totals?: { areas: number; criteria: number; subCriteria: number };
  areas: CatalogArea[];
  codes: CatalogCodeRecord[];
}

export interface CatalogCode extends CatalogCodeRecord {
  area: number;
}

export interface Catalog {
  id: string;
  title: string;
  decision?: string;
  complete: boolean;
  totals?: CatalogFile['totals'];
  areas: readonly CatalogArea[];
  codes: ReadonlyMap<string, CatalogCode>;
}

export interface CatalogProblem {
  path: string;
  message: string;
}

const CODE_SHAPE = /^[1-9][0-9]*\.[1-9][0-9]*(\.[1-9][0-9]*)?$/;

export function isWellFormedCode(code: string): boolean {
  return CODE_SHAPE.test(code);
}

export function areaOfCode(code: string): number {
  return Number.parseInt(code, 10);
}

export function levelOfCode(code: string): CriterionLevel {
  return code.split('.').length === 3 ? 'TCTP' : 'TC';
}

export function parentOfCode(code: string): string | undefined {
  const parts = code.split('.');
  return parts.length === 3 ? `${parts[0]}.${parts[1]}` : undefined;
}

/** Sort key: 1.2 before 1.10, 4.1 before 4.1.1. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export function checkCatalogFile(data: unknown): CatalogProblem[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ path: '', message: 'catalog file must be a JSON object with "areas" and "codes"' }];
  }
  const file = data as Record<string, unknown>;
  const problems: CatalogProblem[] = [];
  if (typeof file.id !== 'string') problems.push({ path: 'id', message: 'must be a string' });
  if (typeof file.title !== 'string') problems.push({ path: 'title', message: 'must be a string' });
  if (typeof file.complete !== 'boolean') problems.push({ path: 'complete', message: 'must be true or false' });
  const areaNumbers = new Set<number>();
  if (!Array.isArray(file.areas)) problems.push({ path: 'areas', message: 'must be an array' });
  else {
    file.areas.forEach((area, i) => {
      const a = area as Record<string, unknown> | null;
      if (typeof a?.number !== 'number' || !Number.isInteger(a.number) || a.number < 1) {
        problems.push({ path: `areas[${i}].number`, message: 'must be a positive integer' });
      } else areaNumbers.add(a.number);
      if (typeof a?.roman !== 'string') problems.push({ path: `areas[${i}].roman`, message: 'must be a string' });
      if (typeof a?.name !== 'string') problems.push({ path: `areas[${i}].name`, message: 'must be a string' });
    });
  }
  if (!Array.isArray(file.codes)) problems.push({ path: 'codes', message: 'must be an array' });
  else {
    const seen = new Set<string>();
    file.codes.forEach((entry, i) => {
      const c = entry as Record<string, unknown> | null;
      const at = `codes[${i}]`;
      if (typeof c?.code !== 'string' || !isWellFormedCode(c.code)) {
        problems.push({ path: `${at}.code`, message: 'must be a string like "1.1" or "3.2.2"' });
        return;
      }
      if (seen.has(c.code)) problems.push({ path: `${at}.code`, message: `duplicate code "${c.code}"` });
      seen.add(c.code);
      if (areaNumbers.size && !areaNumbers.has(areaOfCode(c.code))) {
        problems.push({ path: `${at}.code`, message: `area ${areaOfCode(c.code)} is not in "areas"` });
      }
      if (c.level !== levelOfCode(c.code)) {
        problems.push({ path: `${at}.level`, message: `must be "${levelOfCode(c.code)}" for ${c.code}` });
      }
      if (c.name !== undefined && (typeof c.name !== 'string' || !c.name.trim())) {
        problems.push({ path: `${at}.name`, message: 'must be a non-empty string when present' });
      }
      if (c.scoring !== undefined && !['self-assessment', 'survey', 'sipas'].includes(c.scoring as string)) {
        problems.push({ path: `${at}.scoring`, message: 'must be self-assessment, survey or sipas' });
      }
    });
  }
  return problems;
}

export function buildCatalog(file: CatalogFile): Catalog {
  const codes = new Map<string, CatalogCode>();
  for (const record of file.codes) codes.set(record.code, { ...record, area: areaOfCode(record.code) });
  return {
    id: file.id,
    title: file.title,
    decision: file.decision,
    complete: file.complete,
    totals: file.totals,
    areas: file.areas,
    codes,
  };
}

export function areaByNumber(catalog: Catalog, number: number): CatalogArea | undefined {
  return catalog.areas.find((a) => a.number === number);
}

/** Did-you-mean for a code: same digits reordered or mistyped ("3.22" → "3.2.2"), closest first. */
export function suggestCodes(catalog: Catalog, code: string, limit = 3): string[] {
  const digits = code.replace(/[^0-9]/g, '');
  const scored: { code: string; score: number }[] = [];
  for (const candidate of catalog.codes.keys()) {
    const sameDigits = candidate.replace(/\./g, '') === digits ? 0 : 1;
    const distance = editDistance(code, candidate, 2);
    if (sameDigits === 0 || distance <= 1) scored.push({ code: candidate, score: sameDigits * 10 + distance });
  }
  return scored.sort((a, b) => a.score - b.score || compareCodes(a.code, b.code)).slice(0, limit).map((s) => s.code);
}
