// The one seam between the engine and the machine it runs on. The engine never touches files: a
// host gives it this. The Node implementation (host/node-host.ts) serves the CLI and the desktop
// server; a web build implements it over the editor's file system.

/** A file that is there but cannot be read (a folder, permissions, a device error): the host's reason. */
export class FileReadError extends Error {
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FileReadError';
  }
}

/** Read access to the files a plan is checked with (`.par-plan.json`, catalog and registry files). */
export interface PlanFiles {
  /**
   * The file's bytes, or undefined when nothing is there. A file that cannot be read throws
   * FileReadError, which the caller reports with the path; anything else thrown is a bug.
   */
  readFile(path: string): Uint8Array | undefined;
  /** True when a file (not a folder) is there. */
  isFile(path: string): boolean;
  /** The folder holding `path`. */
  dirname(path: string): string;
  /** `path` (absolute or relative) resolved against the folder `base`. */
  resolve(base: string, path: string): string;
  /** True when `target` is `root` or inside it, by path segments, after following links. */
  isInside(root: string, target: string): boolean;
}
