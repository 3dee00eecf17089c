// Builds once before any test file runs (vitest `globalSetup`). Test files run in parallel: when each
// built for itself, one rewrote dist/*.js and the schema validator while another spawned or imported them.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function setup(): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/build.mjs failed (${built.status ?? built.signal}):\n${built.stderr}${built.stdout}`);
}
