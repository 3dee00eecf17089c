// The keys of each kind of mapping in a plan, read from the plan schema: completion offers them in
// the schema's order, and the cursor context tells a half-typed mapping's kind by them. A key added
// to the schema is offered and recognised with no other change here.

import planSchema from '../../../../schemas/par-plan.schema.json';
import type { MapKind, PlanKey } from './feature-text';

const MAP_KINDS: readonly MapKind[] = ['root', 'plan', 'section', 'item', 'task', 'progress'];

const propertiesOf: Record<MapKind, Record<string, unknown>> = {
  root: planSchema.properties,
  plan: planSchema.properties.plan.properties,
  section: planSchema.definitions.section.properties,
  item: planSchema.definitions.item.properties,
  task: planSchema.definitions.task.properties,
  progress: planSchema.definitions.progress.properties,
};

function byKind<T>(value: (kind: MapKind) => T): Record<MapKind, T> {
  const out = {} as Record<MapKind, T>;
  for (const kind of MAP_KINDS) out[kind] = value(kind);
  return out;
}

/** Each kind's keys in schema order. */
export const KEYS_OF = byKind((kind) => Object.keys(propertiesOf[kind]) as readonly PlanKey[]);

/** The keys only one kind has (`title` is a plan's and a section's, so it tells neither). */
export const DISTINGUISHING_KEYS = byKind(
  (kind): ReadonlySet<string> => new Set(KEYS_OF[kind].filter((key) => MAP_KINDS.every((other) => other === kind || !KEYS_OF[other].includes(key)))),
);
