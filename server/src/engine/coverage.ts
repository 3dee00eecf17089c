// Which lost points of the index year a plan addresses. Computed once per analysis from the model and
// the results; read by the rules (par/uncovered-loss), the plan tree and `par-plan coverage`.
//
// A lost code is *named* by an item that lists the code, its parent criterion, or one of its
// sub-criteria (results given per criterion only are named by a plan that works on a sub-criterion).
// It is *covered* when a naming item has at least one task with a lead unit and a deadline.

import type { ResultsLoad } from './options';
import type { PlanFacts } from './plan-facts';
import { areaByNumber, parentOfCode } from './data/catalog';
import { roundPoints, type LostCode, type PlanResults } from './data/results';
import { AREA_NUMERALS, type ItemModel, type SectionModel, type TaskModel } from './model';

export interface CodeCoverage extends LostCode {
  /** Items that name the code (itself, its parent or a sub-criterion). */
  items: ItemModel[];
  /** Named by an item with at least one task that has a lead and a deadline. */
  covered: boolean;
}

export interface AreaCoverage {
  area: number;
  numeral: string;
  name?: string;
  lost: number;
  covered: number;
  codes: CodeCoverage[];
}

export interface Coverage {
  load: ResultsLoad;
  results: PlanResults;
  lost: number;
  covered: number;
  /** Areas that lost points, in order. */
  areas: AreaCoverage[];
  codes: CodeCoverage[];
}

export function isTaskComplete(analysis: PlanFacts, task: TaskModel): boolean {
  const hasLead = task.lead !== null && (task.lead.form === 'list' || task.lead.form === 'string') && task.lead.entries.some((e) => e.text.trim() !== '');
  return hasLead && task.deadline !== null && analysis.deadline(task.deadline) !== null;
}

const cache = new WeakMap<PlanFacts, Coverage | null>();

/** The coverage of the plan's lost points, or undefined when the plan has no readable results. */
export function coverageOf(analysis: PlanFacts): Coverage | undefined {
  let coverage = cache.get(analysis);
  if (coverage === undefined) {
    coverage = compute(analysis);
    cache.set(analysis, coverage);
  }
  return coverage ?? undefined;
}

function compute(analysis: PlanFacts): Coverage | null {
  const load = analysis.results;
  const results = load?.results;
  if (!load || !results) return null;
  const items = analysis.model.items;
  const complete = new Map<ItemModel, boolean>();
  const isComplete = (item: ItemModel) => {
    let done = complete.get(item);
    if (done === undefined) complete.set(item, (done = item.tasks.some((t) => isTaskComplete(analysis, t))));
    return done;
  };
  // Items by the codes they list and by those codes' parents: each lost code then looks up itself,
  // its parent and its sub-criteria once, whatever the size of the plan.
  const byCode = new Map<string, Set<ItemModel>>();
  const byParent = new Map<string, Set<ItemModel>>();
  const add = (map: Map<string, Set<ItemModel>>, code: string, item: ItemModel) => {
    let set = map.get(code);
    if (!set) map.set(code, (set = new Set()));
    set.add(item);
  };
  for (const item of items) {
    for (const ref of item.criteria) {
      add(byCode, ref.code, item);
      const parent = parentOfCode(ref.code);
      if (parent) add(byParent, parent, item);
    }
  }
  const order = new Map(items.map((item, i) => [item, i]));
  const codes: CodeCoverage[] = results.lost.map((lost) => {
    const parent = parentOfCode(lost.code);
    const found = new Set([...(byCode.get(lost.code) ?? []), ...(parent ? byCode.get(parent) ?? [] : []), ...(byParent.get(lost.code) ?? [])]);
    const naming = [...found].sort((a, b) => order.get(a)! - order.get(b)!);
    return { ...lost, items: naming, covered: naming.some(isComplete) };
  });
  const areas: AreaCoverage[] = [];
  for (const code of codes) {
    let area = areas.find((a) => a.area === code.area);
    if (!area) {
      area = { area: code.area, numeral: AREA_NUMERALS[code.area - 1] ?? String(code.area), name: areaByNumber(analysis.data.catalog, code.area)?.name, lost: 0, covered: 0, codes: [] };
      areas.push(area);
    }
    area.codes.push(code);
    area.lost = roundPoints(area.lost + code.lost);
    if (code.covered) area.covered = roundPoints(area.covered + code.lost);
  }
  areas.sort((a, b) => a.area - b.area);
  return {
    load,
    results,
    codes,
    areas,
    lost: roundPoints(codes.reduce((n, c) => n + c.lost, 0)),
    covered: roundPoints(codes.reduce((n, c) => n + (c.covered ? c.lost : 0), 0)),
  };
}

/** What one section of the plan does for its area: the area's lost points and those its items cover. */
export function sectionCoverage(analysis: PlanFacts, section: SectionModel): { lost: number; covered: number } | undefined {
  const coverage = coverageOf(analysis);
  if (!coverage || !section.area?.number) return undefined;
  const area = coverage.areas.find((a) => a.area === section.area!.number);
  if (!area) return { lost: 0, covered: 0 };
  let covered = 0;
  for (const code of area.codes) {
    if (code.items.some((item) => item.section === section && item.tasks.some((t) => isTaskComplete(analysis, t)))) covered += code.lost;
  }
  return { lost: area.lost, covered: roundPoints(covered) };
}
