// The CLI never loses a user's file: `check --fix`, `import -o` and `export -o` as a user runs them
// (a separate process). The fault of PAR_PLAN_TEST_FAULT=write stops the write between the temporary
// file and the rename, as a crash or a full disk would.

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'par-plan.js');

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PAR_PLAN_LOCALE: '', PAR_PLAN_TEST_FAULT: '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'par-plan-safe-'));
const loneLf = (bytes: Buffer) => /(^|[^\r])\n/.test(bytes.toString('utf8'));

/** The fix fixture as an office's Windows editor saves it: byte-order mark and CRLF. */
function crlfBomPlan(dir: string): { file: string; original: Buffer } {
  const text = readFileSync(join(root, 'test/fixtures/fixes/units.before.par.yaml'), 'utf8').replace(/\r?\n/g, '\r\n');
  const original = Buffer.from(`\ufeff${text}`, 'utf8');
  const file = join(dir, 'plan.par.yaml');
  writeFileSync(file, original);
  return { file, original };
}

describe('par-plan check --fix', () => {
  it('keeps the byte-order mark, CRLF line breaks and the file mode', () => {
    const dir = tempDir();
    const { file, original } = crlfBomPlan(dir);
    chmodSync(file, 0o640);
    const { stdout } = cli(['check', 'plan.par.yaml', '--fix'], dir);
    expect(stdout).toMatch(/đã sửa \d+ chỗ/);
    const after = readFileSync(file);
    expect(Buffer.compare(after, original)).not.toBe(0);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(loneLf(after)).toBe(false);
    expect(after.toString('utf8').endsWith('\r\n')).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['plan.par.yaml']);
  });

  it('leaves the original byte for byte when the write fails before the rename, and says so', () => {
    const dir = tempDir();
    const { file, original } = crlfBomPlan(dir);
    const { status, stderr } = cli(['check', 'plan.par.yaml', '--fix'], dir, { PAR_PLAN_TEST_FAULT: 'write' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/Lỗi nội bộ của par-plan/);
    expect(Buffer.compare(readFileSync(file), original)).toBe(0);
    expect(readdirSync(dir)).toEqual(['plan.par.yaml']);
  });

  it('does not rewrite a file with bytes that are not UTF-8 (rewriting would turn them into U+FFFD)', () => {
    const dir = tempDir();
    const text = readFileSync(join(root, 'test/fixtures/fixes/units.before.par.yaml'));
    const original = Buffer.concat([text, Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a])]);
    writeFileSync(join(dir, 'plan.par.yaml'), original);
    const { status, stdout } = cli(['check', 'plan.par.yaml', '--fix'], dir);
    expect(status).toBe(1);
    expect(stdout).toMatch(/par\/syntax .*UTF-8/);
    expect(stdout).not.toMatch(/đã sửa/);
    expect(Buffer.compare(readFileSync(join(dir, 'plan.par.yaml')), original)).toBe(0);
  });
});

describe('par-plan import and export refuse to overwrite without --force', () => {
  it('import -o onto an existing plan: exit 2, a clear message, nothing written; --force replaces it', () => {
    const dir = tempDir();
    copyFileSync(join(root, 'test/fixtures/seed/000_305705c128854940.txt'), join(dir, 'phu-luc.txt'));
    const weeksOfWork = Buffer.from('plan:\n  title: Kế hoạch của văn phòng\n', 'utf8');
    writeFileSync(join(dir, 'plan.par.yaml'), weeksOfWork);
    const refused = cli(['import', 'phu-luc.txt', '-o', 'plan.par.yaml'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/plan\.par\.yaml đã có: không ghi đè.*--force/);
    expect(refused.stderr).not.toMatch(/Đã ghi/);
    expect(Buffer.compare(readFileSync(join(dir, 'plan.par.yaml')), weeksOfWork)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['phu-luc.txt', 'plan.par.yaml']);
    const forced = cli(['import', 'phu-luc.txt', '-o', 'plan.par.yaml', '--force'], dir);
    expect([0, 1]).toContain(forced.status);
    expect(forced.stderr).toMatch(/Đã ghi plan\.par\.yaml/);
    expect(readFileSync(join(dir, 'plan.par.yaml'), 'utf8')).toMatch(/^sections:/m);
    const en = cli(['import', 'phu-luc.txt', '-o', 'plan.par.yaml', '--locale', 'en'], dir);
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(/already exists: not overwritten/);
  });

  it('export onto an existing file (default name or -o): exit 2, untouched; --force replaces it', () => {
    const dir = tempDir();
    copyFileSync(join(root, 'samples/ha-tinh-2023.par.yaml'), join(dir, 'ha-tinh-2023.par.yaml'));
    const mine = Buffer.from('my own spreadsheet');
    writeFileSync(join(dir, 'ha-tinh-2023.docx'), mine);
    writeFileSync(join(dir, 'theo-doi.xlsx'), mine);
    for (const args of [['ha-tinh-2023.par.yaml'], ['ha-tinh-2023.par.yaml', '-o', 'theo-doi.xlsx']]) {
      const refused = cli(['export', ...args], dir);
      expect(refused.status, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/đã có: không ghi đè/);
    }
    expect(Buffer.compare(readFileSync(join(dir, 'ha-tinh-2023.docx')), mine)).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, 'theo-doi.xlsx')), mine)).toBe(0);
    expect(cli(['export', 'ha-tinh-2023.par.yaml', '-o', 'theo-doi.xlsx', '--force'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'theo-doi.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).sort()).toEqual(['ha-tinh-2023.docx', 'ha-tinh-2023.par.yaml', 'theo-doi.xlsx']);
  });

  it('a fault before the rename leaves an existing export as it was', () => {
    const dir = tempDir();
    copyFileSync(join(root, 'samples/ha-tinh-2023.par.yaml'), join(dir, 'ha-tinh-2023.par.yaml'));
    const mine = Buffer.from('last week\'s export');
    writeFileSync(join(dir, 'ha-tinh-2023.docx'), mine);
    const { status } = cli(['export', 'ha-tinh-2023.par.yaml', '--force'], dir, { PAR_PLAN_TEST_FAULT: 'write' });
    expect(status).toBe(2);
    expect(Buffer.compare(readFileSync(join(dir, 'ha-tinh-2023.docx')), mine)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['ha-tinh-2023.docx', 'ha-tinh-2023.par.yaml']);
  });
});
