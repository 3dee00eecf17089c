// The server under stress: one server, 50 plans open, 2,000 ranged edits spread over them in bursts,
// configuration changes in between. Every diagnostic set it publishes equals a fresh analysis of that
// document version's text under the settings then in force; no request takes over 1 s; after the
// documents close, the heap returns near where it started.
//
// The server runs in this process (over in-memory streams) so that its heap can be measured after a
// full collection; it is the same PlanLanguageServer the built server.js starts.

import { PassThrough } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate-plan.mjs';
import { PlanAnalysis, type SeverityOrOff } from '../../server/src/engine';
import { DEFAULT_OPTIONS } from '../../server/src/engine/analysis';
import { LineIndex } from '../../server/src/engine/parse';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { nodeEnvironment } from '../../server/src/lsp/node-environment';
import { PlanLanguageServer } from '../../server/src/lsp/server';
import { ruleDocUrl } from '../../server/src/host/rule-docs';
import { bundledData } from '../support/engine';
import { random, randomChange } from '../support/ranged-edits';

const DOCUMENTS = 50;
const EDITS = 2_000;
const BURSTS = 40;
const REQUEST_LIMIT_MS = 1000;

/** The editor settings the soak alternates between (rule severities: what a configuration change changes). */
const SETTINGS: { rules: Record<string, SeverityOrOff> }[] = [{ rules: {} }, { rules: { 'par/missing-lead': 'error', 'par/unknown-unit': 'off', 'par/missing-deadline': 'hint' } }];

function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface Published {
  uri: string;
  version: number;
  diagnostics: unknown[];
}

describe('soak', () => {
  it(`${DOCUMENTS} plans, ${EDITS} ranged edits in ${BURSTS} bursts, configuration changes: every publication right, no slow request, memory back`, async () => {
    const gc = collectGarbage();
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = new PlanLanguageServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), nodeEnvironment());
    server.start();
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));

    let settings = SETTINGS[0];
    // The settings in force for each publication: switched when the server pulls them (after that,
    // it checks every document again; nothing it publishes later used the old ones).
    let inForce = settings;
    client.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      inForce = settings;
      return p.items.map(() => settings);
    });
    const texts = new Map<string, Map<number, string>>();
    const latest = new Map<string, number>();
    const lastPublished = new Map<string, number>();
    const problems: string[] = [];
    let checked = 0;
    const data = bundledData();
    const optionsFor = (s: typeof settings) => ({ ...DEFAULT_OPTIONS, locale: 'vi' as const, severities: s.rules });
    let quiet: (() => void) | undefined;
    const allPublished = () => [...latest].every(([uri, version]) => lastPublished.get(uri) === version);
    client.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      if (!latest.has(p.uri)) return; // closed: the server clears its diagnostics
      const text = texts.get(p.uri)!.get(p.version);
      if (text === undefined) problems.push(`${p.uri}: published for unknown version ${p.version}`);
      else {
        const lines = LineIndex.of(text);
        const expected = new PlanAnalysis(text, data, optionsFor(inForce)).findings().map((f) => toDiagnostic(lines, p.uri, f, ruleDocUrl));
        if (JSON.stringify(expected) !== JSON.stringify(p.diagnostics)) {
          const at = expected.findIndex((d, i) => JSON.stringify(d) !== JSON.stringify(p.diagnostics[i]));
          const first = at === -1 ? expected.length : at;
          problems.push(`${p.uri} v${p.version}: ${p.diagnostics.length} published, ${expected.length} fresh; first difference at ${first}: ${JSON.stringify(p.diagnostics[first])} vs ${JSON.stringify(expected[first])}`);
        }
        checked++;
      }
      lastPublished.set(p.uri, p.version);
      if (quiet && allPublished()) quiet();
    });
    for (const method of ['window/logMessage', 'window/showMessage', 'parPlan/treeChanged']) client.onNotification(method, () => undefined);
    client.onRequest('client/registerCapability', () => null);
    client.listen();
    const settled = () => new Promise<void>((resolve) => (allPublished() ? resolve() : (quiet = resolve)));

    const slow: string[] = [];
    const timed = async (what: string, request: Promise<unknown>) => {
      const started = performance.now();
      await request;
      const ms = performance.now() - started;
      if (ms > REQUEST_LIMIT_MS) slow.push(`${what}: ${ms.toFixed(0)} ms`);
    };

    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { locale: 'vi' } });
    await client.sendNotification('initialized', {});
    gc();
    const heapBefore = process.memoryUsage().heapUsed;

    const next = random(20260101);
    const docs = Array.from({ length: DOCUMENTS }, (_, i) => ({ uri: `untitled:soak-${i}.par.yaml`, version: 1, text: generatePlan({ tasks: 3 + (i % 8) * 6, seed: 500 + i, defectRate: 0.3 }) }));
    for (const doc of docs) {
      texts.set(doc.uri, new Map([[1, doc.text]]));
      latest.set(doc.uri, 1);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'par-plan', version: 1, text: doc.text } });
    }
    await settled();

    let heapPeak = 0;
    for (let burst = 0; burst < BURSTS; burst++) {
      // A burst: a handful of documents, edited in quick succession (one to three changes per event).
      const touched = Array.from({ length: 5 }, () => docs[Math.floor(next() * docs.length)]);
      for (let e = 0; e < EDITS / BURSTS; e++) {
        const doc = touched[e % touched.length];
        const contentChanges = [];
        for (let n = 1 + Math.floor(next() * 2); n > 0; n--) {
          const change = randomChange(doc.text, next);
          const lines = LineIndex.of(doc.text);
          contentChanges.push({ range: { start: lines.positionAt(change.start), end: lines.positionAt(change.end) }, text: change.text });
          doc.text = doc.text.slice(0, change.start) + change.text + doc.text.slice(change.end);
        }
        doc.version++;
        texts.get(doc.uri)!.set(doc.version, doc.text);
        latest.set(doc.uri, doc.version);
        void client.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges });
        if (e % 10 === 9) {
          const position = LineIndex.of(doc.text).positionAt(Math.floor(next() * doc.text.length));
          await Promise.all([
            timed('hover', client.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position })),
            timed('completion', client.sendRequest('textDocument/completion', { textDocument: { uri: doc.uri }, position })),
            timed('documentSymbol', client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: doc.uri } })),
          ]);
        }
      }
      await settled();
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      if (burst % 8 === 7) {
        // A configuration change once the server is quiet: it pulls the settings and checks every document again.
        settings = SETTINGS[(SETTINGS.indexOf(settings) + 1) % SETTINGS.length];
        for (const uri of latest.keys()) lastPublished.delete(uri);
        await client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
        await settled();
        expect(inForce).toBe(settings);
      }
      // Versions nobody will publish again are not kept (the texts are this test's, not the server's).
      for (const [uri, versions] of texts) for (const v of versions.keys()) if (v < (lastPublished.get(uri) ?? 0)) versions.delete(v);
    }

    expect(problems).toEqual([]);
    expect(slow).toEqual([]);
    expect(checked).toBeGreaterThan(BURSTS * 5);

    for (const doc of docs) await client.sendNotification('textDocument/didClose', { textDocument: { uri: doc.uri } });
    latest.clear();
    texts.clear();
    // One request after the closes: every close has been handled when it is answered.
    await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: docs[0].uri } });
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(`soak: ${checked} publications checked; heap ${mb(heapBefore)} MB before, ${mb(heapPeak)} MB peak, ${mb(heapAfter)} MB after closing`);
    // Near the start: module-level caches (deadline meanings, compiled code) may stay, the documents may not.
    expect(heapAfter - heapBefore).toBeLessThan(16 * 1024 * 1024);
    client.dispose();
  }, 180_000);
});
