// Writing an output file without ever losing a user's file: the bytes go to a temporary file in the
// same folder, which then takes the output's name in one step. Without `force` an existing file is
// never replaced, even one created meanwhile: the temporary file is linked to the name (link fails
// when the name exists), never renamed over it.

import { existsSync, linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class OutputExists extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/** Writes `path` atomically; throws OutputExists when it exists and `force` is not set. */
export function writeFileSafely(path: string, data: string | Uint8Array, options: { force?: boolean } = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(temp, data, { flag: 'wx' });
  try {
    if (options.force) renameSync(temp, path);
    else {
      try {
        linkSync(temp, path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new OutputExists(path);
        // A file system without hard links (FAT, some network shares): check, then rename.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
        if (existsSync(path)) throw new OutputExists(path);
        renameSync(temp, path);
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

export class PlanChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed since it was read`);
  }
}

/** A plan as read from disk, to be rewritten by `rewritePlan`. */
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

/**
 * Replaces a plan read with readPlanOnDisk by a new text, with its byte-order mark (line breaks are
 * kept by the edits themselves), unless someone changed the file meanwhile.
 */
export function rewritePlan(plan: PlanOnDisk, text: string): void {
  if (!readFileSync(plan.path).equals(plan.bytes)) throw new PlanChangedError(plan.path);
  writeFileSafely(plan.path, (plan.bom ? '\ufeff' : '') + text, { force: true });
}
