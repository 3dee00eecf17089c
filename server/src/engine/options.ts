// What an analysis is given: the data (catalog, unit registry) and the options (locale, severities,
// limits). Apart from analysis.ts so that rules and hosts can name them without the analysis.

import type { Catalog } from './data/catalog';
import type { UnitData } from './data/unit-data';
import { DEFAULT_LIMITS, type Limits } from './config';
import type { Locale, SeverityOrOff } from './types';

export interface EngineData {
  catalog: Catalog;
  /** Units of every province; the plan's issuer selects its registry (`PlanAnalysis.registry`). */
  units: UnitData;
}

export interface AnalysisOptions {
  locale: Locale;
  /** Severity overrides per code (from the config file or editor settings). */
  severities: Record<string, SeverityOrOff>;
  limits: Limits;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { locale: 'vi', severities: {}, limits: DEFAULT_LIMITS };
