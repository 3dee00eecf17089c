// One document version, analysed once. Parse and model are built on construction; unit readings,
// deadline meanings and findings are computed on first use and kept. Diagnostics, completion,
// hover, code actions, symbols and the tree view all read the same PlanAnalysis.

import type { Catalog } from './data/catalog';
import { parseDeadline, type DeadlineMeaning } from './data/deadline';
import { forgetPlainData, toPlainData } from './plain-data';
import type { UnitRegistry } from './data/registry';
import { readUnitPhrase, type UnitPart } from './data/unit-phrase';
import { DEFAULT_LIMITS, type Limits } from './config';
import { messagesFor, type Messages } from './messages';
import { buildModel, patchModel, type DeadlineField, type PlanModel, type UnitEntry } from './model';
import { LineIndex, parsePlanText, type ParsedDocument, type SyntaxProblem } from './parse';
import { composeChanges, diffTexts, editLines, reparse, utf8Bytes, type TextChange } from './incremental';
import { directivesOf, isSuppressed } from './suppress';
import { runRules } from './rules';
import { scalarSourceMap, valueRangeInSource } from './scalar-offsets';
import type { Finding, Locale, OffsetRange, SeverityOrOff } from './types';
import { checkLimits } from './limits';

export interface EngineData {
  catalog: Catalog;
  registry: UnitRegistry;
}

export interface AnalysisOptions {
  locale: Locale;
  /** Severity overrides per code (from the config file or editor settings). */
  severities: Record<string, SeverityOrOff>;
  limits: Limits;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { locale: 'vi', severities: {}, limits: DEFAULT_LIMITS };

/**
 * A unit part with its range in document offsets. Parts are shared between cells with the same text;
 * this small fixed-shape wrapper adds the cell's position without copying the part.
 */
export class LocatedUnitPart implements UnitPart {
  private readonly relativeStart: number;
  private readonly relativeEnd: number;

  constructor(
    readonly part: UnitPart,
    /** The cell's scalar: positions are kept relative to it, so they follow when an edit moves it. */
    private readonly node: UnitEntry['node'],
    sourceRange: OffsetRange,
    /** False when the scalar could not be aligned with its source and sourceRange is the whole scalar. */
    readonly exact: boolean,
  ) {
    this.relativeStart = sourceRange.start - node.range![0];
    this.relativeEnd = sourceRange.end - node.range![0];
  }

  get sourceRange(): OffsetRange {
    const base = this.node.range![0];
    return { start: base + this.relativeStart, end: base + this.relativeEnd };
  }
  get kind() {
    return this.part.kind;
  }
  get unitIds() {
    return this.part.unitIds;
  }
  get alias() {
    return this.part.alias;
  }
  get range() {
    return this.part.range;
  }
  get text() {
    return this.part.text;
  }
  get sharedHead() {
    return this.part.sharedHead;
  }
  get qualifier() {
    return this.part.qualifier;
  }
}

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
  private readonly deadlineCache = new Map<DeadlineField, DeadlineMeaning | null>();
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
      // After a small change to a clean version only the changed lines can break a limit.
      const previous = this.predecessor?.analysis;
      const change = previous?.limitCache?.length === 0 ? this.change : undefined;
      if (change && this.changedLinesWithinLimits(change)) this.limitCache = [];
      else {
        this.limitCache = checkLimits(this.text, this.options.limits);
        if (this.limitCache.length === 0) this.byteLength = utf8Bytes(this.text);
      }
    }
    return this.limitCache;
  }

  private byteLength: number | undefined;

  private changedLinesWithinLimits(change: TextChange): boolean {
    const previous = this.predecessor!.analysis;
    if (previous.byteLength === undefined) return false;
    const inserted = this.text.slice(change.start, change.start + change.newLength);
    this.byteLength = previous.byteLength - utf8Bytes(previous.text.slice(change.start, change.end)) + utf8Bytes(inserted);
    const limits = this.options.limits;
    if (this.byteLength > limits.maxFileBytes || /[\u0000\uFFFD]/.test(inserted)) return false;
    const lines = this.lines;
    const from = lines.lineStarts[lines.positionAt(change.start).line];
    const to = lines.lineEnd(lines.positionAt(change.start + change.newLength).line);
    // The changed lines alone, with room left for the depth of the entry they sit in.
    return checkLimits(this.text.slice(from, to), { ...limits, maxDepth: Math.max(1, limits.maxDepth - 16) }).length === 0;
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
   * (parsed, intact) and the offset there. Hover right after a keystroke answers from it instead
   * of parsing a 10,000-task plan; the lines the edit touched always get this version.
   */
  previousView(offset: number): { analysis: PlanAnalysis; offset: number; toCurrent(offset: number): number } | undefined {
    const previous = this.predecessor?.analysis;
    if (this.parsedCache || !previous || previous.retired || !previous.modelCache) return undefined;
    const change = this.change;
    if (!change) return undefined;
    const lines = this.lines;
    const firstLine = lines.positionAt(change.start).line;
    const lastLine = lines.positionAt(change.start + change.newLength).line;
    const line = lines.positionAt(offset).line;
    if (line >= firstLine && line <= lastLine) return undefined;
    const delta = change.newLength - (change.end - change.start);
    const toPrevious = (o: number) => (o < change.start ? o : o - delta);
    const toCurrent = (o: number) => (o < change.start ? o : o + delta);
    return { analysis: previous, offset: toPrevious(offset), toCurrent };
  }

  get planYear(): number | undefined {
    if (!this.modelCache && this.predecessor && !this.predecessor.analysis.retired && this.predecessor.analysis.modelCache) {
      // Completion asks for the year on every keystroke: take it from the previous version when the
      // edit is after the plan header, without parsing this one.
      const previous = this.predecessor.analysis;
      const change = this.change;
      const header = previous.model.header;
      const headerEnd = header?.map?.range?.[2] ?? header?.field.range.end ?? Infinity;
      if (change && header && change.start > headerEnd) return previous.planYear;
    }
    return this.model.header?.year?.value;
  }

  /** The units a lead/support entry names, each with its range in the document. */
  unitParts(entry: UnitEntry): LocatedUnitPart[] {
    let byNode = unitPartCache.get(this.data.registry);
    if (!byNode) unitPartCache.set(this.data.registry, (byNode = new WeakMap()));
    let parts = byNode.get(entry.node);
    if (!parts) {
      const matched = readUnitPhrase(this.data.registry, entry.text);
      const map = matched.length ? scalarSourceMap(this.text, entry.node) : null;
      parts = matched.map((part) => new LocatedUnitPart(part, entry.node, valueRangeInSource(this.text, entry.node, part.range, map), map !== null));
      byNode.set(entry.node, parts);
    }
    return parts;
  }

  /** What a task's deadline means, or null when it is missing or blank. */
  deadline(field: DeadlineField): DeadlineMeaning | null {
    if (!this.deadlineCache.has(field)) {
      this.deadlineCache.set(field, field.text === null ? null : readDeadline(field.text, this.planYear));
    }
    return this.deadlineCache.get(field)!;
  }

  /** The document as plain data (for the schema), or undefined when resolving aliases exceeded the limit. */
  plainData(): { value: unknown } | undefined {
    if (this.plainCache === undefined) {
      try {
        this.plainCache = { value: toPlainData(this.parsed.doc, this.options.limits.maxAliasCount) };
      } catch {
        this.plainCache = null;
      }
    }
    return this.plainCache ?? undefined;
  }

  findings(): Finding[] {
    if (!this.findingsCache) this.findingsCache = this.computeFindings();
    return this.findingsCache;
  }

  private computeFindings(): Finding[] {
    const raw = runRules(this);
    const directives = directivesOf(this.parsed);
    const findings: Finding[] = [];
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
