// Writing a file the user will keep without ever losing one: the new content goes to a temporary
// file in the same folder, then a rename puts it in place (never half a file), and an existing file
// is replaced only when the caller says so (--force). A small local helper; see the report of issue 9.

import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** 'exists' when the file is there and `force` is not set: nothing is written. I/O errors are thrown. */
export function writeFileAtomically(path: string, data: string | Uint8Array, { force = false }: { force?: boolean } = {}): 'written' | 'exists' {
  if (!force && existsSync(path)) return 'exists';
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone, or never written
    }
    throw error;
  }
  return 'written';
}
