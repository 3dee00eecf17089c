// Benchmark of the appendix preview on a large plan: the language server (dist/server.js over stdio)
// answers parPlan/preview for a generated plan, first whole, then after one-character edits with the
// rows the client already has; and, when Chromium is installed, the webview script applies both
// kinds of update to a page. Prints the numbers; asserts nothing.
//
//   node bench/preview.mjs [tasks=2000] [edits=20]

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { generatePlan } from './generate-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TASKS = Number(process.argv[2] ?? 2000);
const EDITS = Number(process.argv[3] ?? 20);
const CHROMIUM = process.env.PAR_E2E_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(join(root, 'dist', 'server.js')) || !existsSync(join(root, 'dist', 'media', 'plan-webview.js'))) {
  console.error('Run `npm run build` first.');
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const dir = mkdtempSync(join(tmpdir(), 'par-plan-preview-bench-'));
const file = join(dir, 'bench.par.yaml');
let text = generatePlan({ tasks: TASKS, seed: 7 });
writeFileSync(file, text);
const uri = pathToFileURL(file).toString();

const server = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let checked = () => undefined;
connection.onNotification('parPlan/treeChanged', (p) => p.uri === uri && checked(p));
connection.onNotification(() => undefined);
connection.onRequest(() => null);
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {}, initializationOptions: { locale: 'vi' } });
await connection.sendNotification('initialized', {});
const nextCheck = () => new Promise((resolve) => (checked = resolve));

let version = 1;
let waiting = nextCheck();
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'par-plan', version, text } });
await waiting;

const sizeOf = (value) => Buffer.byteLength(JSON.stringify(value));
let t0 = performance.now();
const full = await connection.sendRequest('parPlan/preview', { uri });
const fullMs = performance.now() - t0;
const rowsHtml = full.rows.filter((r) => r.html).length;
t0 = performance.now();
const dashboard = await connection.sendRequest('parPlan/dashboard', { uri });
const dashboardMs = performance.now() - t0;

// One-character edits in task texts spread over the plan: keystroke → re-check → the rows that changed.
// Quoted task texts (as the generator writes most), so that a letter typed inside keeps the YAML valid.
const taskStarts = [...text.matchAll(/- task: "(?=\p{L})/gu)].map((m) => m.index + '- task: "'.length);
const editMs = [];
const requestMs = [];
const editBytes = [];
const editRows = [];
let previous = full;
const updates = [];
for (let i = 0; i < EDITS; i++) {
  const offset = taskStarts[Math.floor(((i + 0.5) / EDITS) * taskStarts.length)] + 2 + i; // the positions shift by one per edit
  const position = positionAt(text, offset);
  text = `${text.slice(0, offset)}x${text.slice(offset)}`;
  waiting = nextCheck();
  const start = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: position, end: position }, text: 'x' }] });
  await waiting;
  const asked = performance.now();
  const response = await connection.sendRequest('parPlan/preview', { uri, known: previous.rows.map((r) => r.key) });
  const done = performance.now();
  editMs.push(done - start);
  requestMs.push(done - asked);
  editBytes.push(sizeOf(response));
  editRows.push(response.rows.filter((r) => r.html).length);
  updates.push(response);
  previous = response;
}
await connection.sendRequest('shutdown').catch(() => undefined);
await connection.sendNotification('exit').catch(() => undefined);
connection.dispose();
server.kill();

const lines = text.split('\n').length;
console.log(`Preview benchmark: ${TASKS} tasks (${lines.toLocaleString('en')} lines), ${EDITS} one-character edits, node ${process.version}`);
console.log('');
console.log('| measure | value |');
console.log('|---|---|');
console.log(`| whole preview: request → response | ${ms(fullMs)}, ${kb(sizeOf(full))}, ${rowsHtml} rows with HTML |`);
console.log(`| dashboard: request → response | ${ms(dashboardMs)}, ${kb(sizeOf(dashboard))} |`);
console.log(`| keystroke → re-checked → preview response, median (p95) | ${ms(median(editMs))} (${ms(p95(editMs))}) |`);
console.log(`| preview request after an edit, median (p95) | ${ms(median(requestMs))} (${ms(p95(requestMs))}) |`);
console.log(`| response after an edit, median | ${kb(median(editBytes))}, ${median(editRows)} row(s) with HTML of ${previous.rows.length} |`);

if (!existsSync(CHROMIUM)) {
  console.log(`| webview | SKIP: no Chromium at ${CHROMIUM} |`);
} else {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const css = readFileSync(join(root, 'dist', 'media', 'plan.css'), 'utf8');
  const script = readFileSync(join(root, 'dist', 'media', 'plan-webview.js'), 'utf8');
  await page.setContent(`<!DOCTYPE html><html><head><style>${css}</style></head><body class="interactive preview"><main id="root"></main></body></html>`);
  await page.evaluate(() => {
    globalThis.acquireVsCodeApi = () => ({ postMessage: () => undefined });
  });
  await page.addScriptTag({ content: script });
  // Time from the message to the next frame laid out (forced layout included).
  const apply = (update) =>
    page.evaluate((update) => {
      const start = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: update }));
      void document.body.offsetHeight;
      return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)));
    }, update);
  const message = (r) => ({ type: 'preview', header: r.header, head: r.head, rows: r.rows.map((row) => ({ key: row.key, html: row.html })) });
  const fullApply = await apply(message(full));
  const applied = [];
  for (const u of updates) applied.push(await apply(message(u)));
  const shown = await page.evaluate(() => document.querySelectorAll('tbody tr').length);
  console.log(`| webview: first full render (${shown} rows) | ${ms(fullApply)} |`);
  console.log(`| webview: applying an edit's update, median (p95) | ${ms(median(applied))} (${ms(p95(applied))}) |`);
  await browser.close();
}
rmSync(dir, { recursive: true, force: true });
