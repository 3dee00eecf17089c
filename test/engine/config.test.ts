import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, RULE_CODES, readConfig } from '../../server/src/engine';
import { analyze } from '../support/engine';

describe('readConfig', () => {
  it('reads locale, severities, data paths and limits', () => {
    const { config, problems } = readConfig(
      { locale: 'en', rules: { 'par/unit-spelling': 'off', 'par/missing-lead': 'error' }, catalog: 'c.json', registry: 'r.json', limits: { maxDepth: 10 } },
      RULE_CODES,
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      locale: 'en',
      rules: { 'par/unit-spelling': 'off', 'par/missing-lead': 'error' },
      catalog: 'c.json',
      registry: 'r.json',
      limits: { ...DEFAULT_LIMITS, maxDepth: 10 },
    });
  });

  it('reports and ignores what it cannot use', () => {
    const { config, problems } = readConfig({ locale: 'fr', rules: { 'par/nope': 'error', 'par/missing-lead': 'loud' }, limits: { maxDepth: -1, nope: 1 }, extra: true }, RULE_CODES);
    expect(problems.map((p) => p.path)).toEqual(['extra', 'locale', 'rules.par/nope', 'rules.par/missing-lead', 'limits.maxDepth', 'limits.nope']);
    expect(config.rules).toEqual({});
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(readConfig('x', RULE_CODES).problems).toHaveLength(1);
  });
});

describe('severity overrides and locale', () => {
  const text = 'plan:\n  title: A\n  issuer: B\n  year: 2023\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n          - task: A\n            deadline: Năm 2023\n';
  it('changes or removes findings by code', () => {
    expect(analyze(text).findings().map((f) => `${f.severity} ${f.code}`)).toEqual(['warning par/missing-lead']);
    expect(analyze(text, { severities: { 'par/missing-lead': 'error' } }).findings().map((f) => f.severity)).toEqual(['error']);
    expect(analyze(text, { severities: { 'par/missing-lead': 'off' } }).findings()).toEqual([]);
  });

  it('speaks English when asked, Vietnamese otherwise', () => {
    expect(analyze(text).findings()[0].message).toContain('đơn vị chủ trì');
    expect(analyze(text, { locale: 'en' }).findings()[0].message).toContain('no lead unit');
  });
});

describe('syntax errors cannot be hidden', () => {
  const broken = 'plan:\n  title: A\n  issuer: B\n  year: 2023\n# par-plan-disable-next-line par/syntax\nsections: [\n';
  it('by a directive or a severity', () => {
    expect(analyze(broken).findings().map((f) => `${f.severity} ${f.code}`)).toEqual(['error par/syntax']);
    expect(analyze(broken, { severities: { 'par/syntax': 'off' } }).findings().map((f) => f.code)).toEqual(['par/syntax']);
  });

  it('and the config says so', () => {
    const { config, problems } = readConfig({ rules: { 'par/syntax': 'off' } }, RULE_CODES);
    expect(config.rules).toEqual({});
    expect(problems.map((p) => p.path)).toEqual(['rules.par/syntax']);
  });
});
