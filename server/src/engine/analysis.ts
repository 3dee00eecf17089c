// One document version, analysed once. Parse and model are built on construction; unit readings,
// deadline meanings and findings are computed on first use and kept. Diagnostics, completion,
// hover, code actions, symbols and the tree view all read the same PlanAnalysis.

import type { Catalog } from './data/catalog';
import { parseDeadline, type DeadlineMeaning } from './data/deadline';
import { toPlainData } from './plain-data';
import type { UnitRegistry } from './data/registry';
import { readUnitPhrase, type UnitPart } from './data/unit-phrase';
import { DEFAULT_LIMITS, type Limits } from './config';
import { messagesFor, type Messages } from './messages';
import { buildModel, type DeadlineField, type PlanModel, type UnitEntry } from './model';
import { LineIndex, parsePlanText, type ParsedDocument, type SyntaxProblem } from './parse';
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
  constructor(
    readonly part: UnitPart,
    readonly sourceRange: OffsetRange,
    /** False when the scalar could not be aligned with its source and sourceRange is the whole scalar. */
    readonly exact: boolean,
  ) {}
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

export class PlanAnalysis {
  readonly parsed: ParsedDocument;
  readonly model: PlanModel;
  readonly messages: Messages;
  /** Problems found before parsing (size, binary content); when present the text was not parsed. */
  readonly limitProblems: SyntaxProblem[];
  private readonly unitCache = new Map<UnitEntry['node'], LocatedUnitPart[]>();
  private readonly deadlineCache = new Map<DeadlineField, DeadlineMeaning | null>();
  private findingsCache: Finding[] | undefined;
  private plainCache: { value: unknown } | null | undefined;

  constructor(
    readonly text: string,
    readonly data: EngineData,
    readonly options: AnalysisOptions = DEFAULT_OPTIONS,
  ) {
    this.messages = messagesFor(options.locale);
    this.limitProblems = checkLimits(text, options.limits);
    this.parsed = this.limitProblems.length
      ? { ...parsePlanText(''), text, lines: LineIndex.of(text) }
      : parsePlanText(text);
    this.model = buildModel(this.parsed);
  }

  get planYear(): number | undefined {
    return this.model.header?.year?.value;
  }

  /** The units a lead/support entry names, each with its range in the document. */
  unitParts(entry: UnitEntry): LocatedUnitPart[] {
    let parts = this.unitCache.get(entry.node);
    if (!parts) {
      const matched = readUnitPhrase(this.data.registry, entry.text);
      const map = matched.length ? scalarSourceMap(this.text, entry.node) : null;
      parts = matched.map((part) => new LocatedUnitPart(part, valueRangeInSource(this.text, entry.node, part.range, map), map !== null));
      this.unitCache.set(entry.node, parts);
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
      const severity = this.options.severities[finding.code] ?? finding.severity;
      if (severity === 'off') continue;
      if (isSuppressed(directives, this.parsed.lines, finding)) continue;
      findings.push(severity === finding.severity ? finding : { ...finding, severity });
    }
    return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
  }
}
