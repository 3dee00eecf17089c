// What an analysis is given: the data (catalog, unit registry) and the options (locale, severities,
// limits). Apart from analysis.ts so that rules and hosts can name them without the analysis.

import type { Catalog } from './data/catalog';
import type { UnitData } from './data/unit-data';
import type { PlanResults } from './data/results';
import { DEFAULT_LIMITS, type Limits } from './config';
import type { IsoDate, Locale, SeverityOrOff } from './types';

export interface EngineData {
  catalog: Catalog;
  /** Units of every province; the plan's issuer selects its registry (`PlanAnalysis.registry`). */
  units: UnitData;
  /**
   * The results of the index year for a plan: called with the plan's `plan.results` value (undefined
   * when it names none). The host reads the file; with `--results` it answers whatever the plan says.
   */
  results?: ResultsResolver;
}

/** The results a plan is checked against, or why they could not be read. */
export interface ResultsLoad {
  /** The file as the user named it. */
  file: string;
  results?: PlanResults;
  /** Why the file cannot be used (not found, outside the workspace, a bad line), per locale. */
  problem?: Record<Locale, string>;
}

export type ResultsResolver = (named: string | undefined) => ResultsLoad | undefined;

export interface AnalysisOptions {
  locale: Locale;
  /** Severity overrides per code (from the config file or editor settings). */
  severities: Record<string, SeverityOrOff>;
  limits: Limits;
  /**
   * The day the follow-up rules judge lateness on (par/overdue, par/due-soon), given by the host:
   * today, or a past day to review a quarter. Unset: those rules do not run.
   */
  asOf?: IsoDate;
  /** par/due-soon warns this many days ahead (default 14). */
  dueSoonDays?: number;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { locale: 'vi', severities: {}, limits: DEFAULT_LIMITS };
