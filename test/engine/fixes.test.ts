// Quick-fix cases as before/after files. The first line says what to apply: `# apply: safe` runs
// fix-all (as `par-plan check --fix` does); `# apply: par/code` applies the preferred fix of the
// first finding with that code. Every case also checks that the fix removes what it targets, and
// that fix-all of the expected text leaves no safe fix behind (so a second `--fix` changes nothing).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, fixAll } from '../../server/src/engine';
import { safeEdits } from '../../server/src/engine/fix-all';
import { DEFAULT_OPTIONS } from '../../server/src/engine/analysis';
import { analyze, bundledData } from '../support/engine';

const dir = join(__dirname, '..', 'fixtures', 'fixes');
const cases = readdirSync(dir).filter((f) => f.endsWith('.before.par.yaml')).map((f) => f.replace('.before.par.yaml', '')).sort();

describe('quick-fix cases', () => {
  for (const name of cases) {
    it(name, () => {
      const before = readFileSync(join(dir, `${name}.before.par.yaml`), 'utf8');
      const after = readFileSync(join(dir, `${name}.after.par.yaml`), 'utf8');
      const apply = /^# apply: (\S+)/.exec(before)?.[1];
      let result: string;
      if (apply === 'safe') {
        result = fixAll(before, bundledData(), DEFAULT_OPTIONS).text;
        expect(analyze(result).findings().filter((f) => f.fixes?.some((x) => x.safe))).toEqual([]);
      } else {
        const finding = analyze(before).findings().find((f) => f.code === apply);
        expect(finding, `a ${apply} finding`).toBeDefined();
        const fix = finding!.fixes!.find((f) => f.preferred) ?? finding!.fixes![0];
        result = applyEdits(before, fix.edits);
        const remaining = analyze(result).findings().filter((f) => f.code === apply && f.range.start === finding!.range.start);
        expect(remaining).toEqual([]);
      }
      expect(result).toBe(after);
      // fixAll stops after 10 passes or when a pass changes nothing: check the fixed point itself.
      const fixed = fixAll(after, bundledData(), DEFAULT_OPTIONS);
      expect(safeEdits(analyze(fixed.text))).toEqual([]);
      if (apply === 'safe') expect(fixed.applied).toBe(0);
    });
  }
});
