// What Word pasted into a plan (non-breaking spaces, invisible characters, curly quotes, bullets) is
// never printed by the export.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readPlanForExport } from '../../server/src/word/plan-data';
import { exportPlanXlsx } from '../../server/src/word/xlsx-export';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'rules', 'pasted-characters.par.yaml'), 'utf8');
const PASTED = /[\u00A0\u2007\u202F\u200B\u200C\u200D\u2060\uFEFF“”‘’•]/;

describe('export of a plan with pasted characters', () => {
  it('reads clean values', () => {
    const { data } = readPlanForExport(text);
    const tasks = data.sections.flatMap((s) => s.items.flatMap((i) => i.tasks));
    expect(PASTED.test(JSON.stringify(data))).toBe(false);
    expect(tasks[0].lead).toEqual(['Sở Nội vụ']);
    expect(tasks[0].support).toEqual(['Sở Tư pháp', 'Sở Tài chính']);
    expect(tasks[1].deadline).toBe('Quý IV/2026');
    expect(tasks[2].lead).toEqual(['Sở Nội vụ']);
    expect(tasks[2].deadline).toBe('Năm 2026');
    // An ordinary dash between names is not a bullet.
    expect(tasks[3].support).toEqual(['Sở Tư pháp - Sở Tài chính']);
  });

  it('prints none of them in the spreadsheet', async () => {
    const zip = await JSZip.loadAsync(await exportPlanXlsx(text));
    const sheets = await Promise.all(Object.keys(zip.files).filter((n) => n.endsWith('.xml')).map((n) => zip.files[n].async('string')));
    expect(sheets.join('')).toContain('Quý IV/2026');
    expect(PASTED.test(sheets.join(''))).toBe(false);
  });
});
