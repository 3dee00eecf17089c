// The YAML of an imported plan: comments for empty cells of the original, block scalars for
// multi-line text, flow lists of units.

import { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { GAP_COMMENT, type ImportedPlan } from './imported-plan';

function textNode(s: string): Scalar {
  const n = new Scalar(s);
  if (s.includes('\n')) n.type = Scalar.BLOCK_LITERAL;
  return n;
}

function unitsNode(units: string[]): YAMLSeq {
  const seq = new YAMLSeq();
  if (!units.length) {
    seq.flow = true;
    seq.comment = GAP_COMMENT;
  }
  for (const u of units) seq.items.push(textNode(u));
  return seq;
}

export interface YamlOptions {
  source?: string;
  documentHadBlanks?: boolean;
}

export function planToYaml(plan: ImportedPlan, opts: YamlOptions = {}): string {
  const doc = new Document();
  const source = opts.source ?? 'văn bản bảng Word (dạng text)';
  doc.commentBefore = [
    ` Nhập từ ${source} bằng par-plan (lệnh par-plan import).`,
    ' Nội dung giữ nguyên văn bản gốc (chỉ chuẩn hóa khoảng trắng và Unicode NFC); ô trống của bản gốc được giữ trống.',
  ].join('\n');

  const root = new YAMLMap();
  const info = new YAMLMap();
  const p = plan.plan;
  if (p.title !== undefined) info.set('title', textNode(p.title));
  if (p.issuer !== undefined) info.set('issuer', textNode(p.issuer));
  if (p.year !== undefined) info.set('year', new Scalar(p.year));
  if (p['index-year'] !== undefined) info.set('index-year', new Scalar(p['index-year']));
  if (p.document !== undefined) {
    const d = textNode(p.document);
    if (opts.documentHadBlanks) d.comment = ' Số, ngày của văn bản để trống trong bản gốc';
    info.set('document', d);
  }
  if (p.appendix !== undefined) info.set('appendix', textNode(p.appendix));
  root.set('plan', info);

  const sections = new YAMLSeq();
  for (const s of plan.sections) {
    const sm = new YAMLMap();
    sm.set('area', new Scalar(s.area));
    if (s.title !== undefined) sm.set('title', textNode(s.title));
    const items = new YAMLSeq();
    for (const it of s.items) {
      const im = new YAMLMap();
      const codes = new YAMLSeq();
      codes.flow = true;
      for (const c of it.criteria) {
        const n = new Scalar(c);
        n.type = Scalar.QUOTE_DOUBLE;
        codes.items.push(n);
      }
      if (!it.criteria.length) codes.comment = ' Bản gốc không ghi mã tiêu chí cho mục này';
      im.set('criteria', codes);
      if (it.name !== undefined) im.set('name', textNode(it.name));
      if (it.finding !== undefined) im.set('finding', textNode(it.finding));
      const tasks = new YAMLSeq();
      for (const t of it.tasks) {
        const tm = new YAMLMap();
        tm.set('task', textNode(t.task));
        tm.set('lead', unitsNode(t.lead));
        tm.set('support', unitsNode(t.support));
        const d = textNode(t.deadline);
        if (!t.deadline) {
          d.type = Scalar.QUOTE_DOUBLE;
          d.comment = GAP_COMMENT;
        }
        tm.set('deadline', d);
        if (t.product !== undefined) tm.set('product', textNode(t.product));
        if (t.note !== undefined) tm.set('note', textNode(t.note));
        tasks.items.push(tm);
      }
      im.set('tasks', tasks);
      items.items.push(im);
    }
    sm.set('items', items);
    sections.items.push(sm);
  }
  root.set('sections', sections);
  doc.contents = root;
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
}
