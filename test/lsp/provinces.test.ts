// The province fixtures through the built server: diagnostics as marked inline, and no hover or
// completion answer that names another province.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/engine/parse';
import { describeFinding, parseExpectations } from '../support/expectations';
import { TestClient, fileUri, describedDiagnostics } from '../support/lsp-client';
import { TYPED_PREFIXES, otherProvinceNames, ownProvinceOf, provinceDir, provinceFixtures, readProvinceFixture, unitEntries } from '../support/provinces';


let client: TestClient;

beforeAll(async () => {
  client = new TestClient();
  await client.initialize({ locale: 'vi' });
});

afterAll(async () => {
  await client?.stop();
});

describe('province fixtures (server)', () => {
  for (const name of provinceFixtures) {
    it(name, async () => {
      const text = readProvinceFixture(name);
      const own = ownProvinceOf(text);
      const uri = fileUri(join(provinceDir, name));
      const published = client.diagnostics(uri);
      await client.open(uri, text);
      expect(describedDiagnostics(await published)).toEqual(parseExpectations(text).map(describeFinding).sort());

      const lines = LineIndex.of(text);
      for (const entry of unitEntries(text)) {
        const position = lines.positionAt(entry.offset + 1);
        const hover = await client.request<{ contents: { value: string }; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | null>('textDocument/hover', { textDocument: { uri }, position });
        if (!hover) continue;
        const written = text.slice(lines.offsetAt(hover.range.start), lines.offsetAt(hover.range.end));
        expect(otherProvinceNames(hover.contents.value, own, [written]), `hover on "${entry.text}"`).toEqual([]);
      }

      // Completion while typing the first lead unit, as an editor sends it: the whole new text.
      const first = unitEntries(text)[0];
      let version = 2;
      let answered = 0;
      for (const typed of TYPED_PREFIXES) {
        const edited = text.slice(0, first.offset) + typed + text.slice(first.offset + first.text.length);
        await client.change(uri, version++, edited);
        const at = LineIndex.of(edited).positionAt(first.offset + typed.length);
        const result = await client.request<{ items: { label: string; detail?: string; documentation?: { value: string } | string; textEdit?: { newText: string } }[] }>('textDocument/completion', { textDocument: { uri }, position: at });
        if (result.items.length) answered++;
        for (const item of result.items) {
          const doc = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '';
          const shown = [item.label, item.detail ?? '', doc, item.textEdit?.newText ?? ''].join('\n');
          expect(otherProvinceNames(shown, own), `completion "${typed}" → ${item.label}`).toEqual([]);
        }
      }
      expect(answered).toBeGreaterThanOrEqual(TYPED_PREFIXES.length - 1);
    });
  }
});

describe('starter overlay (server)', () => {
  it('lists the unknown unit names of the workspace\'s plans, open ones as edited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-lsp-units-'));
    const plan = readProvinceFixture('nghe-an-2026.par.yaml');
    writeFileSync(join(dir, 'a.par.yaml'), plan.replace('- Sở Tư pháp', '- Hội Sinh vật cảnh tỉnh'));
    writeFileSync(join(dir, 'b.par.yaml'), plan);
    const other = new TestClient();
    try {
      await other.initialize({ locale: 'vi' }, dir);
      // b is open with an unsaved edit: the edit counts, not the file on disk.
      const uri = fileUri(join(dir, 'b.par.yaml'));
      await other.open(uri, plan.replace('- Sở Tư pháp', '- Trung tâm Xúc tiến đầu tư tỉnh'));
      const result = await other.request<{ text: string; count: number; plans: number; province?: string }>('parPlan/starterOverlay', {});
      expect(result.plans).toBe(2);
      expect(result.province).toBe('tỉnh Nghệ An');
      expect(JSON.parse(result.text).units.map((u: { name: string }) => u.name)).toEqual(['Hội Sinh vật cảnh tỉnh', 'Trung tâm Xúc tiến đầu tư tỉnh']);
    } finally {
      await other.stop();
    }
  });
});

describe('quick-fix: add an unknown unit to the workspace overlay (server)', () => {
  it('edits the overlay named in .par-plan.json, which then reads as valid and knows the unit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-lsp-overlay-'));
    const overlayText = '{\n  "id": "nghe-an-bo-sung",\n  "province": "nghe-an",\n  "units": []\n}\n';
    writeFileSync(join(dir, 'par-units.json'), overlayText);
    writeFileSync(join(dir, '.par-plan.json'), JSON.stringify({ registry: 'par-units.json' }));
    const plan = readProvinceFixture('nghe-an-2026.par.yaml').replace('- Sở Tư pháp', '- Hội Sinh vật cảnh tỉnh');
    const path = join(dir, 'a.par.yaml');
    writeFileSync(path, plan);
    const other = new TestClient();
    try {
      await other.initialize({ locale: 'vi' }, dir);
      const uri = fileUri(path);
      const published = other.diagnostics(uri);
      await other.open(uri, plan);
      const diagnostics = (await published).diagnostics;
      const diagnostic = diagnostics.find((d) => d.message.includes('Sinh vật cảnh'))!;
      expect(diagnostic.message).toContain('"par-units.json"');
      const actions = await other.request<{ title: string; edit?: { changes?: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      const add = actions.find((x) => x.edit?.changes?.[fileUri(join(dir, 'par-units.json'))]);
      expect(add?.title).toContain('par-units.json');
      const [edit] = add!.edit!.changes![fileUri(join(dir, 'par-units.json'))];
      const at = LineIndex.of(overlayText).offsetAt(edit.range.start);
      const updated = JSON.parse(overlayText.slice(0, at) + edit.newText + overlayText.slice(at));
      expect(updated.units.map((u: { name: string }) => u.name)).toEqual(['Hội Sinh vật cảnh tỉnh']);
      expect(updated.units[0].note).toContain('a.par.yaml:');
      // Another province's body gets no such action: it is a mistake, not a unit.
      const foreign = diagnostics.find((d) => d.message.includes('Thuế tỉnh Hà Tĩnh'))!;
      const foreignActions = await other.request<{ edit?: { changes?: Record<string, unknown> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: foreign.range, context: { diagnostics: [foreign] } });
      expect(foreignActions.some((x) => x.edit?.changes?.[fileUri(join(dir, 'par-units.json'))])).toBe(false);
    } finally {
      await other.stop();
    }
  });
});
