// The texts the fuzzers edit, read from the repository: the sample and the rule and fix fixtures.
// Shared by test/reliability/fuzz.test.ts and scripts/fuzz.mjs.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Source } from './harness';

export function readSample(root: string): string {
  return readFileSync(join(root, 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
}

export function fixtureSources(root: string): Source[] {
  const rules = join(root, 'test', 'fixtures', 'rules');
  const fixes = join(root, 'test', 'fixtures', 'fixes');
  return [
    ...readdirSync(rules).filter((f) => f.endsWith('.par.yaml')).sort().map((f) => ({ name: `rules/${f}`, text: readFileSync(join(rules, f), 'utf8') })),
    ...readdirSync(fixes).filter((f) => f.endsWith('.before.par.yaml')).sort().map((f) => ({ name: `fixes/${f}`, text: readFileSync(join(fixes, f), 'utf8') })),
  ];
}
