// Activation cost of packaged extensions in code-server: for each .vsix given, a fresh code-server
// and browser, then the time from opening the sample to its five gaps in the Problems panel (the
// extension activates on opening a plan, starts its server and checks). Rounds alternate between
// the packages so that a noisy shared machine weighs on each alike. Prints a table; asserts nothing.
//
//   node bench/activation.mjs before.vsix after.vsix [rounds=3]

import { cpSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { REPO_ROOT, quickOpen, removeOnExit, waitForProblemCounts, withWorkbench } from '../test/e2e/harness.mjs';

const args = process.argv.slice(2);
const rounds = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 3;
if (!args.length) {
  console.error('usage: node bench/activation.mjs a.vsix [b.vsix ...] [rounds]');
  process.exit(2);
}
const times = new Map(args.map((v) => [v, []]));
for (let round = 0; round < rounds; round++) {
  for (const vsix of args) {
    const workspace = mkdtempSync(join(tmpdir(), 'par-bench-ws-'));
    removeOnExit(workspace);
    cpSync(join(REPO_ROOT, 'samples'), join(workspace, 'samples'), { recursive: true });
    await withWorkbench({ workspaceDir: workspace, vsixPath: vsix, language: 'vi' }, async ({ page }) => {
      const t0 = performance.now();
      await quickOpen(page, 'ha-tinh-2023.par.yaml');
      await waitForProblemCounts(page, { errors: 0, warnings: 5 });
      times.get(vsix).push(performance.now() - t0);
    });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`| package | size | open sample → five gaps shown, median of ${rounds} (all) |`);
console.log('|---|---|---|');
for (const [vsix, xs] of times) {
  console.log(`| ${basename(vsix)} | ${(statSync(vsix).size / 1024).toFixed(0)} KB | ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')}) |`);
}
