// The one way the CLI writes a user's file: the bytes go to a temporary file in the same folder, are
// flushed to disk, then take the target's name in one step. A crash, a full disk or a kill before
// that leaves the original as it was. Without `force` an existing file is never replaced, even one
// created meanwhile: the temporary file is linked to the name (link fails when the name exists).

import { closeSync, existsSync, fsyncSync, fchmodSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { faultPoint } from '../engine';

/** The target exists and overwriting was not asked for (`--force`). Nothing was written. */
export class OutputExists extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'OutputExists';
  }
}

/** The target changed on disk since it was read (an editor saved it meanwhile). Nothing was written. */
export class ChangedOnDiskError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed on disk since it was read`);
    this.name = 'ChangedOnDiskError';
  }
}

export interface SafeWriteOptions {
  /** Replace an existing file. Without it an existing target is refused (OutputExists). */
  force?: boolean;
  /** The bytes the target must still hold just before the rename (for rewriting a file in place). */
  expected?: Uint8Array;
}

/** An error of the file system (it has a code such as ENOSPC or EACCES), as opposed to a bug. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or never created: nothing to clean up
  }
}

/** The file's bytes now; empty when it is gone (which differs from any expected content but empty). */
function currentBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Uint8Array(0);
    throw error;
  }
}

/** The mode of an existing file (kept by the new one), or undefined when there is none. */
function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes `data` to `path` through a temporary sibling and a rename. On any failure the temporary file
 * is removed, the target is untouched and the error is thrown (OutputExists, ChangedOnDiskError,
 * or the file system's own).
 */
export function writeFileSafely(path: string, data: string | Uint8Array, options: SafeWriteOptions = {}): void {
  const mode = existingMode(path);
  if (mode !== undefined && !options.force) throw new OutputExists(path);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  // 'wx': never follow or reuse an existing file at the temporary name.
  const fd = openSync(temp, 'wx', mode ?? 0o666);
  try {
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      // The umask applies to openSync's mode: set the original file's mode exactly.
      if (mode !== undefined) fchmodSync(fd, mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    faultPoint('write');
    if (options.expected && !sameBytes(currentBytes(path), options.expected)) throw new ChangedOnDiskError(path);
    if (!options.force) {
      // A hard link fails if the target appeared meanwhile: no race between the check and the rename.
      try {
        linkSync(temp, path);
        removeQuietly(temp);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new OutputExists(path);
        // A file system without hard links (FAT, some network shares): check, then rename.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
        if (existsSync(path)) throw new OutputExists(path);
      }
    }
    renameSync(temp, path);
  } catch (error) {
    removeQuietly(temp);
    throw error;
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
 * kept by the edits themselves), unless someone changed the file meanwhile (ChangedOnDiskError).
 */
export function rewritePlan(plan: PlanOnDisk, text: string): void {
  writeFileSafely(plan.path, (plan.bom ? '\ufeff' : '') + text, { force: true, expected: plan.bytes });
}
