#!/usr/bin/env node
// Self-test of the real-editor harness, independent of the par-plan extension.
//
//   bash scripts/e2e/install-real-editor.sh && node test/e2e/selftest.mjs
//
// Builds a throwaway extension (a command with a Vietnamese title that shows a notification and
// a status bar item, and diagnostics on .txt files), packages it with vsce, installs it into
// code-server, drives the real workbench in Chromium, then runs extension tests inside
// code-server's extension host (a passing, a failing and a hanging suite).
// Prints one line per check and "N passed, M failed"; exits 1 on any failure.
// Screenshots go to test-results/e2e/ (gitignored).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as h from './harness.mjs';

const OUT_DIR = path.join(h.REPO_ROOT, 'test-results', 'e2e');
const VSCE = path.join(h.REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

const EXT_ID = 'par-e2e.par-e2e-selftest';
// English strings in the code, Vietnamese ones in package.nls.vi.json / l10n/bundle.l10n.vi.json;
// the UI scenario and the passing suite run with the display language "vi".
const COMMAND_TITLE_EN = 'Hello world';
const COMMAND_TITLE = 'PAR E2E: Chào thế giới';
const NOTIFICATION_EN = 'Hello from PAR E2E: the PAR Index is ready';
const NOTIFICATION = 'Xin chào từ PAR E2E — Chỉ số cải cách hành chính đã sẵn sàng';
const STATUS_TEXT = 'PAR: Đạt 3/3';

let passed = 0;
let failed = 0;
/** @type {Record<string, number>} */
const timings = {};

/** @param {boolean} ok @param {string} name @param {string} [detail] */
function check(ok, name, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

/** Run `fn` as one check; a thrown error is a failed check (with its message). */
async function step(name, fn) {
  const t0 = performance.now();
  try {
    const detail = await fn();
    const ms = performance.now() - t0;
    check(true, name, `${detail ? `${detail}, ` : ''}${(ms / 1000).toFixed(1)} s`);
    return true;
  } catch (e) {
    check(false, name, /** @type {Error} */ (e).message.split('\n').slice(0, 12).join('\n    '));
    return false;
  }
}

// ----------------------------------------------------------------------------- fixtures

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'par-e2e-selftest-'));
h.removeOnExit(tmp);
const extDir = path.join(tmp, 'ext');
const wsDir = path.join(tmp, 'workspace');

function writeExtension() {
  fs.mkdirSync(extDir, { recursive: true });
  const pkg = {
    name: 'par-e2e-selftest',
    displayName: 'PAR E2E self-test',
    description: 'Throwaway extension that proves the real-editor harness works',
    version: '0.0.1',
    publisher: 'par-e2e',
    license: 'MIT',
    engines: { vscode: '^1.82.0' },
    categories: ['Other'],
    main: './extension.js',
    l10n: './l10n',
    activationEvents: ['onStartupFinished'],
    contributes: {
      commands: [{ command: 'parE2E.hello', title: '%parE2E.hello.title%', category: 'PAR E2E' }],
    },
  };
  fs.writeFileSync(path.join(extDir, 'package.json'), JSON.stringify(pkg, null, 2));
  fs.writeFileSync(path.join(extDir, 'package.nls.json'), JSON.stringify({ 'parE2E.hello.title': COMMAND_TITLE_EN }));
  fs.writeFileSync(path.join(extDir, 'package.nls.vi.json'), JSON.stringify({ 'parE2E.hello.title': COMMAND_TITLE.replace('PAR E2E: ', '') }));
  fs.mkdirSync(path.join(extDir, 'l10n'), { recursive: true });
  fs.writeFileSync(path.join(extDir, 'l10n', 'bundle.l10n.vi.json'), JSON.stringify({ [NOTIFICATION_EN]: NOTIFICATION }));
  fs.writeFileSync(path.join(extDir, 'README.md'), '# PAR E2E self-test\n\nThrowaway extension built by test/e2e/selftest.mjs.\n');
  fs.writeFileSync(
    path.join(extDir, 'extension.js'),
    `const vscode = require('vscode');

function activate(context) {
  const item = vscode.window.createStatusBarItem('parE2E.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'PAR E2E';
  context.subscriptions.push(item);
  context.subscriptions.push(
    vscode.commands.registerCommand('parE2E.hello', () => {
      item.text = '$(check) ${STATUS_TEXT}';
      item.tooltip = 'Chỉ số CCHC: đạt';
      item.show();
      vscode.window.showInformationMessage(vscode.l10n.t(${JSON.stringify(NOTIFICATION_EN)}));
      return 'ok';
    }),
  );

  const diagnostics = vscode.languages.createDiagnosticCollection('par-e2e');
  context.subscriptions.push(diagnostics);
  const check = (doc) => {
    if (!doc.uri.path.endsWith('.txt')) return;
    const out = [];
    for (let i = 0; i < doc.lineCount; i++) {
      const text = doc.lineAt(i).text;
      let col = text.indexOf('LỖI');
      if (col >= 0) {
        const d = new vscode.Diagnostic(new vscode.Range(i, col, i, text.length), 'Thiếu chỉ tiêu bắt buộc (dòng ' + (i + 1) + ')', vscode.DiagnosticSeverity.Error);
        d.source = 'par-e2e';
        out.push(d);
        continue;
      }
      col = text.indexOf('CẢNH BÁO');
      if (col >= 0) {
        const d = new vscode.Diagnostic(new vscode.Range(i, col, i, text.length), 'Thời hạn hoàn thành chưa rõ (dòng ' + (i + 1) + ')', vscode.DiagnosticSeverity.Warning);
        d.source = 'par-e2e';
        out.push(d);
      }
    }
    diagnostics.set(doc.uri, out);
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.delete(doc.uri)),
  );
  const txt = { scheme: 'file', pattern: '**/*.txt' };
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(txt, {
      provideHover(doc, pos) {
        const range = doc.getWordRangeAtPosition(pos, /LỖI|CẢNH BÁO/);
        if (!range) return undefined;
        return new vscode.Hover(new vscode.MarkdownString('**' + doc.getText(range) + '** — mục bắt buộc còn thiếu trong kế hoạch (PAR Index)'), range);
      },
    }),
    vscode.languages.registerCompletionItemProvider(txt, {
      provideCompletionItems() {
        return ['Chỉ số CCHC', 'Cải cách hành chính', 'Mức độ hài lòng'].map((l) => new vscode.CompletionItem(l, vscode.CompletionItemKind.Keyword));
      },
    }),
  );
  console.log('[par-e2e-selftest] activated');
}

function deactivate() {}

module.exports = { activate, deactivate };
`,
  );

  // Extension test suites, run inside the extension host by runExtensionTestsInCodeServer.
  const suite = (expectedCount) => `const assert = require('assert');
const vscode = require('vscode');

function waitForDiagnostics(uri, count, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const done = () => {
      const d = vscode.languages.getDiagnostics(uri);
      if (d.length === count) { sub.dispose(); clearTimeout(timer); resolve(d); return true; }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => done());
    const timer = setTimeout(() => { sub.dispose(); reject(new Error('expected ' + count + ' diagnostics, have ' + vscode.languages.getDiagnostics(uri).length)); }, timeoutMs);
    done();
  });
}

exports.run = async function run() {
  const ext = vscode.extensions.getExtension('${EXT_ID}');
  assert.ok(ext, 'extension ${EXT_ID} is loaded');
  await ext.activate();
  assert.strictEqual(vscode.env.language, 'vi');
  assert.strictEqual(vscode.l10n.t(${JSON.stringify(NOTIFICATION_EN)}), ${JSON.stringify(NOTIFICATION)});
  assert.strictEqual(await vscode.commands.executeCommand('parE2E.hello'), 'ok');
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'a workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, 'ke-hoach.txt');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  console.log('[selftest-suite] kiểm tra chẩn đoán: expecting ${expectedCount}');
  const diags = await waitForDiagnostics(uri, ${expectedCount}, ${expectedCount === 3 ? 20000 : 3000});
  assert.deepStrictEqual(diags.map((d) => d.severity), [0, 0, 1]);
  console.log('[selftest-suite] diagnostics: ' + diags.map((d) => d.message).join(' | '));
};
`;
  fs.writeFileSync(path.join(extDir, 'suite-pass.js'), suite(3));
  fs.writeFileSync(path.join(extDir, 'suite-fail.js'), suite(4));
  fs.writeFileSync(
    path.join(extDir, 'suite-hang.js'),
    `exports.run = () => { console.log('[selftest-suite] hanging on purpose'); return new Promise(() => {}); };\n`,
  );
  fs.writeFileSync(path.join(extDir, '.vscodeignore'), 'suite-*.js\n*.vsix\n');
}

function writeWorkspace() {
  fs.mkdirSync(wsDir, { recursive: true });
  fs.writeFileSync(
    path.join(wsDir, 'ke-hoach.txt'),
    [
      'Kế hoạch cải cách hành chính năm 2025 — Ủy ban nhân dân tỉnh',
      'Mục tiêu 1: Nâng cao Chỉ số hài lòng (SIPAS) ≥ 85%',
      'LỖI: thiếu chỉ tiêu về số hóa hồ sơ, kết quả giải quyết TTHC',
      'LỖI: chưa giao cơ quan chủ trì thực hiện',
      'CẢNH BÁO: thời hạn hoàn thành chưa rõ',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(wsDir, 'ghi-chu.md'), '# Ghi chú\n\nTệp phụ để Quick Open có nhiều lựa chọn.\n');
}

/** Processes whose environment points at a harness scratch folder (code-server or Chromium). */
function leftoverProcesses() {
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (/TMPDIR=[^\0]*par-e2e-(cs|chromium)-/.test(env)) {
        found.push(`${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 120)}`);
      }
    } catch {
      /* gone or not ours */
    }
  }
  return found;
}

// ----------------------------------------------------------------------------- main

async function main() {
  const tAll = performance.now();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  console.log(`# real-editor harness self-test (screenshots in ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR})`);

  const codeServer = h.findCodeServer();
  const chromium = h.findChromium();
  check(!!codeServer, 'findCodeServer()', codeServer ?? 'not found: run bash scripts/e2e/install-real-editor.sh');
  check(!!chromium, 'findChromium()', chromium ?? 'not found: run bash scripts/e2e/install-real-editor.sh');
  if (!codeServer || !chromium) return;
  const before = leftoverProcesses();

  writeExtension();
  writeWorkspace();
  const vsix = path.join(tmp, 'par-e2e-selftest-0.0.1.vsix');
  const okVsix = await step('package the throwaway extension with vsce', async () => {
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
      { cwd: extDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
    );
    timings.vsce = performance.now() - t0;
    if (r.status !== 0 || !fs.existsSync(vsix)) throw new Error(`vsce failed (${r.status}): ${r.stdout}${r.stderr}`);
    return `${path.basename(vsix)}, ${fs.statSync(vsix).size} bytes`;
  });
  if (!okVsix) return;

  // ------------------------------------------------------------------ UI scenario
  /** @type {h.CodeServer | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {Awaited<ReturnType<typeof h.newPage>> | undefined} */
  let page;
  const tUi = performance.now();
  try {
    const started = await step('startCodeServer() installs the vsix and answers /healthz', async () => {
      server = await h.startCodeServer({
        workspaceDir: wsDir,
        vsixPath: vsix,
        logFile: path.join(OUT_DIR, 'code-server-ui.log'),
      });
      timings.install = server.installMs;
      timings.start = server.startMs;
      const installed = fs.readdirSync(server.extensionsDir).filter((d) => d.startsWith(EXT_ID));
      if (installed.length !== 1) throw new Error(`extension not in ${server.extensionsDir}: ${fs.readdirSync(server.extensionsDir)}`);
      if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(server.url)) throw new Error(`unexpected url ${server.url}`);
      return `${server.url}, install ${server.installMs.toFixed(0)} ms, start ${server.startMs.toFixed(0)} ms`;
    });
    if (!started || !server) return;
    const srv = server;

    const opened = await step('launchBrowser() + openWorkbench() show the workbench and explorer', async () => {
      const t0 = performance.now();
      browser = await h.launchBrowser();
      timings.browser = performance.now() - t0;
      page = await h.newPage(browser, { language: 'vi' });
      const t1 = performance.now();
      await h.openWorkbench(page, srv.url, wsDir);
      timings.workbench = performance.now() - t1;
      await h.waitForText(page, '.explorer-folders-view .monaco-list-row', 'ke-hoach.txt', { what: 'the explorer row ke-hoach.txt' });
      await h.screenshot(page, path.join(OUT_DIR, 'selftest-01-workbench.png'));
      return `browser ${timings.browser.toFixed(0)} ms, workbench ${timings.workbench.toFixed(0)} ms`;
    });
    if (!opened || !page) return;
    const pg = page;

    await step('the command palette lists the command under its Vietnamese title (package.nls.vi.json)', async () => {
      await pg.keyboard.press('F1');
      await h.waitVisible(pg, '.quick-input-widget', { what: 'the command palette' });
      await pg.keyboard.type('PAR E2E');
      const row = await h.waitForText(pg, '.quick-input-list .monaco-list-row', COMMAND_TITLE, { attribute: 'aria-label' });
      await h.screenshot(pg, path.join(OUT_DIR, 'selftest-02-palette.png'));
      await pg.keyboard.press('Escape');
      await h.waitHidden(pg, '.quick-input-widget', { what: 'the command palette' });
      return `"${row}"`;
    });

    await step(`runCommand("${COMMAND_TITLE}") shows the notification`, async () => {
      await h.runCommand(pg, COMMAND_TITLE);
      const text = await h.waitForNotification(pg, NOTIFICATION);
      await h.screenshot(pg, path.join(OUT_DIR, 'selftest-03-notification.png'));
      if (text !== NOTIFICATION) throw new Error(`notification text is "${text}"`);
      return `"${text}"`;
    });

    await step('the command set the status bar item', async () => {
      const text = await h.waitForStatusBarItem(pg, STATUS_TEXT);
      return `"${text}"`;
    });

    await step('quickOpen("ke-hoach.txt") opens the editor with Vietnamese text', async () => {
      await h.quickOpen(pg, 'ke-hoach.txt');
      await h.waitForEditorText(pg, 'Kế hoạch cải cách hành chính năm 2025');
      await h.waitForSquiggle(pg, 'error');
      await h.waitForSquiggle(pg, 'warning');
      await h.screenshot(pg, path.join(OUT_DIR, 'selftest-04-editor.png'));
      return 'text, error and warning squiggles visible';
    });

    await step('status bar Problems counters show 2 errors, 1 warning', async () => {
      const c = await h.waitForProblemCounts(pg, { errors: 2, warnings: 1 });
      return JSON.stringify(c);
    });

    await step('Problems panel lists the 3 diagnostics', async () => {
      const rows = await h.openProblemsPanel(pg, 3);
      await h.screenshot(pg, path.join(OUT_DIR, 'selftest-05-problems.png'));
      const got = rows.map((r) => `${r.severity} ${r.message} ${r.source} ${r.location} in ${r.resource}`);
      const want = [
        'error Thiếu chỉ tiêu bắt buộc (dòng 3) par-e2e [Ln 3, Col 1] in ke-hoach.txt',
        'error Thiếu chỉ tiêu bắt buộc (dòng 4) par-e2e [Ln 4, Col 1] in ke-hoach.txt',
        'warning Thời hạn hoàn thành chưa rõ (dòng 5) par-e2e [Ln 5, Col 1] in ke-hoach.txt',
      ];
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`got ${JSON.stringify(got)}`);
      return got.map((m) => `"${m}"`).join(', ');
    });

    await step('typing a new "LỖI" line updates the Problems panel live', async () => {
      // Put the focus back in the editor, go to the end, type a line.
      await pg.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await pg.keyboard.press('Control+End');
      await pg.keyboard.type('LỖI: thiếu kinh phí thực hiện');
      await h.waitForEditorText(pg, 'LỖI: thiếu kinh phí thực hiện');
      const c = await h.waitForProblemCounts(pg, { errors: 3, warnings: 1 });
      const rows = await h.openProblemsPanel(pg, 4);
      await h.screenshot(pg, path.join(OUT_DIR, 'selftest-06-typed.png'));
      if (!rows.some((r) => r.severity === 'error' && r.message === 'Thiếu chỉ tiêu bắt buộc (dòng 6)')) {
        throw new Error(`no marker for line 6: ${JSON.stringify(rows)}`);
      }
      return JSON.stringify(c);
    });

    await step('gotoLine() + showHover() show the hover of a LỖI line', async () => {
      await h.gotoLine(pg, 3, 2);
      const text = await h.showHover(pg, { expect: 'mục bắt buộc còn thiếu' });
      await h.screenshot(pg, path.join(OUT_DIR, 'selftest-07-hover.png'));
      await pg.keyboard.press('Escape');
      if (!text.includes('LỖI — mục bắt buộc còn thiếu trong kế hoạch (PAR Index)')) throw new Error(`hover says "${text}"`);
      return `"${text}"`;
    });

    await step('triggerSuggest() lists the completion items', async () => {
      await pg.keyboard.press('Control+End');
      await pg.keyboard.press('Enter');
      const labels = await h.triggerSuggest(pg, { expect: 'Chỉ số CCHC' });
      await h.screenshot(pg, path.join(OUT_DIR, 'selftest-08-suggest.png'));
      await pg.keyboard.press('Escape');
      for (const l of ['Chỉ số CCHC', 'Cải cách hành chính', 'Mức độ hài lòng']) if (!labels.includes(l)) throw new Error(`no "${l}" in ${JSON.stringify(labels)}`);
      return JSON.stringify(labels.slice(0, 5));
    });

    await step('setEditorText() replaces the document; diagnostics follow', async () => {
      const text = ['Kế hoạch đã sửa', '  - mục tiêu: đạt 90%', '  - LỖI: còn một lỗi ở đây', ''].join('\n');
      await h.setEditorText(pg, text);
      await h.waitForEditorText(pg, 'LỖI: còn một lỗi ở đây');
      const c = await h.waitForProblemCounts(pg, { errors: 1, warnings: 0 });
      const rows = await h.openProblemsPanel(pg, 1);
      await h.dismissOverlays(pg);
      await h.screenshot(pg, path.join(OUT_DIR, 'selftest-09-replaced.png'));
      if (rows[0].message !== 'Thiếu chỉ tiêu bắt buộc (dòng 3)') throw new Error(JSON.stringify(rows));
      const lines = await pg.$$eval('.editor-group-container.active .view-line', (els) =>
        els.map((e) => ({ top: parseFloat(/** @type {HTMLElement} */ (e).style.top), t: (e.textContent ?? '').replace(/\u00a0/g, ' ') })),
      );
      const shown = lines.sort((a, b) => a.top - b.top).map((l) => l.t).join('\n');
      if (shown !== text) throw new Error(`editor shows ${JSON.stringify(shown)}`);
      return `${JSON.stringify(c)}, text identical (no auto-indent)`;
    });

    await step('nothing left 127.0.0.1 (browser requests, code-server connections/DNS)', async () => {
      const ext = [...pg.externalRequests, ...srv.externalNetworkAttempts().map((a) => `${a.kind} ${a.target} (pid ${a.pid} ${a.argv})`)];
      if (ext.length) throw new Error(ext.join('\n'));
      return 'none';
    });
  } finally {
    const t0 = performance.now();
    await browser?.close().catch(() => {});
    await server?.stop();
    timings.stop = performance.now() - t0;
    timings.ui = performance.now() - tUi;
  }

  // ------------------------------------------------------------------ extension tests in the ext host
  /** @type {string[]} */
  let logs = [];
  const onLog = (/** @type {string} */ level, /** @type {string} */ msg) => {
    logs.push(`${level}: ${msg}`);
  };

  await step("runExtensionTestsInCodeServer(passing suite, language 'vi') → exit code 0", async () => {
    const t0 = performance.now();
    logs = [];
    const code = await h.runExtensionTestsInCodeServer({
      extensionDevelopmentPath: extDir,
      extensionTestsPath: path.join(extDir, 'suite-pass.js'),
      workspaceDir: wsDir,
      language: 'vi',
      onLog,
      logFile: path.join(OUT_DIR, 'code-server-tests-pass.log'),
    });
    timings.testsPass = performance.now() - t0;
    fs.writeFileSync(path.join(OUT_DIR, 'ext-host-pass.log'), logs.join('\n'));
    if (code !== 0) throw new Error(`exit code ${code}; ext host log:\n${logs.slice(-15).join('\n')}`);
    return 'exit 0';
  });
  check(
    logs.some((l) => l.includes('[selftest-suite] diagnostics: Thiếu chỉ tiêu bắt buộc (dòng 3)')),
    'extension host console output is forwarded (codeAutomationLog)',
    logs.find((l) => l.includes('[selftest-suite] diagnostics')) ?? `got ${logs.length} lines, none with the marker`,
  );

  await step('runExtensionTestsInCodeServer(failing suite) → exit code 1', async () => {
    const t0 = performance.now();
    logs = [];
    const code = await h.runExtensionTestsInCodeServer({
      extensionDevelopmentPath: extDir,
      extensionTestsPath: path.join(extDir, 'suite-fail.js'),
      workspaceDir: wsDir,
      language: 'vi',
      onLog,
    });
    timings.testsFail = performance.now() - t0;
    fs.writeFileSync(path.join(OUT_DIR, 'ext-host-fail.log'), logs.join('\n'));
    if (code !== 1) throw new Error(`exit code ${code}`);
    const why = logs.find((l) => /expected 4 diagnostics/.test(l));
    return `exit 1${why ? `, reported: ${why.slice(0, 100)}` : ''}`;
  });

  await step('a hanging suite times out with a clear error (and is cleaned up)', async () => {
    const t0 = performance.now();
    try {
      await h.runExtensionTestsInCodeServer({
        extensionDevelopmentPath: extDir,
        extensionTestsPath: path.join(extDir, 'suite-hang.js'),
        workspaceDir: wsDir,
        onLog: () => {},
        timeoutMs: 8000,
        screenshotOnTimeout: path.join(OUT_DIR, 'selftest-10-hang-timeout.png'),
      });
    } catch (e) {
      const msg = /** @type {Error} */ (e).message.split('\n')[0];
      if (!/^Timed out after 8000 ms waiting for the extension tests/.test(msg)) throw e;
      return `"${msg.slice(0, 90)}…" after ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    }
    throw new Error('no timeout error');
  });

  await step('no code-server or Chromium process left behind', async () => {
    const left = leftoverProcesses().filter((p) => !before.includes(p));
    if (left.length) throw new Error(left.join('\n'));
    return 'none';
  });

  timings.total = performance.now() - tAll;
  const s = (/** @type {number | undefined} */ ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);
  console.log(
    `# timings: vsce ${s(timings.vsce)}, install-extension ${s(timings.install)}, code-server start ${s(timings.start)}, ` +
      `chromium ${s(timings.browser)}, workbench ready ${s(timings.workbench)}, UI scenario ${s(timings.ui)} (stop ${s(timings.stop)}), ` +
      `ext tests pass ${s(timings.testsPass)}, fail ${s(timings.testsFail)}, total ${s(timings.total)}`,
  );
}

try {
  await main();
} catch (e) {
  check(false, 'self-test crashed', /** @type {Error} */ (e).stack ?? String(e));
} finally {
  h.removeDirNow(tmp);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
