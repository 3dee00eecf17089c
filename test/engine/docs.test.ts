// Every finding code has its documentation page, and the README lists it.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/engine';

const root = join(__dirname, '..', '..');

describe('rule documentation', () => {
  for (const rule of RULES) {
    it(rule.code, () => {
      const page = join(root, 'docs', 'rules', `${rule.code.replace('par/', '')}.md`);
      expect(existsSync(page)).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text.startsWith(`# ${rule.code}\n`)).toBe(true);
      expect(text).toContain(`**${rule.defaultSeverity}`);
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`[\`${rule.code}\`](docs/rules/`);
    });
  }
});
