// The one function that writes a user's file (server/src/host/safe-write.ts): temporary file in the
// same folder, flushed, renamed over the target. A fault between the write and the rename leaves the
// original byte for byte and no temporary file behind; an existing file is refused unless overwriting
// is asked for; an in-place rewrite is refused when the file changed since it was read; the mode stays.

import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InjectedFault, injectFaults } from '../../server/src/engine/faults';
import { ChangedOnDiskError, OutputExists, writeFileSafely } from '../../server/src/host/safe-write';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'par-plan-write-'));
});
afterEach(() => {
  injectFaults(undefined);
  rmSync(dir, { recursive: true, force: true });
});

const ORIGINAL = Buffer.from('\ufeffplan:\r\n  title: Kế hoạch của tỉnh\r\n', 'utf8');

describe('writeFileSafely', () => {
  it('a fault between writing the temporary file and the rename leaves the original byte for byte', () => {
    const file = join(dir, 'plan.par.yaml');
    writeFileSync(file, ORIGINAL);
    injectFaults('write');
    expect(() => writeFileSafely(file, 'bị cắt', { force: true })).toThrow(InjectedFault);
    expect(Buffer.compare(readFileSync(file), ORIGINAL)).toBe(0);
    expect(readdirSync(dir)).toEqual(['plan.par.yaml']);
    // The same call without the fault does write: the fault, not something else, stopped it.
    injectFaults(undefined);
    writeFileSafely(file, 'mới', { force: true });
    expect(readFileSync(file, 'utf8')).toBe('mới');
    expect(readdirSync(dir)).toEqual(['plan.par.yaml']);
  });

  it('refuses to replace an existing file unless asked, and writes a new one', () => {
    const file = join(dir, 'out.par.yaml');
    writeFileSync(file, ORIGINAL);
    expect(() => writeFileSafely(file, 'x', { force: false })).toThrow(OutputExists);
    expect(Buffer.compare(readFileSync(file), ORIGINAL)).toBe(0);
    writeFileSafely(file, 'x', { force: true });
    expect(readFileSync(file, 'utf8')).toBe('x');
    const fresh = join(dir, 'new.docx');
    writeFileSafely(fresh, new Uint8Array([0x50, 0x4b, 3, 4]), { force: false });
    expect([...readFileSync(fresh)]).toEqual([0x50, 0x4b, 3, 4]);
    expect(readdirSync(dir).sort()).toEqual(['new.docx', 'out.par.yaml']);
  });

  it('refuses an in-place rewrite when the file changed since it was read', () => {
    const file = join(dir, 'plan.par.yaml');
    writeFileSync(file, ORIGINAL);
    const read = readFileSync(file);
    writeFileSync(file, 'saved by an editor meanwhile');
    expect(() => writeFileSafely(file, 'fixed', { force: true, expected: read })).toThrow(ChangedOnDiskError);
    expect(readFileSync(file, 'utf8')).toBe('saved by an editor meanwhile');
    writeFileSafely(file, 'fixed', { force: true, expected: readFileSync(file) });
    expect(readFileSync(file, 'utf8')).toBe('fixed');
    expect(readdirSync(dir)).toEqual(['plan.par.yaml']);
  });

  it.skipIf(process.platform === 'win32')('keeps the mode of the file it replaces', () => {
    const file = join(dir, 'plan.par.yaml');
    writeFileSync(file, ORIGINAL);
    chmodSync(file, 0o640);
    writeFileSafely(file, 'x', { force: true });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    chmodSync(file, 0o604);
    writeFileSafely(file, 'y', { force: true });
    expect(statSync(file).mode & 0o777).toBe(0o604);
  });

  it('a failing write (no such folder) throws the file system error and leaves nothing', () => {
    const file = join(dir, 'missing', 'plan.par.yaml');
    expect(() => writeFileSafely(file, 'x', { force: false })).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
