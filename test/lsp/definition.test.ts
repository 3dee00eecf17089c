// Go to definition of a unit opens the registry file the server actually uses: the one named in the
// config or the editor settings when it loaded, the bundled one when it was rejected.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/engine/parse';
import { TestClient, fileUri } from '../support/lsp-client';

const root = join(__dirname, '..', '..');
const bundled = join(root, 'schemas', 'units', 'base.json');
const sample = readFileSync(join(root, 'samples', 'ha-tinh-2023.par.yaml'), 'utf8');
const unitPosition = LineIndex.of(sample).positionAt(sample.indexOf('- Sở Tư pháp') + 4);

/** Initializes with these workspace folders and waits until the server has pulled the editor settings. */
async function initialize(client: TestClient, folders: string[], settings: Record<string, unknown> = {}): Promise<void> {
  const pulled = new Promise<void>((resolve) => {
    client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      resolve();
      return p.items.map(() => settings);
    });
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: f })),
    capabilities: { workspace: { configuration: true } },
    initializationOptions: {},
  });
  await client.connection.sendNotification('initialized', {});
  await pulled;
}

async function definitionIn(client: TestClient, plan: string): Promise<{ uri: string; range: { start: { line: number } } }> {
  writeFileSync(plan, sample);
  const published = client.diagnostics(fileUri(plan));
  await client.open(fileUri(plan), sample);
  await published;
  return client.request('textDocument/definition', { textDocument: { uri: fileUri(plan) }, position: unitPosition });
}

describe('definition of a unit', () => {
  it('opens the bundled registry when the configured one was rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-lsp-definition-'));
    writeFileSync(join(dir, '.par-plan.json'), JSON.stringify({ registry: 'units.json' }));
    // Names the unit, but fails validation: the server checks with the bundled registry.
    writeFileSync(join(dir, 'units.json'), JSON.stringify({ id: 'x', units: [{ id: 'so-tu-phap', name: 'Sở Tư pháp', kind: 'nope' }] }, null, 2));
    const client = new TestClient();
    try {
      await initialize(client, [dir]);
      const definition = await definitionIn(client, join(dir, 'a.par.yaml'));
      expect(definition.uri).toBe(pathToFileURL(bundled).href);
      expect(readFileSync(bundled, 'utf8').split('\n')[definition.range.start.line]).toContain('"id": "so-tu-phap"');
    } finally {
      await client.stop();
    }
  });

  it('opens the registry of the editor setting from the plan\'s own workspace folder, as a well-formed URI', async () => {
    // Two folders, one's path a prefix of the other's; the second needs percent-encoding.
    const parent = mkdtempSync(join(tmpdir(), 'par-lsp-definition-'));
    const first = join(parent, 'a');
    const second = join(parent, 'a b%');
    mkdirSync(first);
    mkdirSync(second);
    copyFileSync(bundled, join(second, 'units.json'));
    const client = new TestClient();
    try {
      await initialize(client, [first, second], { registry: 'units.json' });
      const definition = await definitionIn(client, join(second, 'plan.par.yaml'));
      expect(definition.uri).toBe(pathToFileURL(join(second, 'units.json')).href);
      expect(client.messages.map((m) => m.message).join('\n')).not.toContain('not found');
    } finally {
      await client.stop();
    }
  });
});
