// The one place the CLI and the language server touch the file system: finding the config file,
// reading catalog and registry files (never outside the workspace), and reading plan files.

import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  CONFIG_FILE_NAME,
  RULE_CODES,
  buildCatalog,
  bundledCatalog,
  bundledUnits,
  unitIdsOf,
  withOverlay,
  checkCatalogFile,
  checkRegistryFile,
  defaultConfig,
  readConfig,
  type Catalog,
  type CatalogFile,
  type EngineData,
  type PlanConfig,
  type RegistryFile,
  type UnitData,
} from '../engine';

export interface HostProblem {
  /** The file the problem is about (config, catalog or registry). */
  file: string;
  message: string;
}

export interface ResolvedSettings {
  config: PlanConfig;
  configPath?: string;
  data: EngineData;
  /** The registry file in use; unset when it is the bundled registry. */
  registryFile?: string;
  problems: HostProblem[];
}

/** True when `target` is `root` or inside it, after resolving symbolic links. */
export function isInside(root: string, target: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const rel = relative(real(root), real(target));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

function readJson(path: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export class NodeHost {
  private readonly configCache = new Map<string, string | undefined>();
  private readonly catalogCache = new Map<string, Catalog | HostProblem[]>();
  private readonly registryCache = new Map<string, UnitData | HostProblem[]>();

  /**
   * @param explicitConfig a config file named on the command line; it applies to every plan.
   * @param workspaceRoots data files named in a config must lie inside one of these (or the config's folder).
   */
  constructor(
    private readonly explicitConfig?: string,
    private readonly workspaceRoots: string[] = [],
  ) {}

  /** Nearest `.par-plan.json` from the plan's folder upwards. */
  findConfig(planPath: string): string | undefined {
    if (this.explicitConfig) return resolve(this.explicitConfig);
    let dir = dirname(resolve(planPath));
    const visited: string[] = [];
    let found: string | undefined;
    for (;;) {
      if (this.configCache.has(dir)) {
        found = this.configCache.get(dir);
        break;
      }
      visited.push(dir);
      const candidate = join(dir, CONFIG_FILE_NAME);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const v of visited) this.configCache.set(v, found);
    return found;
  }

  settingsFor(planPath: string): ResolvedSettings {
    const configPath = this.findConfig(planPath);
    const problems: HostProblem[] = [];
    let config = defaultConfig();
    if (configPath) {
      const json = readJson(configPath);
      if (json.error) problems.push({ file: configPath, message: json.error });
      else {
        const read = readConfig(json.value, RULE_CODES);
        config = read.config;
        for (const p of read.problems) problems.push({ file: configPath, message: `${p.path || '(root)'}: ${p.message}` });
      }
    }
    const base = configPath ? dirname(configPath) : dirname(resolve(planPath));
    const catalog = config.catalog ? this.loadCatalog(base, config.catalog, problems) : bundledCatalog();
    const registry = config.registry ? this.loadRegistry(base, config.registry, problems) : { units: bundledUnits() };
    return { config, configPath, data: { catalog, units: registry.units }, registryFile: registry.file, problems };
  }

  /** Resolves a data file path from a config; refuses paths that leave the workspace. */
  private dataPath(base: string, path: string, problems: HostProblem[], label: string): string | undefined {
    const full = resolve(base, path);
    const roots = [base, ...this.workspaceRoots];
    if (!roots.some((root) => isInside(root, full))) {
      problems.push({ file: full, message: `${label} file is outside the workspace; using the bundled ${label}` });
      return undefined;
    }
    if (!existsSync(full) || !statSync(full).isFile()) {
      problems.push({ file: full, message: `${label} file not found; using the bundled ${label}` });
      return undefined;
    }
    return full;
  }

  /** A catalog file named in a config or an editor setting; problems are reported and the bundled one used. */
  loadCatalog(base: string, path: string, problems: HostProblem[]): Catalog {
    const full = this.dataPath(base, path, problems, 'catalog');
    if (!full) return bundledCatalog();
    if (!this.catalogCache.has(full)) {
      const json = readJson(full);
      const fileProblems = json.error ? [{ path: '', message: json.error }] : checkCatalogFile(json.value);
      this.catalogCache.set(
        full,
        fileProblems.length ? fileProblems.map((p) => ({ file: full, message: `${p.path || '(root)'}: ${p.message}` })) : buildCatalog(json.value as CatalogFile),
      );
    }
    const cached = this.catalogCache.get(full)!;
    if (Array.isArray(cached)) {
      problems.push(...cached, { file: full, message: 'using the bundled catalog' });
      return bundledCatalog();
    }
    return cached;
  }

  /**
   * A unit registry file named in a config or an editor setting: an overlay that extends the bundled
   * units (schemas/par-units.schema.json). Problems are reported and the bundled units used alone.
   * `file` is the overlay in use; unset when none is.
   */
  loadRegistry(base: string, path: string, problems: HostProblem[]): { units: UnitData; file?: string } {
    const full = this.dataPath(base, path, problems, 'registry');
    if (!full) return { units: bundledUnits() };
    if (!this.registryCache.has(full)) {
      const json = readJson(full);
      const bundled = bundledUnits();
      const fileProblems = json.error ? [{ path: '', message: json.error }] : checkRegistryFile(json.value, unitIdsOf(bundled));
      this.registryCache.set(
        full,
        fileProblems.length
          ? fileProblems.map((p) => ({ file: full, message: `${p.path || '(root)'}: ${p.message}` }))
          : withOverlay(bundled, { file: json.value as RegistryFile, label: full, user: true }),
      );
    }
    const cached = this.registryCache.get(full)!;
    if (Array.isArray(cached)) {
      problems.push(...cached, { file: full, message: 'using the bundled registry' });
      return { units: bundledUnits() };
    }
    return { units: cached, file: full };
  }
}

/** Reads a plan file as text. Invalid UTF-8 becomes U+FFFD, which the engine reports with a position. */
export function readPlanFile(path: string): { text: string } | { error: string } {
  try {
    const bytes = readFileSync(path);
    let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
