// Shared walk over every unit named in lead/support, and the flow-list splits that
// par/flow-list-split reports and par/unknown-unit must then stay quiet about.

import type { LocatedUnitPart, PlanAnalysis } from '../analysis';
import { matchUnitPhrase } from '../data/unit-phrase';
import type { TaskModel, UnitEntry, UnitsField } from '../model';
import type { OffsetRange } from '../types';

export interface UnitOccurrence {
  task: TaskModel;
  role: 'lead' | 'support';
  field: UnitsField;
  entry: UnitEntry;
  part: LocatedUnitPart;
}

export function* unitOccurrences(analysis: PlanAnalysis): Generator<UnitOccurrence> {
  for (const task of analysis.model.tasks) {
    for (const role of ['lead', 'support'] as const) {
      const field = task[role];
      if (!field || (field.form !== 'list' && field.form !== 'string')) continue;
      for (const entry of field.entries) {
        for (const part of analysis.unitParts(entry)) yield { task, role, field, entry, part };
      }
    }
  }
}

export interface FlowListSplit {
  field: UnitsField;
  /** Entry indexes first..last (inclusive) that together spell one name. */
  first: number;
  last: number;
  joined: string;
  range: OffsetRange;
}

const splitCache = new WeakMap<UnitsField, FlowListSplit[]>();

/** `[Sở, ban, ngành cấp tỉnh]`: YAML split one name at its commas. Finds runs of entries that join into known names. */
export function flowListSplits(analysis: PlanAnalysis, field: UnitsField): FlowListSplit[] {
  const cached = splitCache.get(field);
  if (cached) return cached;
  const splits: FlowListSplit[] = [];
  if (field.form === 'list' && field.flow && field.entries.length > 1) {
    const entries = field.entries;
    const hasUnknown = entries.map((e) => analysis.unitParts(e).some((p) => p.kind === 'unknown'));
    let i = 0;
    while (i < entries.length) {
      let found: FlowListSplit | undefined;
      for (let j = entries.length - 1; j > i && !found; j--) {
        if (!hasUnknown.slice(i, j + 1).some(Boolean)) continue;
        if (entries[j].index - entries[i].index !== j - i) continue; // a non-text entry sits between
        const joined = entries.slice(i, j + 1).map((e) => e.text.trim()).join(', ');
        const parts = matchUnitPhrase(analysis.data.registry, joined);
        if (parts.length > 0 && parts.length < j - i + 1 && parts.every((p) => p.kind === 'known')) {
          found = { field, first: i, last: j, joined, range: { start: entries[i].range.start, end: entries[j].range.end } };
        }
      }
      if (found) {
        splits.push(found);
        i = found.last + 1;
      } else i++;
    }
  }
  splitCache.set(field, splits);
  return splits;
}
