// `npm run bench`: par-plan's language server against yaml-language-server (Red Hat's, given our
// JSON schema), side by side in one run on one machine, on generated plans of 100, 1,000 and
// 10,000 tasks. Prints one table and writes it to bench/results.md with the machine and the date.
//
// Measured per size and server (each in a fresh process, over stdio, incremental document sync):
//   open → first diagnostics; one-character edit → next diagnostics (median, p95);
//   completion and hover at a position in the middle of the file, right after an edit;
//   peak resident memory (VmHWM) of the server process.
// In process: yaml's parseDocument on the same text (the floor) and our validation compute.
// And the CLI on a folder of 500 realistic plans: files per second.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { parseDocument } from 'yaml';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { generatePlan } from './generate-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const SIZES = quick ? [100, 1000] : [100, 1000, 10000];
const EDITS = { 100: 30, 1000: 20, 10000: 10 };
const REQUESTS = { 100: 30, 1000: 20, 10000: 15 };
const CLI_PLANS = quick ? 100 : 500;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ratio = (a, b) => (a === undefined || b === undefined ? '—' : (a / b).toFixed(2));

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

// ---------------------------------------------------------------- servers over stdio

const SERVERS = {
  'par-plan': {
    command: [join(root, 'dist', 'server.js'), '--stdio'],
    settings: () => ({}),
    configuration: (item) => (item.section === 'parPlan' ? {} : null),
  },
  'yaml-language-server': {
    command: [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'],
    settings: () => ({
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemaStore: { enable: false },
        schemas: { [pathToFileURL(join(root, 'schemas', 'par-plan.schema.json')).toString()]: ['*.par.yaml'] },
      },
    }),
    configuration: (item, settings) => (item.section === 'yaml' ? settings.yaml : item.section === 'http' ? { proxy: '', proxyStrictSSL: false } : {}),
  },
};

class LspSession {
  constructor(name) {
    this.spec = SERVERS[name];
    this.process = spawn(process.execPath, this.spec.command, { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.waiters = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const now = performance.now();
      this.waiters = this.waiters.filter((w) => (w.uri === p.uri ? (w.resolve({ at: now, count: p.diagnostics.length }), false) : true));
    });
    this.connection.onNotification(() => undefined);
    this.connection.onRequest('workspace/configuration', (p) => p.items.map((item) => this.spec.configuration(item, this.spec.settings())));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  async initialize(folder) {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).toString(),
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: true, insertReplaceSupport: false } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { versionSupport: true },
        },
      },
      initializationOptions: { locale: 'vi' },
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.settings() });
  }

  nextDiagnostics(uri, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), timeoutMs);
      this.waiters.push({ uri, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  peakRssMb() {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
    } catch {
      return undefined;
    }
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    setTimeout(() => this.process.kill('SIGKILL'), 500).unref();
  }
}

/** Offsets → LSP position in a text. */
function positionAt(text, offset) {
  let line = 0;
  let last = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i + 1;
  }
  return { line, character: offset - last };
}

async function measureServer(name, text, folder, size) {
  const session = new LspSession(name);
  const uri = pathToFileURL(join(folder, `plan-${size}.par.yaml`)).toString();
  try {
    await session.initialize(folder);
    let t0 = performance.now();
    const first = session.nextDiagnostics(uri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: name === 'par-plan' ? 'par-plan' : 'yaml', version: 1, text } });
    const opened = await first;
    const openMs = opened.at - t0;

    // A one-character edit inside a task's text in the middle of the file, typed and then removed.
    const middle = text.indexOf('          - task: "', Math.floor(text.length / 2)) + '          - task: "'.length + 1;
    const editAt = positionAt(text, middle);
    let version = 1;
    let inserted = false;
    const edit = async () => {
      version++;
      const change = inserted
        ? { range: { start: editAt, end: { line: editAt.line, character: editAt.character + 1 } }, text: '' }
        : { range: { start: editAt, end: editAt }, text: 'x' };
      inserted = !inserted;
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    };
    const editTimes = [];
    for (let i = 0; i < EDITS[size]; i++) {
      const next = session.nextDiagnostics(uri);
      t0 = performance.now();
      await edit();
      editTimes.push((await next).at - t0);
    }

    // Completion inside a lead list and hover on a criterion code, in the middle, right after an edit.
    const leadAt = text.indexOf('            lead:\n              - ', Math.floor(text.length / 2)) + '            lead:\n              - '.length + 4;
    const codeAt = text.indexOf('criteria: ["', Math.floor(text.length / 2)) + 'criteria: ["'.length + 1;
    const completionTimes = [];
    const hoverTimes = [];
    let completionItems = 0;
    let hoverFound = false;
    for (let i = 0; i < REQUESTS[size]; i++) {
      const settled = session.nextDiagnostics(uri);
      await edit();
      t0 = performance.now();
      const completion = await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAt(text, leadAt) });
      completionTimes.push(performance.now() - t0);
      completionItems = Array.isArray(completion) ? completion.length : completion?.items?.length ?? 0;
      t0 = performance.now();
      const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionAt(text, codeAt) });
      hoverTimes.push(performance.now() - t0);
      hoverFound = Boolean(hover);
      await settled;
    }
    return {
      openMs,
      openDiagnostics: opened.count,
      editMedian: median(editTimes),
      editP95: p95(editTimes),
      completionMedian: median(completionTimes),
      completionP95: p95(completionTimes),
      completionItems,
      hoverMedian: median(hoverTimes),
      hoverP95: p95(hoverTimes),
      hoverFound,
      peakRssMb: session.peakRssMb(),
    };
  } finally {
    await session.stop();
  }
}

// ---------------------------------------------------------------- in process: floor and our compute

async function loadEngine() {
  const out = join(root, '.cache', 'bench-engine.cjs');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    stdin: {
      contents: "export { PlanAnalysis, bundledCatalog, bundledUnits } from './server/src/engine/index'; export { DEFAULT_OPTIONS } from './server/src/engine/analysis';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'error',
  });
  return require(out);
}

/** CPU time of this process (all its threads, GC included) spent in fn, in ms: steadier than wall time on a shared machine. */
function cpuMs(fn) {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Parse floor and our compute, as CPU time per run measured over blocks of consecutive runs: the
 * collection of a run's garbage often lands in the next call, so a block amortises each workload's
 * own collections. Blocks alternate between the two; the result is the median block.
 */
function timeInProcess(engine, text, size) {
  const data = { catalog: engine.bundledCatalog(), units: engine.bundledUnits() };
  const perBlock = size >= 10000 ? 2 : size >= 1000 ? 5 : 10;
  const blocks = size >= 10000 ? 4 : 6;
  const parseRun = () => parseDocument(text);
  const computeRun = () => new engine.PlanAnalysis(text, data, engine.DEFAULT_OPTIONS).findings();
  const block = (run) => cpuMs(() => {
    for (let i = 0; i < perBlock; i++) run();
  }) / perBlock;
  block(parseRun);
  block(computeRun);
  const parse = [];
  const compute = [];
  for (let i = 0; i < blocks; i++) {
    if (i % 2) {
      parse.push(block(parseRun));
      compute.push(block(computeRun));
    } else {
      compute.push(block(computeRun));
      parse.push(block(parseRun));
    }
  }
  return { parse: median(parse), compute: median(compute) };
}

/** The stretch target: one keystroke in a ~50,000-line plan, re-checked in process (parse + rules). */
function measureIncremental(engine) {
  const data = { catalog: engine.bundledCatalog(), units: engine.bundledUnits() };
  let tasks = 7000;
  let text = generatePlan({ tasks, seed: 11 });
  tasks = Math.round((tasks * 50_000) / text.split('\n').length);
  text = generatePlan({ tasks, seed: 11 });
  let previous = new engine.PlanAnalysis(text, data, engine.DEFAULT_OPTIONS);
  previous.findings();
  const at = text.indexOf('          - task: "', Math.floor(text.length / 2)) + '          - task: "'.length + 1;
  const times = [];
  let incremental = 0;
  for (let i = 0; i < 41; i++) {
    const typing = i % 2 === 0;
    const next = typing ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    const change = typing ? { start: at, end: at, newLength: 1 } : { start: at, end: at + 1, newLength: 0 };
    const t0 = performance.now();
    const analysis = new engine.PlanAnalysis(next, data, engine.DEFAULT_OPTIONS, { analysis: previous, change });
    analysis.findings();
    if (i > 0) times.push(performance.now() - t0);
    if (analysis.reparsedIncrementally) incremental++;
    previous = analysis;
    text = next;
  }
  return { lines: text.split('\n').length, tasks, median: median(times), p95: p95(times), incremental, edits: 41 };
}

// ---------------------------------------------------------------- the CLI on many plans

function measureCli(folder) {
  const dir = join(folder, 'plans');
  mkdirSync(dir, { recursive: true });
  let lines = 0;
  for (let i = 0; i < CLI_PLANS; i++) {
    const text = generatePlan({ tasks: 30 + ((i * 37) % 120), seed: 1000 + i, defectRate: 0.03 });
    lines += text.split('\n').length;
    writeFileSync(join(dir, `ke-hoach-${String(i).padStart(3, '0')}.par.yaml`), text);
  }
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin', 'par-plan.js'), 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const findings = JSON.parse(run.stdout).length;
  return { files: CLI_PLANS, lines, seconds, filesPerSecond: CLI_PLANS / seconds, findings };
}

// ---------------------------------------------------------------- run

function machine() {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}, ${process.platform}`;
}

async function main() {
  const started = Date.now();
  log('building');
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  const engine = await loadEngine();
  const folder = mkdtempSync(join(tmpdir(), 'par-bench-'));
  const rows = [];
  try {
    for (const size of SIZES) {
      const text = generatePlan({ tasks: size, seed: 7 });
      writeFileSync(join(folder, `plan-${size}.par.yaml`), text);
      const lineCount = text.split('\n').length;
      log(`${size} tasks (${lineCount} lines): in process`);
      const inProcess = timeInProcess(engine, text, size);
      const result = { size, lines: lineCount, ...inProcess };
      for (const name of Object.keys(SERVERS)) {
        log(`${size} tasks: ${name}`);
        result[name] = await measureServer(name, text, folder, size);
      }
      rows.push(result);
    }
    log('one keystroke in a 50,000-line plan, in process');
    const keystroke = measureIncremental(engine);
    log(`CLI on ${CLI_PLANS} plans`);
    const cli = measureCli(folder);
    const report = render(rows, cli, keystroke, Math.round((Date.now() - started) / 1000));
    process.stdout.write(report.table + '\n');
    writeFileSync(join(root, 'bench', 'results.md'), report.markdown);
    log('written bench/results.md');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function render(rows, cli, keystroke, seconds) {
  const ours = (r) => r['par-plan'];
  const theirs = (r) => r['yaml-language-server'];
  const lines = [];
  const header = '| tasks (lines) | metric | par-plan | yaml-language-server | ours / theirs | ours / parse floor | target |';
  lines.push(header, '|---|---|---|---|---|---|---|');
  const check = (ok) => (ok ? 'met' : '**not met**');
  for (const r of rows) {
    const label = `${r.size.toLocaleString('en')} (${r.lines.toLocaleString('en')})`;
    const o = ours(r);
    const t = theirs(r);
    lines.push(`| ${label} | yaml parseDocument (floor), CPU ms | ${ms(r.parse)} | | | 1.00 | |`);
    lines.push(`| ${label} | our validation compute, CPU ms | ${ms(r.compute)} | | | ${ratio(r.compute, r.parse)} | ≤ 1.3 × floor: ${check(r.compute <= 1.3 * r.parse)} |`);
    lines.push(`| ${label} | open → diagnostics, ms | ${ms(o.openMs)} | ${ms(t.openMs)} | ${ratio(o.openMs, t.openMs)} | ${ratio(o.openMs, r.parse)} | |`);
    lines.push(`| ${label} | edit → diagnostics, median ms | ${ms(o.editMedian)} | ${ms(t.editMedian)} | ${ratio(o.editMedian, t.editMedian)} | ${ratio(o.editMedian, r.parse)} | ≤ 0.25 × theirs: ${check(o.editMedian <= 0.25 * t.editMedian)} |`);
    lines.push(`| ${label} | edit → diagnostics, p95 ms | ${ms(o.editP95)} | ${ms(t.editP95)} | ${ratio(o.editP95, t.editP95)} | | |`);
    lines.push(`| ${label} | completion after an edit, median (p95) ms | ${ms(o.completionMedian)} (${ms(o.completionP95)}) | ${ms(t.completionMedian)} (${ms(t.completionP95)}) | ${ratio(o.completionMedian, t.completionMedian)} | | ${r.size >= 10000 ? `< 10 ms: ${check(o.completionMedian < 10)}` : ''} |`);
    lines.push(`| ${label} | hover after an edit, median (p95) ms | ${ms(o.hoverMedian)} (${ms(o.hoverP95)}) | ${ms(t.hoverMedian)} (${ms(t.hoverP95)}) | ${ratio(o.hoverMedian, t.hoverMedian)} | | ${r.size >= 10000 ? `< 10 ms: ${check(o.hoverMedian < 10)}` : ''} |`);
    lines.push(`| ${label} | peak RSS of the server, MB | ${ms(o.peakRssMb)} | ${ms(t.peakRssMb)} | ${ratio(o.peakRssMb, t.peakRssMb)} | | ${r.size >= 10000 ? `≤ 0.33 × theirs: ${check(o.peakRssMb <= t.peakRssMb / 3)}` : ''} |`);
    lines.push(`| ${label} | diagnostics on open / completion items / hover | ${o.openDiagnostics} / ${o.completionItems} / ${o.hoverFound ? 'yes' : 'no'} | ${t.openDiagnostics} / ${t.completionItems} / ${t.hoverFound ? 'yes' : 'no'} | | | |`);
  }
  const cliLine = `CLI: ${cli.files} plans (${cli.lines.toLocaleString('en')} lines, ${cli.findings} findings) checked in ${cli.seconds.toFixed(2)} s: **${cli.filesPerSecond.toFixed(0)} files/s**.`;
  const keystrokeLine =
    `One keystroke in a ${keystroke.lines.toLocaleString('en')}-line plan (${keystroke.tasks.toLocaleString('en')} tasks), re-parsed and re-checked in process: ` +
    `median ${ms(keystroke.median)} ms, p95 ${ms(keystroke.p95)} ms (${keystroke.incremental} of ${keystroke.edits} edits incremental; stretch target < 50 ms: ${keystroke.median < 50 ? 'met' : '**not met**'}).`;
  const table = [...lines, '', keystrokeLine, '', cliLine].join('\n');
  const markdown = [
    '# Benchmark results',
    '',
    `Produced by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${seconds} s.`,
    '',
    `Machine: ${machine()}.`,
    '',
    'Both servers run as separate processes over stdio with incremental document sync, on the same generated plans',
    '(bench/generate-plan.mjs: the vocabulary of the Hà Tĩnh appendix, about 1 % of tasks with a defect).',
    'yaml-language-server ' + JSON.parse(readFileSync(join(root, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version +
      ' gets our `schemas/par-plan.schema.json` for `*.par.yaml` and waits its fixed 200 ms before validating; par-plan waits 15 ms.',
    'Edits are one character typed into (and then removed from) a task text in the middle of the file. Completion is asked inside a `lead:` list',
    'and hover on a criterion code, both in the middle of the file, right after an edit. "Parse floor" is `yaml`\'s `parseDocument` on the same',
    'text in this process; "our validation compute" is `new PlanAnalysis(text).findings()` in this process (parse, model, schema and every rule);',
    'both are CPU time of this process (GC threads included) per run, over blocks of consecutive runs (so each pays for its own',
    'garbage collection), blocks alternating, median block.',
    'The machine is shared: compare the ratios of one run, not absolute times across runs.',
    '',
    table,
    '',
  ].join('\n');
  return { table, markdown };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
