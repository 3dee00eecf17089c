// YAML document → typed plan. Tolerant: it keeps whatever has the expected shape and skips the rest,
// because the schema check reports shape problems. Every value keeps its node and exact range.

import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ParsedDocument } from './parse';
import type { OffsetRange } from './types';

export interface Field {
  pair: Pair;
  key: Scalar;
  keyRange: OffsetRange;
  /** Null when the key has no value at all (`lead:`). */
  value: Node | null;
  /** The value's range, or the key's when the value is absent. */
  valueRange: OffsetRange;
  /** From the key to the end of the value: what a "remove this entry" edit touches. */
  range: OffsetRange;
}

export interface TextValue {
  text: string;
  range: OffsetRange;
  node: Scalar;
}

export interface PlanHeader {
  field: Field;
  map: YAMLMap | null;
  anchor: OffsetRange;
  title: TextValue | null;
  issuer: TextValue | null;
  year: { value: number; range: OffsetRange } | null;
  document: TextValue | null;
}

export interface SectionModel {
  index: number;
  node: YAMLMap;
  range: OffsetRange;
  /** The first key of the section: where a finding about the whole section points. */
  anchor: OffsetRange;
  area: { numeral: string; number: number | null; range: OffsetRange; field: Field } | null;
  title: TextValue | null;
  itemsField: Field | null;
  items: ItemModel[];
}

export interface CriterionRef {
  /** The code as written in the source, so an unquoted 1.10 stays "1.10". */
  code: string;
  range: OffsetRange;
  node: Scalar;
  /** YAML read this scalar as a number (an unquoted 1.1 or 1.10). */
  readAsNumber: boolean;
  index: number;
}

export interface ItemModel {
  index: number;
  section: SectionModel;
  node: YAMLMap;
  range: OffsetRange;
  anchor: OffsetRange;
  criteriaField: Field | null;
  criteria: CriterionRef[];
  name: TextValue | null;
  finding: TextValue | null;
  tasksField: Field | null;
  tasks: TaskModel[];
}

export interface UnitEntry {
  text: string;
  /** Range of the scalar in the source (including quotes). */
  range: OffsetRange;
  node: Scalar;
  index: number;
}

export interface UnitsField {
  field: Field;
  /** `list`: a YAML sequence; `string`: "A; B" in one scalar; `empty`: no value, "" or []; `invalid`: anything else. */
  form: 'list' | 'string' | 'empty' | 'invalid';
  flow: boolean;
  entries: UnitEntry[];
}

export interface DeadlineField {
  field: Field;
  /** Null when the value is missing or blank. */
  text: string | null;
  node: Scalar | null;
}

export interface TaskModel {
  index: number;
  item: ItemModel;
  node: YAMLMap;
  range: OffsetRange;
  anchor: OffsetRange;
  text: TextValue | null;
  lead: UnitsField | null;
  support: UnitsField | null;
  deadline: DeadlineField | null;
}

export interface PlanModel {
  root: YAMLMap | null;
  header: PlanHeader | null;
  sectionsField: Field | null;
  sections: SectionModel[];
  /** Every task in document order; rules and features iterate this instead of nesting loops. */
  tasks: TaskModel[];
  items: ItemModel[];
}

export const AREA_NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] as const;

export function nodeRange(node: Node): OffsetRange {
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  return { start, end: valueEnd };
}

function fieldsOf(map: YAMLMap): Map<string, Field> {
  const fields = new Map<string, Field>();
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    if (fields.has(name)) continue;
    const value = (pair.value as Node | null) ?? null;
    const keyRange = nodeRange(key);
    const valueRange = value?.range && value.range[1] > value.range[0] ? nodeRange(value) : keyRange;
    fields.set(name, {
      pair,
      key,
      keyRange,
      value: value && value.range ? value : null,
      valueRange,
      range: { start: keyRange.start, end: Math.max(keyRange.end, valueRange.end) },
    });
  }
  return fields;
}

function anchorOf(map: YAMLMap): OffsetRange {
  const first = map.items[0]?.key as Node | undefined;
  if (first?.range) return nodeRange(first);
  return nodeRange(map);
}

function textValue(field: Field | undefined): TextValue | null {
  if (!field || !isScalar(field.value) || field.value.value === null) return null;
  const value = field.value.value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  return { text: String(value), range: field.valueRange, node: field.value };
}

function unitsField(field: Field | undefined): UnitsField | null {
  if (!field) return null;
  const value = field.value;
  if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
    return { field, form: 'empty', flow: false, entries: [] };
  }
  if (isScalar(value)) {
    if (typeof value.value !== 'string') return { field, form: 'invalid', flow: false, entries: [] };
    return { field, form: 'string', flow: false, entries: [{ text: value.value, range: field.valueRange, node: value, index: 0 }] };
  }
  if (isSeq(value)) {
    const entries: UnitEntry[] = [];
    value.items.forEach((entry, index) => {
      if (isScalar(entry) && typeof entry.value === 'string' && entry.range) {
        entries.push({ text: entry.value, range: nodeRange(entry), node: entry, index });
      }
    });
    const blank = value.items.length === 0 || entries.every((e) => e.text.trim() === '') && entries.length === value.items.length;
    return { field, form: blank ? 'empty' : 'list', flow: Boolean(value.flow), entries };
  }
  return { field, form: 'invalid', flow: false, entries: [] };
}

function deadlineField(field: Field | undefined): DeadlineField | null {
  if (!field) return null;
  const value = field.value;
  if (!isScalar(value) || value.value === null) return { field, text: null, node: isScalar(value) ? value : null };
  const raw = typeof value.value === 'string' ? value.value : typeof value.value === 'number' ? String(value.value) : null;
  return { field, text: raw !== null && raw.trim() !== '' ? raw : null, node: value };
}

function criterionRefs(field: Field | undefined): CriterionRef[] {
  if (!field || !isSeq(field.value)) return [];
  const refs: CriterionRef[] = [];
  field.value.items.forEach((entry, index) => {
    if (!isScalar(entry) || !entry.range) return;
    const readAsNumber = typeof entry.value === 'number';
    // A plain scalar keeps its source text: "1.10" stays "1.10" although YAML read 1.1.
    const code = readAsNumber ? (entry.source ?? String(entry.value)) : typeof entry.value === 'string' ? entry.value : null;
    if (code === null) return;
    refs.push({ code: code.trim(), range: nodeRange(entry), node: entry, readAsNumber, index });
  });
  return refs;
}

export function buildModel(parsed: ParsedDocument): PlanModel {
  const model: PlanModel = { root: null, header: null, sectionsField: null, sections: [], tasks: [], items: [] };
  const root = parsed.doc.contents;
  if (!isMap(root)) return model;
  model.root = root;
  const top = fieldsOf(root);

  const planField = top.get('plan');
  if (planField) {
    const map = isMap(planField.value) ? planField.value : null;
    const fields = map ? fieldsOf(map) : new Map<string, Field>();
    const yearField = fields.get('year');
    const yearValue = isScalar(yearField?.value) ? yearField.value.value : null;
    model.header = {
      field: planField,
      map,
      anchor: planField.keyRange,
      title: textValue(fields.get('title')),
      issuer: textValue(fields.get('issuer')),
      year: typeof yearValue === 'number' && Number.isInteger(yearValue) && yearValue >= 2000 && yearValue <= 2100 ? { value: yearValue, range: yearField!.valueRange } : null,
      document: textValue(fields.get('document')),
    };
  }

  const sectionsField = top.get('sections') ?? null;
  model.sectionsField = sectionsField;
  if (!sectionsField || !isSeq(sectionsField.value)) return model;
  sectionsField.value.items.forEach((sectionNode, sectionIndex) => {
    if (!isMap(sectionNode)) return;
    const fields = fieldsOf(sectionNode);
    const areaField = fields.get('area');
    const numeral = isScalar(areaField?.value) && areaField.value.value !== null ? String(areaField.value.value).trim() : null;
    const areaNumber = numeral ? AREA_NUMERALS.indexOf(numeral as (typeof AREA_NUMERALS)[number]) + 1 : 0;
    const section: SectionModel = {
      index: sectionIndex,
      node: sectionNode,
      range: nodeRange(sectionNode),
      anchor: anchorOf(sectionNode),
      area: areaField && numeral !== null ? { numeral, number: areaNumber || null, range: areaField.valueRange, field: areaField } : null,
      title: textValue(fields.get('title')),
      itemsField: fields.get('items') ?? null,
      items: [],
    };
    model.sections.push(section);
    const itemsValue = section.itemsField?.value;
    if (!isSeq(itemsValue)) return;
    itemsValue.items.forEach((itemNode, itemIndex) => {
      if (!isMap(itemNode)) return;
      const itemFields = fieldsOf(itemNode);
      const item: ItemModel = {
        index: itemIndex,
        section,
        node: itemNode,
        range: nodeRange(itemNode),
        anchor: anchorOf(itemNode),
        criteriaField: itemFields.get('criteria') ?? null,
        criteria: criterionRefs(itemFields.get('criteria')),
        name: textValue(itemFields.get('name')),
        finding: textValue(itemFields.get('finding')),
        tasksField: itemFields.get('tasks') ?? null,
        tasks: [],
      };
      section.items.push(item);
      model.items.push(item);
      const tasksValue = item.tasksField?.value;
      if (!isSeq(tasksValue)) return;
      tasksValue.items.forEach((taskNode, taskIndex) => {
        if (!isMap(taskNode)) return;
        const taskFields = fieldsOf(taskNode);
        const task: TaskModel = {
          index: taskIndex,
          item,
          node: taskNode,
          range: nodeRange(taskNode),
          anchor: anchorOf(taskNode),
          text: textValue(taskFields.get('task')),
          lead: unitsField(taskFields.get('lead')),
          support: unitsField(taskFields.get('support')),
          deadline: deadlineField(taskFields.get('deadline')),
        };
        item.tasks.push(task);
        model.tasks.push(task);
      });
    });
  });
  return model;
}
