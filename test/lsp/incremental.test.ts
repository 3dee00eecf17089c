// A long-lived server fed ranged edits answers exactly as a fresh server given the same text:
// diagnostics, symbols, folding, and hover asked right after the edit (before the new version is
// checked). Regression cases first (the depth limit across two pastes; a task count in a hover),
// then a randomized run: Vietnamese text, dedents, pastes of many lines, several changes in one event.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/engine/parse';
import { TestClient, type Published } from '../support/lsp-client';
import { random, randomChange, type Change } from '../support/ranged-edits';

const root = join(__dirname, '..', '..');
const sample = readFileSync(join(root, 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');

let live: TestClient;
let fresh: TestClient;
let freshDocs = 0;

beforeAll(async () => {
  live = new TestClient();
  fresh = new TestClient();
  await Promise.all([live.initialize({ locale: 'vi' }), fresh.initialize({ locale: 'vi' })]);
});
afterAll(async () => {
  await Promise.all([live?.stop(), fresh?.stop()]);
});

/** A document in the long-lived server, edited by ranged changes, with its text kept alongside. */
class LiveDocument {
  version = 1;
  constructor(
    readonly uri: string,
    public text: string,
  ) {}

  async open(): Promise<Published> {
    const published = live.diagnostics(this.uri, (p) => p.version === this.version);
    await live.open(this.uri, this.text, this.version);
    return published;
  }

  /** Sends the changes as one didChange event (each in the offsets of the text after the ones before it). */
  async change(changes: Change[]): Promise<void> {
    const contentChanges = changes.map((c) => {
      const lines = LineIndex.of(this.text);
      const range = { start: lines.positionAt(c.start), end: lines.positionAt(c.end) };
      this.text = this.text.slice(0, c.start) + c.text + this.text.slice(c.end);
      return { range, text: c.text };
    });
    this.version++;
    await live.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges });
  }

  diagnostics(): Promise<Published> {
    return live.diagnostics(this.uri, (p) => p.version === this.version);
  }
}

type Position = { line: number; character: number };
const hover = (client: TestClient, uri: string, position: Position) => client.request('textDocument/hover', { textDocument: { uri }, position });

/** What a fresh server answers for the text: diagnostics, symbols, folding and hovers at the positions. */
async function freshAnswers(text: string, positions: Position[]) {
  const uri = `untitled:fresh-${++freshDocs}.par.yaml`;
  const published = fresh.diagnostics(uri);
  await fresh.open(uri, text);
  const hovers = await Promise.all(positions.map((p) => hover(fresh, uri, p)));
  const answers = {
    diagnostics: (await published).diagnostics,
    symbols: await fresh.request('textDocument/documentSymbol', { textDocument: { uri } }),
    folding: await fresh.request('textDocument/foldingRange', { textDocument: { uri } }),
    hovers,
  };
  await fresh.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return answers;
}

/** The long-lived server's answers for its current version; hovers are asked before it is checked. */
async function liveAnswers(doc: LiveDocument, positions: Position[]) {
  const published = doc.diagnostics();
  const hovers = await Promise.all(positions.map((p) => hover(live, doc.uri, p)));
  return {
    diagnostics: (await published).diagnostics,
    symbols: await live.request('textDocument/documentSymbol', { textDocument: { uri: doc.uri } }),
    folding: await live.request('textDocument/foldingRange', { textDocument: { uri: doc.uri } }),
    hovers,
  };
}

describe('regressions', () => {
  it('the depth limit counts nesting built over two edits (a line "zz:" then 63 deeper lines, then a 65th by a ranged insert)', async () => {
    const lines = ['zz:', ...Array.from({ length: 63 }, (_, i) => `${' '.repeat(i + 1)}a:`)];
    const doc = new LiveDocument('untitled:deep.par.yaml', `${lines.join('\n')}\n`);
    const opened = await doc.open();
    expect(opened.diagnostics.some((d) => /64/.test(d.message) && d.code === 'par/syntax')).toBe(false);
    await doc.change([{ start: doc.text.length, end: doc.text.length, text: `${' '.repeat(64)}a:\n` }]);
    const after = await liveAnswers(doc, []);
    const expected = await freshAnswers(doc.text, []);
    expect(expected.diagnostics.filter((d) => d.code === 'par/syntax').map((d) => d.message)).toEqual([expect.stringMatching(/64/)]);
    expect(after).toEqual(expected);
  });

  it('a hover right after a pasted task counts it (not the previous version\'s count)', async () => {
    const doc = new LiveDocument('untitled:count.par.yaml', sample);
    await doc.open();
    const code = sample.indexOf('criteria: ["1.1"]') + 13;
    const anchor = sample.indexOf('          - task:', code);
    await doc.change([{ start: anchor, end: anchor, text: '          - task: Nhiệm vụ mới\n            lead: [Sở Nội vụ]\n            deadline: Năm 2023\n' }]);
    const position = LineIndex.of(doc.text).positionAt(code);
    const answers = await liveAnswers(doc, [position]);
    expect(JSON.stringify(answers.hovers[0])).toMatch(/có 2 nhiệm vụ cho tiêu chí này/);
    expect(answers).toEqual(await freshAnswers(doc.text, [position]));
  });
});

describe('randomized ranged edits', () => {
  it('60 edit events on the sample: every answer equals a fresh server\'s', async () => {
    const next = random(20231203);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const doc = new LiveDocument('untitled:random.par.yaml', sample);
    await doc.open();
    for (let event = 0; event < 60; event++) {
      const changes: Change[] = [];
      let text = doc.text;
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
        const change = randomChange(text, next);
        changes.push(change);
        text = text.slice(0, change.start) + change.text + text.slice(change.end);
      }
      await doc.change(changes);
      const lines = LineIndex.of(doc.text);
      const tokens = [...doc.text.matchAll(/"\d\.\d[\d.]*"|Sở [A-ZĐ][^,\]\n"]*|Quý [IV]+\/\d{4}|area: [IVX]+/g)];
      const positions = Array.from({ length: 8 }, () => lines.positionAt(tokens.length ? pick(tokens).index! + 2 : 0));
      const live = await liveAnswers(doc, positions);
      expect(live, `event ${event}: ${JSON.stringify(changes)}`).toEqual(await freshAnswers(doc.text, positions));
    }
  }, 120_000);
});
