// A starter overlay for a province (`par-plan units init`): every unit name its plans use that the
// registry does not know, listed for the author to confirm, in the format of schemas/par-units.schema.json.

import type { PlanAnalysis } from './analysis';
import { fold } from './data/text-fold';
import type { ProvinceRecord } from './data/provinces';
import type { RegistryFile, UnitRecord } from './data/registry';
import type { Locale } from './types';
import { flowListSplits, forEachTaskUnit } from './rules/unit-parts';

export interface UnknownUnitUse {
  name: string;
  /** Where it is written: "ke-hoach.par.yaml:12". */
  places: string[];
}

export interface StarterOverlay {
  file: RegistryFile & { $schema?: string; sources?: string };
  /** The province the plans' issuers name (the most frequent one), if any. */
  province?: ProvinceRecord;
  unknown: UnknownUnitUse[];
}

/** Unknown unit names of one plan, with their line numbers; another province's body is left out (it is a mistake, not a unit). */
export function unknownUnitsOf(analysis: PlanAnalysis): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  for (const task of analysis.model.tasks) {
    forEachTaskUnit(analysis, task, ({ field, entry, part }) => {
      if (part.kind !== 'unknown' || part.part.foreignProvince) return;
      if (flowListSplits(analysis, field).some((s) => entry.index >= field.entries[s.first].index && entry.index <= field.entries[s.last].index)) return;
      found.push({ name: part.text.replace(/\s+/g, ' ').trim(), line: analysis.lines.positionAt(part.sourceRange.start).line + 1 });
    });
  }
  return found;
}

/** A new unit's id from its name, unlike every id taken (the set is updated). */
export function idOf(name: string, taken: Set<string>): string {
  const base = fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'don-vi';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const CONFIRM: Record<Locale, (places: string) => string> = {
  vi: (places) => `CẦN XÁC NHẬN: tên chưa có trong danh mục, gặp ở ${places}. Kiểm tra tên, "kind", rồi xóa ghi chú này.`,
  en: (places) => `TO CONFIRM: not in the registry, found at ${places}. Check the name and "kind", then remove this note.`,
};

/**
 * The overlay for the plans given (each with the name to show for it). Names are grouped by their
 * folded spelling; the first spelling met is kept. `knownIds` are the ids the overlay extends.
 */
export function starterOverlay(plans: { label: string; analysis: PlanAnalysis }[], knownIds: ReadonlySet<string>, locale: Locale): StarterOverlay {
  const byKey = new Map<string, UnknownUnitUse>();
  const provinces = new Map<string, { province: ProvinceRecord; count: number }>();
  for (const { label, analysis } of plans) {
    const province = analysis.province;
    if (province) provinces.set(province.id, { province, count: (provinces.get(province.id)?.count ?? 0) + 1 });
    for (const { name, line } of unknownUnitsOf(analysis)) {
      const key = fold(name);
      const use = byKey.get(key) ?? { name, places: [] };
      use.places.push(`${label}:${line}`);
      byKey.set(key, use);
    }
  }
  const province = [...provinces.values()].sort((a, b) => b.count - a.count)[0]?.province;
  const taken = new Set(knownIds);
  const unknown = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const units: UnitRecord[] = unknown.map((use) => ({
    id: idOf(use.name, taken),
    name: use.name,
    kind: 'provincial-agency',
    note: CONFIRM[locale](use.places.slice(0, 5).join(', ') + (use.places.length > 5 ? ' …' : '')),
  }));
  const file: StarterOverlay['file'] = {
    id: province ? `${province.id}-bo-sung` : 'bo-sung',
    ...(province ? { province: province.id } : {}),
    title: province ? `Bổ sung danh mục đơn vị — ${province.form} ${province.name}` : 'Bổ sung danh mục đơn vị',
    units,
  };
  return { file, province, unknown };
}

/**
 * The text edit that adds one unit (to confirm) at the top of an overlay's "units" array, keeping the
 * rest of the file as written. Undefined when the file has no "units" array to add to.
 */
export function addUnitToOverlay(overlayText: string, name: string, knownIds: ReadonlySet<string>, locale: Locale, place: string): { offset: number; newText: string } | undefined {
  const array = /"units"\s*:\s*\[/.exec(overlayText);
  if (!array) return undefined;
  const offset = array.index + array[0].length;
  const ids = new Set<string>(knownIds);
  for (const m of overlayText.matchAll(/"id"\s*:\s*"([^"]*)"/g)) ids.add(m[1]);
  const unit: UnitRecord = { id: idOf(name, ids), name, kind: 'provincial-agency', note: CONFIRM[locale](place) };
  const empty = /^\s*\]/.test(overlayText.slice(offset));
  const indent = /\n([ \t]*)"units"/.exec(overlayText)?.[1] ?? '  ';
  return { offset, newText: `\n${indent}  ${JSON.stringify(unit)}${empty ? `\n${indent}` : ','}` };
}
