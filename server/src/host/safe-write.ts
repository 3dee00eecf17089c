// Writing user files without ever losing one: the new content goes to a temporary file in the same
// folder, then replaces the target by a rename (atomic on the same file system). An existing output is
// replaced only when asked; a plan is rewritten only if it is still the file that was read, with its
// byte-order mark kept (line endings are kept by the edits themselves).
// (The issue-10 branch writes the project's shared helper; this one is meant to be unified with it.)

import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class OutputExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
  }
}

export class PlanChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed since it was read`);
  }
}

/** Writes through a temporary file in the target's folder and a rename. */
export function writeFileSafely(path: string, data: string | Uint8Array, options: { overwrite: boolean }): void {
  if (!options.overwrite && existsSync(path)) throw new OutputExistsError(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

export interface PlanOnDisk {
  path: string;
  /** The text without its byte-order mark. */
  text: string;
  bom: boolean;
  bytes: Buffer;
}

export function readPlanOnDisk(path: string): PlanOnDisk {
  const bytes = readFileSync(path);
  // ignoreBOM keeps the mark in the decoded text, so that it is seen here and written back.
  let text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { path, text, bom, bytes };
}

/** Replaces a plan read with readPlanOnDisk by a new text, unless someone changed the file meanwhile. */
export function rewritePlan(plan: PlanOnDisk, text: string): void {
  const now = readFileSync(plan.path);
  if (!now.equals(plan.bytes)) throw new PlanChangedError(plan.path);
  writeFileSafely(plan.path, (plan.bom ? '\ufeff' : '') + text, { overwrite: true });
}
