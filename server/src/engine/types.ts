// Plain data types shared by every part of the engine. No behaviour lives here.

/** Half-open range of UTF-16 offsets into one document version: [start, end). */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface LineColRange {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export type Locale = 'vi' | 'en';

/** A text replacement on one document version. Offsets refer to the text before any edit. */
export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export interface Fix {
  /** Short imperative title shown in the editor's light-bulb menu, localized. */
  title: string;
  edits: TextEdit[];
  /**
   * Safe fixes keep the meaning of the plan and can be applied without a human
   * (`par-plan check --fix`, source.fixAll). Unsafe ones (a did-you-mean guess) need a click.
   */
  safe: boolean;
  /** Marks the one fix an editor should offer first. */
  preferred?: boolean;
}

export interface RelatedLocation {
  range: OffsetRange;
  message: string;
}

export interface Finding {
  /** Stable code, e.g. `par/missing-lead`. */
  code: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

/** A calendar day as written in ISO form, `YYYY-MM-DD`. Plans care about days, never times. */
export type IsoDate = string;
