// The keys completion offers and the cursor context recognises are the schema's: adding a key to the
// schema makes it offered and recognised, and it needs a description in each language.

import { describe, expect, it } from 'vitest';
import { DISTINGUISHING_KEYS, KEYS_OF } from '../../server/src/engine/features/plan-keys';
import { featureTextFor } from '../../server/src/engine/features/feature-text';
import planSchema from '../../schemas/par-plan.schema.json';

describe('plan keys', () => {
  it('are the schema properties of each kind of mapping, in schema order', () => {
    expect(KEYS_OF.task).toEqual(Object.keys(planSchema.definitions.task.properties));
    expect(KEYS_OF.plan).toEqual(Object.keys(planSchema.properties.plan.properties));
    expect(KEYS_OF.root).toEqual(['plan', 'sections']);
  });

  it('tell a mapping apart only by keys no other kind has', () => {
    expect(DISTINGUISHING_KEYS.section.has('title')).toBe(false);
    expect(DISTINGUISHING_KEYS.plan.has('title')).toBe(false);
    expect([...DISTINGUISHING_KEYS.section]).toEqual(['area', 'items']);
    for (const kind of Object.keys(KEYS_OF) as (keyof typeof KEYS_OF)[]) {
      for (const key of DISTINGUISHING_KEYS[kind]) {
        const owners = Object.entries(KEYS_OF).filter(([, keys]) => (keys as readonly string[]).includes(key)).map(([k]) => k);
        expect(owners, key).toEqual([kind]);
      }
    }
  });

  it('each have a description in Vietnamese and English', () => {
    for (const locale of ['vi', 'en'] as const) {
      const text = featureTextFor(locale);
      for (const [kind, keys] of Object.entries(KEYS_OF) as [keyof typeof KEYS_OF, (typeof KEYS_OF)['task']][]) {
        for (const key of keys) expect(text.keyDetail(key, kind), `${locale} ${kind}.${key}`).toMatch(/\S/);
      }
    }
  });
});
