// Completion: criterion codes, units, deadlines, areas, keys and snippets for new tasks, items and
// sections. The context comes from the text around the cursor (context.ts), so it works while the YAML
// is half-typed; catalog and registry lists are prepared once per data set, never per request.

import type { PlanAnalysis } from '../analysis';
import { areaByNumber, compareCodes, type Catalog, type CatalogCode } from '../data/catalog';
import { basisDay, deadlineSuggestions, parseDeadline } from '../data/deadline';
import { STATUS_LABELS, TASK_STATUSES } from '../follow-up';
import { inForceOn, type UnitRecord, type UnitRegistry } from '../data/registry';
import { registryFor } from '../data/unit-data';
import { fold } from '../data/text-fold';
import { scalarText } from '../edits';
import { AREA_NUMERALS } from '../model';
import type { Locale } from '../types';
import {
  areaAround,
  cursorContext,
  headerFacts,
  MAP_OF_LIST,
  siblingValue,
  structureOf,
  unquote,
  type EntryContext,
  type EntryList,
  type KeyContext,
  type ValueContext,
} from './context';
import { KEYS_OF } from './plan-keys';
import { featureTextFor, unitFacts, type FeatureText, type MapKind, type PlanKey } from './feature-text';
import { faultPoint } from '../faults';

export type CompletionKind = 'code' | 'unit' | 'group' | 'deadline' | 'key' | 'snippet' | 'area' | 'status';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** e.g. the criterion name, "TCTP · lĩnh vực III", the unit kind. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  filterText?: string;
  /** Replaces the typed prefix: range in document offsets (start <= cursor <= end), newText. */
  edit: { range: { start: number; end: number }; newText: string };
  /** newText uses LSP snippet syntax ($1, ${1:placeholder}, $0). */
  snippet?: boolean;
  preselect?: boolean;
}

export function completionsAt(analysis: PlanAnalysis, offset: number): CompletionEntry[] {
  faultPoint('feature:completion');
  if (analysis.limitProblems.length) return [];
  const ctx = cursorContext(analysis, offset);
  if (!ctx) return [];
  const text = featureTextFor(analysis.options.locale);
  switch (ctx.kind) {
    case 'key':
      return keyCompletions(analysis, ctx, text);
    case 'entry':
      return entryCompletions(analysis, ctx, text);
    case 'value':
      switch (ctx.key) {
        case 'criteria':
          return codeCompletions(analysis, ctx);
        case 'lead':
        case 'support':
          return unitCompletions(analysis, ctx);
        case 'deadline':
          return deadlineCompletions(analysis, ctx, text);
        case 'area':
          return areaCompletions(analysis, ctx, text);
        case 'status':
          return statusCompletions(ctx, text);
        case 'done':
        case 'date':
          return doneCompletions(analysis, ctx, text);
        default:
          return [];
      }
  }
}

// --- helpers -----------------------------------------------------------------------------------------

const pad = (n: number) => ' '.repeat(Math.max(0, n));
const order = (n: number) => String(n).padStart(4, '0');

/** Text that is inserted verbatim into a snippet. */
function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A value written inside an open quote of this kind. */
function inQuote(value: string, quote: '"' | "'"): string {
  return quote === '"' ? value.replace(/[\\"]/g, (c) => `\\${c}`) : value.replace(/'/g, "''");
}

/** Search form of a phrase: folded, punctuation as spaces. */
function norm(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

function wordsInOrder(typed: string[], words: string[]): boolean {
  let at = 0;
  for (const t of typed) {
    while (at < words.length && !words[at].startsWith(t)) at++;
    if (at === words.length) return false;
    at++;
  }
  return true;
}

/**
 * The value form decides how a chosen text is written: inside an open quote (bare, closing the quote
 * when nothing does), as a flow or block list entry (quoted when needed), after `key:` with nothing yet.
 */
function valueText(ctx: ValueContext, value: string): string {
  const space = ctx.needsSpace ? ' ' : '';
  if (ctx.quote) return inQuote(value, ctx.quote) + (ctx.closeQuote ? ctx.quote : '');
  switch (ctx.form) {
    case 'flow':
      return scalarText(value, null, true);
    case 'entry':
      return space + scalarText(value, null, false);
    case 'new-entry':
      return `- ${scalarText(value, null, false)}`;
    case 'empty':
      return space + scalarText(value, null, false);
    default:
      return scalarText(value, null, false);
  }
}

function range(ctx: ValueContext, end = ctx.cursor) {
  return { start: ctx.fragmentStart, end };
}

// --- criterion codes -------------------------------------------------------------------------------------

interface CodeCandidate {
  code: CatalogCode;
  detail: string;
  documentation: string;
}

const codeCache = new WeakMap<Catalog, Map<Locale, CodeCandidate[]>>();

/** The catalog's codes in order, with their texts: built once per catalog and locale, not per request. */
function codesOf(catalog: Catalog, locale: Locale): CodeCandidate[] {
  let byLocale = codeCache.get(catalog);
  if (!byLocale) codeCache.set(catalog, (byLocale = new Map()));
  let list = byLocale.get(locale);
  if (list) return list;
  const text = featureTextFor(locale);
  list = [...catalog.codes.values()]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((code) => {
      const area = areaByNumber(catalog, code.area);
      const lines = [text.hoverCodeTitle(code.code, code.level), code.name ?? `_${text.codeNoName()}_`];
      if (area) lines.push(text.hoverArea(area.roman, area.name));
      lines.push(`${text.hoverScoringLabel()}: ${text.scoring(code.scoring)}`);
      return { code, detail: `${text.codeDetail(code.level, area?.roman)} · ${code.name ?? text.codeNoName()}`, documentation: lines.join('\n\n') };
    });
  byLocale.set(locale, list);
  return list;
}

function codeCompletions(analysis: PlanAnalysis, ctx: ValueContext): CompletionEntry[] {
  const catalog = analysis.data.catalog;
  const typed = ctx.typed.trim();
  if (!/^[0-9.]*$/.test(typed)) return [];
  const tail = /^[0-9.]*/.exec(ctx.after)![0];
  let start = ctx.fragmentStart;
  let end = ctx.cursor + tail.length;
  const space = ctx.needsSpace ? ' ' : '';
  let wrap: (code: string) => string;
  if (ctx.form === 'quoted' && ctx.quote) {
    // `criteria: "3.` — a string where a list belongs: replace the whole scalar with the list.
    start = ctx.fragmentStart - 1;
    if (ctx.after[tail.length] === ctx.quote) end++;
    wrap = (code) => `["${code}"]`;
  } else if (ctx.quote) {
    wrap = (code) => code + (ctx.closeQuote ? ctx.quote : '');
  } else {
    switch (ctx.form) {
      case 'flow':
      case 'entry':
        wrap = (code) => `${space}"${code}"`;
        break;
      case 'new-entry':
        wrap = (code) => `- "${code}"`;
        break;
      default:
        // `criteria:` with nothing or a bare scalar: write the list.
        wrap = (code) => `${space}["${code}"]`;
    }
  }
  const listed = new Set(ctx.others.map((o) => o.text).filter(Boolean));
  const line = analysis.lines.positionAt(ctx.cursor).line;
  const roman = areaAround(structureOf(analysis), line);
  const ownArea = roman ? AREA_NUMERALS.indexOf(roman as (typeof AREA_NUMERALS)[number]) + 1 : 0;
  // Codes that lost points in the index year come first, with their score.
  const results = analysis.resultsWithoutParsing?.results;
  const lost = new Map(results?.lost.map((l) => [l.code, l]));
  const out: CompletionEntry[] = [];
  codesOf(catalog, analysis.options.locale).forEach(({ code, detail, documentation }, index) => {
    if (!code.code.startsWith(typed) || listed.has(code.code)) return;
    const loss = lost.get(code.code);
    out.push({
      label: code.code,
      kind: 'code',
      detail: loss && results ? `${detail} · ${analysis.messages.resultsScore(loss.obtained, loss.max, results.indexYear, loss.lost)}` : detail,
      documentation,
      sortText: `${loss ? '0' : code.area === ownArea ? 'a' : 'b'}${order(index)}`,
      filterText: code.code,
      edit: { range: { start, end }, newText: wrap(code.code) },
    });
  });
  return out;
}

// --- units -------------------------------------------------------------------------------------------------

interface UnitCandidate {
  label: string;
  kind: 'unit' | 'group';
  detail: string;
  documentation: string;
  filterText: string;
  /** Search forms: [0] the name, then abbreviations and variants, each normalised. */
  forms: string[];
  /** Initials of the name's words ("snv" for "so noi vu"). */
  initials: string[];
  units: UnitRecord[];
  order: number;
}

const candidateCache = new WeakMap<UnitRegistry, Map<Locale, UnitCandidate[]>>();

function initialsOf(form: string): string {
  return form
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0])
    .join('');
}

function candidatesOf(registry: UnitRegistry, locale: Locale): UnitCandidate[] {
  let byLocale = candidateCache.get(registry);
  if (!byLocale) candidateCache.set(registry, (byLocale = new Map()));
  let list = byLocale.get(locale);
  if (list) return list;
  const text = featureTextFor(locale);
  list = [];
  let n = 0;
  for (const unit of registry.units.values()) {
    if (unit.kind === 'interim') continue;
    const name = norm(unit.name);
    const abbreviations = (unit.abbreviations ?? []).map(norm);
    const variants = [unit.fullName, ...(unit.variants ?? [])].filter((v): v is string => Boolean(v)).map(norm);
    list.push({
      label: unit.name,
      kind: unit.kind === 'group' ? 'group' : 'unit',
      detail: text.unitKind(unit.kind),
      // Shown as written: these strings are the registry's own, not escaped for markdown.
      documentation: [`**${unit.name}** — ${text.unitKind(unit.kind)}`, ...unitFacts(registry, unit, text, (t) => t)].join('\n\n'),
      // Editors match the typed fragment (spaces included) against this: folded name first, then
      // abbreviations (folded, run together), the name as written, the written abbreviations, variants.
      filterText: [name, ...abbreviations, ...abbreviations.map((a) => a.replace(/ /g, '')), unit.name, ...(unit.abbreviations ?? []), ...variants].join(' '),
      forms: [name, ...abbreviations, ...variants],
      initials: [initialsOf(name)],
      units: [unit],
      order: n++,
    });
  }
  for (const alias of registry.aliases) {
    if (alias.kind !== 'phrase') continue;
    const units = alias.unitIds.map((id) => registry.units.get(id)).filter((u): u is UnitRecord => Boolean(u));
    const name = norm(alias.text);
    list.push({
      label: alias.text,
      kind: 'group',
      detail: text.phraseDetail(),
      documentation: [`**${alias.text}** — ${text.phraseDetail()}`, `${text.phraseUnits()}: ${units.map((u) => u.name).join(', ')}`].join('\n\n'),
      filterText: [name, alias.text].join(' '),
      forms: [name],
      initials: [initialsOf(name)],
      units,
      order: n++,
    });
  }
  byLocale.set(locale, list);
  return list;
}

/** How well a typed fragment names a candidate: lower is better, Infinity when it does not. */
function unitScore(typed: string, candidate: UnitCandidate): number {
  if (!typed) return 3;
  const words = typed.split(' ');
  const compact = typed.replace(/ /g, '');
  let best = Infinity;
  candidate.forms.forEach((form, i) => {
    if (form.startsWith(typed)) best = Math.min(best, i === 0 ? 0 : 2);
    else if (wordsInOrder(words, form.split(' '))) best = Math.min(best, i === 0 ? 1 : 3);
    else if (form.replace(/ /g, '').startsWith(compact)) best = Math.min(best, 4);
  });
  if (best === Infinity && candidate.initials.some((ini) => ini.startsWith(compact))) best = 5;
  return best;
}

/**
 * The day a unit must exist on to be offered, as par/unit-superseded judges it: the task's deadline
 * is read from the text (the model may not reach a half-typed task).
 */
function unitDay(analysis: PlanAnalysis, ctx: ValueContext, year: number | undefined): string | undefined {
  const written = ctx.keyLine >= 0 ? siblingValue(structureOf(analysis), ctx.keyLine, 'deadline') : undefined;
  return basisDay(written ? parseDeadline(unquote(written), { planYear: year }) : null, year);
}

function unitCompletions(analysis: PlanAnalysis, ctx: ValueContext): CompletionEntry[] {
  // headerFacts takes the year known without parsing, else reads it from the header text.
  const facts = headerFacts(analysis);
  const day = unitDay(analysis, ctx, facts.year);
  const candidates = candidatesOf(registryFor(analysis.data.units, facts.issuer), analysis.options.locale).filter((c) => c.units.every((u) => inForceOn(u, day)));
  const typed = norm(ctx.typed);
  const out = new Map<string, CompletionEntry>();

  // `[Sở, ban, ngà|`: YAML split a name at its commas; offer the whole name, quoted, over the pieces.
  if (ctx.form === 'flow' && !ctx.quote) {
    const lineStart = analysis.lines.lineStarts[analysis.lines.positionAt(ctx.cursor).line];
    const before = ctx.others.filter((o) => !o.quoted && o.end <= ctx.fragmentStart && o.start >= lineStart).sort((a, b) => b.start - a.start);
    for (let k = 0; k < Math.min(3, before.length); k++) {
      const between = analysis.text.slice(before[k].end, k === 0 ? ctx.fragmentStart : before[k - 1].start);
      if (!/^\s*,\s*$/.test(between)) break;
      const joined = norm(analysis.text.slice(before[k].start, ctx.cursor));
      for (const candidate of candidates) {
        if (!candidate.label.includes(',')) continue;
        const score = unitScore(joined, candidate);
        if (score > 1) continue;
        out.set(candidate.label, {
          label: candidate.label,
          kind: candidate.kind,
          detail: candidate.detail,
          documentation: candidate.documentation,
          sortText: `a${order(candidate.order)}`,
          filterText: `${candidate.label} ${candidate.filterText}`,
          edit: { range: { start: before[k].start, end: ctx.cursor }, newText: JSON.stringify(candidate.label) },
        });
      }
    }
  }

  let write = (label: string) => valueText(ctx, label);
  let snippet = false;
  if (ctx.form === 'empty') {
    // `lead:` with nothing yet: start the list, cursor before "]" to add more.
    snippet = true;
    write = (label) => `${ctx.needsSpace ? ' ' : ''}[${snippetEscape(scalarText(label, null, true))}$0]`;
  } else if (ctx.form === 'plain' || (ctx.quote && ctx.form !== 'flow')) {
    // Inside a Word-style "A; B" string: the name as it is, the string's own quotes stay.
    const first = ctx.form === 'plain' && !ctx.afterSemicolon;
    write = (label) => (ctx.quote ? inQuote(label, ctx.quote) + (ctx.closeQuote ? ctx.quote : '') : first ? scalarText(label, null, false) : label);
  }
  for (const candidate of candidates) {
    if (out.has(candidate.label)) continue;
    const score = unitScore(typed, candidate);
    if (score === Infinity) continue;
    out.set(candidate.label, {
      label: candidate.label,
      kind: candidate.kind,
      detail: candidate.detail,
      documentation: candidate.documentation,
      sortText: `b${score}${order(candidate.order)}`,
      filterText: candidate.filterText,
      edit: { range: range(ctx), newText: write(candidate.label) },
      ...(snippet ? { snippet: true } : {}),
    });
  }
  return [...out.values()];
}

// --- deadlines and areas -------------------------------------------------------------------------------------

function describeDeadline(phrase: string, year: number | undefined, text: FeatureText): string | undefined {
  const meaning = parseDeadline(phrase, { planYear: year });
  if (meaning.kind === 'interval') return text.hoverInterval(meaning.start && text.day(meaning.start), text.day(meaning.end), meaning.precision);
  if (meaning.kind === 'recurring') {
    return text.hoverRecurring(meaning.period, meaning.within && { start: text.day(meaning.within.start), end: text.day(meaning.within.end) });
  }
  return undefined;
}

function scalarValueForm(ctx: ValueContext): boolean {
  return ctx.form === 'empty' || ctx.form === 'plain' || ctx.form === 'quoted';
}

function deadlineCompletions(analysis: PlanAnalysis, ctx: ValueContext, text: FeatureText): CompletionEntry[] {
  if (!scalarValueForm(ctx)) return [];
  const year = headerFacts(analysis).year;
  const typed = norm(ctx.typed).split(' ').filter(Boolean);
  const out: CompletionEntry[] = [];
  deadlineSuggestions(year ?? Number.NaN).forEach((phrase, index) => {
    if (typed.length && !wordsInOrder(typed, norm(phrase).split(' '))) return;
    out.push({
      label: phrase,
      kind: 'deadline',
      detail: describeDeadline(phrase, year, text),
      sortText: order(index),
      filterText: `${phrase} ${norm(phrase)}`,
      edit: { range: range(ctx), newText: valueText(ctx, phrase) },
    });
  });
  return out;
}

function areaCompletions(analysis: PlanAnalysis, ctx: ValueContext, text: FeatureText): CompletionEntry[] {
  if (!scalarValueForm(ctx)) return [];
  const typed = ctx.typed.trim().toUpperCase();
  const out: CompletionEntry[] = [];
  AREA_NUMERALS.forEach((roman, index) => {
    if (!roman.startsWith(typed)) return;
    const area = analysis.data.catalog.areas.find((a) => a.roman === roman);
    out.push({
      label: roman,
      kind: 'area',
      detail: area ? area.shortName ?? area.name : text.areaLabel(roman),
      documentation: area ? `${text.hoverAreaTitle(roman)}\n\n${area.name}` : undefined,
      sortText: order(index),
      filterText: roman,
      edit: { range: range(ctx), newText: valueText(ctx, roman) },
    });
  });
  return out;
}

// --- follow-up values --------------------------------------------------------------------------------------

function statusCompletions(ctx: ValueContext, text: FeatureText): CompletionEntry[] {
  if (!scalarValueForm(ctx)) return [];
  const typed = norm(ctx.typed);
  return TASK_STATUSES.flatMap((status, index) => {
    const label = STATUS_LABELS[status];
    // Typed without accents or in English, it still finds the Vietnamese label.
    if (typed && !norm(label).startsWith(typed) && !status.startsWith(typed.replace(/ /g, '-'))) return [];
    return [{
      label,
      kind: 'status' as const,
      detail: text.statusDetail(status),
      sortText: order(index),
      filterText: `${label} ${norm(label)} ${status}`,
      edit: { range: range(ctx), newText: valueText(ctx, label) },
    }];
  });
}

/** The as-of day, the one completion day an editor can offer without guessing. */
function doneCompletions(analysis: PlanAnalysis, ctx: ValueContext, text: FeatureText): CompletionEntry[] {
  const asOf = analysis.options.asOf;
  if (!asOf || !scalarValueForm(ctx)) return [];
  const day = featureTextFor('vi').day(asOf);
  return [{ label: day, kind: 'deadline', detail: text.doneToday(text.day(asOf)), sortText: order(0), filterText: day, edit: { range: range(ctx), newText: valueText(ctx, day) } }];
}

// --- keys and snippets --------------------------------------------------------------------------------------


/** Builds snippet text line by line; `$n` placeholders are numbered in order of appearance. */
class SnippetWriter {
  private n = 0;
  readonly lines: string[] = [];
  constructor(private readonly first: string = '') {}
  next(defaultText = ''): string {
    this.n++;
    return defaultText ? `\${${this.n}:${snippetEscape(defaultText)}}` : `\${${this.n}}`;
  }
  add(col: number, body: string): this {
    this.lines.push(this.lines.length === 0 ? this.first + body : pad(col) + body);
    return this;
  }
  toString(): string {
    return this.lines.join('\n');
  }
}

interface Layout {
  /** Columns between a list key and its "- " entries. */
  listOffset: number;
  year: number | undefined;
}

/** A new task at `dashCol`; `dash` false when "- " is already written. */
function writeTask(w: SnippetWriter, dashCol: number, dash: boolean, layout: Layout): SnippetWriter {
  const k = dashCol + 2;
  w.add(dashCol, `${dash ? '- ' : ''}task: ${w.next()}`);
  w.add(k, `lead: [${w.next()}]`);
  w.add(k, `support: [${w.next()}]`);
  w.add(k, `deadline: ${w.next(layout.year !== undefined ? `Năm ${layout.year}` : '')}`);
  return w;
}

function writeItem(w: SnippetWriter, dashCol: number, dash: boolean, layout: Layout): SnippetWriter {
  const k = dashCol + 2;
  w.add(dashCol, `${dash ? '- ' : ''}criteria: ["${w.next()}"]`);
  w.add(k, `finding: ${w.next()}`);
  w.add(k, 'tasks:');
  return writeTask(w, k + layout.listOffset, true, layout);
}

function writeSection(w: SnippetWriter, dashCol: number, dash: boolean, layout: Layout): SnippetWriter {
  const k = dashCol + 2;
  w.add(dashCol, `${dash ? '- ' : ''}area: ${w.next()}`);
  w.add(k, `title: ${w.next()}`);
  w.add(k, 'items:');
  return writeItem(w, k + layout.listOffset, true, layout);
}

const WRITERS: Record<EntryList, typeof writeTask> = { tasks: writeTask, items: writeItem, sections: writeSection };
const FIRST_KEY: Record<EntryList, string> = { tasks: 'task', items: 'criteria', sections: 'area' };

function layoutOf(analysis: PlanAnalysis): Layout {
  const facts = headerFacts(analysis);
  return { listOffset: facts.listOffset, year: facts.year };
}

/** What choosing a key inserts: `key: ` and, where it helps, the start of its value. */
function keyText(key: PlanKey, col: number, layout: Layout): { text: string; snippet: boolean } {
  const w = new SnippetWriter();
  switch (key) {
    case 'lead':
    case 'support':
      return { text: `${key}: [$1]`, snippet: true };
    case 'criteria':
      return { text: 'criteria: ["$1"]', snippet: true };
    case 'tasks':
    case 'items':
    case 'sections':
      w.add(col, `${key}:`);
      return { text: WRITERS[key](w, col + layout.listOffset, true, layout).toString(), snippet: true };
    case 'plan':
      w.add(col, 'plan:');
      w.add(col + 2, `title: ${w.next()}`);
      w.add(col + 2, `issuer: ${w.next()}`);
      w.add(col + 2, `year: ${w.next(layout.year !== undefined ? String(layout.year) : '')}`);
      return { text: w.toString(), snippet: true };
    default:
      return { text: `${key}: `, snippet: false };
  }
}

function keyEntries(map: MapKind, present: Set<string>, col: number, rangeStart: number, rangeEnd: number, keyOnly: boolean, layout: Layout, text: FeatureText): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  KEYS_OF[map].forEach((key, index) => {
    if (present.has(key)) return;
    const written = keyOnly ? { text: key, snippet: false } : keyText(key, col, layout);
    out.push({
      label: key,
      kind: 'key',
      detail: text.keyDetail(key, map),
      sortText: `1${order(index)}`,
      filterText: key,
      edit: { range: { start: rangeStart, end: rangeEnd }, newText: written.text },
      ...(written.snippet ? { snippet: true } : {}),
    });
  });
  return out;
}

function snippetEntry(list: EntryList, dashCol: number, dash: boolean, indent: string, rangeStart: number, rangeEnd: number, layout: Layout, text: FeatureText): CompletionEntry {
  const kind = MAP_OF_LIST[list];
  const body = WRITERS[list](new SnippetWriter(indent), dashCol, dash, layout).toString();
  const label = text.snippetLabel(kind);
  return {
    label,
    kind: 'snippet',
    detail: text.snippetDetail(kind),
    sortText: `0${order(0)}`,
    filterText: `${FIRST_KEY[list]} ${norm(label)}`,
    edit: { range: { start: rangeStart, end: rangeEnd }, newText: body },
    snippet: true,
  };
}

function keyCompletions(analysis: PlanAnalysis, ctx: KeyContext, text: FeatureText): CompletionEntry[] {
  const layout = layoutOf(analysis);
  const out = keyEntries(ctx.map, ctx.present, ctx.col, ctx.rangeStart, ctx.rangeEnd, ctx.keyOnly, layout, text);
  if (ctx.entryOf && !ctx.keyOnly) {
    // Right under `tasks:` at its own column: a new entry, indented as the document indents lists.
    out.push(snippetEntry(ctx.entryOf, ctx.col + layout.listOffset, true, pad(layout.listOffset), ctx.rangeStart, ctx.rangeEnd, layout, text));
  }
  return out;
}

function entryCompletions(analysis: PlanAnalysis, ctx: EntryContext, text: FeatureText): CompletionEntry[] {
  const layout = layoutOf(analysis);
  const out: CompletionEntry[] = [];
  if (!ctx.keyOnly && ctx.present.size === 0) {
    const entry = snippetEntry(ctx.list, ctx.dashCol, !ctx.dashTyped, '', ctx.rangeStart, ctx.rangeEnd, layout, text);
    out.push({ ...entry, preselect: true });
  }
  if (ctx.dashTyped) {
    const map = MAP_OF_LIST[ctx.list];
    out.push(...keyEntries(map, ctx.present, ctx.dashCol + 2, ctx.rangeStart, ctx.rangeEnd, ctx.keyOnly, layout, text));
  }
  return out;
}
