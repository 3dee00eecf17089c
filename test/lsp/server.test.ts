// Protocol tests: the built language server as a separate process over stdio, driven by a
// JSON-RPC client, for every feature. The rule fixtures run here too (engine, CLI, server: one table).

import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/parse';
import { describeFinding, parseExpectations } from '../support/expectations';
import { TestClient, fileUri, SEVERITY_NAMES, describedDiagnostics } from '../support/lsp-client';
import type { TreeResponse } from '../../server/src/lsp/protocol';

const root = join(__dirname, '..', '..');
const samplePath = join(root, 'samples', 'ha-tinh-2023.par.yaml');
const sample = readFileSync(samplePath, 'utf8');
const sampleUri = fileUri(samplePath);
const rulesDir = join(root, 'test', 'fixtures', 'rules');

type LspRange = { start: { line: number; character: number }; end: { line: number; character: number } };
type LspEdit = { range: LspRange; newText: string };

function applyLspEdits(text: string, edits: LspEdit[]): string {
  const lines = LineIndex.of(text);
  return applyEdits(text, edits.map((e) => ({ range: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })));
}


let client: TestClient;

beforeAll(async () => {
  client = new TestClient();
  await client.initialize({ locale: 'vi' });
});

afterAll(async () => {
  await client?.stop();
});

describe('diagnostics', () => {
  it('reports the inline expectations of every rule fixture', async () => {
    for (const name of readdirSync(rulesDir).filter((f) => f.endsWith('.par.yaml'))) {
      const path = join(rulesDir, name);
      const text = readFileSync(path, 'utf8');
      const uri = fileUri(path);
      const expected = parseExpectations(text).map(describeFinding).sort();
      expect(await client.fixtureDiagnostics(uri, text, describedDiagnostics, expected), name).toEqual(expected);
    }
  });

  it('links each diagnostic to its rule page and gives the document version', async () => {
    const published = client.diagnostics(sampleUri);
    await client.open(sampleUri, sample, 7);
    const p = await published;
    expect(p.version).toBe(7);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['par/missing-lead', 'par/missing-deadline', 'par/missing-deadline', 'par/missing-lead', 'par/missing-deadline']);
    const href = p.diagnostics[0].codeDescription!.href;
    expect(href).toMatch(/^file:.*docs\/rules\/missing-lead\.md$/);
    expect(existsSync(fileURLToPath(href))).toBe(true);
  });

  it('never publishes results of an older version', async () => {
    const uri = 'untitled:stale.par.yaml';
    const v1 = client.diagnostics(uri);
    await client.open(uri, sample, 1);
    await v1;
    const start = client.published.length;
    const broken = sample.replace('year: 2023', 'year: 2023\n  bad: [');
    await client.change(uri, 2, broken);
    await client.change(uri, 3, sample.replace('lead: []', 'lead: [Sở Nội vụ]'));
    await client.diagnostics(uri, (p) => p.version === 3);
    await new Promise((r) => setTimeout(r, 100));
    const after = client.published.slice(start).filter((p) => p.uri === uri);
    expect(after.map((p) => p.version)).toEqual([3]);
    expect(after[0].diagnostics).toHaveLength(4);
  });

  it('re-checks when the configuration changes', async () => {
    const uri = 'untitled:config.par.yaml';
    const first = client.diagnostics(uri);
    await client.open(uri, sample);
    expect((await first).diagnostics[0].severity).toBe(2);
    client.settings = { rules: { 'par/missing-lead': 'error', 'par/missing-deadline': 'off' }, locale: 'en' };
    const again = client.diagnostics(uri, (p) => p.diagnostics.length === 2);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const p = await again;
    expect(p.diagnostics.map((d) => `${SEVERITY_NAMES[d.severity]} ${d.code}`)).toEqual(['error par/missing-lead', 'error par/missing-lead']);
    expect(p.diagnostics[0].message).toContain('no lead unit');
    client.settings = {};
    const reset = client.diagnostics(uri, (p) => p.diagnostics.length === 5);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await reset;
  });
});

describe('requests', () => {
  const pos = (text: string, needle: string, delta = 0) => LineIndex.of(text).positionAt(text.indexOf(needle) + delta);

  it('completes a unit and the text after applying it is right', async () => {
    const uri = 'untitled:complete.par.yaml';
    const text = sample.replace('            lead: [] # Ô trống trong bản gốc', '            lead: [so noi]');
    const ready = client.diagnostics(uri);
    await client.open(uri, text);
    await ready;
    const at = pos(text, 'lead: [so noi]', 'lead: [so noi'.length);
    const result = await client.request<{ items: { label: string; textEdit: LspEdit }[] }>('textDocument/completion', { textDocument: { uri }, position: at });
    const item = result.items.find((i) => i.label === 'Sở Nội vụ');
    expect(item).toBeDefined();
    expect(applyLspEdits(text, [item!.textEdit])).toContain('            lead: [Sở Nội vụ]');
  });

  it('hovers a criterion code with its name and the tasks addressing it', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: sampleUri }, position: pos(sample, '"1.1"', 1) });
    expect(hover.contents.value).toContain('Thực hiện Kế hoạch CCHC năm');
  });

  it('offers quick-fixes that resolve the finding', async () => {
    const at = pos(sample, 'lead: [] # Ô trống', 0);
    const range = { start: at, end: at };
    const actions = await client.request<{ title: string; kind: string; edit?: { documentChanges: { edits: LspEdit[] }[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: sampleUri },
      range,
      context: { diagnostics: [] },
    });
    // `lead: []` can only be filled through a snippet; this client cannot insert one, so it is not offered.
    expect(actions.find((a) => a.title === 'Thêm đơn vị chủ trì')).toBeUndefined();
    const silence = actions.find((a) => a.title === 'Tắt par/missing-lead cho dòng này')!;
    const fixed = applyLspEdits(sample, silence.edit!.documentChanges[0].edits);
    const uri = 'untitled:fixed.par.yaml';
    const p = client.diagnostics(uri);
    await client.open(uri, fixed);
    expect((await p).diagnostics).toHaveLength(4);
  });

  it('judges a followed-up plan on the day of parPlan.asOf: hover, Mark as done, tree count', async () => {
    const uri = 'untitled:follow-up.par.yaml';
    const text = readFileSync(join(rulesDir, 'overdue.par.yaml'), 'utf8');
    client.settings = { asOf: '15/7/2026' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const onDay = client.diagnostics(uri, (p) => p.diagnostics.filter((d) => d.code === 'par/overdue').length === 3, 5000).catch(() => undefined);
    await client.open(uri, text);
    await onDay;
    const at = pos(text, 'Quý II/2026', 1);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: at });
    expect(hover.contents.value).toContain('Đã quá hạn **15 ngày** (tính đến 15/7/2026; đang thực hiện)');
    const actions = await client.request<{ title: string; edit?: { documentChanges: { edits: LspEdit[] }[] } }[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const done = actions.find((a) => a.title === 'Đánh dấu hoàn thành')!;
    expect(applyLspEdits(text, done.edit!.documentChanges[0].edits)).toContain('            status: hoàn thành\n            done: 15/7/2026\n          - task: Không ghi trạng thái');
    const tree = await client.request<TreeResponse>('parPlan/tree', { uri });
    expect(tree.tree.overdue).toBe(3);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  it('lists symbols, folding ranges, references, highlights and the definition of a unit', async () => {
    const symbols = await client.request<{ name: string; children: unknown[] }[]>('textDocument/documentSymbol', { textDocument: { uri: sampleUri } });
    expect(symbols).toHaveLength(9);
    expect(symbols[1].name).toBe('I. Chỉ đạo điều hành CCHC');
    const folds = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri: sampleUri } });
    expect(folds.length).toBeGreaterThan(40);
    const at = pos(sample, '- Sở Tư pháp', 4);
    const refs = await client.request<{ uri: string }[]>('textDocument/references', { textDocument: { uri: sampleUri }, position: at, context: { includeDeclaration: true } });
    expect(refs).toHaveLength(3);
    const highlights = await client.request<unknown[]>('textDocument/documentHighlight', { textDocument: { uri: sampleUri }, position: at });
    expect(highlights).toHaveLength(3);
    const definition = await client.request<{ uri: string; range: LspRange }>('textDocument/definition', { textDocument: { uri: sampleUri }, position: at });
    expect(definition.uri).toMatch(/schemas\/units\/base\.json$/);
    const line = readFileSync(fileURLToPath(definition.uri), 'utf8').split('\n')[definition.range.start.line];
    expect(line).toContain('"id": "so-tu-phap"');
  });

  it('answers the tree request from the same parse', async () => {
    const tree = await client.request<{ tree: { sections: { area: string; items: unknown[] }[]; problems: { warnings: number } } }>('parPlan/tree', { uri: sampleUri });
    expect(tree.tree.sections.map((s) => s.area)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(tree.tree.problems.warnings).toBe(5);
  });

  it('answers the preview from the same parse: rows with their HTML once, then only their keys; a click\'s target; the dashboard', async () => {
    type Preview = { version: number; header: string; rows: { key: string; html?: string }[]; lines: number[] };
    const preview = await client.request<Preview>('parPlan/preview', { uri: sampleUri });
    expect(preview.rows).toHaveLength(49);
    expect(preview.rows.filter((r) => r.html?.startsWith('<tr class="section">'))).toHaveLength(8);
    expect(preview.rows.filter((r) => r.html?.startsWith('<tr class="task')).length).toBe(41);
    expect(preview.header).toContain('5 cảnh báo');
    const lines = sample.split('\n');
    expect(lines[preview.lines[0]]).toMatch(/^ {2}- area: I$/);
    // Known rows come back as keys only.
    const again = await client.request<Preview>('parPlan/preview', { uri: sampleUri, known: preview.rows.map((r) => r.key) });
    expect(again.rows.every((r) => r.html === undefined)).toBe(true);
    expect(again.rows.map((r) => r.key)).toEqual(preview.rows.map((r) => r.key));
    // The first task's deadline cell.
    const target = await client.request<{ line: number; character: number }>('parPlan/previewTarget', { uri: sampleUri, row: 1, column: 'deadline' });
    expect(lines[target.line].slice(target.character)).toBe('Trước 15/12/2023');
    const dashboard = await client.request<{ html: string }>('parPlan/dashboard', { uri: sampleUri });
    expect(dashboard.html.match(/<svg class="chart-svg"/g)).toHaveLength(4);
    // The bar "Thường xuyên, định kỳ" of the quarter chart, and one entry of the lists.
    const bar = /<rect class="bar s0"[^>]*data-group="(\d+)"[^>]*aria-label="Thường xuyên, định kỳ: 2"/.exec(dashboard.html);
    type Tasks = { label: string; at: { line: number; character: number } }[];
    const recurring = await client.request<Tasks>('parPlan/dashboardTasks', { uri: sampleUri, group: Number(bar![1]) });
    expect(recurring).toHaveLength(2);
    for (const t of recurring) expect(lines[t.at.line].slice(t.at.character)).toMatch(/^task: /);
    const [first] = await client.request<Tasks>('parPlan/dashboardTasks', { uri: sampleUri, task: 0 });
    expect(first.label).toMatch(/^I\.1 — Thường xuyên theo dõi tiến độ/);
    expect(lines[first.at.line]).toMatch(/- task: Thường xuyên theo dõi tiến độ/);
  });

  it('answers requests for unknown or closed documents with nothing, and keeps running', async () => {
    const uri = 'untitled:never-opened.par.yaml';
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.request('parPlan/tree', { uri })).toBeNull();
    expect(await client.request('parPlan/preview', { uri })).toBeNull();
    expect(await client.request('parPlan/dashboard', { uri })).toBeNull();
    expect(await client.request('parPlan/previewTarget', { uri, row: 0 })).toBeNull();
    expect(await client.request('parPlan/dashboardTasks', { uri, group: 0 })).toBeNull();
    const closing = 'untitled:closing.par.yaml';
    const opened = client.diagnostics(closing);
    await client.open(closing, sample);
    await opened;
    const cleared = client.diagnostics(closing, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: closing } });
    await cleared;
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: closing } })).toBeNull();
  });
});

describe('a second server in English with a workspace config', () => {
  it('reads .par-plan.json next to the plan and speaks English when VS Code does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-lsp-'));
    const plan = join(dir, 'a.par.yaml');
    writeFileSync(plan, sample);
    writeFileSync(join(dir, '.par-plan.json'), JSON.stringify({ rules: { 'par/missing-deadline': 'off' } }));
    const english = new TestClient();
    try {
      await english.initialize({ locale: 'en-US' }, dir);
      const p = english.diagnostics(fileUri(plan));
      await english.open(fileUri(plan), sample);
      const published = await p;
      expect(published.diagnostics.map((d) => d.code)).toEqual(['par/missing-lead', 'par/missing-lead']);
      expect(published.diagnostics[0].message).toBe('The task has no lead unit: "lead" is empty.');
    } finally {
      await english.stop();
    }
  });
});
