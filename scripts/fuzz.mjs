// The long fuzzing run, for before a release: `npm run fuzz` (100,000 cases by default).
// The same harness as test/reliability/fuzz.test.ts (random edits of the sample, generated plans and
// fixtures, every server feature on each text, every range checked, no request over 1 s), bundled
// with esbuild and run on one worker thread per core, each with its own fast-check seed. Large
// generated plans (1,000 and 2,000 tasks) come once in --large-every cases.
//
//   node scripts/fuzz.mjs [--runs 100000] [--seed S] [--workers N] [--large-every 1000]
//
// Prints the cases run, failures (with the seed and fast-check path to replay them), the worst time
// of each request kind; exits 1 on any failure.

import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value)) {
    console.error(`fuzz: --${name} needs a number`);
    process.exit(2);
  }
  return value;
}

const runs = option('runs', 100_000);
const seed = option('seed', (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
const workers = Math.max(1, Math.min(option('workers', availableParallelism()), runs));
const largeEvery = option('large-every', 1000);
const largeTasks = [1000, 2000];

// The engine needs the schema validator that the build generates.
if (!existsSync(join(root, 'server', 'src', 'engine', 'schema', 'validate-plan.generated.js'))) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const dir = mkdtempSync(join(tmpdir(), 'par-plan-fuzz-'));
const bundle = join(dir, 'fuzz-worker.cjs');
const entry = `
import { parentPort, workerData } from 'node:worker_threads';
import { runFuzz } from './test/reliability/harness';
import { fixtureSources, readSample } from './test/reliability/sources';
const { root, runs, seed, largeEvery, largeTasks } = workerData;
const result = runFuzz({
  runs, seed, largeEvery, largeTasks, every: 250,
  sample: readSample(root), fixtures: fixtureSources(root),
  progress: (n) => parentPort.postMessage({ type: 'progress', n }),
});
const s = result.stats;
parentPort.postMessage({
  type: 'done', seed, runs, ran: result.ran, shrinks: result.shrinks, failure: result.failure,
  stats: { cases: s.cases, calls: s.calls, worst: s.worst, total: s.total, count: s.count, notes: [...s.notes] },
});
`;
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'fuzz-worker.ts' },
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  outfile: bundle,
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
});

// The Stats class lives in the bundle; the parent only merges plain numbers.
const FEATURES = ['analysis', 'findings', 'completion', 'hover', 'codeActions', 'fixAllAction', 'symbols', 'folding', 'tree', 'references'];
const total = { cases: 0, calls: 0, worst: {}, total: {}, count: {}, notes: new Map() };
for (const f of FEATURES) {
  total.worst[f] = { ms: 0, where: '' };
  total.total[f] = 0;
  total.count[f] = 0;
}

const started = Date.now();
const progress = new Array(workers).fill(0);
let lastPrint = 0;
const failures = [];
let ranTotal = 0;

console.log(`fuzz: ${runs} cases on ${workers} worker(s), seeds ${Array.from({ length: workers }, (_, i) => seed + i).join(', ')}, large plans once in ${largeEvery} cases`);

const threads = Array.from({ length: workers }, (_, i) => {
  const share = Math.floor(runs / workers) + (i < runs % workers ? 1 : 0);
  return new Promise((resolve) => {
    const worker = new Worker(bundle, { workerData: { root, runs: share, seed: seed + i, largeEvery, largeTasks } });
    worker.on('message', (m) => {
      if (m.type === 'progress') {
        progress[i] = m.n;
        const done = progress.reduce((a, b) => a + b, 0);
        if (Date.now() - lastPrint > 30_000) {
          lastPrint = Date.now();
          const seconds = (Date.now() - started) / 1000;
          console.log(`fuzz: ${done}/${runs} cases, ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} cases/s`);
        }
        return;
      }
      ranTotal += m.ran;
      total.cases += m.stats.cases;
      total.calls += m.stats.calls;
      for (const f of FEATURES) {
        if (m.stats.worst[f].ms > total.worst[f].ms) total.worst[f] = m.stats.worst[f];
        total.total[f] += m.stats.total[f];
        total.count[f] += m.stats.count[f];
      }
      for (const [kind, n] of m.stats.notes) {
        const entry = total.notes.get(kind);
        if (entry) entry.count += n.count;
        else total.notes.set(kind, { ...n });
      }
      if (m.failure) failures.push({ seed: m.seed, report: m.failure });
      resolve();
    });
    worker.on('error', (error) => {
      failures.push({ seed: seed + i, report: `worker crashed: ${error?.stack ?? error}` });
      resolve();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failures.push({ seed: seed + i, report: `worker exited with code ${code}` });
      resolve();
    });
  });
});
await Promise.all(threads);
rmSync(dir, { recursive: true, force: true });

const seconds = (Date.now() - started) / 1000;
console.log(`\nfuzz: ${ranTotal} cases run (${total.cases} texts analysed, shrinking included), ${total.calls} requests, ${seconds.toFixed(0)} s, ${failures.length} failure(s)`);
console.log('worst time per request (limit 1000 ms):');
for (const f of FEATURES) {
  const mean = total.count[f] ? total.total[f] / total.count[f] : 0;
  console.log(`  ${f.padEnd(13)} worst ${total.worst[f].ms.toFixed(1).padStart(7)} ms   mean ${mean.toFixed(2).padStart(6)} ms   calls ${String(total.count[f]).padStart(9)}   ${total.worst[f].where}`);
}
for (const [kind, n] of total.notes) console.log(`  note: ${kind}: ${n.count} time(s), e.g. ${n.example}`);
for (const f of failures) console.log(`\nFAILURE (seed ${f.seed}; replay: node scripts/fuzz.mjs --workers 1 --seed ${f.seed} --runs <same share>):\n${f.report}`);
process.exit(failures.length ? 1 : 0);
