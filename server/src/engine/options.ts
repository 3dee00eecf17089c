// What an analysis is given: the data (catalog, unit registry) and the options (locale, severities,
// limits). Apart from analysis.ts so that rules and hosts can name them without the analysis.

import type { Catalog } from './data/catalog';
import type { UnitRegistry } from './data/registry';
import { DEFAULT_LIMITS, type Limits } from './config';
import type { IsoDate, Locale, SeverityOrOff } from './types';

export interface EngineData {
  catalog: Catalog;
  registry: UnitRegistry;
}

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
