// Shared walk over every unit named in lead/support, and the flow-list splits that
// par/flow-list-split reports and par/unknown-unit must then stay quiet about.

import type { LocatedUnitPart } from '../located-unit-part';
import type { PlanFacts } from '../plan-facts';
import { readUnitPhrase } from '../data/unit-phrase';
import type { TaskModel, UnitEntry, UnitsField } from '../model';
import type { OffsetRange } from '../types';

export interface UnitOccurrence {
  task: TaskModel;
  role: 'lead' | 'support';
  field: UnitsField;
  entry: UnitEntry;
  part: LocatedUnitPart;
}

const ROLES = ['lead', 'support'] as const;

/**
 * Calls `visit` for every unit the task names in lead and support, in document order. One
 * occurrence object is reused rather than a list built: with 10,000 tasks that would be tens of
 * thousands of short-lived objects per keystroke.
 */
export function forEachTaskUnit(analysis: PlanFacts, task: TaskModel, visit: (occurrence: UnitOccurrence) => void): void {
  const occurrence = { task } as UnitOccurrence;
  for (let r = 0; r < ROLES.length; r++) {
    const role = ROLES[r];
    const field = task[role];
    if (!field || (field.form !== 'list' && field.form !== 'string')) continue;
    occurrence.role = role;
    occurrence.field = field;
    const entries = field.entries;
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e];
      occurrence.entry = entry;
      const parts = analysis.unitParts(entry);
      for (let p = 0; p < parts.length; p++) {
        occurrence.part = parts[p];
        visit(occurrence);
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
export function flowListSplits(analysis: PlanFacts, field: UnitsField): FlowListSplit[] {
  const cached = splitCache.get(field);
  if (cached) return cached;
  const splits: FlowListSplit[] = [];
  if (field.form === 'list' && field.flow && field.entries.length > 1) {
    const entries = field.entries;
    const hasUnknown = entries.map((e) => analysis.unitParts(e).some((p) => p.kind === 'unknown'));
    const allKnown = (from: number, to: number) => {
      const parts = readUnitPhrase(analysis.registry, joinEntries(from, to));
      return parts.length > 0 && parts.every((p) => p.kind === 'known');
    };
    const joinEntries = (from: number, to: number) => entries.slice(from, to + 1).map((e) => e.text.trim()).join(', ');
    const contiguous = (from: number, to: number) => entries[to].index - entries[from].index === to - from;
    let i = 0;
    while (i < entries.length - 1) {
      // A run starts where this entry or the next is not fully recognised, and ends at the first
      // entry that makes the joined text fully recognised: the shortest repair.
      let end = -1;
      if (hasUnknown[i] || hasUnknown[i + 1]) {
        for (let j = i + 1; j < entries.length && contiguous(i, j); j++) {
          if (allKnown(i, j)) {
            end = j;
            break;
          }
        }
      }
      if (end === -1) {
        i++;
        continue;
      }
      let start = i;
      // Leave out fully recognised entries at the front ("Văn phòng UBND tỉnh, Sở, ban, ngành cấp tỉnh").
      while (start < end && !hasUnknown[start] && hasUnknown.slice(start + 1, end + 1).some(Boolean) && start + 1 < end && allKnown(start + 1, end)) start++;
      const joined = joinEntries(start, end);
      const [firstEntry, lastEntry] = [entries[start], entries[end]];
      // Kept across versions with the field: the range is read from the entries when asked.
      splits.push({
        field,
        first: start,
        last: end,
        joined,
        get range() {
          return { start: firstEntry.range.start, end: lastEntry.range.end };
        },
      });
      i = end + 1;
    }
  }
  splitCache.set(field, splits);
  return splits;
}
