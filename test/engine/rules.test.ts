// Every fixture under test/fixtures/rules carries its expected findings inline; the engine must
// produce exactly those (code, severity and exact range), no more and no fewer.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/engine';
import { describeFinding, fixtureAsOf, parseExpectations } from '../support/expectations';
import { analyzeFile, located } from '../support/engine';

const dir = join(__dirname, '..', 'fixtures', 'rules');
export const ruleFixtures = readdirSync(dir).filter((f) => f.endsWith('.par.yaml')).sort();

describe('rule fixtures (engine)', () => {
  for (const name of ruleFixtures) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const expected = parseExpectations(text);
      const actual = located(analyzeFile(join(dir, name), text, { asOf: fixtureAsOf(text) }));
      expect(actual.map(describeFinding).sort()).toEqual(expected.map(describeFinding).sort());
      for (const e of expected.filter((x) => x.messageIncludes)) {
        const match = actual.find((a) => describeFinding(a) === describeFinding(e));
        expect(match?.message, describeFinding(e)).toContain(e.messageIncludes);
      }
    });
  }

  it('cover every rule code', () => {
    const covered = new Set(ruleFixtures.flatMap((name) => parseExpectations(readFileSync(join(dir, name), 'utf8')).map((e) => e.code)));
    expect([...RULES.map((r) => r.code)].filter((code) => !covered.has(code))).toEqual([]);
  });
});
