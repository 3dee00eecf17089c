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
  /** The PAR Index year whose results the plan answers (`index-year`). */
  indexYear: { value: number; range: OffsetRange } | null;
  /** The results file the plan names (`results`), relative to the plan. */
  results: TextValue | null;
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
  /** Follow-up keys (all optional): `status`, `done` (a day, read like a deadline), `progress`, `id`, `note`. */
  status: DeadlineField | null;
  done: DeadlineField | null;
  progressField: Field | null;
  progress: ProgressEntryModel[];
  id: TextValue | null;
  note: TextValue | null;
}

/** One report in a task's `progress` list. */
export interface ProgressEntryModel {
  index: number;
  node: YAMLMap;
  range: OffsetRange;
  /** The `date` field, read like a deadline. */
  date: DeadlineField | null;
  text: TextValue | null;
  evidence: TextValue | null;
}

/** A list entry of the plan; which one shows in its links: a task has an item, an item a section. */
export type EntryModel = SectionModel | ItemModel | TaskModel;

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

// Positions are read from the YAML nodes when asked, never copied: an incremental re-parse moves
// the nodes after an edit, and every model object that is kept stays right without being touched.

class FieldOf implements Field {
  readonly value: Node | null;
  constructor(
    readonly pair: Pair,
    readonly key: Scalar,
    /** The value as parsed, with or without a range (an empty value has a zero-width one). */
    private readonly raw: Node | null,
  ) {
    this.value = raw && raw.range ? raw : null;
  }
  get keyRange(): OffsetRange {
    return nodeRange(this.key);
  }
  get valueRange(): OffsetRange {
    const raw = this.raw;
    return raw?.range && raw.range[1] > raw.range[0] ? nodeRange(raw) : this.keyRange;
  }
  get range(): OffsetRange {
    const key = this.keyRange;
    return { start: key.start, end: Math.max(key.end, this.valueRange.end) };
  }
}

/** The fields of a mapping with the given names (the first of each name); other keys are skipped. */
function fieldsOf<K extends string>(map: YAMLMap, names: readonly K[]): Partial<Record<K, Field>> {
  const fields: Partial<Record<K, Field>> = {};
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value) as K;
    if (!names.includes(name) || fields[name]) continue;
    fields[name] = new FieldOf(pair, key, (pair.value as Node | null) ?? null);
  }
  return fields;
}

const TASK_KEYS = ['task', 'lead', 'support', 'deadline', 'status', 'done', 'progress', 'id', 'note'] as const;
const PROGRESS_KEYS = ['date', 'text', 'evidence'] as const;
const ITEM_KEYS = ['criteria', 'name', 'finding', 'tasks'] as const;
const SECTION_KEYS = ['area', 'title', 'items'] as const;
const HEADER_KEYS = ['title', 'issuer', 'year', 'document', 'index-year', 'results'] as const;
const ROOT_KEYS = ['plan', 'sections'] as const;

function anchorOf(map: YAMLMap): OffsetRange {
  const first = map.items[0]?.key as Node | undefined;
  if (first?.range) return nodeRange(first);
  return nodeRange(map);
}

/** A section, item or task: a mapping in a list, at `index` in it. */
abstract class ListEntryOf {
  constructor(
    readonly node: YAMLMap,
    readonly index: number,
  ) {}
  get range(): OffsetRange {
    return nodeRange(this.node);
  }
  get anchor(): OffsetRange {
    return anchorOf(this.node);
  }
}

/** A model object for each mapping in a field's list (an empty list when the value is not one). */
function mapsOf<T>(field: Field | null | undefined, make: (map: YAMLMap, index: number) => T): T[] {
  const made: T[] = [];
  const list = field?.value;
  if (isSeq(list)) {
    list.items.forEach((node, index) => {
      if (isMap(node)) made.push(make(node, index));
    });
  }
  return made;
}

/** A value that spans its field's value. */
class FieldValueOf {
  constructor(readonly field: Field) {}
  get range(): OffsetRange {
    return this.field.valueRange;
  }
}

class TextOf extends FieldValueOf implements TextValue {
  constructor(
    readonly text: string,
    readonly node: Scalar,
    field: Field,
  ) {
    super(field);
  }
}

function textValue(field: Field | undefined): TextValue | null {
  if (!field || !isScalar(field.value) || field.value.value === null) return null;
  const value = field.value.value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  return new TextOf(String(value), field.value, field);
}

class EntryOf implements UnitEntry {
  constructor(
    readonly text: string,
    readonly node: Scalar,
    readonly index: number,
    private readonly field: Field | null,
  ) {}
  get range(): OffsetRange {
    return this.field ? this.field.valueRange : nodeRange(this.node);
  }
}

function unitsField(field: Field | undefined): UnitsField | null {
  if (!field) return null;
  const value = field.value;
  if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
    return { field, form: 'empty', flow: false, entries: [] };
  }
  if (isScalar(value)) {
    if (typeof value.value !== 'string') return { field, form: 'invalid', flow: false, entries: [] };
    return { field, form: 'string', flow: false, entries: [new EntryOf(value.value, value, 0, field)] };
  }
  if (isSeq(value)) {
    const entries: UnitEntry[] = [];
    value.items.forEach((entry, index) => {
      if (isScalar(entry) && typeof entry.value === 'string' && entry.range) entries.push(new EntryOf(entry.value, entry, index, null));
    });
    const blank = value.items.length === 0 || (entries.every((e) => e.text.trim() === '') && entries.length === value.items.length);
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

class CriterionOf implements CriterionRef {
  constructor(
    readonly code: string,
    readonly node: Scalar,
    readonly readAsNumber: boolean,
    readonly index: number,
  ) {}
  get range(): OffsetRange {
    return nodeRange(this.node);
  }
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
    refs.push(new CriterionOf(code.trim(), entry, readAsNumber, index));
  });
  return refs;
}

class ProgressEntryOf extends ListEntryOf implements ProgressEntryModel {
  readonly date: DeadlineField | null;
  readonly text: TextValue | null;
  readonly evidence: TextValue | null;
  constructor(node: YAMLMap, index: number) {
    super(node, index);
    const fields = fieldsOf(node, PROGRESS_KEYS);
    this.date = deadlineField(fields.date);
    this.text = textValue(fields.text);
    this.evidence = textValue(fields.evidence);
  }
}

class TaskOf extends ListEntryOf implements TaskModel {
  readonly text: TextValue | null;
  readonly lead: UnitsField | null;
  readonly support: UnitsField | null;
  readonly deadline: DeadlineField | null;
  readonly status: DeadlineField | null;
  readonly done: DeadlineField | null;
  readonly progressField: Field | null;
  readonly progress: ProgressEntryModel[];
  readonly id: TextValue | null;
  readonly note: TextValue | null;
  constructor(
    node: YAMLMap,
    index: number,
    readonly item: ItemModel,
  ) {
    super(node, index);
    const fields = fieldsOf(node, TASK_KEYS);
    this.text = textValue(fields.task);
    this.lead = unitsField(fields.lead);
    this.support = unitsField(fields.support);
    this.deadline = deadlineField(fields.deadline);
    this.status = deadlineField(fields.status);
    this.done = deadlineField(fields.done);
    this.progressField = fields.progress ?? null;
    this.progress = mapsOf(this.progressField, (map, i) => new ProgressEntryOf(map, i));
    this.id = textValue(fields.id);
    this.note = textValue(fields.note);
  }
}

class ItemOf extends ListEntryOf implements ItemModel {
  readonly criteriaField: Field | null;
  readonly criteria: CriterionRef[];
  readonly name: TextValue | null;
  readonly finding: TextValue | null;
  readonly tasksField: Field | null;
  readonly tasks: TaskModel[];
  constructor(
    node: YAMLMap,
    index: number,
    readonly section: SectionModel,
  ) {
    super(node, index);
    const fields = fieldsOf(node, ITEM_KEYS);
    this.criteriaField = fields.criteria ?? null;
    this.criteria = criterionRefs(fields.criteria);
    this.name = textValue(fields.name);
    this.finding = textValue(fields.finding);
    this.tasksField = fields.tasks ?? null;
    this.tasks = mapsOf(this.tasksField, (map, i) => new TaskOf(map, i, this));
  }
}

class AreaOf extends FieldValueOf {
  constructor(
    readonly numeral: string,
    readonly number: number | null,
    field: Field,
  ) {
    super(field);
  }
}

class SectionOf extends ListEntryOf implements SectionModel {
  readonly area: SectionModel['area'];
  readonly title: TextValue | null;
  readonly itemsField: Field | null;
  readonly items: ItemModel[];
  constructor(node: YAMLMap, index: number) {
    super(node, index);
    const fields = fieldsOf(node, SECTION_KEYS);
    const areaField = fields.area;
    const numeral = isScalar(areaField?.value) && areaField.value.value !== null ? String(areaField.value.value).trim() : null;
    const areaNumber = numeral ? AREA_NUMERALS.indexOf(numeral as (typeof AREA_NUMERALS)[number]) + 1 : 0;
    this.area = areaField && numeral !== null ? new AreaOf(numeral, areaNumber || null, areaField) : null;
    this.title = textValue(fields.title);
    this.itemsField = fields.items ?? null;
    this.items = mapsOf(this.itemsField, (map, i) => new ItemOf(map, i, this));
  }
}

class YearOf extends FieldValueOf {
  constructor(
    readonly value: number,
    field: Field,
  ) {
    super(field);
  }
}

function yearOf(field: Field | undefined): YearOf | null {
  const value = isScalar(field?.value) ? field.value.value : null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 2000 && value <= 2100 ? new YearOf(value, field!) : null;
}

class HeaderOf implements PlanHeader {
  readonly map: YAMLMap | null;
  readonly title: TextValue | null;
  readonly issuer: TextValue | null;
  readonly year: PlanHeader['year'];
  readonly document: TextValue | null;
  readonly indexYear: PlanHeader['indexYear'];
  readonly results: TextValue | null;
  constructor(readonly field: Field) {
    this.map = isMap(field.value) ? field.value : null;
    const fields = this.map ? fieldsOf(this.map, HEADER_KEYS) : {};
    this.title = textValue(fields.title);
    this.issuer = textValue(fields.issuer);
    this.year = yearOf(fields.year);
    this.document = textValue(fields.document);
    this.indexYear = yearOf(fields['index-year']);
    this.results = textValue(fields.results);
  }
  get anchor(): OffsetRange {
    return this.field.keyRange;
  }
}

export function buildModel(parsed: ParsedDocument): PlanModel {
  const model: PlanModel = { root: null, header: null, sectionsField: null, sections: [], tasks: [], items: [] };
  const root = parsed.doc.contents;
  if (!isMap(root)) return model;
  model.root = root;
  const top = fieldsOf(root, ROOT_KEYS);
  const planField = top.plan;
  if (planField) model.header = new HeaderOf(planField);
  model.sectionsField = top.sections ?? null;
  model.sections = mapsOf(model.sectionsField, (map, i) => new SectionOf(map, i));
  collectLists(model);
  return model;
}

/** model.items and model.tasks from the sections, in document order. */
function collectLists(model: PlanModel): void {
  model.items = model.sections.flatMap((s) => s.items);
  model.tasks = model.items.flatMap((i) => i.tasks);
}

/**
 * The model after an incremental re-parse replaced one list entry: only that entry's model is
 * built again; every other object is kept (its positions follow the moved nodes). The previous
 * model is reused and changed: it belongs to a retired version.
 */
export function patchModel(model: PlanModel, replaced: { old: EntryModel; node: YAMLMap }): PlanModel {
  const old = replaced.old;
  if ('item' in old) {
    const next = new TaskOf(replaced.node, old.index, old.item);
    old.item.tasks[old.item.tasks.indexOf(old)] = next;
    model.tasks[model.tasks.indexOf(old)] = next;
    return model;
  }
  if ('section' in old) old.section.items[old.section.items.indexOf(old)] = new ItemOf(replaced.node, old.index, old.section);
  else model.sections[model.sections.indexOf(old)] = new SectionOf(replaced.node, old.index);
  collectLists(model);
  return model;
}
