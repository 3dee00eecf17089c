// What sits at an offset: the task, item or section around it, the unit under it. Binary search over
// the model's document-ordered lists, so a request costs O(log n), not a walk of the plan.

import type { LocatedUnitPart, PlanAnalysis } from '../analysis';
import type { ItemModel, SectionModel, TaskModel, UnitEntry, UnitsField } from '../model';

function containing<T extends { range: { start: number; end: number } }>(list: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = list.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid].range.start <= offset) {
      found = list[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found && offset <= found.range.end ? found : undefined;
}

export function taskAt(analysis: PlanAnalysis, offset: number): TaskModel | undefined {
  return containing(analysis.model.tasks, offset);
}

export function itemAt(analysis: PlanAnalysis, offset: number): ItemModel | undefined {
  return containing(analysis.model.items, offset);
}

export function sectionAt(analysis: PlanAnalysis, offset: number): SectionModel | undefined {
  return containing(analysis.model.sections, offset);
}

export interface UnitAt {
  task: TaskModel;
  role: 'lead' | 'support';
  field: UnitsField;
  entry: UnitEntry;
  part: LocatedUnitPart;
}

export function unitAt(analysis: PlanAnalysis, offset: number): UnitAt | undefined {
  const task = taskAt(analysis, offset);
  if (!task) return undefined;
  for (const role of ['lead', 'support'] as const) {
    const field = task[role];
    if (!field) continue;
    for (const entry of field.entries) {
      if (offset < entry.range.start || offset > entry.range.end) continue;
      const part = analysis.unitParts(entry).find((p) => offset >= p.sourceRange.start && offset <= p.sourceRange.end);
      if (part) return { task, role, field, entry, part };
    }
  }
  return undefined;
}

/** Shortens a task text for labels: the first line, at most `max` characters, without a leading bullet. */
export function shorten(text: string, max = 60): string {
  const line = text.replace(/^\s*[-–•]\s*/, '').split('\n')[0].replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
