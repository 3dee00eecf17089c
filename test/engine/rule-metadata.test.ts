// Rule metadata exists once, in each rule's file; everything published about the rules is made from
// it. These fail when package.json, its nls files or the README drift from the rules
// (`npm run sync-rules` rewrites them), and when a rule's `fixable` flag does not match what the
// editor actually offers on the rule fixtures.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  README_RULES_END,
  README_RULES_START,
  RULES,
  ruleDocPage,
  rulesNlsEntries,
  rulesReadmeTable,
  rulesSettingsProperties,
  sarifRules,
} from '../../server/src/engine';
import { codeActions } from '../../server/src/engine/features/code-actions';
import { analyzeFile } from '../support/engine';
import { fixtureAsOf } from '../support/expectations';

const root = join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

describe('rule metadata', () => {
  it('gives every rule a code, a page, one line in each language and tags', () => {
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^par\/[a-z]+(-[a-z]+)*$/);
      expect(ruleDocPage(rule.code)).toBe(`docs/rules/${rule.code.slice(4)}.md`);
      expect(rule.description.vi.trim(), rule.code).not.toBe('');
      expect(rule.description.en.trim(), rule.code).not.toBe('');
      expect(rule.description.vi, rule.code).not.toMatch(/\n/);
      expect(rule.tags.length, rule.code).toBeGreaterThan(0);
    }
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
  });

  it('is what package.json declares for the parPlan.rules setting', () => {
    const settings = readJson('package.json').contributes.configuration.properties['parPlan.rules'];
    expect(settings.properties).toEqual(rulesSettingsProperties(RULES));
  });

  it('is what the nls files say about each rule, in each language', () => {
    const pick = (nls: Record<string, string>) => Object.fromEntries(Object.entries(nls).filter(([k]) => k.startsWith('config.rules.')));
    expect(pick(readJson('package.nls.json'))).toEqual(rulesNlsEntries(RULES, 'en'));
    expect(pick(readJson('package.nls.vi.json'))).toEqual(rulesNlsEntries(RULES, 'vi'));
  });

  it('is the README rule table', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const start = readme.indexOf(README_RULES_START) + README_RULES_START.length;
    expect(readme.slice(start, readme.indexOf(README_RULES_END)).trim()).toBe(rulesReadmeTable(RULES));
  });

  it('is the SARIF rule list, with a page address when the host has one', () => {
    const sarif = sarifRules(RULES, 'en', (code) => (code === 'par/missing-lead' ? 'file:///docs/missing-lead.md' : undefined));
    const lead = sarif.find((r) => r.id === 'par/missing-lead')!;
    expect(lead).toMatchObject({ name: 'missing-lead', shortDescription: { text: 'A task with no lead unit' }, helpUri: 'file:///docs/missing-lead.md', defaultConfiguration: { level: 'warning' } });
    expect(lead.fullDescription.text).toContain('Nhiệm vụ chưa có đơn vị chủ trì');
    expect(sarif.find((r) => r.id === 'par/syntax')).not.toHaveProperty('helpUri');
    expect(sarif.find((r) => r.id === 'par/unit-spelling')!.defaultConfiguration.level).toBe('note');
  });

  it('says `fixable` exactly for the rules whose findings get a quick-fix on the fixtures', () => {
    const dir = join(root, 'test', 'fixtures', 'rules');
    const fixed = new Set<string>();
    const seen = new Set<string>();
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.par.yaml'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const analysis = analyzeFile(join(dir, name), text, { asOf: fixtureAsOf(text) });
      for (const finding of analysis.findings()) {
        seen.add(finding.code);
        // Silencing a finding is offered for every code; it does not make a rule fixable.
        const fixes = codeActions(analysis, finding.range, ['quickfix']).filter(
          (a) => a.findings?.includes(finding) && !a.edits.some((e) => e.newText.includes('par-plan-disable')),
        );
        if (fixes.length) fixed.add(finding.code);
      }
    }
    for (const rule of RULES) {
      expect(seen.has(rule.code), `${rule.code} has a fixture`).toBe(true);
      expect(fixed.has(rule.code), `${rule.code}: fixable`).toBe(rule.fixable);
    }
  });
});
