// Which configuration, catalog and unit registry a plan is checked with: the nearest `.par-plan.json`
// above it (or one named on the command line), and the data files it names, which must stay inside
// the workspace. Pure: every file is read through PlanFiles; the results are kept per file.

import { CONFIG_FILE_NAME, defaultConfig, readConfig, type PlanConfig } from './config';
import { buildCatalog, checkCatalogFile, type Catalog, type CatalogFile } from './data/catalog';
import { checkRegistryFile, type RegistryFile } from './data/registry';
import { bundledCatalog, bundledUnits } from './data/bundled';
import { unitIdsOf, withOverlay, type UnitData } from './data/unit-data';
import type { EngineData, ResultsLoad, ResultsResolver } from './analysis';
import { readResultsText } from './data/results';
import { FileReadError, type PlanFiles } from './host';
import { RULE_CODES } from './rules';

export interface HostProblem {
  /** The file the problem is about (config, catalog or registry). */
  file: string;
  message: string;
}

export interface ResolvedSettings {
  config: PlanConfig;
  configPath?: string;
  data: EngineData;
  /** The user's registry overlay in use; unset when there is none. */
  registryFile?: string;
  problems: HostProblem[];
}

export interface SettingsScope {
  /** A config file named on the command line; it applies to every plan. */
  explicitConfig?: string;
  /** Data files named in a config must lie inside one of these (or the config's own folder). */
  workspaceRoots?: readonly string[];
}

type Loaded<T> = { value: T } | { problems: HostProblem[] };

export interface ResultsOptions {
  /** A results file named on the command line (`--results`): it wins over the plan's `plan.results`. */
  explicit?: string;
  /** The folder `explicit` is relative to. */
  cwd?: string;
}

type ResultsState = Omit<ResultsLoad, 'file'>;

export class SettingsResolver {
  private readonly configCache = new Map<string, string | undefined>();
  private readonly catalogCache = new Map<string, Loaded<Catalog>>();
  private readonly registryCache = new Map<string, Loaded<UnitData>>();
  private readonly resultsCache = new Map<string, { text: string; state: ResultsState }>();
  private readonly workspaceRoots: readonly string[];

  constructor(
    private readonly files: PlanFiles,
    private readonly scope: SettingsScope = {},
  ) {
    this.workspaceRoots = scope.workspaceRoots ?? [];
  }

  /** Nearest `.par-plan.json` from the plan's folder upwards. */
  findConfig(planPath: string): string | undefined {
    if (this.scope.explicitConfig) return this.files.resolve('.', this.scope.explicitConfig);
    let dir = this.files.dirname(planPath);
    const visited: string[] = [];
    let found: string | undefined;
    for (;;) {
      if (this.configCache.has(dir)) {
        found = this.configCache.get(dir);
        break;
      }
      visited.push(dir);
      const candidate = this.files.resolve(dir, CONFIG_FILE_NAME);
      if (this.files.isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = this.files.dirname(dir);
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
      const json = this.readJson(configPath, problems);
      if (json === undefined) problems.push({ file: configPath, message: 'not found' });
      else if ('value' in json) {
        const read = readConfig(json.value, RULE_CODES);
        config = read.config;
        for (const p of read.problems) problems.push({ file: configPath, message: `${p.path || '(root)'}: ${p.message}` });
      }
    }
    const base = configPath ? this.files.dirname(configPath) : this.files.dirname(planPath);
    const catalog = config.catalog ? this.loadCatalog(base, config.catalog, problems) : bundledCatalog();
    const registry = config.registry ? this.loadRegistry(base, config.registry, problems) : { units: bundledUnits() };
    return { config, configPath, data: { catalog, units: registry.units }, registryFile: registry.file, problems };
  }

  /** A catalog file named in a config or an editor setting; problems are reported and the bundled one used. */
  loadCatalog(base: string, path: string, problems: HostProblem[]): Catalog {
    const loaded = this.load(base, path, 'catalog', problems, this.catalogCache, (value) => {
      const found = checkCatalogFile(value);
      return found.length ? found : buildCatalog(value as CatalogFile);
    });
    return loaded?.value ?? bundledCatalog();
  }

  /**
   * A unit registry file named in a config or an editor setting: an overlay that extends the bundled
   * units (schemas/par-units.schema.json). Problems are reported and the bundled units used alone.
   * `file` is the overlay in use; unset when none is.
   */
  loadRegistry(base: string, path: string, problems: HostProblem[]): { units: UnitData; file?: string } {
    const bundled = bundledUnits();
    const loaded = this.load(base, path, 'registry', problems, this.registryCache, (value) => {
      const found = checkRegistryFile(value, unitIdsOf(bundled));
      return found.length ? found : withOverlay(bundled, { file: value as RegistryFile, label: overlayLabel(path), user: true });
    });
    return loaded ? { units: loaded.value, file: loaded.file } : { units: bundled };
  }

  /**
   * The results of the plan at `planPath`: the resolver its analysis calls with the plan's
   * `plan.results` (relative to the plan, refused outside the workspace), or `--results` for every plan.
   */
  resultsFor(planPath: string, options: ResultsOptions = {}): ResultsResolver {
    const explicit = options.explicit;
    if (explicit !== undefined) {
      const state = this.loadResults(this.files.resolve(options.cwd ?? '.', explicit));
      return () => ({ file: explicit, ...state });
    }
    return (named) => (named === undefined ? undefined : { file: named, ...this.resultsNamedBy(planPath, named) });
  }

  private resultsNamedBy(planPath: string, named: string): ResultsState {
    const dir = this.files.dirname(planPath);
    const full = this.files.resolve(dir, named);
    if (![dir, ...this.workspaceRoots].some((root) => this.files.isInside(root, full))) {
      return { problem: { vi: 'tệp nằm ngoài thư mục làm việc.', en: 'the file is outside the workspace.' } };
    }
    return this.loadResults(full);
  }

  /** A results file, read each time it is asked for (an edited file is seen) and parsed once per text. */
  private loadResults(full: string): ResultsState {
    const readProblems: HostProblem[] = [];
    const text = this.files.isFile(full) ? this.readText(full, readProblems) : undefined;
    if (text === undefined) return { problem: { vi: 'không tìm thấy tệp.', en: 'file not found.' } };
    if (readProblems.length) return { problem: { vi: readProblems[0].message, en: readProblems[0].message } };
    const cached = this.resultsCache.get(full);
    if (cached?.text === text) return cached.state;
    const { results, problems } = readResultsText(text);
    const first = problems[0];
    const more = problems.length - 1;
    const state: ResultsState = first
      ? {
          problem: {
            vi: `${first.line ? `dòng ${first.line}: ` : ''}${first.message.vi}${more ? ` (và ${more} lỗi khác)` : ''}`,
            en: `${first.line ? `line ${first.line}: ` : ''}${first.message.en}${more ? ` (and ${more} more)` : ''}`,
          },
        }
      : { results };
    this.resultsCache.set(full, { text, state });
    return state;
  }

  /** The folder a setting's relative path is taken from: the workspace folder holding the plan, else its folder. */
  settingsBase(planPath: string): string {
    return this.workspaceRoots.find((root) => this.files.isInside(root, planPath)) ?? this.files.dirname(planPath);
  }

  private load<T>(
    base: string,
    path: string,
    label: 'catalog' | 'registry',
    problems: HostProblem[],
    cache: Map<string, Loaded<T>>,
    build: (value: unknown) => T | { path: string; message: string }[],
  ): { value: T; file: string } | undefined {
    const full = this.files.resolve(base, path);
    if (![base, ...this.workspaceRoots].some((root) => this.files.isInside(root, full))) {
      problems.push({ file: full, message: `${label} file is outside the workspace; using the bundled ${label}` });
      return undefined;
    }
    let loaded = cache.get(full);
    if (!loaded) {
      const fileProblems: HostProblem[] = [];
      const json = this.readJson(full, fileProblems);
      if (json === undefined) {
        // Not cached: the file may appear later (a watched-files event refreshes the settings).
        problems.push({ file: full, message: `${label} file not found; using the bundled ${label}` });
        return undefined;
      }
      if ('value' in json) {
        const built = build(json.value);
        if (Array.isArray(built)) for (const p of built) fileProblems.push({ file: full, message: `${p.path || '(root)'}: ${p.message}` });
        else loaded = { value: built };
      }
      loaded ??= { problems: fileProblems };
      cache.set(full, loaded);
    }
    if ('problems' in loaded) {
      problems.push(...loaded.problems, { file: full, message: `using the bundled ${label}` });
      return undefined;
    }
    return { value: loaded.value, file: full };
  }

  /** The text of a file; undefined when absent. A read failure is reported as a problem of that file. */
  private readText(path: string, problems: HostProblem[]): string | undefined {
    let bytes: Uint8Array | undefined;
    try {
      bytes = this.files.readFile(path);
    } catch (error) {
      // A file that is there but cannot be read is a problem of that file; any other error is a bug.
      if (!(error instanceof FileReadError)) throw error;
      problems.push({ file: path, message: error.message });
      return '';
    }
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  }

  /** undefined when the file is absent; `{}` when a problem was reported; else the parsed value. */
  private readJson(path: string, problems: HostProblem[]): { value: unknown } | Record<string, never> | undefined {
    const before = problems.length;
    const text = this.readText(path, problems);
    if (text === undefined) return undefined;
    if (problems.length > before) return {};
    try {
      return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      problems.push({ file: path, message: error.message });
      return {};
    }
  }
}

/** How messages name a user's overlay: its file name, as the config writes it. */
function overlayLabel(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
