// `par-plan units init` as a user runs it: a starter overlay from the unknown names of real plans,
// never overwriting without --force, and once configured, those names are known.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import baseFile from '../../schemas/units/base.json';
import { checkRegistryFile } from '../../server/src/engine/data/registry';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'par-plan.js');
const cli = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PAR_PLAN_LOCALE: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'par-plan-units-'));
  const plan = readFileSync(join(root, 'test', 'fixtures', 'provinces', 'nghe-an-2026.par.yaml'), 'utf8')
    .replace('- Sở Tư pháp', '- Hội Sinh vật cảnh tỉnh')
    .replace('- Sở Tài chính', '- Trung tâm Xúc tiến đầu tư tỉnh');
  writeFileSync(join(dir, 'ke-hoach.par.yaml'), plan);
  return dir;
}

describe('par-plan units init', () => {
  it('writes the unknown names of the plans, for the issuer\'s province, each to confirm', () => {
    const dir = workspace();
    const { status, stderr } = cli(['units', 'init'], dir);
    expect(status, stderr).toBe(0);
    expect(stderr).toContain('tỉnh Nghệ An');
    const overlay = JSON.parse(readFileSync(join(dir, 'par-units.json'), 'utf8'));
    expect(overlay.province).toBe('nghe-an');
    expect(overlay.units.map((u: { name: string }) => u.name)).toEqual(['Hội Sinh vật cảnh tỉnh', 'Trung tâm Xúc tiến đầu tư tỉnh']);
    expect(overlay.units[0].note).toContain('ke-hoach.par.yaml:');
    // Another province's body is a mistake to fix, not a unit to add.
    expect(JSON.stringify(overlay)).not.toContain('Hà Tĩnh');
    expect(checkRegistryFile(overlay, new Set(baseFile.units.map((u) => u.id)))).toEqual([]);
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite without --force, and keeps the file as it was', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'par-units.json'), 'my own edits');
    const refused = cli(['units', 'init'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'par-units.json'), 'utf8')).toBe('my own edits');
    expect(cli(['units', 'init', '--force'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'par-units.json'), 'utf8')).toContain('Hội Sinh vật cảnh tỉnh');
  });

  it('once named as "registry", its units are known and the rest of the data still is', () => {
    const dir = workspace();
    expect(cli(['units', 'init', '-o', 'don-vi.json'], dir).status).toBe(0);
    const before = JSON.parse(cli(['check', '.', '--format', 'json'], dir).stdout) as { code: string; message: string }[];
    expect(before.filter((f) => f.code === 'par/unknown-unit' && f.message.includes('Sinh vật cảnh'))).toHaveLength(1);
    writeFileSync(join(dir, '.par-plan.json'), JSON.stringify({ registry: 'don-vi.json' }));
    const after = JSON.parse(cli(['check', '.', '--format', 'json'], dir).stdout) as { code: string; message: string }[];
    expect(after.filter((f) => f.message.includes('Sinh vật cảnh') || f.message.includes('Xúc tiến'))).toEqual([]);
    // The overlay extends: the bundled units of Nghệ An stay known, the same defects stay reported.
    expect(after.map((f) => f.code).sort()).toEqual(before.filter((f) => !f.message.includes('Sinh vật cảnh') && !f.message.includes('Xúc tiến')).map((f) => f.code).sort());
    expect(cli(['units', 'init'], dir).stderr).toContain('không có gì để ghi');
    expect(existsSync(join(dir, 'par-units.json'))).toBe(false);
  });

  it('reads a Word appendix (.docx): the Hà Tĩnh appendix names no unknown unit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-units-'));
    copyFileSync(join(root, 'test', 'fixtures', 'word', 'ha-tinh-2023.resaved-by-libreoffice.docx'), join(dir, 'phu-luc.docx'));
    const { status, stderr } = cli(['units', 'init', 'phu-luc.docx'], dir);
    expect(status, stderr).toBe(0);
    expect(stderr).toContain('Mọi tên đơn vị trong 1 tệp đều có trong danh mục');
    expect(existsSync(join(dir, 'par-units.json'))).toBe(false);
  });

  it('is misuse without "init", and for a missing input', () => {
    const dir = workspace();
    expect(cli(['units'], dir).status).toBe(2);
    expect(cli(['units', 'init', 'nope.par.yaml'], dir).status).toBe(2);
  });
});
