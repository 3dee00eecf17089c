// Writing an output file without ever leaving half of one or overwriting a file by surprise: the
// bytes go to a temporary file in the same folder, which is then renamed over the target (atomic on
// one file system). An existing target is replaced only when asked (`--force`).

import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type SafeWriteResult = { written: true } | { written: false; reason: 'exists' };

export function writeFileSafely(path: string, contents: string | Uint8Array, options: { force?: boolean } = {}): SafeWriteResult {
  if (!options.force && existsSync(path)) return { written: false, reason: 'exists' };
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, contents);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  return { written: true };
}
