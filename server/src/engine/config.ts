// The one configuration file that the CLI and the editor both read: `.par-plan.json`, found by walking
// up from the plan file. Parsing and checking it is pure; finding and reading it is the host's job.

import type { Locale, SeverityOrOff } from './types';

export const CONFIG_FILE_NAME = '.par-plan.json';

export interface Limits {
  /** Files larger than this are not parsed. */
  maxFileBytes: number;
  /** Nesting depth of collections. */
  maxDepth: number;
  /** Length of one line, in characters. */
  maxLineLength: number;
  /** Aliases resolved when a document is turned into data. */
  maxAliasCount: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxDepth: 64,
  maxLineLength: 100_000,
  maxAliasCount: 100,
};

export interface PlanConfig {
  locale?: Locale;
  /** Severity per finding code, or "off". */
  rules: Record<string, SeverityOrOff>;
  /** Path of a criteria catalog file, relative to the config file. */
  catalog?: string;
  /** Path of a unit registry file, relative to the config file. */
  registry?: string;
  limits: Limits;
  /** par/due-soon looks this many days ahead of the as-of day. */
  dueSoonDays?: number;
}

export interface ConfigProblem {
  path: string;
  message: string;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export function defaultConfig(): PlanConfig {
  return { rules: {}, limits: { ...DEFAULT_LIMITS } };
}

/**
 * Reads a parsed config object. Unknown or wrong entries are reported and ignored, never fatal:
 * a typo in the config must not stop the checker.
 */
export function readConfig(data: unknown, knownCodes: ReadonlySet<string>): { config: PlanConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { config, problems: [{ path: '', message: 'the config must be a JSON object' }] };
  }
  const raw = data as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!['$schema', 'locale', 'rules', 'catalog', 'registry', 'limits', 'dueSoonDays'].includes(key)) {
      problems.push({ path: key, message: 'unknown setting' });
    }
  }
  if (raw.locale !== undefined) {
    if (raw.locale === 'vi' || raw.locale === 'en') config.locale = raw.locale;
    else problems.push({ path: 'locale', message: 'must be "vi" or "en"' });
  }
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) {
      problems.push({ path: 'rules', message: 'must be an object of code: severity' });
    } else {
      for (const [code, severity] of Object.entries(raw.rules)) {
        if (!knownCodes.has(code)) problems.push({ path: `rules.${code}`, message: 'unknown finding code' });
        else if (code === 'par/syntax') problems.push({ path: `rules.${code}`, message: 'cannot be changed: while the YAML is broken no other check runs' });
        else if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
          problems.push({ path: `rules.${code}`, message: 'must be error, warning, info, hint or off' });
        } else config.rules[code] = severity as SeverityOrOff;
      }
    }
  }
  for (const key of ['catalog', 'registry'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] === 'string' && raw[key]) config[key] = raw[key] as string;
    else problems.push({ path: key, message: 'must be a file path' });
  }
  if (raw.dueSoonDays !== undefined) {
    const days = raw.dueSoonDays;
    if (typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 366) config.dueSoonDays = days;
    else problems.push({ path: 'dueSoonDays', message: 'must be a whole number of days from 0 to 366' });
  }
  if (raw.limits !== undefined) {
    if (typeof raw.limits !== 'object' || raw.limits === null) problems.push({ path: 'limits', message: 'must be an object' });
    else {
      for (const [key, value] of Object.entries(raw.limits)) {
        if (!(key in DEFAULT_LIMITS)) problems.push({ path: `limits.${key}`, message: 'unknown limit' });
        else if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
          problems.push({ path: `limits.${key}`, message: 'must be a positive integer' });
        } else config.limits[key as keyof Limits] = value;
      }
    }
  }
  return { config, problems };
}
