// The unit data of the whole country and how one plan's registry is made from it: the national base
// (schemas/units/base.json), the plan's province (chosen by plan.issuer, schemas/provinces.json),
// the province's bundled overlay (schemas/units/<id>.json) and the user's overlays, which extend.
// Placeholders in names are filled for the plan's province: {tỉnh} "tỉnh" or "thành phố", {Tỉnh}
// "Tỉnh" or "Thành", {Tên} its proper name. One registry per data object and province, built once.

import { buildRegistry, type PhraseRecord, type RegistryFile, type UnitRecord, type UnitRegistry } from './registry';
import { provinceOfIssuer, type ProvinceRecord, type ProvinceTable } from './provinces';

export interface UnitLayer {
  file: RegistryFile;
  /** Where it came from, as a user reads it: "base", "ha-tinh", a file path. */
  label: string;
  /** A user's file (not bundled): the one a quick-fix adds unknown units to. */
  user?: boolean;
}

export interface UnitData {
  provinces: ProvinceTable;
  /** The base first, then overlays in the order they apply; an overlay with `province` applies to that province only. */
  layers: readonly UnitLayer[];
}

const LIST_FIELDS = ['variants', 'abbreviations'] as const;

/** The data with one more overlay on top (a user's file): a new object, so registries built before stay valid. */
export function withOverlay(data: UnitData, layer: UnitLayer): UnitData {
  return { provinces: data.provinces, layers: [...data.layers, layer] };
}

/** Ids of every unit in the data, for checking an overlay's references. */
export function unitIdsOf(data: UnitData): Set<string> {
  return new Set(data.layers.flatMap((l) => l.file.units.map((u) => u.id)));
}

function merge(into: Map<string, UnitRecord>, unit: UnitRecord): void {
  const previous = into.get(unit.id);
  if (!previous) {
    into.set(unit.id, { ...unit });
    return;
  }
  // An overlay's unit with a known id changes that unit: lists of names add up, other fields replace.
  const merged: UnitRecord = { ...previous, ...unit };
  for (const key of LIST_FIELDS) {
    if (previous[key] || unit[key]) merged[key] = [...new Set([...(previous[key] ?? []), ...(unit[key] ?? [])])];
  }
  into.set(unit.id, merged);
}

function applies(unit: UnitRecord, province: ProvinceRecord | undefined): boolean {
  if (unit.onlyIn && province && !unit.onlyIn.includes(province.id)) return false;
  if (unit.onlyForm && unit.onlyForm !== (province?.form ?? 'tỉnh')) return false;
  return true;
}

/**
 * Fills the placeholders. Without a province the proper name is dropped after the level word
 * ("Thuế tỉnh {Tên}" → "Thuế tỉnh") and becomes the level word elsewhere ("Báo {Tên}" → "Báo tỉnh").
 */
function filler(province: ProvinceRecord | undefined): (text: string) => string {
  const form = province?.form ?? 'tỉnh';
  const capital = form === 'tỉnh' ? 'Tỉnh' : 'Thành';
  return (text) => {
    let out = province ? text.replace(/\{Tên\}/g, province.name) : text.replace(/\{tỉnh\}\s+\{Tên\}/g, '{tỉnh}').replace(/\{Tên\}/g, '{tỉnh}');
    out = out.replace(/\{tỉnh\}/g, form).replace(/\{Tỉnh\}/g, capital);
    return out;
  };
}

function composeFile(data: UnitData, province: ProvinceRecord | undefined): { file: RegistryFile; labels: string[]; userOverlay?: string } {
  const units = new Map<string, UnitRecord>();
  const phrases: PhraseRecord[] = [];
  const roles: string[] = [];
  const labels: string[] = [];
  let userOverlay: string | undefined;
  for (const layer of data.layers) {
    if (layer.file.province && layer.file.province !== province?.id) continue;
    labels.push(layer.label);
    if (layer.user) userOverlay = layer.label;
    for (const unit of layer.file.units) merge(units, unit);
    phrases.push(...(layer.file.phrases ?? []));
    roles.push(...(layer.file.roles ?? []));
  }
  const fill = filler(province);
  const kept = [...units.values()].filter((u) => applies(u, province));
  const keptIds = new Set(kept.map((u) => u.id));
  const refs = (ids: string[] | undefined) => ids && ids.filter((id) => keptIds.has(id));
  const names = (list: string[] | undefined) => list && [...new Set(list.map(fill))];
  const filled = kept.map((u): UnitRecord => ({
    ...u,
    name: fill(u.name),
    fullName: u.fullName && fill(u.fullName),
    variants: names(u.variants),
    abbreviations: names(u.abbreviations),
    note: u.note && fill(u.note),
    successors: refs(u.successors),
    predecessors: refs(u.predecessors),
  }));
  const filledPhrases = phrases
    .filter((p) => p.units.every((id) => keptIds.has(id)))
    .map((p) => ({ text: fill(p.text), units: p.units }));
  const id = province ? `${data.layers[0]?.file.id ?? 'units'}+${province.id}` : (data.layers[0]?.file.id ?? 'units');
  return { file: { id, units: filled, phrases: filledPhrases, roles }, labels, userOverlay };
}

const registries = new WeakMap<UnitData, Map<string, UnitRegistry>>();
const issuers = new WeakMap<UnitData, Map<string, ProvinceRecord | null>>();

/** The province a plan's issuer names, remembered per issuer text. */
export function provinceFor(data: UnitData, issuer: string | undefined): ProvinceRecord | undefined {
  if (!issuer) return undefined;
  let byText = issuers.get(data);
  if (!byText) issuers.set(data, (byText = new Map()));
  let province = byText.get(issuer);
  if (province === undefined) {
    if (byText.size >= 1000) byText.clear();
    province = provinceOfIssuer(data.provinces, issuer) ?? null;
    byText.set(issuer, province);
  }
  return province ?? undefined;
}

/** The registry of the plan whose issuer is given: built once per data object and province. */
export function registryFor(data: UnitData, issuer: string | undefined): UnitRegistry {
  const province = provinceFor(data, issuer);
  let byProvince = registries.get(data);
  if (!byProvince) registries.set(data, (byProvince = new Map()));
  const key = province?.id ?? '';
  let registry = byProvince.get(key);
  if (!registry) {
    const { file, labels, userOverlay } = composeFile(data, province);
    registry = buildRegistry(file, { province, provinces: data.provinces, layers: labels, userOverlay });
    byProvince.set(key, registry);
  }
  return registry;
}
