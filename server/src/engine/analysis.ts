// One document version, analysed once. Parse, model, unit readings, deadline meanings and findings
// are each computed on first use and kept. Diagnostics, completion, hover, code actions, symbols and
// the tree view all read the same PlanAnalysis.

import { parseDeadline, type DeadlineMeaning } from './data/deadline';
import { AliasLimitError, forgetPlainData, toPlainData } from './plain-data';
import { faultPoint } from './faults';
import type { UnitRegistry } from './data/registry';
import { readUnitPhrase } from './data/unit-phrase';
import { provinceFor, registryFor } from './data/unit-data';
import type { ProvinceRecord } from './data/provinces';
import { DEFAULT_OPTIONS, type AnalysisOptions, type EngineData, type ResultsLoad } from './options';
import { LocatedUnitPart } from './located-unit-part';
import { messagesFor, type Messages } from './messages';
import type { InternalStep } from './messages/types';
import { buildModel, patchModel, type DeadlineField, type PlanModel, type UnitEntry } from './model';
import { LineIndex, parsePlanText, visibleRange, type ParsedDocument, type SyntaxProblem } from './parse';
import { composeChanges, diffTexts, editLines, reparse, type TextChange } from './incremental';
import { directivesOf, isSuppressed, type Directives } from './suppress';
import { runRules } from './rules';
import { scalarSourceMap, valueRangeInSource } from './scalar-offsets';
import type { Finding } from './types';
import { checkLimits, utf8Length } from './limits';
import { isCollection, isPair, isScalar, type Node } from 'yaml';
import { tracksProgress } from './follow-up';

export { DEFAULT_OPTIONS, type AnalysisOptions, type EngineData, type ResultsLoad, type ResultsResolver } from './options';
export { LocatedUnitPart } from './located-unit-part';

// Unit parts of a cell depend only on its text and the registry: kept per scalar node across
// versions (incremental parsing keeps the nodes of unchanged cells).
const unitPartCache = new WeakMap<UnitRegistry, WeakMap<UnitEntry['node'], LocatedUnitPart[]>>();

// Deadline cells repeat ("Năm 2023" in most rows): parse each text once per plan year. Bounded.
const deadlineCache = new Map<string, DeadlineMeaning>();

function readDeadline(text: string, planYear: number | undefined): DeadlineMeaning {
  const key = `${planYear ?? ''}\u0000${text}`;
  let meaning = deadlineCache.get(key);
  if (!meaning) {
    if (deadlineCache.size >= 20_000) deadlineCache.clear();
    meaning = parseDeadline(text, { planYear });
    deadlineCache.set(key, meaning);
  }
  return meaning;
}

// How much text changed since the last whole check is re-checked alone; beyond this, checking the
// whole text again costs little more and starts afresh.
const MAX_RECHECKED_LENGTH = 64 * 1024;

/** What a version within the limits tells its successor's check. */
interface LimitState {
  /** The UTF-8 length of the text. */
  bytes: number;
  /** The deepest nesting of the last version checked whole. */
  depth: number;
  /** The change from that version's text to this one; none when this is that version. */
  since?: TextChange;
}

/** An unexpected exception met while analysing a version: a bug in par-plan, never the plan's fault. */
export interface InternalError {
  step: InternalStep;
  error: unknown;
}

/** The stack of an internal error, for the server log or the CLI's standard error. */
export function describeInternalError(error: unknown): string {
  return error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : String(error);
}

// Characters that cannot change the structure of a plain scalar they are typed into after its first
// character (no ':', '#', ',', quotes, brackets, line breaks): letters, marks, digits, spaces, and . ; ( ) / _ -.
const INERT_TEXT = /^[\p{L}\p{M}\p{N} .;()/_-]*$/u;

/**
 * The key whose value an edit changed, when the edit only typed or deleted inert text strictly inside
 * one single-line plain scalar that is the value of a pair; otherwise undefined.
 */
function textOnlyEditKey(previous: PlanAnalysis, change: TextChange, inserted: string): string | undefined {
  const removed = previous.text.slice(change.start, change.end);
  if (!INERT_TEXT.test(inserted) || !INERT_TEXT.test(removed)) return undefined;
  let node = previous.parsed.doc.contents as Node | null;
  while (node && isCollection(node)) {
    let next: Node | null = null;
    for (const entry of node.items as unknown[]) {
      const candidates = isPair(entry) ? [entry.key as Node | null, entry.value as Node | null] : [entry as Node];
      for (const candidate of candidates) {
        const r = candidate?.range;
        if (r && change.start > r[0] && change.end <= r[1]) {
          next = candidate;
          if (isPair(entry) && candidate === entry.value && isScalar(candidate) && isScalar(entry.key) && typeof entry.key.value === 'string') {
            const value = candidate;
            const source = previous.text.slice(value.range![0], value.range![1]);
            if (value.type !== 'PLAIN' || /[\r\n]/.test(source)) return undefined;
            return entry.key.value;
          }
        }
      }
    }
    node = next;
  }
  return undefined;
}

export interface Predecessor {
  analysis: PlanAnalysis;
  /** The change from its text to this one, when the host knows it; otherwise it is computed. */
  change?: TextChange;
}

/**
 * One document version, analysed at most once. Everything is computed on first use: completion
 * needs only the text and its lines, diagnostics need the parse, the model and the rules. Given the
 * previous version, the parse reuses it and re-parses only the list entry an edit touched.
 */
export class PlanAnalysis {
  readonly messages: Messages;
  private findingsCache: Finding[] | undefined;
  private plainCache: { value: unknown } | null | undefined;
  private parsedCache: ParsedDocument | undefined;
  private modelCache: PlanModel | undefined;
  private linesCache: LineIndex | undefined;
  private limitCache: SyntaxProblem[] | undefined;
  private predecessor: Predecessor | undefined;
  /** True when this version was parsed from its predecessor (for tests and measurements). */
  reparsedIncrementally = false;

  constructor(
    readonly text: string,
    readonly data: EngineData,
    readonly options: AnalysisOptions = DEFAULT_OPTIONS,
    predecessor?: Predecessor,
  ) {
    this.messages = messagesFor(options.locale);
    // Only a predecessor with the same data and options can lend its parse. Versions that were never
    // parsed (completion needs none) are skipped, so the chain to the last parsed version stays one
    // link long and the change is computed from that version's text.
    let base = predecessor;
    if (base && !base.analysis.parsedCache) {
      const grand = base.analysis.predecessor;
      const change = grand?.change && base.change ? composeChanges(grand.change, base.change) : undefined;
      base = grand && { analysis: grand.analysis, change };
    }
    if (base && base.analysis.data === data && base.analysis.options === options) this.predecessor = base;
  }

  /** The change from the predecessor's text, computed (once) when the host did not say. */
  private get change(): TextChange | undefined {
    const predecessor = this.predecessor;
    if (predecessor && !predecessor.change) predecessor.change = diffTexts(predecessor.analysis.text, this.text) ?? { start: 0, end: 0, newLength: 0 };
    return predecessor?.change;
  }

  /** Problems found before parsing (size, binary content); when present the text is not parsed. */
  get limitProblems(): SyntaxProblem[] {
    if (!this.limitCache) {
      // After a small change to a clean version only the changed lines need checking.
      const previous = this.predecessor?.analysis;
      this.limitState = previous && this.changedLinesWithinLimits(previous);
      if (this.limitState) this.limitCache = [];
      else {
        const checked = checkLimits(this.text, this.options.limits);
        this.limitCache = checked.problems;
        if (checked.problems.length === 0) this.limitState = { bytes: checked.bytes, depth: checked.depth };
      }
    }
    return this.limitCache;
  }

  /** Set when no limit is broken. */
  private limitState: LimitState | undefined;

  /** This version's limit state when its changed lines pass on their own and nothing else can fail. */
  private changedLinesWithinLimits(previous: PlanAnalysis): LimitState | undefined {
    const state = previous.limitState;
    const change = this.change;
    if (!state || !change) return undefined;
    const limits = this.options.limits;
    const bytes = state.bytes - utf8Length(previous.text.slice(change.start, change.end)) + utf8Length(this.text.slice(change.start, change.start + change.newLength));
    // Lines are re-checked against the version checked whole: depth bounds do not chain.
    const since = state.since ? composeChanges(state.since, change) : change;
    if (bytes > limits.maxFileBytes || since.newLength > MAX_RECHECKED_LENGTH) return undefined;
    const lines = this.lines;
    const from = lines.lineStarts[lines.positionAt(since.start).line];
    const to = lines.lineEnd(lines.positionAt(since.start + since.newLength).line);
    const changed = checkLimits(this.text.slice(from, to), limits);
    // With D the whole check's depth: changed lines sit on unchanged ones above (at most D deep), and
    // unchanged lines below sit on the changed ones with at most D levels of their own.
    if (changed.problems.length > 0 || 2 * state.depth + changed.depth > limits.maxDepth) return undefined;
    return { bytes, depth: state.depth, since };
  }

  /** Line starts of the text; does not need the parse. */
  get lines(): LineIndex {
    if (this.parsedCache) return this.parsedCache.lines;
    if (!this.linesCache) {
      const previous = this.predecessor?.analysis;
      const before = previous && (previous.parsedCache?.lines ?? previous.linesCache);
      const change = before ? this.change : undefined;
      this.linesCache = before && change ? editLines(before, this.text, change) : LineIndex.of(this.text);
    }
    return this.linesCache;
  }

  get parsed(): ParsedDocument {
    if (!this.parsedCache) {
      this.parsedCache = this.parseFromPredecessor() ?? this.parseAll();
      this.predecessor = undefined;
    }
    return this.parsedCache;
  }

  get model(): PlanModel {
    if (!this.modelCache) {
      // Parse first: an incremental parse patches the previous model into modelCache.
      const parsed = this.parsed;
      this.modelCache ??= buildModel(parsed);
    }
    return this.modelCache;
  }

  private parseAll(): ParsedDocument {
    if (this.limitProblems.length) return { ...parsePlanText(''), text: this.text, lines: this.lines };
    return parsePlanText(this.text);
  }

  private parseFromPredecessor(): ParsedDocument | undefined {
    const previous = this.predecessor?.analysis;
    if (!previous || previous.retired || !previous.parsedCache || previous.limitProblems.length || this.limitProblems.length) return undefined;
    const change = this.change;
    if (!change || (change.start === change.end && change.newLength === 0)) {
      previous.retired = true;
      return { ...previous.parsedCache, text: this.text };
    }
    const model = previous.model;
    const result = reparse({ parsed: previous.parsedCache, model }, this.text, change, this.lines);
    if (!result) return undefined;
    // The previous document and model now belong to this version; only the replaced entry is new.
    previous.retired = true;
    this.reparsedIncrementally = true;
    this.modelCache = patchModel(model, result.replaced);
    forgetPlainData(result.replaced.ancestors);
    return result.parsed;
  }

  /** Set when a successor took over this version's document: nothing may read it any more. */
  retired = false;

  /**
   * For a request away from the last edit, before this version is parsed: the previous version
   * (parsed, intact), the offset there, and the key of the one value the edit changed. Given only
   * when the edit typed or deleted ordinary text inside one single-line plain value (`task: Rà soát`
   * → `task: Rà soát lại`), so this version parses to the same structure; the caller answers from
   * the previous version only what does not read that key. The lines the edit touched always get
   * this version.
   */
  previousView(offset: number): { analysis: PlanAnalysis; offset: number; editedKey: string; toCurrent(offset: number): number } | undefined {
    const previous = this.predecessor?.analysis;
    if (this.parsedCache || !previous || previous.retired || !previous.modelCache) return undefined;
    const change = this.change;
    if (!change) return undefined;
    const editedKey = textOnlyEditKey(previous, change, this.text.slice(change.start, change.start + change.newLength));
    if (editedKey === undefined) return undefined;
    const lines = this.lines;
    const firstLine = lines.positionAt(change.start).line;
    const lastLine = lines.positionAt(change.start + change.newLength).line;
    const line = lines.positionAt(offset).line;
    if (line >= firstLine && line <= lastLine) return undefined;
    const delta = change.newLength - (change.end - change.start);
    const toPrevious = (o: number) => (o < change.start ? o : o - delta);
    const toCurrent = (o: number) => (o < change.start ? o : o + delta);
    return { analysis: previous, offset: toPrevious(offset), editedKey, toCurrent };
  }

  /**
   * The previous version (parsed, intact) when the edit is below its plan header: what the header
   * says (the year, the results) is then known from it without parsing this version.
   */
  private headerUnchangedIn(): PlanAnalysis | undefined {
    if (this.modelCache || !this.predecessor || this.predecessor.analysis.retired || !this.predecessor.analysis.modelCache) return undefined;
    const previous = this.predecessor.analysis;
    const change = this.change;
    const header = previous.modelCache!.header;
    const headerEnd = header?.map?.range?.[2] ?? header?.field.range.end ?? Infinity;
    return change && header && change.start > headerEnd ? previous : undefined;
  }

  get planYear(): number | undefined {
    const known = this.planYearIfKnown();
    return known ? known.year : this.model.header?.year?.value;
  }

  /**
   * The plan year when it is known without parsing this version: from its model when built, or from
   * the previous version when the edit is below the plan header. Completion asks on every keystroke
   * and must never parse; it reads the header text itself when this is undefined.
   */
  planYearIfKnown(): { year: number | undefined } | undefined {
    if (this.modelCache) return { year: this.modelCache.header?.year?.value };
    return this.headerUnchangedIn()?.planYearIfKnown();
  }

  /** The text of `plan.issuer`, which selects the province. */
  get issuer(): string | undefined {
    const known = this.issuerIfKnown();
    return known ? known.issuer : this.model.header?.issuer?.text;
  }

  /** The issuer when it is known without parsing this version, like planYearIfKnown. */
  issuerIfKnown(): { issuer: string | undefined } | undefined {
    if (this.modelCache) return { issuer: this.modelCache.header?.issuer?.text };
    return this.headerUnchangedIn()?.issuerIfKnown();
  }

  /** The plan's province, when the issuer names one. */
  get province(): ProvinceRecord | undefined {
    return provinceFor(this.data.units, this.issuer);
  }

  private registryCache: UnitRegistry | undefined;

  /** The unit registry of the plan's province: base + province + overlays (built once per province). */
  get registry(): UnitRegistry {
    // Asked for every unit cell: looked up once per version.
    return (this.registryCache ??= registryFor(this.data.units, this.issuer));
  }

  private resultsCache: { value: ResultsLoad | undefined } | undefined;

  /** The results the plan is checked against (its `plan.results`, or the host's `--results`). */
  get results(): ResultsLoad | undefined {
    if (!this.resultsCache) {
      const resolve = this.data.results;
      const previous = this.headerUnchangedIn();
      this.resultsCache = { value: previous ? previous.results : resolve?.(this.model.header?.results?.text.trim() || undefined) };
    }
    return this.resultsCache.value;
  }

  /** The results when they are known without parsing this version (completion never parses). */
  get resultsWithoutParsing(): ResultsLoad | undefined {
    if (this.resultsCache || this.modelCache || this.headerUnchangedIn()) return this.results;
    return undefined;
  }

  private tracksCache: boolean | undefined;

  /** Whether any task carries a follow-up key: only then are unfinished tasks judged against the as-of day. */
  get tracksProgress(): boolean {
    return (this.tracksCache ??= tracksProgress(this.model));
  }

  /** The units a lead/support entry names, each with its range in the document. */
  unitParts(entry: UnitEntry): LocatedUnitPart[] {
    const registry = this.registry;
    let byNode = unitPartCache.get(registry);
    if (!byNode) unitPartCache.set(registry, (byNode = new WeakMap()));
    let parts = byNode.get(entry.node);
    if (!parts) {
      const matched = readUnitPhrase(registry, entry.text);
      const map = matched.length ? scalarSourceMap(this.text, entry.node) : null;
      parts = matched.map((part) => new LocatedUnitPart(part, entry.node, valueRangeInSource(this.text, entry.node, part.range, map), map !== null));
      byNode.set(entry.node, parts);
    }
    return parts;
  }

  /** What a task's deadline means, or null when it is missing or blank. */
  deadline(field: DeadlineField): DeadlineMeaning | null {
    return field.text === null ? null : readDeadline(field.text, this.planYear);
  }

  /** The document as plain data (for the schema), or undefined when resolving aliases exceeded the limit. */
  plainData(): { value: unknown } | undefined {
    if (this.plainCache === undefined) {
      try {
        faultPoint('plainData');
        this.plainCache = { value: toPlainData(this.parsed.doc, this.options.limits.maxAliasCount) };
      } catch (error) {
        // Only the alias budget is the document's doing; anything else is a bug and must surface.
        if (!(error instanceof AliasLimitError)) throw error;
        this.plainCache = null;
      }
    }
    return this.plainCache ?? undefined;
  }

  /** The line break the document uses (its first one): inserted lines use it too. */
  get eol(): '\n' | '\r\n' {
    if (this.eolCache === undefined) {
      const first = this.text.indexOf('\n');
      this.eolCache = first > 0 && this.text[first - 1] === '\r' ? '\r\n' : '\n';
    }
    return this.eolCache;
  }
  private eolCache: '\n' | '\r\n' | undefined;

  /**
   * Unexpected exceptions met while computing the findings, one per step (a rule, the analysis):
   * each becomes one `par/internal` finding, and hosts log the stacks.
   */
  readonly internalErrors: InternalError[] = [];

  /** Records an unexpected exception of `step` (the first one of each step is kept). */
  noteInternalError(step: InternalStep, error: unknown): void {
    const key = JSON.stringify(step);
    if (!this.internalErrors.some((e) => JSON.stringify(e.step) === key)) this.internalErrors.push({ step, error });
  }

  private directivesCache: Directives | undefined;

  /** The suppression comments of this version: read by findings() and by the "disable" code action. */
  get directives(): Directives {
    return (this.directivesCache ??= directivesOf(this.parsed));
  }

  findings(): Finding[] {
    if (!this.findingsCache) this.findingsCache = this.computeFindings();
    return this.findingsCache;
  }

  private computeFindings(): Finding[] {
    let raw: Finding[] = [];
    let directives: Directives = new Map();
    try {
      faultPoint('analysis');
      raw = runRules(this);
      directives = this.directives;
    } catch (error) {
      this.noteInternalError('analysis', error);
    }
    const findings: Finding[] = this.internalErrors.map(({ step, error }) => ({
      code: 'par/internal',
      severity: 'error' as const,
      message: this.messages.internalError(step, error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
      range: visibleRange(this.text, this.lines, { start: 0, end: this.lines.lineEnd(0) }),
    }));
    for (const finding of raw) {
      // Broken YAML stops every other check: hiding it would make a broken plan look clean.
      if (finding.code === 'par/syntax') {
        findings.push(finding);
        continue;
      }
      const severity = this.options.severities[finding.code] ?? finding.severity;
      if (severity === 'off') continue;
      if (isSuppressed(directives, this.lines, finding)) continue;
      findings.push(severity === finding.severity ? finding : { ...finding, severity });
    }
    return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
  }
}
