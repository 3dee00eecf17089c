// The results of one PAR Index year for one province: per code the maximum points, the points
// obtained (after appraisal) and, when known, the self-assessed points. Read from a
// `*.par-results.yaml` file (schemas/par-results.schema.json, docs/results.md). Pure: text in, data out.
//
// A "lost" code is a leaf (a sub-criterion, or a criterion the results list without sub-criteria)
// whose obtained points are below its maximum; a criterion's or an area's loss is the sum of its leaves.

import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { LineIndex } from '../parse';
import { AREA_NUMERALS } from '../model';
import type { Locale } from '../types';
import { areaOfCode, compareCodes, isWellFormedCode, parentOfCode } from './catalog';

export const RESULTS_FILE_SUFFIX = '.par-results.yaml';

export interface ResultsEntry {
  code: string;
  name?: string;
  max: number;
  obtained: number;
  'self-assessed'?: number;
  note?: string;
}

export interface ResultsArea {
  /** The area's Roman numeral, I..VIII. */
  area: string;
  name?: string;
  max?: number;
  obtained?: number;
}

/** The file as written: plain data in the shape of the schema. */
export interface ResultsFile {
  issuer?: string;
  'index-year': number;
  title?: string;
  source?: string;
  areas?: ResultsArea[];
  criteria: ResultsEntry[];
}

/** A leaf code that lost points. */
export interface LostCode {
  code: string;
  area: number;
  name?: string;
  max: number;
  obtained: number;
  lost: number;
}

export interface PlanResults {
  issuer?: string;
  indexYear: number;
  entries: ReadonlyMap<string, ResultsEntry>;
  /** Leaf codes that lost points, in code order. */
  lost: readonly LostCode[];
  /** Points lost by a code (the sum of its leaves), or undefined when the results do not cover it. */
  lossOf(code: string): number | undefined;
}

export interface ResultsProblem {
  /** 1-based line in the results file; 0 for the file as a whole. */
  line: number;
  message: Record<Locale, string>;
}

const both = (vi: string, en: string): Record<Locale, string> => ({ vi, en });

/** Points are quarters and tenths: sums are rounded so 0.1 + 0.2 shows as 0.3. */
export function roundPoints(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

export function buildResults(file: ResultsFile): PlanResults {
  const entries = new Map<string, ResultsEntry>();
  for (const entry of file.criteria) entries.set(entry.code, entry);
  const hasChildren = new Set<string>();
  for (const code of entries.keys()) {
    const parent = parentOfCode(code);
    if (parent) hasChildren.add(parent);
  }
  const lost: LostCode[] = [];
  const loss = new Map<string, number>();
  for (const entry of entries.values()) {
    if (hasChildren.has(entry.code)) continue;
    const points = roundPoints(Math.max(0, entry.max - entry.obtained));
    loss.set(entry.code, points);
    const parent = parentOfCode(entry.code);
    if (parent) loss.set(parent, roundPoints((loss.get(parent) ?? 0) + points));
    if (points > 0) lost.push({ code: entry.code, area: areaOfCode(entry.code), name: entry.name, max: entry.max, obtained: entry.obtained, lost: points });
  }
  lost.sort((a, b) => compareCodes(a.code, b.code));
  return {
    issuer: file.issuer,
    indexYear: file['index-year'],
    entries,
    lost,
    lossOf: (code) => loss.get(code),
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading the YAML file, with the line of every problem

const TOP_KEYS = new Set(['$schema', 'issuer', 'index-year', 'title', 'source', 'areas', 'criteria']);
const ENTRY_KEYS = new Set(['code', 'name', 'max', 'obtained', 'self-assessed', 'note']);
const AREA_KEYS = new Set(['area', 'name', 'max', 'obtained']);

/** Reads a `*.par-results.yaml` text. Never throws: the results, or the problems with their lines. */
export function readResultsText(text: string): { file?: ResultsFile; results?: PlanResults; problems: ResultsProblem[] } {
  const source = text.replace(/^\uFEFF/, '');
  const lines = LineIndex.of(source);
  const problems: ResultsProblem[] = [];
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.positionAt(node.range[0]).line + 1 : 0);
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  for (const error of doc.errors) problems.push({ line: error.linePos?.[0]?.line ?? lines.positionAt(error.pos[0]).line + 1, message: both(`YAML: ${error.message.split('\n')[0]}`, `YAML: ${error.message.split('\n')[0]}`) });
  if (problems.length) return { problems };
  const root = doc.contents;
  if (!isMap(root)) return { problems: [{ line: lineOf(root as Node | null), message: both('tệp kết quả phải là một đối tượng (issuer, index-year, criteria)', 'the results file must be a mapping') }] };

  const valueOf = (map: YAMLMap, key: string): Node | undefined => {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    return (pair?.value as Node | null) ?? undefined;
  };
  const unknownKeys = (map: YAMLMap, known: Set<string>, where: string) => {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (!known.has(key) && !key.startsWith('x-')) problems.push({ line: lineOf(pair.key as Node), message: both(`${where}: khóa không biết "${key}"`, `${where}: unknown key "${key}"`) });
    }
  };
  const textAt = (node: Node | undefined, what: string, required: boolean): string | undefined => {
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (required) problems.push({ line: 0, message: both(`thiếu ${what}`, `missing ${what}`) });
      return undefined;
    }
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value).trim()) return String(node.value).trim();
    problems.push({ line: lineOf(node), message: both(`${what} phải là văn bản`, `${what} must be text`) });
    return undefined;
  };
  const points = (node: Node | undefined, what: string, required: boolean): number | undefined => {
    if (node === undefined) {
      if (required) problems.push({ line: 0, message: both(`thiếu ${what}`, `missing ${what}`) });
      return undefined;
    }
    if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value) && node.value >= 0) return node.value;
    problems.push({ line: lineOf(node), message: both(`${what} phải là số điểm không âm, ví dụ 2.75`, `${what} must be a non-negative number of points, e.g. 2.75`) });
    return undefined;
  };

  unknownKeys(root, TOP_KEYS, '(root)');
  const file: ResultsFile = { 'index-year': 0, criteria: [] };
  const issuer = textAt(valueOf(root, 'issuer'), 'issuer', false);
  if (issuer) file.issuer = issuer;
  const yearNode = valueOf(root, 'index-year');
  const year = isScalar(yearNode) ? yearNode.value : undefined;
  if (typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100) file['index-year'] = year;
  else problems.push({ line: lineOf(yearNode ?? root), message: both('index-year phải là năm của kết quả, từ 2000 đến 2100', 'index-year must be the year of the results') });
  for (const key of ['title', 'source'] as const) {
    const value = textAt(valueOf(root, key), key, false);
    if (value) file[key] = value;
  }

  const areasNode = valueOf(root, 'areas');
  if (areasNode !== undefined) {
    if (!isSeq(areasNode)) problems.push({ line: lineOf(areasNode), message: both('areas phải là danh sách', 'areas must be a list') });
    else {
      file.areas = [];
      for (const node of areasNode.items as Node[]) {
        if (!isMap(node)) {
          problems.push({ line: lineOf(node), message: both('mỗi lĩnh vực phải là một đối tượng', 'each area must be a mapping') });
          continue;
        }
        unknownKeys(node, AREA_KEYS, 'areas');
        const areaNode = valueOf(node, 'area');
        const area = isScalar(areaNode) ? String(areaNode.value) : '';
        if (!(AREA_NUMERALS as readonly string[]).includes(area)) {
          problems.push({ line: lineOf(areaNode ?? node), message: both(`area phải là I..VIII, không phải "${area}"`, `area must be I..VIII, not "${area}"`) });
          continue;
        }
        const entry: ResultsArea = { area };
        const name = textAt(valueOf(node, 'name'), 'name', false);
        if (name) entry.name = name;
        const max = points(valueOf(node, 'max'), 'max', false);
        const obtained = points(valueOf(node, 'obtained'), 'obtained', false);
        if (max !== undefined) entry.max = max;
        if (obtained !== undefined) entry.obtained = obtained;
        file.areas.push(entry);
      }
    }
  }

  const criteriaNode = valueOf(root, 'criteria');
  if (!isSeq(criteriaNode)) problems.push({ line: lineOf(criteriaNode ?? root), message: both('criteria phải là danh sách các mã với điểm', 'criteria must be a list of codes with points') });
  else {
    const seen = new Map<string, number>();
    for (const node of criteriaNode.items as Node[]) {
      if (!isMap(node)) {
        problems.push({ line: lineOf(node), message: both('mỗi tiêu chí phải là một đối tượng (code, max, obtained)', 'each criterion must be a mapping') });
        continue;
      }
      unknownKeys(node, ENTRY_KEYS, 'criteria');
      const codeNode = valueOf(node, 'code');
      const code = isScalar(codeNode) && typeof codeNode.value === 'string' ? codeNode.value.trim() : undefined;
      const line = lineOf(codeNode ?? node);
      if (!code || !isWellFormedCode(code)) {
        problems.push({ line, message: both('code phải là mã dạng "1.1" hoặc "3.2.2", trong dấu nháy', 'code must be a quoted code like "3.2.2"') });
        continue;
      }
      if (seen.has(code)) {
        problems.push({ line, message: both(`mã ${code} đã có ở dòng ${seen.get(code)}`, `code ${code} already on line ${seen.get(code)}`) });
        continue;
      }
      seen.set(code, line);
      const max = points(valueOf(node, 'max'), `max (${code})`, true);
      const obtained = points(valueOf(node, 'obtained'), `obtained (${code})`, true);
      if (max === undefined || obtained === undefined) continue;
      if (obtained > max) problems.push({ line: lineOf(valueOf(node, 'obtained')), message: both(`${code}: điểm đạt được ${obtained} lớn hơn điểm tối đa ${max}`, `${code}: obtained ${obtained} exceeds the maximum ${max}`) });
      const entry: ResultsEntry = { code, max, obtained };
      const name = textAt(valueOf(node, 'name'), 'name', false);
      if (name) entry.name = name;
      const self = points(valueOf(node, 'self-assessed'), `self-assessed (${code})`, false);
      if (self !== undefined) entry['self-assessed'] = self;
      const note = textAt(valueOf(node, 'note'), 'note', false);
      if (note) entry.note = note;
      file.criteria.push(entry);
    }
  }
  if (problems.length) return { problems };
  return { file, results: buildResults(file), problems };
}

/** The YAML text of a results file, with a header comment naming where it came from. */
export function resultsToYaml(file: ResultsFile, comment?: string): string {
  const q = (s: string) => JSON.stringify(s);
  const out: string[] = [];
  if (comment) for (const line of comment.split('\n')) out.push(`# ${line}`);
  if (file.issuer) out.push(`issuer: ${q(file.issuer)}`);
  out.push(`index-year: ${file['index-year']}`);
  if (file.title) out.push(`title: ${q(file.title)}`);
  if (file.source) out.push(`source: ${q(file.source)}`);
  if (file.areas?.length) {
    out.push('areas:');
    for (const a of file.areas) {
      out.push(`  - area: ${a.area}`);
      if (a.name) out.push(`    name: ${q(a.name)}`);
      if (a.max !== undefined) out.push(`    max: ${a.max}`);
      if (a.obtained !== undefined) out.push(`    obtained: ${a.obtained}`);
    }
  }
  out.push('criteria:');
  for (const c of file.criteria) {
    out.push(`  - code: ${q(c.code)}`);
    if (c.name) out.push(`    name: ${q(c.name)}`);
    out.push(`    max: ${c.max}`);
    out.push(`    obtained: ${c.obtained}`);
    if (c['self-assessed'] !== undefined) out.push(`    self-assessed: ${c['self-assessed']}`);
    if (c.note) out.push(`    note: ${q(c.note)}`);
  }
  return out.join('\n') + '\n';
}
