// Real-editor test harness: code-server (VS Code 1.100 workbench + Node extension host)
// driven by Debian's Chromium through playwright-core. Plain ESM, runs on Node 20.
//
// Install the prerequisites once with `bash scripts/e2e/install-real-editor.sh`.
// See test/e2e/README.md for the helpers and the pitfalls they work around.
//
// Everything binds to 127.0.0.1; every process started here is killed on stop(), on
// browser.close(), and (as a last resort) when the Node process exits or is interrupted.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Repository root (two levels above test/e2e). */
export const REPO_ROOT = path.resolve(HERE, '..', '..');

/** Default timeout of every wait, in ms (override with PAR_E2E_TIMEOUT_MS). */
export const DEFAULT_TIMEOUT_MS = Number(process.env.PAR_E2E_TIMEOUT_MS) || 60_000;

/** Cache root used by scripts/e2e/install-real-editor.sh. */
export const E2E_HOME = process.env.PAR_E2E_HOME || path.join(os.homedir(), '.cache', 'par-plan-e2e');

/** Chromium flags that keep Debian's Chromium quiet and off the network on this machine. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings always written for code-server (caller's settings are merged over them). */
export const BASE_USER_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.openRepositoryInParentFolders': 'never',
  'git.autofetch': false,
  'security.workspace.trust.enabled': false,
  // No fade/slide animations: toasts and widgets are fully drawn as soon as they exist,
  // so DOM waits and screenshots agree.
  'workbench.reduceMotion': 'on',
  // DejaVu Sans Mono (the default "monospace" without Noto) lacks Vietnamese letters such as ế/ỗ.
  'editor.fontFamily': "'Noto Sans Mono', 'DejaVu Sans Mono', monospace",
});

// ----------------------------------------------------------------------------- cleanup registry

/** @type {Set<{ kill: () => void }>} processes to kill synchronously if Node exits early */
const liveProcesses = new Set();
/** @type {Set<string>} scratch folders to remove if Node exits before their owner cleans up */
const scratchDirs = new Set();
let exitHooksInstalled = false;

/**
 * Remove `dir` when the process exits (also on Ctrl+C / SIGTERM), unless removed earlier
 * with removeDirNow(). Honours PAR_E2E_KEEP_TMP=1.
 * @param {string} dir
 */
export function removeOnExit(dir) {
  installExitHooks();
  scratchDirs.add(dir);
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const p of liveProcesses) p.kill();
    for (const d of scratchDirs) removeDirNow(d);
  });
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.once(sig, () => {
      process.stderr.write(`\n[e2e harness] ${sig}: stopping code-server/Chromium and removing scratch folders\n`);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Kill a whole process group (started with detached: true), ignoring "no such process". */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

// ----------------------------------------------------------------------------- small utilities

/**
 * Reject with a clear message if `promise` does not settle within `ms`.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what  e.g. "waiting for /healthz"
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Make a scratch HOME / XDG_* / TMPDIR tree and the environment that points at it.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} [base]
 */
function scratchEnv(root, base = process.env) {
  const dirs = {
    home: path.join(root, 'home'),
    config: path.join(root, 'home', '.config'),
    data: path.join(root, 'home', '.local', 'share'),
    cache: path.join(root, 'home', '.cache'),
    tmp: path.join(root, 'tmp'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...base };
  // Variables of a surrounding VS Code / Electron would confuse code-server's CLI and ext host.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k)) delete env[k];
  }
  Object.assign(env, {
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_RUNTIME_DIR: dirs.tmp,
    TMPDIR: dirs.tmp,
  });
  return { env, dirs };
}

/**
 * Remove a scratch folder now (best effort; kept when PAR_E2E_KEEP_TMP=1).
 * @param {string} p
 */
export function removeDirNow(p) {
  scratchDirs.delete(p);
  if (process.env.PAR_E2E_KEEP_TMP === '1') return;
  try {
    fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* best effort */
  }
}
const rmrf = removeDirNow;

/** Keep the last `max` characters of a growing log. */
function tailBuffer(max = 20_000) {
  let buf = '';
  return {
    push(/** @type {string} */ s) {
      buf += s;
      if (buf.length > max) buf = buf.slice(buf.length - max);
    },
    get text() {
      return buf;
    },
  };
}

// ----------------------------------------------------------------------------- code-server

/**
 * Locate the code-server launcher installed by scripts/e2e/install-real-editor.sh.
 * Order: $PAR_E2E_CODE_SERVER, the e2e cache, `code-server` on PATH.
 * @returns {string | null}
 */
export function findCodeServer() {
  const candidates = [
    process.env.PAR_E2E_CODE_SERVER,
    path.join(E2E_HOME, 'code-server', 'node_modules', '.bin', 'code-server'),
  ].filter(Boolean);
  for (const c of /** @type {string[]} */ (candidates)) {
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  const which = spawnSync('sh', ['-c', 'command -v code-server'], { encoding: 'utf8' });
  const onPath = which.status === 0 ? which.stdout.trim() : '';
  return onPath || null;
}

/**
 * Locate Chromium ($PAR_E2E_CHROMIUM or /usr/bin/chromium).
 * @returns {string | null}
 */
export function findChromium() {
  for (const c of [process.env.PAR_E2E_CHROMIUM, '/usr/bin/chromium'].filter(Boolean)) {
    try {
      fs.accessSync(/** @type {string} */ (c), fs.constants.X_OK);
      return /** @type {string} */ (c);
    } catch {
      /* next */
    }
  }
  return null;
}

/**
 * Run the code-server CLI once (e.g. --install-extension) and return its output.
 * @param {string} bin
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {number} timeoutMs
 */
function runCli(bin, args, env, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const entry = { kill: () => killGroup(/** @type {number} */ (child.pid), 'SIGKILL') };
    liveProcesses.add(entry);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      entry.kill();
      reject(new Error(`Timed out after ${timeoutMs} ms running code-server ${args.join(' ')}\n${out}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      liveProcesses.delete(entry);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      liveProcesses.delete(entry);
      resolve({ code, out });
    });
  });
}

/**
 * Source of a CommonJS module preloaded (NODE_OPTIONS=--require) into code-server's Node
 * processes: it records every outgoing connection to a non-loopback host, and every DNS lookup,
 * to a log file. It does not block anything; the machine's closed network does that.
 */
const NET_GUARD_SOURCE = String.raw`
const fs = require('fs');
const net = require('net');
const dns = require('dns');
const LOG = process.env.PAR_E2E_NET_LOG;
const local = (h) => !h || h === 'localhost' || h === '::1' || /^127\./.test(h) || h === '0.0.0.0' || h === '::';
function record(kind, target) {
  try { fs.appendFileSync(LOG, JSON.stringify({ kind, target, pid: process.pid, argv: process.argv.slice(1, 3).join(' ') }) + '\n'); } catch {}
}
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  try {
    let o = args[0];
    if (Array.isArray(o)) o = o[0];
    if (o && typeof o === 'object') { if (!o.path && !local(o.host)) record('connect', String(o.host) + ':' + o.port); }
    else if (typeof o === 'number' || (typeof o === 'string' && /^\d+$/.test(o))) { if (!local(args[1])) record('connect', String(args[1]) + ':' + o); }
  } catch {}
  return origConnect.apply(this, args);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const orig = dns[name];
  dns[name] = function (host, ...rest) { if (!local(host)) record('dns.' + name, host); return orig.call(this, host, ...rest); };
}
`;

/**
 * @typedef {object} CodeServerOptions
 * @property {string} [workspaceDir]      folder to open by default (also used by openWorkbench)
 * @property {string} [extensionsDir]     default: a scratch folder (removed on stop)
 * @property {string | string[]} [vsixPath] vsix file(s) installed with --install-extension first
 * @property {Record<string, unknown>} [userSettings] merged over BASE_USER_SETTINGS
 * @property {object[]} [keybindings]    written as the user's keybindings.json (reach commands the palette hides)
 * @property {string} [locale]            --locale (a language pack must be installed to change the UI)
 * @property {boolean} [disableWorkspaceTrust] default true
 * @property {string[]} [extraArgs]       more code-server arguments
 * @property {NodeJS.ProcessEnv} [env]    extra environment for code-server
 * @property {string} [logFile]           copy code-server's output there on stop()
 * @property {boolean} [netGuard]         record non-loopback connections/DNS lookups (default true)
 * @property {number} [timeoutMs]         startup timeout (default DEFAULT_TIMEOUT_MS)
 * @property {(line: string) => void} [onOutput] receives code-server's output as it comes
 */

/**
 * @typedef {object} CodeServer
 * @property {string} url             e.g. http://127.0.0.1:41234
 * @property {number} port
 * @property {number} pid             process (group) id of code-server
 * @property {string} authority       127.0.0.1:PORT (the vscode-remote authority)
 * @property {string | undefined} workspaceDir
 * @property {string} userDataDir
 * @property {string} extensionsDir
 * @property {string} scratchDir
 * @property {number} startMs         time from spawn to a healthy /healthz
 * @property {number} installMs       time spent in --install-extension
 * @property {() => string} output    code-server's output so far (tail)
 * @property {() => Array<{kind: string, target: string, pid: number, argv: string}>} externalNetworkAttempts
 * @property {() => Promise<void>} stop kill the process group and remove scratch folders
 */

/**
 * Start code-server on a free loopback port with scratch HOME/XDG/TMPDIR and wait for /healthz.
 * @param {CodeServerOptions} [opts]
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(opts = {}) {
  const bin = findCodeServer();
  if (!bin) {
    throw new Error(
      'code-server not found. Run `bash scripts/e2e/install-real-editor.sh` (or set PAR_E2E_CODE_SERVER).',
    );
  }
  installExitHooks();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scratchDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'par-e2e-cs-'));
  removeOnExit(scratchDir);
  const { env } = scratchEnv(scratchDir);
  const userDataDir = path.join(scratchDir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(scratchDir, 'extensions');
  const configPath = path.join(scratchDir, 'config.yaml');
  const netLog = path.join(scratchDir, 'net-attempts.jsonl');
  await fsp.mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await fsp.mkdir(extensionsDir, { recursive: true });

  // An empty gallery turns the marketplace (open-vsx.org by default) off entirely.
  env.EXTENSIONS_GALLERY = '{}';
  Object.assign(env, opts.env ?? {});
  if (opts.netGuard !== false) {
    const guard = path.join(scratchDir, 'net-guard.cjs');
    await fsp.writeFile(guard, NET_GUARD_SOURCE);
    env.PAR_E2E_NET_LOG = netLog;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${guard}`.trim();
  }

  const settings = { ...BASE_USER_SETTINGS, ...(opts.userSettings ?? {}) };
  if (opts.disableWorkspaceTrust === false) delete settings['security.workspace.trust.enabled'];
  await fsp.writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (opts.keybindings) await fsp.writeFile(path.join(userDataDir, 'User', 'keybindings.json'), JSON.stringify(opts.keybindings, null, 2));

  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const stopped = { value: false };
  const cleanupScratch = () => rmrf(scratchDir);

  let installMs = 0;
  try {
    const vsixes = opts.vsixPath ? [opts.vsixPath].flat() : [];
    for (const vsix of vsixes) {
      const t0 = performance.now();
      const res = /** @type {{code: number, out: string}} */ (
        await runCli(bin, [...common, '--config', configPath, '--force', '--install-extension', path.resolve(vsix)], env, timeoutMs)
      );
      installMs += performance.now() - t0;
      if (res.code !== 0 || !/successfully installed/i.test(res.out)) {
        throw new Error(`code-server --install-extension ${vsix} failed (exit ${res.code}):\n${res.out}`);
      }
    }
  } catch (e) {
    cleanupScratch();
    throw e;
  }

  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  await fsp.writeFile(configPath, `bind-addr: ${authority}\nauth: none\ncert: false\n`);
  const args = [
    ...common,
    '--config', configPath,
    '--bind-addr', authority,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(opts.disableWorkspaceTrust === false ? [] : ['--disable-workspace-trust']),
    ...(opts.locale ? ['--locale', opts.locale] : []),
    ...(opts.extraArgs ?? []),
  ];
  const t0 = performance.now();
  const child = spawn(bin, args, { env, cwd: opts.workspaceDir ?? scratchDir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pid = /** @type {number} */ (child.pid);
  const entry = { kill: () => killGroup(pid, 'SIGKILL') };
  liveProcesses.add(entry);
  const out = tailBuffer();
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => {
    child.on('exit', (code) => {
      liveProcesses.delete(entry);
      resolve(code);
    });
    child.on('error', (e) => {
      out.push(`spawn error: ${e.message}\n`);
      liveProcesses.delete(entry);
      resolve(-1);
    });
  });
  const onData = (/** @type {Buffer} */ d) => {
    const s = d.toString();
    out.push(s);
    if (opts.onOutput) for (const line of s.split('\n')) if (line) opts.onOutput(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const stop = async () => {
    if (stopped.value) return;
    stopped.value = true;
    killGroup(pid, 'SIGTERM');
    /** @type {NodeJS.Timeout | undefined} */
    let t;
    const done = await Promise.race([exited.then(() => true), new Promise((r) => (t = setTimeout(() => r(false), 5000)))]);
    clearTimeout(t);
    // Also SIGKILL the group: ext host / pty host children may outlive the main process.
    killGroup(pid, 'SIGKILL');
    if (!done) await exited;
    liveProcesses.delete(entry);
    if (opts.logFile) {
      try {
        await fsp.mkdir(path.dirname(opts.logFile), { recursive: true });
        await fsp.writeFile(opts.logFile, out.text);
      } catch {
        /* ignore */
      }
    }
    cleanupScratch();
  };

  const url = `http://${authority}`;
  try {
    await withTimeout(
      (async () => {
        for (;;) {
          const code = await Promise.race([exited, Promise.resolve('running')]);
          if (code !== 'running') throw new Error(`code-server exited early with code ${code}`);
          try {
            const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
            if (res.ok) return;
          } catch {
            /* not listening yet */
          }
          // Poll interval while waiting for the port to open (event-less condition).
          await new Promise((r) => setTimeout(r, 100));
        }
      })(),
      timeoutMs,
      `waiting for code-server ${url}/healthz`,
    );
  } catch (e) {
    await stop();
    throw new Error(`${/** @type {Error} */ (e).message}\n--- code-server output ---\n${out.text}`);
  }
  const startMs = performance.now() - t0;

  return {
    url,
    port,
    pid,
    authority,
    workspaceDir: opts.workspaceDir,
    userDataDir,
    extensionsDir,
    scratchDir,
    startMs,
    installMs,
    output: () => out.text,
    externalNetworkAttempts: () => {
      try {
        return fs
          .readFileSync(netLog, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l));
      } catch {
        return [];
      }
    },
    stop,
  };
}

// ----------------------------------------------------------------------------- browser

/**
 * @typedef {object} LaunchBrowserOptions
 * @property {boolean} [headless] default true (PAR_E2E_HEADED=1 to watch, needs a display)
 * @property {string[]} [args] extra Chromium flags
 */

/**
 * Launch Debian's Chromium through playwright-core with scratch HOME/XDG/TMPDIR.
 * browser.close() also removes the scratch folder.
 * @param {LaunchBrowserOptions} [opts]
 * @returns {Promise<Browser>}
 */
export async function launchBrowser(opts = {}) {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('Chromium not found at /usr/bin/chromium. Run `bash scripts/e2e/install-real-editor.sh`.');
  }
  installExitHooks();
  const { chromium } = await import('playwright-core');
  const headless = opts.headless ?? process.env.PAR_E2E_HEADED !== '1';
  const scratchDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'par-e2e-chromium-'));
  removeOnExit(scratchDir);
  const { env } = scratchEnv(scratchDir);
  let browser;
  try {
    browser = await withTimeout(
      chromium.launch({
        executablePath,
        headless,
        args: [...(headless ? ['--headless'] : []), ...CHROMIUM_FLAGS, ...(opts.args ?? [])],
        env: /** @type {Record<string, string>} */ (env),
        timeout: DEFAULT_TIMEOUT_MS,
      }),
      DEFAULT_TIMEOUT_MS + 5000,
      'launching Chromium',
    );
  } catch (e) {
    rmrf(scratchDir);
    throw e;
  }
  browser.on('disconnected', () => rmrf(scratchDir));
  return browser;
}

/**
 * Make the workbench loaded in `page` report `language` as its display language, so that
 * extensions see `vscode.env.language === language` and `vscode.l10n` / package.nls.<lang>.json
 * use that language. code-server's --locale cannot do this for Vietnamese: it falls back to
 * "en" when no VS Code language pack for the locale is installed (none is, offline).
 * The workbench's own UI stays English. Call before page.goto().
 * @param {Page} page
 * @param {string} language  e.g. "vi"
 */
export async function setDisplayLanguage(page, language) {
  await page.addInitScript((language) => {
    // The NLS scripts assign this global (module code, strict mode): keep a setter that ignores them.
    Object.defineProperty(globalThis, '_VSCODE_NLS_LANGUAGE', { configurable: true, get: () => language, set: () => {} });
  }, language);
}

/**
 * New page of a fresh context (1280x800, reduced motion), recording requests that leave
 * 127.0.0.1 in `page.externalRequests`. `language`: see setDisplayLanguage().
 * @param {Browser} browser
 * @param {{ viewport?: {width: number, height: number}, language?: string }} [opts]
 * @returns {Promise<Page & { externalRequests: string[] }>}
 */
export async function newPage(browser, opts = {}) {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = /** @type {Page & { externalRequests: string[] }} */ (await context.newPage());
  page.externalRequests = [];
  if (opts.language) await setDisplayLanguage(page, opts.language);
  const note = (/** @type {string} */ u) => {
    if (/^(data|blob|about|chrome|vscode-[a-z-]+):/.test(u)) return;
    try {
      const h = new URL(u).hostname;
      if (h === '127.0.0.1' || h === 'localhost' || h === '[::1]' || h.endsWith('.localhost')) return;
    } catch {
      return;
    }
    page.externalRequests.push(u);
  };
  context.on('request', (r) => note(r.url()));
  page.on('websocket', (ws) => note(ws.url()));
  return page;
}

// ----------------------------------------------------------------------------- workbench driving

/**
 * Workbench URL for a folder, optionally with a `payload` (extension development/test paths).
 * @param {string} baseUrl  e.g. server.url
 * @param {{ folder?: string, payload?: Array<[string, string]> }} [opts]
 */
export function workbenchUrl(baseUrl, opts = {}) {
  const u = new URL(baseUrl.replace(/\/?$/, '/'));
  if (opts.folder) u.searchParams.set('folder', path.resolve(opts.folder));
  if (opts.payload) u.searchParams.set('payload', JSON.stringify(opts.payload));
  return u.toString();
}

/**
 * Open the workbench on `folder` and wait until it is usable: the workbench, the explorer
 * (with the folder's tree), the status bar and the extension host's first contributions.
 * @param {Page} page
 * @param {string} url     server.url
 * @param {string} [folder]
 * @param {{ timeout?: number }} [opts]
 */
export async function openWorkbench(page, url, folder, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  await page.goto(workbenchUrl(url, { folder }), { timeout });
  await waitVisible(page, '.monaco-workbench', { timeout, what: 'the workbench (.monaco-workbench)' });
  await waitVisible(page, '#workbench\\.parts\\.statusbar', { timeout, what: 'the status bar' });
  if (folder) {
    await waitVisible(page, '.explorer-folders-view .monaco-list', { timeout, what: 'the explorer tree' });
  }
  // The remote connection is ready when the status bar shows the remote indicator and
  // no "Opening Remote..." / reconnect progress remains.
  await page.waitForFunction(
    () => !document.querySelector('.monaco-workbench .part.statusbar .codicon-loading, .monaco-progress-container.active'),
    undefined,
    { timeout },
  ).catch(() => {
    throw new Error(`Timed out after ${timeout} ms waiting for the workbench to finish loading`);
  });
}

/**
 * Wait until `selector` is visible; throws "Timed out ... waiting for <what>".
 * @param {Page} page
 * @param {string} selector
 * @param {{ timeout?: number, what?: string }} [opts]
 */
export async function waitVisible(page, selector, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  try {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`Timed out after ${timeout} ms waiting for ${opts.what ?? selector} to be visible`);
  }
}

/**
 * Wait until `selector` is hidden or gone.
 * @param {Page} page
 * @param {string} selector
 * @param {{ timeout?: number, what?: string }} [opts]
 */
export async function waitHidden(page, selector, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  try {
    await page.locator(selector).first().waitFor({ state: 'hidden', timeout });
  } catch {
    throw new Error(`Timed out after ${timeout} ms waiting for ${opts.what ?? selector} to disappear`);
  }
}

/** @typedef {{ re?: string, flags?: string, str?: string }} MatcherSource */
/** @param {string | RegExp} m @returns {MatcherSource} */
const matcherSource = (m) => (m instanceof RegExp ? { re: m.source, flags: m.flags } : { str: m });

/**
 * Wait until some element matching `selector` has text matching `match` (substring or RegExp);
 * returns that element's text (whitespace normalised).
 * @param {Page} page
 * @param {string} selector
 * @param {string | RegExp} match
 * @param {{ timeout?: number, what?: string, attribute?: string }} [opts]  attribute: match an attribute instead of textContent
 * @returns {Promise<string>}
 */
export async function waitForText(page, selector, match, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  try {
    const handle = await page.waitForFunction(
      ({ selector, m, attribute }) => {
        const test = (/** @type {string} */ s) => (m.re !== undefined ? new RegExp(m.re, m.flags).test(s) : s.includes(m.str ?? ''));
        for (const el of document.querySelectorAll(selector)) {
          const raw = attribute ? el.getAttribute(attribute) ?? '' : el.textContent ?? '';
          const s = raw.replace(/[\s\u00a0]+/g, ' ').trim();
          if (test(s)) return s;
        }
        return false;
      },
      /** @type {{ selector: string, m: MatcherSource, attribute: string | undefined }} */ ({ selector, m: matcherSource(match), attribute: opts.attribute }),
      { timeout },
    );
    return /** @type {string} */ (await handle.jsonValue());
  } catch {
    const seen = await page
      .$$eval(selector, (els, attribute) => els.map((e) => (attribute ? e.getAttribute(attribute) : e.textContent)?.trim()).slice(0, 10), opts.attribute)
      .catch(() => []);
    throw new Error(
      `Timed out after ${timeout} ms waiting for ${opts.what ?? selector} to match ${String(match)}; saw: ${JSON.stringify(seen)}`,
    );
  }
}

/**
 * Send a key chord to the workbench (focus stays where the workbench put it).
 * @param {Page} page
 * @param {string} keys  Playwright key syntax, e.g. "Control+Shift+M"
 */
export async function press(page, keys) {
  await page.keyboard.press(keys);
}

/**
 * Open a workspace file with Quick Open (Ctrl+P) and wait until its editor is active.
 * @param {Page} page
 * @param {string} fileName  file name (or relative path) to type
 * @param {{ timeout?: number }} [opts]
 */
export async function quickOpen(page, fileName, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  const base = path.basename(fileName);
  await page.keyboard.press('Control+P');
  await waitVisible(page, '.quick-input-widget', { timeout, what: 'Quick Open' });
  await page.keyboard.type(fileName);
  await waitForText(page, '.quick-input-list .monaco-list-row.focused', base, { timeout, what: `Quick Open's focused row` });
  await page.keyboard.press('Enter');
  await waitHidden(page, '.quick-input-widget', { timeout, what: 'Quick Open' });
  await waitForText(page, '.tabs-container .tab.active', base, { timeout, what: `the active editor tab`, attribute: 'aria-label' });
  await waitVisible(page, '.editor-group-container.active .monaco-editor .view-lines', { timeout, what: 'the editor text' });
}

/**
 * Run a command from the command palette (F1) by its title as shown there,
 * e.g. "PAR: Check plan" or "View: Toggle Problems". The first row must match exactly
 * (category: title), otherwise the row containing `title` is used.
 * @param {Page} page
 * @param {string} title
 * @param {{ timeout?: number }} [opts]
 */
export async function runCommand(page, title, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  await page.keyboard.press('F1');
  await waitVisible(page, '.quick-input-widget', { timeout, what: 'the command palette' });
  await page.keyboard.type(title);
  const rowSel = '.quick-input-list .monaco-list-row';
  await waitForText(page, rowSel, title, { timeout, what: `a command palette row "${title}"`, attribute: 'aria-label' });
  // Prefer an exact label match; click it (Enter would run whichever row is focused).
  const clicked = await page.evaluate(
    ({ rowSel, title }) => {
      const norm = (/** @type {string | null} */ s) => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
      const rows = [...document.querySelectorAll(rowSel)];
      const label = (/** @type {Element} */ r) => norm(r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label'));
      const row = rows.find((r) => label(r) === title) ?? rows.find((r) => norm(r.getAttribute('aria-label')).includes(title));
      if (!row) return false;
      /** @type {HTMLElement} */ (row).click();
      return true;
    },
    { rowSel, title },
  );
  if (!clicked) throw new Error(`Command "${title}" not found in the command palette`);
  // Done when the palette closed, or was replaced by the command's own quick pick / input box.
  try {
    await page.waitForFunction(
      () => {
        const w = /** @type {HTMLElement | null} */ (document.querySelector('.quick-input-widget'));
        const input = /** @type {HTMLInputElement | null} */ (document.querySelector('.quick-input-widget .quick-input-box input'));
        return !w || w.style.display === 'none' || !w.offsetParent || !(input?.value ?? '').startsWith('>');
      },
      undefined,
      { timeout },
    );
  } catch {
    throw new Error(`Timed out after ${timeout} ms waiting for the command palette to close after running "${title}"`);
  }
}

/**
 * Wait for a notification toast whose message matches; returns its message text.
 * @param {Page} page
 * @param {string | RegExp} match
 * @param {{ timeout?: number }} [opts]
 */
export function waitForNotification(page, match, opts = {}) {
  return waitForText(page, '.notifications-toasts .notification-list-item-message', match, { ...opts, what: 'a notification' });
}

/**
 * Wait for a status bar item whose text matches; returns its text.
 * @param {Page} page
 * @param {string | RegExp} match
 * @param {{ timeout?: number }} [opts]
 */
export function waitForStatusBarItem(page, match, opts = {}) {
  return waitForText(page, '#workbench\\.parts\\.statusbar .statusbar-item', match, { ...opts, what: 'a status bar item' });
}

/**
 * Read the Problems counters of the status bar ("⊗ 2 ⚠ 1", and "ⓘ n" only when there are infos).
 * @param {Page} page
 * @returns {Promise<{ errors: number, warnings: number, infos: number }>}
 */
export async function getProblemCounts(page) {
  return page.evaluate(() => {
    const nums = ((document.getElementById('status.problems')?.textContent ?? '').match(/\d+/g) ?? []).map(Number);
    return { errors: nums[0] ?? 0, warnings: nums[1] ?? 0, infos: nums[2] ?? 0 };
  });
}

/**
 * Wait until the status bar's Problems counters satisfy `expected` (only given keys are compared).
 * @param {Page} page
 * @param {{ errors?: number, warnings?: number, infos?: number }} expected
 * @param {{ timeout?: number }} [opts]
 */
export async function waitForProblemCounts(page, expected, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  try {
    await page.waitForFunction(
      (expected) => {
        const el = document.getElementById('status.problems');
        if (!el) return false;
        const nums = ((el.textContent ?? '').match(/\d+/g) ?? []).map(Number);
        const got = { errors: nums[0] ?? 0, warnings: nums[1] ?? 0, infos: nums[2] ?? 0 };
        return Object.entries(expected).every(([k, v]) => got[/** @type {'errors'} */ (k)] === v);
      },
      expected,
      { timeout },
    );
  } catch {
    const got = await getProblemCounts(page).catch(() => undefined);
    throw new Error(`Timed out after ${timeout} ms waiting for problem counts ${JSON.stringify(expected)}; status bar shows ${JSON.stringify(got)}`);
  }
  return getProblemCounts(page);
}

/**
 * @typedef {object} ProblemRow
 * @property {'error' | 'warning' | 'info' | string} severity
 * @property {string} message
 * @property {string} source    e.g. "par-plan"
 * @property {string} code      diagnostic code, "" if none
 * @property {string} location  e.g. "[Ln 3, Col 1]"
 * @property {string} resource  file name of the group the marker belongs to
 */

/**
 * Open the Problems panel (Ctrl+Shift+M, unless already visible) and wait until it lists
 * `count` markers (omit: at least one); returns the rendered marker rows.
 * The list is virtualised: only rows scrolled into view exist in the DOM, so for large counts
 * compare the status bar (waitForProblemCounts) instead.
 * @param {Page} page
 * @param {number} [count]
 * @param {{ timeout?: number }} [opts]
 * @returns {Promise<ProblemRow[]>}
 */
export async function openProblemsPanel(page, count, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  const isOpen = await page.locator('.markers-panel').first().isVisible().catch(() => false);
  if (!isOpen) await page.keyboard.press('Control+Shift+M');
  await waitVisible(page, '.markers-panel', { timeout, what: 'the Problems panel' });
  try {
    const h = await page.waitForFunction(
      (count) => {
        const t = (/** @type {Element | null | undefined} */ e) => (e?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
        let resource = '';
        /** @type {any[]} */
        const rows = [];
        for (const r of document.querySelectorAll('.markers-panel .monaco-list-row')) {
          const icon = r.querySelector('.marker-icon');
          if (!icon) {
            resource = t(r.querySelector('.label-name')) || t(r);
            continue;
          }
          rows.push({
            severity: [...icon.classList].find((c) => c !== 'marker-icon') ?? '',
            message: t(r.querySelector('.marker-message')),
            source: t(r.querySelector('.marker-source')),
            code: t(r.querySelector('.marker-code')),
            location: t(r.querySelector('.marker-line')),
            resource,
          });
        }
        if (count === undefined ? rows.length === 0 : rows.length !== count) return false;
        return rows;
      },
      count,
      { timeout },
    );
    return /** @type {ProblemRow[]} */ (await h.jsonValue());
  } catch {
    const n = await page.locator('.markers-panel .monaco-list-row .marker-icon').count().catch(() => -1);
    throw new Error(`Timed out after ${timeout} ms waiting for ${count ?? '≥1'} markers in the Problems panel; it shows ${n}`);
  }
}

/**
 * Wait until the active editor shows a squiggle of the given severity.
 * @param {Page} page
 * @param {'error' | 'warning' | 'info' | 'hint'} [severity]
 * @param {{ timeout?: number }} [opts]
 */
export function waitForSquiggle(page, severity = 'error', opts = {}) {
  return waitVisible(page, `.editor-group-container.active .monaco-editor .squiggly-${severity}`, {
    ...opts,
    what: `a ${severity} squiggle in the active editor`,
  });
}

/**
 * Wait until the active editor's visible text contains `match`; returns the visible text.
 * @param {Page} page
 * @param {string | RegExp} match
 * @param {{ timeout?: number }} [opts]
 */
export function waitForEditorText(page, match, opts = {}) {
  return waitForText(page, '.editor-group-container.active .monaco-editor .view-lines', match, { ...opts, what: 'the active editor text' });
}

/**
 * Move the cursor with "Go to Line/Column" (Ctrl+G) and wait until the status bar shows it.
 * @param {Page} page
 * @param {number} line    1-based
 * @param {number} [column] 1-based
 * @param {{ timeout?: number }} [opts]
 */
export async function gotoLine(page, line, column = 1, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  await page.keyboard.press('Control+G');
  await waitVisible(page, '.quick-input-widget', { timeout, what: 'Go to Line' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await waitHidden(page, '.quick-input-widget', { timeout, what: 'Go to Line' });
  await waitForStatusBarItem(page, `Ln ${line}, Col ${column}`, { timeout });
}

/**
 * Replace the whole text of the active editor, verbatim: Ctrl+A, then a synthetic paste event
 * carrying `text` (typing or insertText would auto-indent each new line). Waits until the
 * editor shows the first non-blank line.
 * @param {Page} page
 * @param {string} text
 * @param {{ timeout?: number }} [opts]
 */
export async function setEditorText(page, text, opts = {}) {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  const ok = await page.evaluate((text) => {
    const target = document.activeElement;
    if (!target || !target.closest('.monaco-editor')) return false;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return true;
  }, text);
  if (!ok) throw new Error('setEditorText: the editor does not have the keyboard focus');
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  if (first) await waitForEditorText(page, first.trim(), opts);
}

/**
 * Trigger suggestions (Ctrl+Space) at the cursor; returns the visible item labels.
 * @param {Page} page
 * @param {{ timeout?: number, expect?: string | RegExp }} [opts]  expect: wait until some label matches
 * @returns {Promise<string[]>}
 */
export async function triggerSuggest(page, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  await page.keyboard.press('Control+Space');
  const rowSel = '.editor-widget.suggest-widget.visible .monaco-list-row';
  if (opts.expect) await waitForText(page, `${rowSel} .label-name`, opts.expect, { timeout, what: 'a suggestion' });
  else await waitVisible(page, rowSel, { timeout, what: 'the suggest widget' });
  return page.$$eval(`${rowSel} .label-name`, (els) => els.map((e) => (e.textContent ?? '').trim()));
}

/**
 * Show the hover at the cursor ("Show or Focus Hover", Ctrl+K Ctrl+I) and return its text.
 * @param {Page} page
 * @param {{ timeout?: number, expect?: string | RegExp }} [opts]  expect: wait until the hover matches
 * @returns {Promise<string>}
 */
export async function showHover(page, opts = {}) {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  return waitForText(page, '.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents', opts.expect ?? /\S/, {
    timeout,
    what: 'the hover',
  });
}

/**
 * Close notifications toasts and the quick input, so the next screenshot is clean.
 * @param {Page} page
 */
export async function dismissOverlays(page) {
  await page.keyboard.press('Escape');
  for (const btn of await page.locator('.notifications-toasts .codicon-notifications-clear, .notifications-toasts .codicon-close').all()) {
    await btn.click().catch(() => {});
  }
}

/**
 * Take a screenshot of the page (folders are created).
 * @param {Page} page
 * @param {string} file
 */
export async function screenshot(page, file) {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

// ----------------------------------------------------------------------------- extension tests

/**
 * @typedef {object} ExtensionTestsOptions
 * @property {string} extensionDevelopmentPath  folder of the (unpackaged) extension under test
 * @property {string} extensionTestsPath        module (.js, CommonJS) exporting `run(): Promise<void>`
 * @property {string} [workspaceDir]            folder to open
 * @property {string | string[]} [vsixPath]     extra extensions to install first
 * @property {Record<string, unknown>} [userSettings]
 * @property {string} [locale]                  code-server --locale
 * @property {string} [language]                vscode.env.language seen by extensions (see setDisplayLanguage)
 * @property {NodeJS.ProcessEnv} [env]         extra environment for code-server (and so the ext host)
 * @property {Browser} [browser]                reuse a browser (otherwise one is launched and closed)
 * @property {number} [timeoutMs]               whole-run timeout (default 120 s)
 * @property {(level: string, message: string) => void} [onLog] extension host output (default: stdout with a prefix)
 * @property {string} [screenshotOnTimeout]     file to write a screenshot to if the run times out
 * @property {string} [logFile]                 where to copy code-server's output
 */

/**
 * Run extension tests inside code-server's Node extension host, the test-electron way:
 * the workbench is opened with a `payload` URL parameter holding extensionDevelopmentPath and
 * extensionTestsPath; the workbench calls window.codeAutomationExit(code) when run() settles
 * (0 = resolved, 1 = rejected) and window.codeAutomationLog(level, message) for the extension
 * host's console output.
 * @param {ExtensionTestsOptions} opts
 * @returns {Promise<number>} exit code
 */
export async function runExtensionTestsInCodeServer(opts) {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const onLog =
    opts.onLog ??
    ((level, message) => {
      for (const line of String(message).split('\n')) process.stdout.write(`  [ext host ${level}] ${line}\n`);
    });
  for (const p of [opts.extensionDevelopmentPath, opts.extensionTestsPath]) {
    if (!fs.existsSync(p)) throw new Error(`runExtensionTestsInCodeServer: ${p} does not exist`);
  }
  const server = await startCodeServer({
    workspaceDir: opts.workspaceDir,
    vsixPath: opts.vsixPath,
    userSettings: opts.userSettings,
    locale: opts.locale,
    env: opts.env,
    logFile: opts.logFile,
  });
  /** @type {Browser | undefined} */
  let ownBrowser;
  /** @type {BrowserContext | undefined} */
  let context;
  try {
    const browser = opts.browser ?? (ownBrowser = await launchBrowser());
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    if (opts.language) await setDisplayLanguage(page, opts.language);
    /** @type {(code: number) => void} */
    let resolveExit = () => {};
    /** @type {Promise<number>} */
    const exitCode = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => {
      resolveExit(Number(code));
    });
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ level, /** @type {unknown} */ msg) => {
      // The workbench passes the logger's arguments as an array.
      const parts = Array.isArray(msg) ? msg : [msg];
      onLog(String(level), parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
    });
    const remote = (/** @type {string} */ p) => `vscode-remote://${server.authority}${path.resolve(p)}`;
    const url = workbenchUrl(server.url, {
      folder: opts.workspaceDir,
      payload: [
        ['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)],
        ['extensionTestsPath', remote(opts.extensionTestsPath)],
      ],
    });
    await page.goto(url, { timeout: DEFAULT_TIMEOUT_MS });
    try {
      return await withTimeout(exitCode, timeoutMs, `waiting for the extension tests (${opts.extensionTestsPath}) to finish`);
    } catch (e) {
      if (opts.screenshotOnTimeout) await screenshot(page, opts.screenshotOnTimeout).catch(() => {});
      throw new Error(`${/** @type {Error} */ (e).message}\n--- code-server output (tail) ---\n${server.output().slice(-4000)}`);
    }
  } finally {
    await context?.close().catch(() => {});
    await ownBrowser?.close().catch(() => {});
    await server.stop();
  }
}

/**
 * Convenience: start code-server + Chromium, open the workbench on `workspaceDir`, run `fn`,
 * and always clean up (screenshot to `failureScreenshot` if fn throws).
 * @template T
 * @param {CodeServerOptions & { failureScreenshot?: string, language?: string }} opts
 * @param {(ctx: { server: CodeServer, browser: Browser, page: Page & { externalRequests: string[] } }) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withWorkbench(opts, fn) {
  const server = await startCodeServer(opts);
  /** @type {Browser | undefined} */
  let browser;
  /** @type {(Page & { externalRequests: string[] }) | undefined} */
  let page;
  try {
    browser = await launchBrowser();
    page = await newPage(browser, { language: opts.language });
    await openWorkbench(page, server.url, opts.workspaceDir);
    return await fn({ server, browser, page });
  } catch (e) {
    if (page && opts.failureScreenshot) await screenshot(page, opts.failureScreenshot).catch(() => {});
    throw e;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}
