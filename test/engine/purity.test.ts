// The engine is pure: no editor, protocol, file-system, network or process imports. Hosts do I/O.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const engineDir = join(__dirname, '..', '..', 'server', 'src', 'engine');
const FORBIDDEN = /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|node:fs|fs|node:net|net|node:http|http|node:https|https|node:child_process|child_process|node:dgram|dgram|node:tls|tls)['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|js)$/.test(name) ? [full] : [];
  });
}

describe('engine purity', () => {
  it('imports nothing that does I/O or belongs to an editor', () => {
    const offenders = sources(engineDir).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('uses no eval or new Function (validators are compiled at build time)', () => {
    const offenders = sources(engineDir).filter((file) => /\bnew Function\(|\beval\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
