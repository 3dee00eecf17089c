// Shared by the reliability tests and `scripts/fuzz.mjs`: random edits of real and generated plans,
// and one function that runs a text through the engine exactly as the language server would (one
// analysis, then every feature), timing each request and checking every range it returns.
// Pure TypeScript over the engine; no vitest, so the long run can bundle it with esbuild.

import fc from 'fast-check';
import { Lexer } from 'yaml';
import { PlanAnalysis, applyEdits, bundledCatalog, fixAll, bundledUnits, type AnalysisOptions, type EngineData, type Finding, type Locale, type OffsetRange, type TextEdit } from '../../server/src/engine';
import { DEFAULT_OPTIONS } from '../../server/src/engine/analysis';
import { codeActions } from '../../server/src/engine/features/code-actions';
import { completionsAt } from '../../server/src/engine/features/completion';
import { hoverAt } from '../../server/src/engine/features/hover';
import { documentSymbols, foldingRanges, planTree, type PlanSymbol } from '../../server/src/engine/features/outline';
import { unitReferencesAt } from '../../server/src/engine/features/references';
import { generatePlan } from '../../bench/generate-plan.mjs';

/** The requirement: no request (analysis or feature) takes longer than this. */
export const REQUEST_LIMIT_MS = 1000;

export const FEATURES = [
  'analysis',
  'findings',
  'completion',
  'hover',
  'codeActions',
  'fixAllAction',
  'symbols',
  'folding',
  'tree',
  'references',
] as const;
export type Feature = (typeof FEATURES)[number];

let data: EngineData | undefined;
export const engineData = (): EngineData => (data ??= { catalog: bundledCatalog(), units: bundledUnits() });

// One options object per locale: an analysis lends its parse to the next version only with the same options.
const optionsByLocale = new Map<Locale, AnalysisOptions>();
export const optionsFor = (locale: Locale): AnalysisOptions => {
  let options = optionsByLocale.get(locale);
  if (!options) optionsByLocale.set(locale, (options = { ...DEFAULT_OPTIONS, locale }));
  return options;
};

// --- sources -----------------------------------------------------------------------------------------

export interface Source {
  name: string;
  text: string;
}

/**
 * The texts that get edited: the sample, and generated plans of several sizes and seeds with a high
 * share of defects (so fixes and code actions have something to do). `large` adds a few thousand
 * tasks, for timing: it is picked rarely. `fixtures` (the rule and fix fixtures) bring the defects the
 * generator does not write.
 */
export function fuzzSources(sample: string, fixtures: Source[] = [], largeTasks: number[] = [1000]): { small: Source[]; large: Source[] } {
  const small: Source[] = [{ name: 'sample', text: sample }, ...fixtures];
  const sizes = [1, 3, 8, 20, 60, 150];
  sizes.forEach((tasks, i) => {
    for (const seed of [1 + i, 101 + i]) {
      small.push({ name: `generated(tasks=${tasks},seed=${seed},defects=0.3)`, text: generatePlan({ tasks, seed, defectRate: 0.3 }) });
    }
  });
  small.push({ name: 'generated(tasks=40,seed=7,defects=1,year=2025)', text: generatePlan({ tasks: 40, seed: 7, defectRate: 1, year: 2025 }) });
  small.push({ name: 'empty', text: '' });
  const large: Source[] = largeTasks.map((tasks, i) => ({
    name: `generated(tasks=${tasks},seed=${3 + i},defects=0.05)`,
    text: generatePlan({ tasks, seed: 3 + i, defectRate: 0.05 }),
  }));
  return { small, large };
}

// --- edits -------------------------------------------------------------------------------------------

/** What people paste from Word, plus the characters that break naive offset arithmetic. */
const WORD_PASTE = [
  '\t', '\t\t', '\r\n', '\r', '“', '”', '‘', '’', '„', '\u00a0', '\u202f', '•', '◦', '', '–', '—', '…',
  '\u200b', '\u200c', '\u200d', '\ufeff', '\u2028', '\u2029', '\u0301', '\u0323', '\u0309', 'e\u0302\u0301',
  '😀', '👨‍👩‍👧', '🇻🇳', '\ud800', '\udfff', '\udc00x', 'x\ud83d', '\u00ad', '\u0000', '\ufffd', '\u001b', '\u0085', '\u000b', '\u000c',
  '“Sở Nội vụ”', '‘Quý IV/2023’', '•\tThực hiện rà soát;', '\t- Sở Tư pháp\r\n\t- UBND cấp huyện',
  'SỞ NỘI VỤ', 'so noi vu', 'Sở Nội vụ;\u00a0Sở Tư pháp', '1.1.', '３.４', 'Ⅳ',
];
/** YAML's syntax characters and constructs. */
const YAML_SYNTAX = [
  ':', ': ', '- ', '-', '[', ']', '{', '}', '&a ', '*a', '&', '*', '!', '!!str ', '!<tag> ', '|', '|-', '>', '>+', '#', ' #', '# ',
  "'", '"', ',', '?', '? ', '%YAML 1.2\n', '@', '`', '---', '---\n', '...', '\n...\n', '\n', '\n\n', ' ', '  ', '    ',
  '<<: *a', '\\', '\\x', '"\\u00', '[[[[', '{{', ']]', 'a: b: c', '- - -', ': : :',
];
/** The plan's own vocabulary, so edits build and break real structure. */
const PLAN_WORDS = [
  'plan:', 'sections:', 'area: ', 'area: IX', 'title: ', 'items:', 'criteria: ', 'criteria: [1.1, 1.10]', '"1.1"', '3.2.2', 'finding: ',
  'tasks:', 'task: ', 'lead: ', 'lead: [Sở, ban, ngành cấp tỉnh]', 'support: ', 'deadline: ', 'deadline: Quý V/2023', 'Quý IV/2023',
  'Năm 2022', 'Trước 31/2/2023', 'Thường xuyên', 'SNV', 'Sở Nội vụx', 'Sở Thông tin và Truyền thông', 'Văn phòng UBND tỉnh',
  'UBND cấp huyện, cấp xã', 'Sở KH&ĐT', '# par-plan-disable-next-line', '# par-plan-disable-next-line par/missing-lead',
  'year: 2025', 'year: 1999', 'nam: 2023', 'chu tri: ', '\n          - task: X\n', '\n  - area: III\n    items:\n',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORD_PASTE) },
  { weight: 4, arbitrary: fc.constantFrom(...YAML_SYNTAX) },
  { weight: 4, arbitrary: fc.constantFrom(...PLAN_WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
);
export const insertedText = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));

/** Positions are drawn as large integers and reduced modulo the current length when applied. */
const pos = fc.nat({ max: 1_000_000 });

export type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'insertAtLine'; line: number; end: boolean; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'deleteLines'; line: number; count: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'indent'; line: number; delta: number; tab: boolean }
  | { kind: 'replaceLine'; line: number; text: string }
  | { kind: 'wordify'; line: number; count: number; how: Wordify };

/** What Word, a Mac or a hurried person does to lines of existing text. */
export type Wordify = 'nfd' | 'nbsp' | 'smart-quotes' | 'tab-indent' | 'crlf' | 'upper' | 'no-accents' | 'bullets' | 'zero-width';
const WORDIFY: Record<Wordify, (line: string) => string> = {
  nfd: (l) => l.normalize('NFD'),
  nbsp: (l) => l.replace(/(\S) /g, '$1\u00a0'),
  'smart-quotes': (l) => l.replace(/"([^"]*)"/g, '“$1”').replace(/'([^']*)'/g, '‘$1’'),
  'tab-indent': (l) => l.replace(/^( {2})+/, (m) => '\t'.repeat(m.length / 2)),
  crlf: (l) => `${l}\r`,
  upper: (l) => l.toUpperCase(),
  'no-accents': (l) => l.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'),
  bullets: (l) => l.replace(/^(\s*)- /, '$1• '),
  'zero-width': (l) => l.replace(/ /g, ' \u200b'),
};

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: pos, text: insertedText }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insertAtLine' as const), line: pos, end: fc.boolean(), text: insertedText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: pos, length: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 400 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLines' as const), line: pos, count: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: pos }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: pos, b: pos }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), line: pos }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('indent' as const), line: pos, delta: fc.integer({ min: -4, max: 4 }), tab: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replaceLine' as const), line: pos, text: insertedText }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wordify' as const),
      line: pos,
      count: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(1_000_000)),
      how: fc.constantFrom<Wordify>(...(Object.keys(WORDIFY) as Wordify[])),
    }),
  },
);

function splitLines(text: string): string[] {
  return text.split('\n');
}

export function applyEdit(text: string, edit: Edit): string {
  const at = (n: number) => n % (text.length + 1);
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at(edit.at)) + edit.text + text.slice(at(edit.at));
    case 'delete': {
      const start = at(edit.at);
      return text.slice(0, start) + text.slice(start + edit.length);
    }
    case 'truncate':
      return text.slice(0, at(edit.at));
    default:
      break;
  }
  const lines = splitLines(text);
  const line = (n: number) => n % lines.length;
  switch (edit.kind) {
    case 'insertAtLine': {
      const l = line(edit.line);
      lines[l] = edit.end ? lines[l] + edit.text : edit.text + lines[l];
      break;
    }
    case 'deleteLines':
      lines.splice(line(edit.line), edit.count);
      break;
    case 'swapLines': {
      const a = line(edit.a);
      const b = line(edit.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      break;
    }
    case 'duplicateLine': {
      const l = line(edit.line);
      lines.splice(l, 0, lines[l]);
      break;
    }
    case 'indent': {
      const l = line(edit.line);
      lines[l] = edit.delta >= 0 ? (edit.tab ? '\t' : ' ').repeat(edit.delta) + lines[l] : lines[l].replace(new RegExp(`^[ \\t]{0,${-edit.delta}}`), '');
      break;
    }
    case 'replaceLine':
      lines[line(edit.line)] = edit.text;
      break;
    case 'wordify': {
      const from = line(edit.line);
      for (let l = from; l < Math.min(lines.length, from + edit.count); l++) lines[l] = WORDIFY[edit.how](lines[l]);
      break;
    }
  }
  return lines.join('\n');
}

export interface FuzzCase {
  source: number;
  large: boolean;
  edits: Edit[];
  locale: Locale;
  /** Fractions of the text length (x 1e6) where features are asked for. */
  probes: number[];
  /** Build the analysis from the unedited source's, as the server does for the next version. */
  incremental: boolean;
}

/** `mix`: only small sources, only large ones, or large ones once in `mix` cases. */
export function caseArb(counts: { small: number; large: number }, mix: 'small' | 'large' | number = 'small'): fc.Arbitrary<FuzzCase> {
  const small = fc.record({ source: fc.nat({ max: counts.small - 1 }), large: fc.constant(false) });
  const large = fc.record({ source: fc.nat({ max: Math.max(0, counts.large - 1) }), large: fc.constant(true) });
  return fc.record({
    which: mix === 'small' || counts.large === 0 ? small : mix === 'large' ? large : fc.oneof({ weight: mix - 1, arbitrary: small }, { weight: 1, arbitrary: large }),
    edits: fc.array(editArb, { minLength: 0, maxLength: 4 }),
    locale: fc.constantFrom<Locale>('vi', 'en'),
    probes: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 6, maxLength: 6 }),
    incremental: fc.boolean(),
  }).map(({ which, ...rest }) => ({ source: which.source, large: which.large, ...rest }));
}

export function caseText(sources: { small: Source[]; large: Source[] }, c: FuzzCase): { name: string; text: string; previous?: string } {
  const source = (c.large ? sources.large : sources.small)[c.source];
  return { name: source.name, text: c.edits.reduce(applyEdit, source.text), previous: c.incremental ? source.text : undefined };
}

/** The exercise input of a case. */
export function caseInput(sources: { small: Source[]; large: Source[] }, c: FuzzCase): ExerciseInput {
  const { name, text, previous } = caseText(sources, c);
  return { name: previous === undefined ? name : `${name} (from the previous version)`, text, previous, locale: c.locale, probes: c.probes };
}

// --- running every feature ---------------------------------------------------------------------------

export interface Worst {
  ms: number;
  where: string;
}

export class Stats {
  cases = 0;
  calls = 0;
  readonly worst = Object.fromEntries(FEATURES.map((f) => [f, { ms: 0, where: '' }])) as Record<Feature, Worst>;
  readonly total = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>;
  readonly count = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>;
  /** Oddities that break no requirement, counted with one example each (printed, never failing). */
  readonly notes = new Map<string, { count: number; example: string }>();

  note(kind: string, example: string): void {
    const entry = this.notes.get(kind);
    if (entry) entry.count++;
    else this.notes.set(kind, { count: 1, example });
  }

  merge(other: {
    cases: number;
    calls: number;
    worst: Record<string, Worst>;
    total: Record<string, number>;
    count: Record<string, number>;
    notes: Iterable<[string, { count: number; example: string }]>;
  }): void {
    for (const [kind, n] of other.notes) {
      const entry = this.notes.get(kind);
      if (entry) entry.count += n.count;
      else this.notes.set(kind, { ...n });
    }
    this.cases += other.cases;
    this.calls += other.calls;
    for (const f of FEATURES) {
      if (other.worst[f].ms > this.worst[f].ms) this.worst[f] = other.worst[f];
      this.total[f] += other.total[f];
      this.count[f] += other.count[f];
    }
  }

  table(): string {
    const rows = FEATURES.map((f) => {
      const mean = this.count[f] ? this.total[f] / this.count[f] : 0;
      return `  ${f.padEnd(13)} worst ${this.worst[f].ms.toFixed(1).padStart(7)} ms   mean ${mean.toFixed(2).padStart(6)} ms   calls ${String(this.count[f]).padStart(8)}   ${this.worst[f].where}`;
    });
    const notes = [...this.notes].map(([kind, n]) => `  note: ${kind}: ${n.count} time(s), e.g. ${n.example}`);
    return [...rows, ...notes].join('\n');
  }
}

export interface ExerciseInput {
  name: string;
  text: string;
  locale: Locale;
  /** Offsets (any integers, reduced into [0, length]) for completion, hover, references and ranges. */
  probes: number[];
  /** How many line starts to probe besides the random offsets. */
  lineStarts?: number;
  /** Ask for the fix-all source action (the costliest request). */
  fixAll?: boolean;
  /** At most this many findings get their own code-action request. */
  maxFindingRequests?: number;
  /** Apply the fixes of at most this many findings (when the YAML is valid) and check the result. */
  applyFixes?: number;
  /**
   * The previous version of the text. When given, the analysis is built from the previous one, as
   * an editor's next version is, and its findings must equal those of a fresh analysis.
   */
  previous?: string;
}

const describeRange = (r: OffsetRange | undefined) => (r ? `[${r.start}, ${r.end})` : String(r));

/**
 * Runs one text through the analysis and every feature; returns every broken property (empty when all
 * hold). Exceptions become problems, so one case reports everything it breaks.
 */
export function exercise(input: ExerciseInput, stats: Stats, data = engineData()): string[] {
  const { text } = input;
  const problems: string[] = [];
  const len = text.length;
  const where = `${input.name} (${input.locale}, ${len} chars)`;

  const time = <T>(feature: Feature, label: string, run: () => T): T | undefined => {
    const started = performance.now();
    let result: T | undefined;
    try {
      result = run();
    } catch (error) {
      problems.push(`${feature} ${label} threw: ${(error as Error)?.stack ?? String(error)}`);
      return undefined;
    }
    const ms = performance.now() - started;
    stats.calls++;
    stats.count[feature]++;
    stats.total[feature] += ms;
    if (ms > stats.worst[feature].ms) stats.worst[feature] = { ms, where: `${where} ${label}` };
    if (ms > REQUEST_LIMIT_MS) problems.push(`${feature} ${label} took ${ms.toFixed(0)} ms (limit ${REQUEST_LIMIT_MS} ms)`);
    return result;
  };
  const inside = (what: string, r: OffsetRange | undefined) => {
    if (!r || !Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start < 0 || r.end > len || r.start > r.end) {
      problems.push(`${what}: range ${describeRange(r)} outside [0, ${len}] or reversed`);
      return false;
    }
    return true;
  };

  const options = optionsFor(input.locale);
  let previous: PlanAnalysis | undefined;
  if (input.previous !== undefined) {
    try {
      previous = new PlanAnalysis(input.previous, data, options);
      previous.findings();
    } catch (error) {
      problems.push(`analysis of the previous version threw: ${(error as Error)?.stack ?? String(error)}`);
    }
  }
  const analysis = time('analysis', previous ? 'new PlanAnalysis(previous version)' : 'new PlanAnalysis', () =>
    previous ? new PlanAnalysis(text, data, options, { analysis: previous }) : new PlanAnalysis(text, data, options),
  );
  if (!analysis) return problems;
  const findings = time('findings', 'findings()', () => analysis.findings()) ?? [];
  if (previous) {
    // Built from the previous version or from scratch, the findings are the same.
    try {
      const key = (list: readonly Finding[]) => JSON.stringify(list.map((f) => [f.code, f.severity, f.range, f.message, f.fixes, f.related]));
      const fresh = new PlanAnalysis(text, data, options).findings();
      if (key(fresh) !== key(findings)) {
        problems.push(`analysis from the previous version differs from a fresh one:\n  incremental ${key(findings).slice(0, 600)}\n  fresh       ${key(fresh).slice(0, 600)}`);
      }
    } catch (error) {
      problems.push(`fresh analysis threw: ${(error as Error)?.stack ?? String(error)}`);
    }
  }
  const visible = /\S/.test(text);
  for (const f of findings) {
    const label = `finding ${f.code} ${describeRange(f.range)}`;
    if (inside(label, f.range) && visible && f.range.end === f.range.start) problems.push(`${label}: empty range in a non-empty document`);
    if (typeof f.message !== 'string' || !f.message.trim()) problems.push(`${label}: empty message`);
    for (const r of f.related ?? []) inside(`${label} related`, r.range);
    for (const fix of f.fixes ?? []) {
      fix.edits.forEach((e) => inside(`${label} fix "${fix.title}"`, e.range));
      if (overlapping(fix.edits.map((e) => e.range))) problems.push(`${label} fix "${fix.title}": overlapping edits`);
    }
  }

  // Fixes on whatever text this is: nothing outside the edits changes, comments stay, YAML stays valid.
  const valid = analysis.limitProblems.length === 0 && analysis.parsed.syntax.length === 0;
  const fixable = valid ? findings.filter((f) => f.fixes?.length) : [];
  const fixStep = Math.max(1, Math.ceil(fixable.length / (input.applyFixes ?? 3)));
  for (let i = 0; i < fixable.length; i += fixStep) {
    for (const fix of fixable[i].fixes!) {
      const label = `fix "${fix.title}" of ${fixable[i].code} ${describeRange(fixable[i].range)}`;
      try {
        problems.push(...checkFix(text, fix.edits, data, options).map((p) => `${label}: ${p}`));
      } catch (error) {
        problems.push(`${label} threw: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  }

  // Offsets: both ends, random probes, a sample of line starts and ends.
  const lines = analysis.parsed.lines;
  const offsets = new Set<number>([0, len]);
  for (const p of input.probes) offsets.add(p % (len + 1));
  const lineProbes = input.lineStarts ?? 4;
  for (let i = 0; i < lineProbes && lines.lineCount > 0; i++) {
    const line = (input.probes[i % input.probes.length] * 7 + i * 131) % lines.lineCount;
    offsets.add(lines.lineStarts[line]);
    offsets.add(lines.lineEnd(line));
  }
  for (const offset of offsets) {
    const completions = time('completion', `completionsAt(${offset})`, () => completionsAt(analysis, offset)) ?? [];
    for (const c of completions) {
      if (inside(`completion "${c.label}" at ${offset}`, c.edit.range) && (c.edit.range.start > offset || c.edit.range.end < offset)) {
        problems.push(`completion "${c.label}" at ${offset}: edit range ${describeRange(c.edit.range)} does not contain the cursor`);
      }
      if (typeof c.edit.newText !== 'string') problems.push(`completion "${c.label}" at ${offset}: no text`);
    }
    const hover = time('hover', `hoverAt(${offset})`, () => hoverAt(analysis, offset));
    if (hover) {
      if (inside(`hover at ${offset}`, hover.range) && (hover.range.start > offset || hover.range.end < offset)) {
        problems.push(`hover at ${offset}: range ${describeRange(hover.range)} does not contain the cursor`);
      }
      if (!hover.markdown.trim()) problems.push(`hover at ${offset}: empty text`);
    }
    const refs = time('references', `unitReferencesAt(${offset})`, () => unitReferencesAt(analysis, offset)) ?? [];
    for (const m of refs) inside(`reference of ${m.unitId} at ${offset}`, m.range);
  }

  // Code actions: random ranges, each finding's range (a bounded number), and fix-all.
  const sorted = [...offsets].sort((a, b) => a - b);
  const ranges: OffsetRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ start: sorted[i], end: sorted[i + 1] });
  ranges.push({ start: 0, end: len });
  const maxFindings = input.maxFindingRequests ?? 12;
  const step = Math.max(1, Math.ceil(findings.length / maxFindings));
  for (let i = 0; i < findings.length; i += step) ranges.push(findings[i].range);
  const checkActions = (label: string, actions: ReturnType<typeof codeActions> | undefined) => {
    for (const a of actions ?? []) {
      a.edits.forEach((e) => inside(`${label} action "${a.title}"`, e.range));
      if (overlapping(a.edits.map((e) => e.range))) problems.push(`${label} action "${a.title}": overlapping edits`);
      if (a.snippet) inside(`${label} action "${a.title}" snippet`, { start: a.snippet.offset, end: a.snippet.replaceEnd });
    }
  };
  ranges.forEach((range, i) => {
    const only = i % 3 === 1 ? ['quickfix'] : i % 3 === 2 ? ['refactor'] : undefined;
    const label = `codeActions(${describeRange(range)}${only ? `, ${only}` : ''})`;
    checkActions(label, time('codeActions', label, () => codeActions(analysis, range, only)));
  });
  if (input.fixAll ?? true) {
    const label = 'codeActions(source.fixAll)';
    const actions = time('fixAllAction', label, () => codeActions(analysis, { start: 0, end: 0 }, ['source.fixAll']));
    checkActions(label, actions);
    // What fix-all writes is what `par-plan check --fix` writes, and fix-all has nothing left to do on it.
    const edits = actions?.[0]?.edits;
    if (edits?.length) {
      try {
        const fixed = applyEdits(text, edits);
        const cli = fixAll(text, data, options);
        if (cli.text !== fixed) problems.push(`${label}: the editor's fix-all text differs from fixAll()'s`);
        const again = fixAll(fixed, data, options);
        if (again.text !== fixed) problems.push(`${label}: a second fix-all changes the text again (${again.applied} edits)`);
        problems.push(...checkFix(text, edits, data, options).map((p) => `${label}: ${p}`));
      } catch (error) {
        problems.push(`${label} applied threw: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  }

  const symbols = time('symbols', 'documentSymbols', () => documentSymbols(analysis)) ?? [];
  const walk = (s: PlanSymbol, parent?: PlanSymbol) => {
    inside(`symbol "${s.name}" range`, s.range);
    inside(`symbol "${s.name}" selectionRange`, s.selectionRange);
    if (s.selectionRange.start < s.range.start || s.selectionRange.end > s.range.end) {
      problems.push(`symbol "${s.name}": selectionRange ${describeRange(s.selectionRange)} not inside range ${describeRange(s.range)}`);
    }
    // VS Code does not require it (it does require the selection inside the range); YAML's error
    // recovery can give a task a range past its item's. Counted, not failed.
    if (parent && (s.range.start < parent.range.start || s.range.end > parent.range.end)) {
      stats.note('symbol range outside its parent\'s', `${where}: "${s.name}" ${describeRange(s.range)} in ${describeRange(parent.range)}`);
    }
    s.children.forEach((c) => walk(c, s));
  };
  symbols.forEach((s) => walk(s));

  const folding = time('folding', 'foldingRanges', () => foldingRanges(analysis)) ?? [];
  for (const f of folding) {
    if (!(f.startLine >= 0 && f.startLine < f.endLine && f.endLine < lines.lineCount)) {
      problems.push(`folding ${f.startLine}-${f.endLine} outside 0..${lines.lineCount - 1} or not increasing`);
    }
  }

  const tree = time('tree', 'planTree', () => planTree(analysis));
  for (const section of tree?.sections ?? []) {
    inside(`tree section ${section.label}`, section.range);
    for (const item of section.items) {
      inside(`tree item ${item.codes}`, item.range);
      for (const task of item.tasks) inside(`tree task ${task.label}`, task.range);
    }
  }
  return problems;
}

/** Every `#` comment (whole-line or trailing), in order; text in block scalars and quotes is not a comment. */
export function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((t) => t.startsWith('#')).map((t) => t.trimEnd());
}

/** What every fix must keep: the text outside its edits, the comments, and valid YAML. */
export function checkFix(text: string, edits: readonly TextEdit[], data: EngineData, options: AnalysisOptions): string[] {
  const problems: string[] = [];
  if (overlapping(edits.map((e) => e.range))) return ['overlapping edits'];
  const after = applyEdits(text, edits);
  const first = Math.min(...edits.map((e) => e.range.start));
  const last = Math.max(...edits.map((e) => e.range.end));
  if (!after.startsWith(text.slice(0, first)) || !after.endsWith(text.slice(last))) problems.push('changes text outside its edits');
  if (asciiJson(comments(after)) !== asciiJson(comments(text))) problems.push(`comments changed: ${asciiJson(comments(text))} -> ${asciiJson(comments(after))}`);
  const result = new PlanAnalysis(after, data, options);
  const broken = [...result.limitProblems, ...result.parsed.syntax];
  if (broken.length) problems.push(`leaves a YAML error ${broken[0].yamlCode} (${broken[0].detail}) in ${asciiJson(after.slice(Math.max(0, first - 80), first + 120))}`);
  return problems;
}

function overlapping(ranges: OffsetRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    // Two insertions at one point, or an insertion at the end of a replacement, are fine.
    if (b.start < a.end) return true;
  }
  return false;
}

/**
 * `exercise`, except that a request over the time limit is measured once more before it counts: a
 * pause of the whole process (garbage collection, another test file on the same core) is not the
 * engine's doing, a slow request is slow twice.
 */
export function exerciseTimed(input: ExerciseInput, stats: Stats, data = engineData()): string[] {
  const problems = exercise(input, stats, data);
  if (problems.length && problems.every((p) => p.includes(`(limit ${REQUEST_LIMIT_MS} ms)`))) {
    const again = exercise(input, new Stats(), data);
    stats.note('request over the limit once, under it when measured again', problems[0]);
    return again.length ? [...problems, 'measured again:', ...again] : [];
  }
  return problems;
}

/** A compact, replayable description of a case for failure messages. */
export function describeCase(sources: { small: Source[]; large: Source[] }, c: FuzzCase): string {
  const source = (c.large ? sources.large : sources.small)[c.source];
  return `source ${source.name}, locale ${c.locale}, incremental ${c.incremental}, probes ${JSON.stringify(c.probes)}, edits ${asciiJson(c.edits)}`;
}

/** JSON with every non-ASCII character escaped, so a case printed in a terminal can be pasted back. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// --- the whole run (used by scripts/fuzz.mjs) --------------------------------------------------------

export interface RunOptions {
  runs: number;
  seed: number;
  sample: string;
  /** Called every `every` cases with the number done so far. */
  progress?: (done: number) => void;
  every?: number;
  /** Large plans come once in this many cases (0: never). */
  largeEvery?: number;
  largeTasks?: number[];
  fixtures?: Source[];
}

export interface RunResult {
  stats: Stats;
  failure?: string;
  seed: number;
  runs: number;
  /** Cases fast-check generated and ran before stopping (all of them when nothing failed). */
  ran: number;
  shrinks: number;
}

export function runFuzz(options: RunOptions): RunResult {
  const sources = fuzzSources(options.sample, options.fixtures, options.largeTasks);
  const stats = new Stats();
  const every = options.every ?? 1000;
  let done = 0;
  const result = fc.check(
    fc.property(caseArb({ small: sources.small.length, large: sources.large.length }, options.largeEvery ? options.largeEvery : 'small'), (c) => {
      const problems = exerciseTimed(caseInput(sources, c), stats);
      stats.cases++;
      done++;
      if (options.progress && done % every === 0) options.progress(done);
      if (problems.length) throw new Error(`${problems.slice(0, 10).join('\n')}\n  case: ${describeCase(sources, c)}`);
    }),
    { numRuns: options.runs, seed: options.seed },
  );
  return {
    stats,
    seed: options.seed,
    runs: options.runs,
    ran: result.numRuns,
    shrinks: result.numShrinks,
    failure: result.failed ? fc.defaultReportMessage(result) : undefined,
  };
}
