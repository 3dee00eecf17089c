// The results of the index year through the language server: a plan naming its results file gets
// the results findings, hover shows the score, the tree the points, and a change to the results file
// on disk re-checks the open plan.

import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, fileUri } from '../support/lsp-client';

const root = join(__dirname, '..', '..');
const workspace = mkdtempSync(join(tmpdir(), 'par-plan-lsp-results-'));
const planPath = join(workspace, 'ke-hoach.par.yaml');
const resultsPath = join(workspace, 'ket-qua-2022.par-results.yaml');
const plan = readFileSync(join(root, 'samples', 'ha-tinh-2023.par.yaml'), 'utf8').replace('index-year: 2022', 'index-year: 2022\n  results: ket-qua-2022.par-results.yaml');
const uri = fileUri(planPath);
const codesOf = (p: { diagnostics: { code: string }[] }) => p.diagnostics.map((d) => d.code);

let client: TestClient;

beforeAll(async () => {
  copyFileSync(join(root, 'samples', 'ket-qua-2022.par-results.yaml'), resultsPath);
  writeFileSync(planPath, plan);
  client = new TestClient();
  await client.initialize({ locale: 'vi' }, workspace);
});

afterAll(async () => {
  await client?.stop();
});

describe('results in the language server', () => {
  it('publishes the uncovered losses on plan.results, answers hover and the tree from the same results, and re-checks when the file changes', async () => {
    const first = client.diagnostics(uri);
    await client.open(uri, plan);
    const published = await first;
    expect(codesOf(published).filter((c) => c === 'par/uncovered-loss')).toHaveLength(3);
    const onKey = published.diagnostics.find((d) => d.code === 'par/uncovered-loss')!;
    const line = plan.split('\n').findIndex((l) => l.includes('results: ket-qua'));
    expect(onKey.range.start).toEqual({ line, character: 11 });

    const at = plan.split('\n').findIndex((l) => l.includes('"2.4"'));
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: at, character: plan.split('\n')[at].indexOf('2.4') } });
    expect(hover.contents.value).toContain('đạt 1,5/2 điểm năm 2022 (mất 0,5)');

    const tree = await client.request<{ tree: { points: unknown; sections: { points: unknown }[] } }>('parPlan/tree', { uri });
    expect(tree.tree.points).toEqual({ lost: 14.23, covered: 10.43, indexYear: 2022 });
    expect(tree.tree.sections[0].points).toEqual({ lost: 0.75, covered: 0.5 });

    // 1.3 and 2.2 now lost nothing: the watcher's notice re-checks the open plan.
    const results = readFileSync(resultsPath, 'utf8').replace('code: "1.3"\n    max: 1\n    obtained: 0.75', 'code: "1.3"\n    max: 1\n    obtained: 1').replace('code: "2.2"\n    max: 1.5\n    obtained: 1', 'code: "2.2"\n    max: 1.5\n    obtained: 1.5');
    writeFileSync(resultsPath, results);
    const again = client.diagnostics(uri, (p) => codesOf(p).filter((c) => c === 'par/uncovered-loss').length === 1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(resultsPath), type: 2 }] });
    expect((await again).diagnostics.find((d) => d.code === 'par/uncovered-loss')!.message).toContain('6.2.1');

    // A broken results file is a finding on the key, never a pop-up.
    writeFileSync(resultsPath, 'index-year: 2022\ncriteria: 3\n');
    const broken = client.diagnostics(uri, (p) => codesOf(p).includes('par/results-file'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(resultsPath), type: 2 }] });
    expect((await broken).diagnostics.find((d) => d.code === 'par/results-file')!.message).toContain('dòng 2: criteria phải là danh sách');
    expect(client.messages).toEqual([]);
  });
});
