// The Node implementation of the engine's host seam (PlanFiles), and the settings of a plan read
// through it. The CLI and the desktop language server reach files only through this folder.

import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FileReadError, SettingsResolver, type PlanFiles } from '../engine';

export type { HostProblem, ResolvedSettings } from '../engine';

/** A Node file-system error (it carries a string code such as EACCES or EISDIR). */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** True when `target` is `root` or inside it, by path segments, after resolving symbolic links. */
export function isInside(root: string, target: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch (error) {
      if (!isMissing(error)) throw error;
      return resolve(p);
    }
  };
  // Compared by path segments: "/srv/ab" is not inside "/srv/a", "/srv/a/..b" is.
  const rel = relative(real(root), real(target));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export const nodeFiles: PlanFiles = {
  readFile(path) {
    try {
      return readFileSync(path);
    } catch (error) {
      if (isMissing(error)) return undefined;
      if (isFileSystemError(error)) throw new FileReadError(path, error.message, { cause: error });
      throw error;
    }
  },
  isFile(path) {
    try {
      return statSync(path).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  },
  dirname: (path) => dirname(resolve(path)),
  resolve: (base, path) => resolve(base, path),
  isInside,
};

/** The settings of plans on this machine: SettingsResolver over the Node file system. */
export class NodeHost extends SettingsResolver {
  /**
   * @param explicitConfig a config file named on the command line; it applies to every plan.
   * @param workspaceRoots data files named in a config must lie inside one of these (or the config's folder).
   */
  constructor(explicitConfig?: string, workspaceRoots: string[] = []) {
    super(nodeFiles, { explicitConfig, workspaceRoots });
  }
}

export interface PlanFile {
  /** The text without its byte-order mark. */
  text: string;
  /** The file began with a UTF-8 byte-order mark: a rewrite keeps it. */
  bom: boolean;
  /** The bytes as read, for checking that the file did not change before it is rewritten. */
  bytes: Uint8Array;
}

/** Reads a plan file as text. Invalid UTF-8 becomes U+FFFD, which the engine reports with a position. */
export function readPlanFile(path: string): PlanFile | { error: string } {
  try {
    const bytes = readFileSync(path);
    let text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    const bom = text.charCodeAt(0) === 0xfeff;
    if (bom) text = text.slice(1);
    return { text, bom, bytes };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const PLAN_FILE = /\.par\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

/** The plan files named on a command line: files as given, folders searched (hidden and build folders skipped). */
export function collectPlanFiles(paths: string[], cwd: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const full = join(dir, name);
      let stat;
      try {
        stat = statSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) walk(full);
      } else if (PLAN_FILE.test(name)) files.push(full);
    }
  };
  for (const path of paths) {
    const full = resolve(cwd, path);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      missing.push(path);
      continue;
    }
    if (stat.isDirectory()) walk(full);
    else files.push(full);
  }
  return { files: [...new Set(files)], missing };
}

/** The bundled unit files where a unit of this province may be defined: its overlay, then the base. */
export function bundledUnitFiles(provinceId: string | undefined): string[] {
  const dir = [join(__dirname, '..', 'schemas', 'units'), join(__dirname, '..', '..', '..', 'schemas', 'units')].find((d) => nodeFiles.isFile(join(d, 'base.json')));
  if (!dir) return [];
  return [...(provinceId ? [join(dir, `${provinceId}.json`)] : []), join(dir, 'base.json')].filter((f) => nodeFiles.isFile(f));
}
