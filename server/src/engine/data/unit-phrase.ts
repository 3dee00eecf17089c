// Reads a unit cell ("Sở Nội vụ và các Sở, ngành chủ trì các lĩnh vực CCHC") as the units it names.
//
// Greedy longest match of registry names over word tokens. Between names we accept connectors
// ("và", "&", commas, semicolons) and determiners ("các", "tất cả các"); after a name, a trailing
// qualifier ("có liên quan", "thuộc tỉnh", "phối hợp theo dõi ...") belongs to that name.
// "Các Sở: Tài chính, Tư pháp" shares the head word "Sở" with every name after the colon.

import { canonicalSpelling, foldWord, hasDiacritics } from './text-fold';
import { tokenizeUnitText, type UnitToken } from './unit-tokens';
import type { Alias, TrieNode, UnitRegistry } from './registry';
import { provinceNameAt, type ProvinceRecord } from './provinces';
import type { OffsetRange } from '../types';

export interface UnitPart {
  kind: 'known' | 'unknown';
  /** Units named by this part (several for a phrase such as "UBND cấp huyện, cấp xã"). Empty when unknown. */
  unitIds: string[];
  alias?: Alias;
  /** Offsets into the cell text: the name as written, without determiner or qualifier. */
  range: OffsetRange;
  text: string;
  /** Written under a shared head word ("Sở: Tài chính, ..."): the name is not spelled out. */
  sharedHead?: string;
  qualifier?: { range: OffsetRange; text: string };
  /** An unknown part that is a known body with another province's name ("Thuế tỉnh Hà Tĩnh" in a plan of Nghệ An). */
  foreignProvince?: ProvinceRecord;
  /** For a foreign part: the body it names, which the plan's province also has. */
  foreignOf?: Alias;
}

export type SpellingIssue = 'abbreviation' | 'accents' | 'case';

const CONNECTORS = new Set(['va', 'cung']);
const DETERMINERS: string[][] = [['tat', 'ca', 'cac'], ['toan', 'bo', 'cac'], ['tat', 'ca'], ['cac']];
// Words that start a qualifier or a role remark after a unit name, as written and accent-free.
const QUALIFIER_STARTS = new Set([
  'có', 'liên', 'thuộc', 'trên', 'được', 'tỉnh', 'trực', 'cấp', 'của', 'tại',
  'phối', 'chủ', 'theo', 'tổng', 'tham', 'hướng', 'thực', 'đôn', 'giúp', 'để', 'chịu', 'làm',
]);
const QUALIFIER_STARTS_FOLDED = new Set([...QUALIFIER_STARTS].map(foldWord));

interface Match {
  alias: Alias;
  /** Index after the last token of the name. */
  end: number;
}

function walk(node: TrieNode, tokens: UnitToken[], from: number): Match | undefined {
  let best: Match | undefined;
  for (let i = from; i < tokens.length && tokens[i].kind === 'word'; i++) {
    const child = node.next.get(tokens[i].folded);
    if (!child) break;
    node = child;
    if (node.alias) best = { alias: node.alias, end: i + 1 };
  }
  return best;
}

function skipDeterminer(tokens: UnitToken[], at: number): number {
  for (const words of DETERMINERS) {
    if (words.every((w, k) => tokens[at + k]?.kind === 'word' && tokens[at + k].folded === w)) {
      // "Các" alone is a name's first word in no registry entry we index (they are stored without it).
      if (tokens[at + words.length]?.kind === 'word') return at + words.length;
    }
  }
  return at;
}

function matchAt(registry: UnitRegistry, tokens: UnitToken[], at: number, head?: string): { start: number; match: Match; viaHead: boolean } | undefined {
  const found = matchBodyAt(registry, tokens, at, head);
  if (found) return found;
  // "Giám đốc Sở Nội vụ", "Thủ trưởng các sở, ban, ngành": a role stands for its body.
  const start = skipDeterminer(tokens, at);
  for (const role of registry.roles) {
    if (!role.every((w, k) => tokens[start + k]?.kind === 'word' && tokens[start + k].folded === w && (k === 0 || !tokens[start + k].commaBefore))) continue;
    const after = start + role.length;
    if (tokens[after]?.kind !== 'word' || tokens[after].commaBefore) continue;
    const body = matchBodyAt(registry, tokens, after, head);
    if (body) return body;
  }
  return undefined;
}

function matchBodyAt(registry: UnitRegistry, tokens: UnitToken[], at: number, head?: string): { start: number; match: Match; viaHead: boolean } | undefined {
  const start = skipDeterminer(tokens, at);
  if (head) {
    const headNode = registry.trie.next.get(head);
    const viaHead = headNode && tokens[start]?.folded !== head ? walk(headNode, tokens, start) : undefined;
    const direct = walk(registry.trie, tokens, start);
    if (viaHead && (!direct || viaHead.end >= direct.end)) return { start, match: viaHead, viaHead: true };
    if (direct) return { start, match: direct, viaHead: false };
    return undefined;
  }
  const direct = walk(registry.trie, tokens, start);
  return direct ? { start, match: direct, viaHead: false } : undefined;
}

function isQualifierStart(tokens: UnitToken[], at: number): boolean {
  const token = tokens[at];
  if (token?.kind !== 'word') return false;
  const written = canonicalSpelling(token.text.toLowerCase());
  if (hasDiacritics(token.text)) return QUALIFIER_STARTS.has(written);
  // Accent-free text: "co" is "có" unless it is the "co" of "cơ quan".
  if (token.folded === 'co' && tokens[at + 1]?.folded === 'quan') return false;
  return QUALIFIER_STARTS_FOLDED.has(token.folded);
}

/** Where the run that starts at `from` ends: a semicolon, or a comma / "và" before another known name. */
function runEnd(registry: UnitRegistry, tokens: UnitToken[], from: number, head?: string): number {
  for (let p = from + 1; p < tokens.length; p++) {
    const token = tokens[p];
    if (token.kind === 'semicolon') return p;
    if (token.commaBefore && matchAt(registry, tokens, p, head)) return p;
    if (token.kind === 'word' && CONNECTORS.has(token.folded) && p + 1 < tokens.length && matchAt(registry, tokens, p + 1, head)) return p;
  }
  return tokens.length;
}

// Any province's level word: another province may be written in either form.
const ANY_LEVEL: readonly (readonly string[])[] = [['tinh'], ['thanh', 'pho'], ['tp']];

/**
 * A province's proper name right after a body, with the level word when the body's name does not end
 * with it: "Thuế tỉnh | Nghệ An", "Sở Nội vụ | tỉnh Nghệ An", "Bưu điện thành phố | Hải Phòng".
 */
function provinceAfter(registry: UnitRegistry, tokens: UnitToken[], match: Match): { province: ProvinceRecord; end: number } | undefined {
  const table = registry.provinces;
  if (!table || match.end >= tokens.length) return undefined;
  const words = (from: number, count: number) => tokens.slice(from, from + count);
  const isLevel = (from: number, level: readonly string[]) =>
    words(from, level.length).length === level.length && words(from, level.length).every((t, k) => t.kind === 'word' && t.folded === level[k] && !t.commaBefore);
  const aliasTokens = match.alias.tokens;
  const endsWithLevel = registry.levels.some((level) => level.every((w, k) => aliasTokens[aliasTokens.length - level.length + k] === w));
  let from = match.end;
  if (!endsWithLevel) {
    const level = ANY_LEVEL.find((l) => isLevel(from, l));
    if (!level) return undefined;
    from += level.length;
  }
  const folded: string[] = [];
  for (let k = from; k < tokens.length && tokens[k].kind === 'word' && (k === from || !tokens[k].commaBefore); k++) folded.push(tokens[k].folded);
  if (tokens[from]?.commaBefore) return undefined;
  const found = provinceNameAt(table, folded, 0);
  return found && { province: found.province, end: from + found.end };
}

/** Where an open name ("Ban Quản lý dự án ...") ends: a comma, a semicolon, or "và" before another known name. */
function openNameEnd(registry: UnitRegistry, tokens: UnitToken[], from: number, head?: string): number {
  let p = from;
  while (p < tokens.length && tokens[p].kind === 'word' && (p === from || !tokens[p].commaBefore)) {
    if (CONNECTORS.has(tokens[p].folded) && p + 1 < tokens.length && matchAt(registry, tokens, p + 1, head)) break;
    p++;
  }
  return p;
}

// The same few phrases fill thousands of cells ("Sở, ban, ngành cấp tỉnh"): read each text once per
// registry. Parts are never mutated, so sharing them is safe. Bounded so an adversarial document
// cannot grow it without limit.
const phraseCache = new WeakMap<UnitRegistry, Map<string, readonly UnitPart[]>>();
const PHRASE_CACHE_LIMIT = 20_000;

/** matchUnitPhrase, remembered per registry and text. */
export function readUnitPhrase(registry: UnitRegistry, text: string): readonly UnitPart[] {
  let cache = phraseCache.get(registry);
  if (!cache) phraseCache.set(registry, (cache = new Map()));
  let parts = cache.get(text);
  if (!parts) {
    if (cache.size >= PHRASE_CACHE_LIMIT) cache.clear();
    parts = matchUnitPhrase(registry, text);
    cache.set(text, parts);
  }
  return parts;
}

export function matchUnitPhrase(registry: UnitRegistry, text: string): UnitPart[] {
  const tokens = tokenizeUnitText(text);
  const parts: UnitPart[] = [];
  let head: string | undefined;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token.kind === 'semicolon') {
      head = undefined;
      i++;
      continue;
    }
    if (token.kind === 'colon' || (token.kind === 'word' && CONNECTORS.has(token.folded))) {
      i++;
      continue;
    }
    const afterDeterminer = skipDeterminer(tokens, i);
    if (tokens[afterDeterminer]?.kind === 'word' && tokens[afterDeterminer + 1]?.kind === 'colon') {
      // "Các Sở: Tài chính, Tư pháp": "Sở" heads every name until the next semicolon.
      head = tokens[afterDeterminer].folded;
      i = afterDeterminer + 2;
      continue;
    }
    const found = matchAt(registry, tokens, i, head);
    if (found) {
      const { start, match, viaHead } = found;
      const range = { start: tokens[start].start, end: tokens[match.end - 1].end };
      const part: UnitPart = {
        kind: 'known',
        unitIds: match.alias.unitIds,
        alias: match.alias,
        range,
        text: text.slice(range.start, range.end),
      };
      if (viaHead) part.sharedHead = head;
      const open = match.alias.unitIds.length === 1 && registry.units.get(match.alias.unitIds[0])?.openName;
      let next = match.end;
      // The qualifier starts at the province's name, if one follows ("Thuế tỉnh Nghệ An").
      let tailStart = next;
      if (!open) {
        const named = provinceAfter(registry, tokens, match);
        if (named && named.province.id !== registry.province?.id) {
          const range = { start: tokens[start].start, end: tokens[named.end - 1].end };
          parts.push({ kind: 'unknown', unitIds: [], range, text: text.slice(range.start, range.end), foreignProvince: named.province, foreignOf: match.alias });
          i = named.end;
          continue;
        }
        if (named) next = named.end;
      }
      if (next < tokens.length && tokens[next].kind === 'word' && !CONNECTORS.has(tokens[next].folded) && !tokens[next].commaBefore) {
        if (open) next = openNameEnd(registry, tokens, next, head);
        else if (isQualifierStart(tokens, next)) next = runEnd(registry, tokens, next, head);
      }
      if (next > tailStart) {
        const qualifierRange = { start: tokens[tailStart].start, end: tokens[next - 1].end };
        part.qualifier = { range: qualifierRange, text: text.slice(qualifierRange.start, qualifierRange.end) };
      }
      parts.push(part);
      i = next;
      continue;
    }
    const end = runEnd(registry, tokens, i, head);
    const range = { start: tokens[i].start, end: tokens[end - 1].end };
    parts.push({ kind: 'unknown', unitIds: [], range, text: text.slice(range.start, range.end) });
    i = end;
  }
  return parts;
}

// Parts are shared by every cell with the same text (readUnitPhrase), so the answer is kept on the
// shared part: callers pass it, not a located wrapper.
const spellingCache = new WeakMap<UnitPart, SpellingIssue | null>();

/**
 * How a recognised name departs from its registry spelling. Tone placement ("hoá"/"hóa"), spacing,
 * punctuation and the case of the first letter never count; case never counts for group phrases.
 */
export function spellingIssue(part: UnitPart, registry: UnitRegistry): SpellingIssue | undefined {
  if (part.kind !== 'known' || !part.alias || part.sharedHead) return undefined;
  let cached = spellingCache.get(part);
  if (cached === undefined) {
    cached = computeSpellingIssue(part.text, part.alias, namesGroups(part, registry)) ?? null;
    spellingCache.set(part, cached);
  }
  return cached ?? undefined;
}

/** True when every unit the part names is a group ("các sở, ban, ngành"). */
export function namesGroups(part: UnitPart, registry: UnitRegistry): boolean {
  return part.unitIds.every((id) => registry.units.get(id)?.kind === 'group');
}

function computeSpellingIssue(text: string, alias: Alias, isGroup: boolean): SpellingIssue | undefined {
  if (alias.kind === 'abbreviation') return 'abbreviation';
  const written = tokenizeUnitText(text).filter((t) => t.kind === 'word');
  const expected = tokenizeUnitText(alias.text).filter((t) => t.kind === 'word');
  while (expected.length > written.length && expected[0].folded === 'cac') expected.shift();
  if (written.length !== expected.length) return undefined;
  let issue: SpellingIssue | undefined;
  for (let k = 0; k < written.length; k++) {
    const a = canonicalSpelling(written[k].text);
    const b = canonicalSpelling(expected[k].text);
    if (a === b) continue;
    if (a.toLowerCase() === b.toLowerCase()) {
      const firstLetterOnly = k === 0 && a.slice(1) === b.slice(1);
      if (!isGroup && !firstLetterOnly) issue ??= 'case';
      continue;
    }
    return 'accents';
  }
  return issue;
}

/** The spelling to write instead, for the quick-fix of `par/unit-spelling`. */
export function preferredSpelling(part: UnitPart, canonicalName: string, isGroup: boolean): string {
  if (!part.alias || part.alias.kind === 'abbreviation') return canonicalName;
  const expected = part.alias.text;
  // Keep the writer's choice to drop a leading "Các" that the registry spelling has.
  const writtenHasDeterminer = /^(các|cac)\s/i.test(part.text);
  const expectedHasDeterminer = /^các\s/i.test(expected);
  const body = expectedHasDeterminer && !writtenHasDeterminer ? expected.replace(/^các\s+/i, '') : expected;
  // Keep the writer's lower-case first letter of a group phrase ("sở, ban, ngành" inside a list).
  const firstWritten = part.text[0];
  if (isGroup && firstWritten && firstWritten === firstWritten.toLowerCase() && body[0] !== body[0].toLowerCase()) {
    return body[0].toLowerCase() + body.slice(1);
  }
  return body;
}
