// The exported sample opens in LibreOffice: converted to PDF headless, where LibreOffice is installed.

import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPlanDocx } from '../../server/src/word/docx-export';
import { importPlanDocx } from '../../server/src/word/docx-import';
import { SAMPLE, SAMPLE_TEXT } from './helpers';

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

const office = which('soffice') ?? which('libreoffice');
if (!office) console.warn('test/word/libreoffice.test.ts skipped: neither soffice nor libreoffice is on the PATH');

describe('LibreOffice', () => {
  it.skipIf(!office)('converts the exported sample .docx to a PDF (A4 landscape, several pages)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-lo-'));
    try {
      const docx = join(dir, 'ha-tinh-2023.docx');
      writeFileSync(docx, await exportPlanDocx(SAMPLE_TEXT));
      execFileSync(office!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000, stdio: 'pipe' });
      const pdf = join(dir, 'ha-tinh-2023.pdf');
      expect(statSync(pdf).size).toBeGreaterThan(20_000);
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = bytes.toString('latin1');
      const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThan(5);
      // A4 landscape: 841.9 x 595.3 points
      expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it.skipIf(!office)('re-saves the exported sample as .docx, which still imports to the sample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-lo-'));
    try {
      const docx = join(dir, 'in.docx');
      writeFileSync(docx, await exportPlanDocx(SAMPLE_TEXT));
      execFileSync(office!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), docx], { timeout: 120_000, stdio: 'pipe' });
      const res = await importPlanDocx(readFileSync(join(dir, 'out', 'in.docx')));
      expect(res.problems).toEqual([]);
      expect(res.plan).toStrictEqual(SAMPLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
