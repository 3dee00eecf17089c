// The criterion cell of an appendix row: "code - name (finding)" segments, read against the
// official names of the codes (see text-import.ts for the rules).

import { catalogNames } from './catalog-names';
import { lowerVi, nameBoundary, normalizeSpace, sameName, stripEnclosingParens } from './text-helpers';

export interface CriterionParts {
  criteria: string[];
  /** Written names, one per segment (a codeless cell has one segment). */
  writtenNames: string[];
  name?: string;
  finding?: string;
}

export const CODE_AT_START = /^(\d+(?:\.\d+){1,2})\s*(?:[-–—]|:|\.(?=\s))\s*/u;
const CODE_AFTER_SEMICOLON = /;\s*(\d+(?:\.\d+){1,2})\s*[-–—]\s*/gu;

function splitNameFinding(s: string, official: string | undefined): { name: string; finding?: string } {
  const text = s.trim();
  let from = 0;
  if (official) {
    const off = normalizeSpace(official);
    if (lowerVi(text).startsWith(lowerVi(off))) from = off.length;
  }
  const cut = nameBoundary(text, from);
  if (cut < 0) return { name: text };
  const name = text.slice(0, cut).trim();
  let rest = text.slice(cut).trim();
  if (rest.startsWith(':')) rest = rest.slice(1).trim();
  const finding = stripEnclosingParens(rest);
  return finding ? { name, finding } : { name };
}

/** Splits a criterion cell ("5.2.3 - name; 5.2.4 - name (finding)") into codes, name and finding. */
export function parseCriterionCell(
  cell: string,
  officialName: (code: string) => string | undefined = catalogNames().criterion,
): CriterionParts {
  const text = cell.trim();
  const first = CODE_AT_START.exec(text);
  if (!first) {
    if (!text) return { criteria: [], writtenNames: [] };
    const { name, finding } = splitNameFinding(text, undefined);
    const out: CriterionParts = { criteria: [], writtenNames: [name] };
    if (name) out.name = name;
    if (finding) out.finding = finding;
    return out;
  }
  // Segment starts: [codeStart, bodyStart, code]
  const segs: { start: number; body: number; code: string }[] = [{ start: 0, body: first[0].length, code: first[1] }];
  CODE_AFTER_SEMICOLON.lastIndex = first[0].length;
  for (let m = CODE_AFTER_SEMICOLON.exec(text); m; m = CODE_AFTER_SEMICOLON.exec(text)) {
    segs.push({ start: m.index, body: m.index + m[0].length, code: m[1] });
  }
  const criteria: string[] = [];
  const writtenNames: string[] = [];
  const findings: string[] = [];
  let differs = false;
  segs.forEach((seg, i) => {
    const end = i + 1 < segs.length ? segs[i + 1].start : text.length;
    const body = text.slice(seg.body, end).replace(/[;\s]+$/u, '');
    const official = officialName(seg.code);
    const { name, finding } = splitNameFinding(body, official);
    criteria.push(seg.code);
    writtenNames.push(name);
    if (finding) findings.push(finding);
    if (name && (!official || !sameName(name, official))) differs = true;
  });
  const out: CriterionParts = { criteria, writtenNames };
  if (differs) out.name = writtenNames.filter((n) => n).join('; ');
  if (findings.length) out.finding = findings.join('\n');
  return out;
}
