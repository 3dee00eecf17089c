// The workspace boundary for data files named in a config or a setting: compared by path segments
// (after resolving symbolic links), never by string prefix.

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside } from '../../server/src/host/node-host';

describe('isInside', () => {
  const base = mkdtempSync(join(tmpdir(), 'par-inside-'));
  const root = join(base, 'a');
  mkdirSync(join(root, '..b'), { recursive: true });
  mkdirSync(join(base, 'ab'));

  it('accepts the root and what lies under it, including a folder whose name starts with ".."', () => {
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, join(root, 'units.json'))).toBe(true);
    expect(isInside(root, join(root, '..b', 'units.json'))).toBe(true);
  });

  it('refuses a sibling whose name merely starts with the root\'s, the parent, and paths that climb out', () => {
    expect(isInside(root, join(base, 'ab', 'units.json'))).toBe(false);
    expect(isInside(root, base)).toBe(false);
    expect(isInside(root, join(root, '..', 'ab'))).toBe(false);
    expect(isInside(root, '/etc/passwd')).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('follows a symbolic link out of the root and refuses it', () => {
    writeFileSync(join(base, 'ab', 'units.json'), '{}');
    symlinkSync(join(base, 'ab'), join(root, 'link'));
    expect(isInside(root, join(root, 'link', 'units.json'))).toBe(false);
  });
});
