// Where each unit is named in the plan: computed once per analysis, then answers "find all
// references" and document highlights for the unit under the cursor.

import type { PlanAnalysis } from '../analysis';
import type { TaskModel } from '../model';
import { forEachTaskUnit } from '../rules/unit-parts';
import type { OffsetRange } from '../types';
import { unitAt } from './locate';
import { faultPoint } from '../faults';

export interface UnitMention {
  unitId: string;
  range: OffsetRange;
  role: 'lead' | 'support';
  task: TaskModel;
}

const indexCache = new WeakMap<PlanAnalysis, Map<string, UnitMention[]>>();

/** unit id → every mention in document order. */
export function unitMentions(analysis: PlanAnalysis): Map<string, UnitMention[]> {
  let index = indexCache.get(analysis);
  if (!index) {
    const built = new Map<string, UnitMention[]>();
    for (const task of analysis.model.tasks) {
      forEachTaskUnit(analysis, task, ({ role, part }) => {
        for (const unitId of part.unitIds) {
          let list = built.get(unitId);
          if (!list) built.set(unitId, (list = []));
          list.push({ unitId, range: part.sourceRange, role, task });
        }
      });
    }
    indexCache.set(analysis, (index = built));
  }
  return index;
}

/** Every mention of the unit(s) under the offset; empty when the offset is not on a known unit. */
export function unitReferencesAt(analysis: PlanAnalysis, offset: number): UnitMention[] {
  faultPoint('feature:references');
  const found = unitAt(analysis, offset);
  if (!found || found.part.kind !== 'known') return [];
  const index = unitMentions(analysis);
  const seen = new Set<number>();
  const mentions: UnitMention[] = [];
  for (const id of found.part.unitIds) {
    for (const mention of index.get(id) ?? []) {
      if (seen.has(mention.range.start)) continue;
      seen.add(mention.range.start);
      mentions.push(mention);
    }
  }
  return mentions.sort((a, b) => a.range.start - b.range.start);
}
