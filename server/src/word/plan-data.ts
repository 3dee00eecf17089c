// A plan file read for export: plain data in the shape of the format, read tolerantly (whatever has the
// expected shape is kept, the rest is skipped: the checker reports shape problems, export does not),
// plus the YAML syntax errors, which make the CLI refuse to export.

import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Locale } from '../engine';
import { messagesFor } from '../engine/messages';
import { withoutBullet, withoutPastedCharacters } from '../engine/data/pasted-text';
import { parsePlanText } from '../engine/parse';
import type { ImportedTask } from './imported-plan';

/** A task as the appendix table shows it: the same shape the import produces. */
export type PlanTask = ImportedTask;

export interface PlanItem {
  criteria: string[];
  name?: string;
  finding?: string;
  tasks: PlanTask[];
}

export interface PlanSection {
  area: string;
  title?: string;
  items: PlanItem[];
}

export interface PlanInfo {
  title?: string;
  issuer?: string;
  year?: number;
  document?: string;
  appendix?: string;
  indexYear?: number;
}

export interface PlanData {
  plan: PlanInfo;
  sections: PlanSection[];
}

export interface PlanSyntaxError {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  message: string;
}

export interface ReadPlan {
  data: PlanData;
  syntaxErrors: PlanSyntaxError[];
}

/** A scalar as written: an unquoted 1.10 stays "1.10". */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  // What Word pasted in (non-breaking spaces, invisible characters, curly quotes) is never printed.
  if (typeof v === 'string') return withoutPastedCharacters(v);
  // An unquoted 1.10 is read as the number 1.1: keep what was written.
  if (typeof v === 'number') return node.source ?? String(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

function field(map: YAMLMap, key: string): unknown {
  return map.get(key, true);
}

function text(map: YAMLMap, key: string): string | undefined {
  return scalarText(field(map, key));
}

function integer(map: YAMLMap, key: string): number | undefined {
  const n = field(map, key);
  if (!isScalar(n)) return undefined;
  const v = typeof n.value === 'number' ? n.value : typeof n.value === 'string' && /^\s*\d{4}\s*$/.test(n.value) ? Number(n.value) : NaN;
  return Number.isInteger(v) ? v : undefined;
}

/** A units value: a list, or one Word-style string "A; B". */
export function unitsOf(value: unknown): string[] {
  const out: string[] = [];
  const push = (s: string | undefined) => {
    if (s === undefined) return;
    for (const part of s.split(';')) {
      const t = withoutBullet(part.replace(/\s+/g, ' ').trim());
      if (t) out.push(t);
    }
  };
  if (isSeq(value)) for (const entry of value.items) push(scalarText(entry));
  else push(scalarText(value));
  return out;
}

function seqItems(value: unknown): Node[] {
  return isSeq(value) ? (value.items as Node[]) : [];
}

/** Reads a plan file's text for export. Never throws. */
export function readPlanForExport(textIn: string, locale: Locale = 'vi'): ReadPlan {
  const data: PlanData = { plan: {}, sections: [] };
  const syntaxErrors: PlanSyntaxError[] = [];
  try {
    const source = String(textIn ?? '');
    const parsed = parsePlanText(source);
    const messages = messagesFor(locale);
    for (const s of parsed.syntax) {
      const pos = parsed.lines.positionAt(s.range.start);
      syntaxErrors.push({ line: pos.line + 1, column: pos.character + 1, message: messages.syntax(s.yamlCode, s.detail) });
    }
    const root = parsed.doc.contents;
    if (!isMap(root)) return { data, syntaxErrors };
    const planNode = field(root, 'plan');
    if (isMap(planNode)) {
      const info = data.plan;
      const set = <K extends keyof PlanInfo>(k: K, v: PlanInfo[K] | undefined) => {
        if (v !== undefined) info[k] = v;
      };
      set('title', text(planNode, 'title'));
      set('issuer', text(planNode, 'issuer'));
      set('year', integer(planNode, 'year'));
      set('document', text(planNode, 'document'));
      set('appendix', text(planNode, 'appendix'));
      set('indexYear', integer(planNode, 'index-year'));
    }
    for (const sNode of seqItems(field(root, 'sections'))) {
      if (!isMap(sNode)) continue;
      const section: PlanSection = { area: (text(sNode, 'area') ?? '').trim(), items: [] };
      const title = text(sNode, 'title');
      if (title !== undefined) section.title = title;
      for (const iNode of seqItems(field(sNode, 'items'))) {
        if (!isMap(iNode)) continue;
        const criteria = seqItems(field(iNode, 'criteria'))
          .map((c) => scalarText(c)?.trim())
          .filter((c): c is string => !!c);
        const item: PlanItem = { criteria, tasks: [] };
        const name = text(iNode, 'name');
        if (name !== undefined) item.name = name;
        const finding = text(iNode, 'finding');
        if (finding !== undefined) item.finding = finding;
        for (const tNode of seqItems(field(iNode, 'tasks'))) {
          if (!isMap(tNode)) continue;
          const task: PlanTask = {
            task: text(tNode, 'task') ?? '',
            lead: unitsOf(field(tNode, 'lead')),
            support: unitsOf(field(tNode, 'support')),
            deadline: (text(tNode, 'deadline') ?? '').trim(),
          };
          const product = text(tNode, 'product');
          if (product !== undefined) task.product = product;
          const note = text(tNode, 'note');
          if (note !== undefined) task.note = note;
          item.tasks.push(task);
        }
        section.items.push(item);
      }
      data.sections.push(section);
    }
  } catch {
    // keep what was read
  }
  return { data, syntaxErrors };
}
