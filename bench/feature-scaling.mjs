// `npm run bench:features`: how long hover and completion take on a plan of 100 tasks and on one of
// 10,000 (after the first call), and the ratio. A walk over the whole plan would make the ratio about
// 100; answering from the lines around the cursor keeps it near 1. Prints numbers, asserts nothing
// (test/engine/completion.test.ts checks, without a clock, that completion reads the same few lines).
//
//   node bench/feature-scaling.mjs [--rounds 200]

import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--rounds');
const rounds = at === -1 ? 200 : Number(process.argv[at + 1]);

const entry = `
import { bigPlan, completionCursors, hoverOffsets } from './test/support/big-plan';
import { analyze } from './test/support/engine';
import { completionsAt } from './server/src/engine/features/completion';
import { hoverAt } from './server/src/engine/features/hover';
export { bigPlan, completionCursors, hoverOffsets, analyze, completionsAt, hoverAt };
`;
const dir = mkdtempSync(join(tmpdir(), 'par-bench-features-'));
try {
  const outfile = join(dir, 'features.cjs');
  await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  const { bigPlan, completionCursors, hoverOffsets, analyze, completionsAt, hoverAt } = createRequire(import.meta.url)(outfile);

  /** The fastest of five rounds of `n` calls, after a warm-up round. */
  const best = (fn, n) => {
    for (let i = 0; i < n; i++) fn();
    let fastest = Infinity;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) fn();
      fastest = Math.min(fastest, performance.now() - t0);
    }
    return fastest / n;
  };
  const measure = (tasks) => {
    const analysis = analyze(bigPlan(tasks));
    const hovers = hoverOffsets(analysis.text);
    const cursors = completionCursors(analysis.text);
    return {
      hover: best(() => hovers.forEach((h) => hoverAt(analysis, h)), rounds) / hovers.length,
      completion: best(() => cursors.forEach((c) => completionsAt(analysis, c)), Math.max(1, rounds / 4)) / cursors.length,
    };
  };
  const small = measure(100);
  const large = measure(10_000);
  const row = (name, a, b) => `${name.padEnd(11)} ${a.toFixed(3).padStart(9)} ms ${b.toFixed(3).padStart(12)} ms ${(b / a).toFixed(2).padStart(7)}`;
  console.log(`per request, fastest of 5 rounds after a warm-up (${rounds} rounds)\n${'request'.padEnd(11)} ${'100 tasks'.padStart(12)} ${'10,000 tasks'.padStart(15)} ${'ratio'.padStart(7)}`);
  console.log(row('hover', small.hover, large.hover));
  console.log(row('completion', small.completion, large.completion));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
