// par/schema: the plan against schemas/par-plan.schema.json, with each error mapped back to the key
// or value at fault and said in words (never a raw regular expression).

import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ErrorObject } from 'ajv';
import { validatePlan } from '../schema/validate-plan.generated';
import planSchema from '../../../../schemas/par-plan.schema.json';
import { editDistance, fold } from '../data/text-fold';
import { nodeRange } from '../model';
import type { OffsetRange } from '../types';
import type { SchemaType } from '../messages/types';
import type { Rule, RuleContext } from './rule';

// Vietnamese words people type for our keys; they turn an unknown key into a good suggestion.
const KEY_SYNONYMS: Record<string, string> = {
  'chu tri': 'lead', 'don vi chu tri': 'lead', 'co quan chu tri': 'lead', 'chu_tri': 'lead',
  'phoi hop': 'support', 'don vi phoi hop': 'support', 'phoi_hop': 'support',
  'thoi han': 'deadline', 'thoi gian': 'deadline', 'han': 'deadline', 'thoi_han': 'deadline', 'due': 'deadline',
  'nhiem vu': 'task', 'giai phap': 'task', 'nhiem_vu': 'task',
  'tieu chi': 'criteria', 'criterion': 'criteria', 'code': 'criteria', 'codes': 'criteria', 'tieu_chi': 'criteria',
  'linh vuc': 'area', 'nam': 'year', 'ten': 'title', 'co quan ban hanh': 'issuer',
  'ly do': 'finding', 'ket qua': 'finding', 'muc': 'items', 'phan': 'sections', 'nhiem vu giai phap': 'tasks',
  'san pham': 'product', 'ghi chu': 'note',
};

type SchemaObject = { properties?: Record<string, unknown> };
const definitions = (planSchema as { definitions: Record<string, SchemaObject> }).definitions;

/** The keys an object may have, from where it sits: ajv's schemaPath is relative to a $ref, so use the path. */
function allowedKeys(segments: string[]): string[] {
  const container = [...segments].reverse().find((s) => !/^\d+$/.test(s));
  const schema: SchemaObject | undefined =
    container === undefined
      ? (planSchema as SchemaObject)
      : container === 'plan'
        ? ((planSchema as { properties: Record<string, SchemaObject> }).properties.plan)
        : { sections: definitions.section, items: definitions.item, tasks: definitions.task }[container];
  return Object.keys(schema?.properties ?? {});
}

function suggestKey(key: string, allowed: string[]): string | undefined {
  const folded = fold(key).replace(/[_-]+/g, ' ');
  const synonym = KEY_SYNONYMS[folded] ?? KEY_SYNONYMS[fold(key)];
  if (synonym && allowed.includes(synonym)) return synonym;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(folded, candidate, 3);
    if (distance <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function pathSegments(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nodeAt(root: Node | null, segments: string[]): Node | null {
  let node = root;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      node = (pair?.value as Node | null) ?? null;
    } else if (isSeq(node)) {
      node = (node.items[Number(segment)] as Node | null) ?? null;
    } else return null;
  }
  return node;
}

function keyRangeAt(root: Node | null, segments: string[]): OffsetRange | null {
  if (segments.length === 0) return null;
  const parent = nodeAt(root, segments.slice(0, -1));
  if (!isMap(parent)) return null;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === segments[segments.length - 1]);
  return pair && isScalar(pair.key) && pair.key.range ? nodeRange(pair.key) : null;
}

/** Where a finding about a whole object points: its first key, never the whole (multi-line) object. */
function objectAnchor(ctx: RuleContext, map: YAMLMap): OffsetRange {
  const first = map.items[0]?.key as Node | undefined;
  return first?.range ? nodeRange(first) : firstLine(ctx, nodeRange(map));
}

function firstLine(ctx: RuleContext, range: OffsetRange): OffsetRange {
  const { text, lines } = ctx.analysis.parsed;
  const line = lines.positionAt(range.start).line;
  const end = Math.min(range.end, lines.lineEnd(line));
  const slice = text.slice(range.start, end).trimEnd();
  return { start: range.start, end: range.start + Math.max(slice.length, Math.min(1, range.end - range.start)) };
}

/** Describes the place of an instance path in words: "phần II", "mục 2 của phần II", ... */
function describe(ctx: RuleContext, segments: string[]): string {
  const msg = ctx.msg;
  if (segments[0] === 'plan') return msg.where('plan', {});
  if (segments[0] !== 'sections' || segments.length < 2) return msg.where('root', {});
  const section = ctx.model.sections.find((s) => s.index === Number(segments[1]));
  const sectionName = section?.area?.numeral ?? String(Number(segments[1]) + 1);
  if (segments.length < 4) return msg.where('section', { section: sectionName });
  const item = Number(segments[3]) + 1;
  if (segments.length < 6) return msg.where('item', { section: sectionName, item });
  return msg.where('task', { section: sectionName, item, task: Number(segments[5]) + 1 });
}

function lastKey(segments: string[]): string {
  for (let i = segments.length - 1; i >= 0; i--) if (!/^\d+$/.test(segments[i])) return segments[i];
  return '';
}

function reportError(ctx: RuleContext, error: ErrorObject, root: Node | null): void {
  const segments = pathSegments(error.instancePath);
  const node = nodeAt(root, segments);
  const msg = ctx.msg;
  const valueRange = (): OffsetRange => {
    if (!node?.range) return keyRangeAt(root, segments) ?? firstLine(ctx, { start: 0, end: ctx.analysis.text.length });
    const range = nodeRange(node);
    const { lines } = ctx.analysis.parsed;
    // A multi-line value (a whole list or object) is shown at its key, not squiggled line after line.
    if (lines.positionAt(range.start).line !== lines.positionAt(range.end).line && !isScalar(node)) {
      return keyRangeAt(root, segments) ?? firstLine(ctx, range);
    }
    return range.end > range.start ? range : keyRangeAt(root, segments) ?? range;
  };
  switch (error.keyword) {
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      const range = segments.length === 0 ? (isMap(node) ? objectAnchor(ctx, node) : firstLine(ctx, { start: 0, end: ctx.analysis.text.length })) : isMap(node) ? objectAnchor(ctx, node) : valueRange();
      ctx.report({ range, message: msg.schemaMissingKey(key, describe(ctx, segments)) });
      return;
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const range = keyRangeAt(root, [...segments, key]) ?? valueRange();
      const suggestion = suggestKey(key, allowedKeys(segments));
      // Renaming to a key the object already has would make a duplicate key: say it, offer no fix.
      const taken = isMap(node) && node.items.some((p) => isScalar(p.key) && String(p.key.value) === suggestion);
      ctx.report({
        range,
        message: msg.schemaUnknownKey(key, describe(ctx, segments), suggestion),
        fixes: suggestion && !taken ? [{ title: msg.fixRenameKey(suggestion), edits: [{ range, newText: suggestion }], safe: false, preferred: true }] : undefined,
      });
      return;
    }
    case 'type': {
      // An unquoted criterion code is par/criterion-not-string's job: it says more and keeps the text.
      if (segments.length >= 5 && segments[segments.length - 2] === 'criteria' && isScalar(node) && typeof node.value === 'number') return;
      if (segments.length === 0) {
        ctx.report({ range: firstLine(ctx, node?.range ? nodeRange(node) : { start: 0, end: ctx.analysis.text.length }), message: msg.schemaRootNotMap() });
        return;
      }
      const expected = String((error.params as { type: string }).type).split(',') as SchemaType[];
      ctx.report({ range: valueRange(), message: msg.schemaWrongType(lastKey(segments), expected) });
      return;
    }
    case 'enum':
      ctx.report({ range: valueRange(), message: isScalar(node) ? msg.schemaBadArea(String(node.value)) : msg.schemaOther(lastKey(segments), error.message ?? '') });
      return;
    case 'pattern': {
      const key = lastKey(segments);
      const value = isScalar(node) ? String(node.value) : '';
      ctx.report({ range: valueRange(), message: key === 'criteria' ? msg.schemaBadCode(value) : msg.schemaEmptyText(key) });
      return;
    }
    case 'minimum':
    case 'maximum':
      ctx.report({ range: valueRange(), message: msg.schemaYearRange(2000, 2100) });
      return;
    default:
      ctx.report({ range: valueRange(), message: msg.schemaOther(lastKey(segments), error.message ?? error.keyword) });
  }
}

export const schemaRule: Rule = {
  code: 'par/schema',
  defaultSeverity: 'error',
  description: {
    vi: "Định dạng kế hoạch: khóa bắt buộc và khóa lạ (có gợi ý), kiểu giá trị, lĩnh vực, dạng mã",
    en: "The plan format: required and unknown keys (with did-you-mean), types, areas, code shape",
  },
  fixable: true,
  tags: ["format"],
  check(ctx) {
    const data = ctx.analysis.plainData();
    if (!data || validatePlan(data.value)) return; // alias limits are reported as syntax findings
    const root = ctx.analysis.parsed.doc.contents as Node | null;
    const errors = validatePlan.errors ?? [];
    for (const error of errors) reportError(ctx, error, root);
  },
};
