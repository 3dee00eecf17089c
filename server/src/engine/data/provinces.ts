// The provinces and centrally-run cities (schemas/provinces.json): 63 before 1/7/2025, 34 after, and
// which merged into which. The plan's issuer ("UBND tỉnh Nghệ An") selects one of them.

import { tokenizeUnitText } from './unit-tokens';
import type { IsoDate } from '../types';

/** How the province writes itself after a body's name: "Công an tỉnh", "Công an thành phố". */
export type ProvinceForm = 'tỉnh' | 'thành phố';

export interface ProvinceRecord {
  id: string;
  /** The proper name: "Nghệ An", "Hải Phòng". */
  name: string;
  form: ProvinceForm;
  /** Other spellings of the proper name ("HCM"). */
  aliases?: string[];
  validFrom?: IsoDate;
  validTo?: IsoDate;
  /** The province it merged into, from the day after validTo. */
  mergedInto?: string;
  /** Provinces merged into this one, and from when. */
  merged?: { on: IsoDate; from: string[] };
  renamedTo?: string;
  renamedFrom?: string;
}

export interface ProvincesFile {
  id: string;
  provinces: ProvinceRecord[];
}

export interface ProvinceNameNode {
  next: Map<string, ProvinceNameNode>;
  province?: ProvinceRecord;
}

export interface ProvinceTable {
  byId: ReadonlyMap<string, ProvinceRecord>;
  /** Folded word tokens of every proper name and alias, for reading an issuer or a name after a body. */
  names: ProvinceNameNode;
}

export interface ProvincesProblem {
  path: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORMS: readonly string[] = ['tỉnh', 'thành phố'];

/** Checks a parsed provinces file; problems instead of exceptions, like checkRegistryFile. */
export function checkProvincesFile(data: unknown): ProvincesProblem[] {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { provinces?: unknown }).provinces)) {
    return [{ path: '', message: 'provinces file must be a JSON object with a "provinces" array' }];
  }
  const problems: ProvincesProblem[] = [];
  const list = (data as { provinces: unknown[] }).provinces;
  const ids = new Set(list.map((p) => (p as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'));
  list.forEach((entry, i) => {
    const at = `provinces[${i}]`;
    const p = entry as Record<string, unknown> | null;
    if (typeof p !== 'object' || p === null) return problems.push({ path: at, message: 'must be an object' });
    if (typeof p.id !== 'string' || !p.id) problems.push({ path: `${at}.id`, message: 'must be a non-empty string' });
    if (typeof p.name !== 'string' || !p.name.trim()) problems.push({ path: `${at}.name`, message: 'must be a non-empty string' });
    if (typeof p.form !== 'string' || !FORMS.includes(p.form)) problems.push({ path: `${at}.form`, message: 'must be "tỉnh" or "thành phố"' });
    for (const key of ['validFrom', 'validTo'] as const) {
      if (p[key] !== undefined && (typeof p[key] !== 'string' || !ISO_DATE.test(p[key] as string))) problems.push({ path: `${at}.${key}`, message: 'must be a date YYYY-MM-DD' });
    }
    for (const key of ['mergedInto', 'renamedTo', 'renamedFrom'] as const) {
      if (p[key] !== undefined && (typeof p[key] !== 'string' || !ids.has(p[key] as string))) problems.push({ path: `${at}.${key}`, message: 'must be a known province id' });
    }
  });
  return problems;
}

function nameTokens(text: string): string[] {
  return tokenizeUnitText(text).filter((t) => t.kind === 'word').map((t) => t.folded);
}

export function buildProvinces(file: ProvincesFile): ProvinceTable {
  const byId = new Map<string, ProvinceRecord>();
  const names: ProvinceNameNode = { next: new Map() };
  for (const province of file.provinces) {
    byId.set(province.id, province);
    for (const written of [province.name, ...(province.aliases ?? [])]) {
      let node = names;
      for (const token of nameTokens(written)) {
        let child = node.next.get(token);
        if (!child) node.next.set(token, (child = { next: new Map() }));
        node = child;
      }
      // Two provinces never share a name; a renamed one (Thừa Thiên Huế → Huế) has its own.
      node.province ??= province;
    }
  }
  return { byId, names };
}

/** The longest province name starting at word `from` of `tokens` (folded words), and where it ends. */
export function provinceNameAt(table: ProvinceTable, tokens: readonly string[], from: number): { province: ProvinceRecord; end: number } | undefined {
  let node = table.names;
  let best: { province: ProvinceRecord; end: number } | undefined;
  for (let i = from; i < tokens.length; i++) {
    const child = node.next.get(tokens[i]);
    if (!child) break;
    node = child;
    if (node.province) best = { province: node.province, end: i + 1 };
  }
  return best;
}

/** The province an issuer text names ("UBND tỉnh Nghệ An", "Ủy ban nhân dân TP. Hồ Chí Minh"), if any. */
export function provinceOfIssuer(table: ProvinceTable, issuer: string): ProvinceRecord | undefined {
  const tokens = nameTokens(issuer);
  let best: { province: ProvinceRecord; end: number; start: number } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const found = provinceNameAt(table, tokens, i);
    // The last name wins: "UBND thành phố Huế" of "tỉnh Thừa Thiên Huế" is not written, but
    // "Văn phòng UBND tỉnh Hà Tĩnh" names its province last.
    if (found && (!best || found.end - i >= best.end - best.start)) best = { ...found, start: i };
  }
  return best?.province;
}

/** Where a province went: the one it merged into or was renamed to, on a day after it ended. */
export function successorProvince(table: ProvinceTable, province: ProvinceRecord, day: IsoDate): ProvinceRecord | undefined {
  let current = province;
  for (let hops = 0; hops < 4 && current.validTo && current.validTo < day; hops++) {
    const next = table.byId.get(current.mergedInto ?? current.renamedTo ?? '');
    if (!next) break;
    current = next;
  }
  return current === province ? undefined : current;
}

/** "tỉnh Nghệ An", "thành phố Hải Phòng". */
export function provinceTitle(province: ProvinceRecord): string {
  return `${province.form} ${province.name}`;
}
