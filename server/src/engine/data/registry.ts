// The unit registry: who can lead or support a task, under which names, and when.
// Built once per registry file; the phrase matcher (unit-phrase.ts) reads its token trie.

import { editDistance, fold } from './text-fold';
import { tokenizeUnitText } from './unit-tokens';
import type { ProvinceForm, ProvinceRecord, ProvinceTable } from './provinces';
import type { IsoDate } from '../types';

export type UnitKind =
  | 'province'
  | 'department'
  | 'provincial-agency'
  | 'central-agency'
  | 'local-government'
  | 'organisation'
  | 'group'
  | 'interim';

/** One unit as written in a registry file (schemas/units.*.json). */
export interface UnitRecord {
  id: string;
  name: string;
  kind: UnitKind;
  fullName?: string;
  /** Accepted alternative spellings: no finding. */
  variants?: string[];
  /** Short forms: recognised, but `par/unit-spelling` suggests the full name. */
  abbreviations?: string[];
  validFrom?: IsoDate;
  validTo?: IsoDate;
  successors?: string[];
  predecessors?: string[];
  note?: string;
  /** The name goes on with a proper name or a number ("Ban Quản lý dự án đầu tư xây dựng ...", "Chi cục Thuế khu vực XI"). */
  openName?: boolean;
  /** Only these provinces (ids of schemas/provinces.json) have the unit. */
  onlyIn?: string[];
  /** Only provinces of this form have it ("UBND thành phố" of a city inside a tỉnh). */
  onlyForm?: ProvinceForm;
}

/** A fixed phrase that names several units at once, e.g. "UBND cấp huyện, cấp xã". */
export interface PhraseRecord {
  text: string;
  units: string[];
}

export interface RegistryFile {
  id: string;
  /** An overlay that applies to one province only: its id in schemas/provinces.json. */
  province?: string;
  title?: string;
  units: UnitRecord[];
  phrases?: PhraseRecord[];
  /** Words of a role that stand for the body after them ("Giám đốc Sở Nội vụ" names Sở Nội vụ). */
  roles?: string[];
}

export type AliasKind = 'name' | 'variant' | 'abbreviation' | 'phrase';

export interface Alias {
  text: string;
  kind: AliasKind;
  unitIds: string[];
  /** Folded word tokens, leading determiner ("các") removed. */
  tokens: string[];
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  alias?: Alias;
}

export interface UnitRegistry {
  id: string;
  /** The plan's province, when its issuer names one: its proper name may follow a body's name. */
  province?: ProvinceRecord;
  /** Every province's names, to tell our proper name after a body from another province's. */
  provinces?: ProvinceTable;
  /** The province's own word in folded tokens: ["tinh"], or ["thanh", "pho"] and ["tp"]. */
  levels: readonly (readonly string[])[];
  /** Role words in folded tokens, longest first. */
  roles: readonly (readonly string[])[];
  /** The data this registry was built from, for messages: "base", "ha-tinh", a user file. */
  layers: readonly string[];
  /** The user's overlay among them (the last one), where a new unit belongs. */
  userOverlay?: string;
  units: ReadonlyMap<string, UnitRecord>;
  aliases: readonly Alias[];
  trie: TrieNode;
}

export interface RegistryProblem {
  path: string;
  message: string;
}

const KINDS: ReadonlySet<string> = new Set([
  'province', 'department', 'provincial-agency', 'central-agency', 'local-government', 'organisation', 'group', 'interim',
]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORMS: readonly string[] = ['tỉnh', 'thành phố'];
/** The placeholders a name may hold; see schemas/units/base.json. */
export const PLACEHOLDERS = ['{tỉnh}', '{Tỉnh}', '{Tên}'] as const;
const PLACEHOLDER_RE = /\{[^}]*\}/g;

function badPlaceholder(text: string): string | undefined {
  return text.match(PLACEHOLDER_RE)?.find((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
}

/**
 * Checks a parsed registry file. Returns problems instead of throwing: a broken user file must not
 * stop the checker. Given the ids of the registry it extends, the file is an overlay: a unit with a
 * known id may give only the fields it changes, and references may name the extended units.
 */
export function checkRegistryFile(data: unknown, extended?: ReadonlySet<string>): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ path: '', message: 'registry file must be a JSON object with "id" and "units"' }];
  }
  const file = data as Record<string, unknown>;
  if (typeof file.id !== 'string') problems.push({ path: 'id', message: 'must be a string' });
  if (file.province !== undefined && typeof file.province !== 'string') problems.push({ path: 'province', message: 'must be a province id (schemas/provinces.json)' });
  if (file.roles !== undefined && (!Array.isArray(file.roles) || file.roles.some((r) => typeof r !== 'string'))) {
    problems.push({ path: 'roles', message: 'must be an array of strings' });
  }
  if (!Array.isArray(file.units)) {
    problems.push({ path: 'units', message: 'must be an array' });
    return problems;
  }
  const ids = new Set<string>();
  const known = (id: string) => ids.has(id) || Boolean(extended?.has(id));
  file.units.forEach((unit, i) => {
    const at = `units[${i}]`;
    if (typeof unit !== 'object' || unit === null) return problems.push({ path: at, message: 'must be an object' });
    const u = unit as Record<string, unknown>;
    const extendsKnown = typeof u.id === 'string' && Boolean(extended?.has(u.id));
    if (typeof u.id !== 'string' || !u.id) problems.push({ path: `${at}.id`, message: 'must be a non-empty string' });
    else if (ids.has(u.id)) problems.push({ path: `${at}.id`, message: `duplicate id "${u.id}"` });
    else ids.add(u.id);
    if (!(extendsKnown && u.name === undefined) && (typeof u.name !== 'string' || !u.name.trim())) {
      problems.push({ path: `${at}.name`, message: 'must be a non-empty string' });
    }
    if (!(extendsKnown && u.kind === undefined) && (typeof u.kind !== 'string' || !KINDS.has(u.kind))) {
      problems.push({ path: `${at}.kind`, message: `must be one of ${[...KINDS].join(', ')}` });
    }
    for (const key of ['variants', 'abbreviations', 'successors', 'predecessors', 'onlyIn'] as const) {
      const value = u[key];
      if (value !== undefined && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) {
        problems.push({ path: `${at}.${key}`, message: 'must be an array of strings' });
      }
    }
    for (const key of ['validFrom', 'validTo'] as const) {
      const value = u[key];
      if (value !== undefined && (typeof value !== 'string' || !ISO_DATE.test(value))) {
        problems.push({ path: `${at}.${key}`, message: 'must be a date YYYY-MM-DD' });
      }
    }
    if (u.openName !== undefined && typeof u.openName !== 'boolean') problems.push({ path: `${at}.openName`, message: 'must be true or false' });
    if (u.onlyForm !== undefined && !FORMS.includes(u.onlyForm as string)) problems.push({ path: `${at}.onlyForm`, message: 'must be "tỉnh" or "thành phố"' });
    const texts = [u.name, u.fullName, ...(Array.isArray(u.variants) ? u.variants : []), ...(Array.isArray(u.abbreviations) ? u.abbreviations : [])];
    for (const text of texts) {
      const bad = typeof text === 'string' ? badPlaceholder(text) : undefined;
      if (bad) problems.push({ path: at, message: `unknown placeholder ${bad} (known: ${PLACEHOLDERS.join(', ')})` });
    }
  });
  file.units.forEach((unit, i) => {
    const u = unit as Record<string, unknown> | null;
    for (const key of ['successors', 'predecessors'] as const) {
      const refs = u?.[key];
      if (!Array.isArray(refs)) continue;
      refs.forEach((ref, j) => {
        if (typeof ref === 'string' && !known(ref)) {
          problems.push({ path: `units[${i}].${key}[${j}]`, message: `unknown unit id "${ref}"` });
        }
      });
    }
  });
  if (file.phrases !== undefined) {
    if (!Array.isArray(file.phrases)) problems.push({ path: 'phrases', message: 'must be an array' });
    else {
      file.phrases.forEach((phrase, i) => {
        const p = phrase as Record<string, unknown> | null;
        if (typeof p?.text !== 'string') problems.push({ path: `phrases[${i}].text`, message: 'must be a string' });
        if (!Array.isArray(p?.units) || p.units.some((id) => typeof id !== 'string' || !known(id))) {
          problems.push({ path: `phrases[${i}].units`, message: 'must list known unit ids' });
        }
      });
    }
  }
  return problems;
}

const DETERMINERS = ['cac'];

function aliasTokens(text: string): string[] {
  const tokens = tokenizeUnitText(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.folded);
  while (tokens.length > 1 && DETERMINERS.includes(tokens[0])) tokens.shift();
  return tokens;
}

export interface RegistryContext {
  province?: ProvinceRecord;
  provinces?: ProvinceTable;
  layers?: readonly string[];
  userOverlay?: string;
}

const LEVELS: Record<ProvinceForm, string[][]> = { 'tỉnh': [['tinh']], 'thành phố': [['thanh', 'pho'], ['tp']] };

/**
 * Builds the lookup structures of a registry whose names are final (placeholders filled: see
 * unit-data.ts). Call checkRegistryFile first; this assumes a valid file.
 */
export function buildRegistry(file: RegistryFile, context: RegistryContext = {}): UnitRegistry {
  const units = new Map<string, UnitRecord>();
  const aliases: Alias[] = [];
  const trie: TrieNode = { next: new Map() };
  const add = (text: string, kind: AliasKind, unitIds: string[]) => {
    const tokens = aliasTokens(text);
    if (tokens.length === 0) return;
    let node = trie;
    for (const token of tokens) {
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = { next: new Map() }));
      node = child;
    }
    const alias: Alias = { text, kind, unitIds, tokens };
    // The first spelling of a token sequence wins; a canonical name beats an abbreviation.
    if (!node.alias || rank(kind) < rank(node.alias.kind)) node.alias = alias;
    aliases.push(alias);
  };
  for (const unit of file.units) {
    units.set(unit.id, unit);
    add(unit.name, 'name', [unit.id]);
    if (unit.fullName) add(unit.fullName, 'variant', [unit.id]);
    for (const v of unit.variants ?? []) add(v, 'variant', [unit.id]);
    for (const a of unit.abbreviations ?? []) add(a, 'abbreviation', [unit.id]);
  }
  for (const phrase of file.phrases ?? []) add(phrase.text, 'phrase', phrase.units);
  const roles = (file.roles ?? []).map((r) => aliasTokens(r)).filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  return {
    id: file.id,
    province: context.province,
    provinces: context.provinces,
    levels: LEVELS[context.province?.form ?? 'tỉnh'],
    roles,
    layers: context.layers ?? [file.id],
    userOverlay: context.userOverlay,
    units,
    aliases,
    trie,
  };
}

function rank(kind: AliasKind): number {
  return { name: 0, variant: 1, phrase: 2, abbreviation: 3 }[kind];
}

export interface UnitSuggestion {
  unitId: string;
  name: string;
  distance: number;
}

// Words that fix a unit's level: a commune-level name is never "corrected" to a provincial body.
const LEVEL_WORDS = ['xa', 'phuong', 'dac khu', 'huyen', 'quan', 'thi tran'];

function levelWordsOf(folded: string): string[] {
  return LEVEL_WORDS.filter((w) => new RegExp(`(^| )${w}( |$)`).test(folded));
}

/**
 * Did-you-mean: the closest unit names to a phrase nobody recognised, by folded edit distance. A
 * candidate keeps the phrase's level words (xã, huyện...), and in a centrally-run city "tỉnh" is read
 * as the city's own "thành phố" ("Công an tỉnh" → "Công an thành phố").
 */
export function suggestUnits(registry: UnitRegistry, text: string, limit = 3): UnitSuggestion[] {
  let target = fold(text).replace(/^(tat ca |toan bo )?cac /, '');
  if (!target) return [];
  if (registry.province?.form === 'thành phố') target = target.replace(/(^| )tinh( |$)/g, '$1thanh pho$2');
  const levels = levelWordsOf(target);
  const max = Math.max(2, Math.floor(target.length / 4));
  const best = new Map<string, UnitSuggestion>();
  for (const alias of registry.aliases) {
    if (alias.unitIds.length !== 1) continue;
    const candidate = alias.tokens.join(' ');
    if (levels.length && levelWordsOf(candidate).join() !== levels.join()) continue;
    const distance = editDistance(target, candidate, max);
    if (distance > max) continue;
    const unitId = alias.unitIds[0];
    const unit = registry.units.get(unitId)!;
    const previous = best.get(unitId);
    if (!previous || distance < previous.distance) best.set(unitId, { unitId, name: unit.name, distance });
  }
  const sorted = [...best.values()].sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  // Far behind the closest name, a candidate is noise.
  return sorted.filter((s) => s.distance <= sorted[0].distance + 2).slice(0, limit);
}

/** The unit exists on that day; an interim unit never officially does. With no day known, only interim units are out. */
export function inForceOn(unit: UnitRecord, day: IsoDate | undefined): boolean {
  if (unit.kind === 'interim') return false;
  if (!day) return true;
  return (!unit.validTo || unit.validTo >= day) && (!unit.validFrom || unit.validFrom <= day);
}

/** The unit in force on a day: follows successors from a superseded unit, e.g. Cục Thuế tỉnh → Thuế tỉnh. */
export function successorsOn(registry: UnitRegistry, unitId: string, day: IsoDate): UnitRecord[] {
  const result: UnitRecord[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const unit = registry.units.get(id);
    if (!unit) return;
    if (unit.kind !== 'interim' && (!unit.validTo || unit.validTo >= day)) {
      result.push(unit);
      return;
    }
    for (const next of unit.successors ?? []) visit(next);
  };
  for (const next of registry.units.get(unitId)?.successors ?? []) visit(next);
  return result;
}
