// par/unit-superseded: a unit that no longer exists (or does not exist yet) when the task is due.
// Judged against the task's deadline, or the plan year when the deadline says no date. The 2025
// reorganisation: Sở Thông tin và Truyền thông with a deadline "Quý IV/2025" is gone since 1/3/2025.

import { basisDay, deadlineEnd } from '../data/deadline';
import { provinceTitle, successorProvince } from '../data/provinces';
import { successorsOn } from '../data/registry';
import { replaceInScalar } from '../edits';
import { forEachTaskUnit } from './unit-parts';
import type { PlanFacts } from '../plan-facts';
import type { TaskModel } from '../model';
import type { Rule } from './rule';
import type { Messages } from '../messages';
import type { IsoDate } from '../types';

interface Basis {
  end: IsoDate;
  describe(msg: Messages): string;
}

function basisOf(analysis: PlanFacts, task: TaskModel): Basis | undefined {
  const field = task.deadline;
  const meaning = field ? analysis.deadline(field) : null;
  const text = field?.text ?? '';
  const year = analysis.planYear;
  const end = basisDay(meaning, year);
  if (end === undefined) return undefined;
  // The message names what the day came from: the deadline when it gave one, else the plan year.
  if (deadlineEnd(meaning) !== undefined) return { end, describe: (msg) => msg.supersededBasisDeadline(text.trim()) };
  return { end, describe: (msg) => msg.supersededBasisYear(year!) };
}

export const unitSupersededRule: Rule = {
  code: 'par/unit-superseded',
  defaultSeverity: 'warning',
  description: {
    vi: "Đơn vị không còn tồn tại vào thời hạn của nhiệm vụ (sắp xếp năm 2025)",
    en: "A unit that no longer exists by the task's deadline (the 2025 mergers)",
  },
  fixable: true,
  tags: ["unit", "deadline"],
  // The issuer: a province that merged away (Quảng Bình into Quảng Trị on 1/7/2025) issues no plan after.
  check(ctx) {
    const { analysis, msg } = ctx;
    const issuer = analysis.model.header?.issuer;
    const province = analysis.province;
    const year = analysis.planYear;
    if (!issuer || !province?.validTo || year === undefined || `${year}-01-01` <= province.validTo) return;
    const successor = successorProvince(analysis.data.units.provinces, province, `${year}-01-01`);
    if (!successor) return;
    // Replace "tỉnh Quảng Bình" (or just the proper name) inside the issuer, keeping the rest as written.
    const [from, to] = issuer.text.includes(provinceTitle(province))
      ? [provinceTitle(province), provinceTitle(successor)]
      : [province.name, successor.name];
    const at = issuer.text.indexOf(from);
    ctx.report({
      range: issuer.range,
      message: msg.issuerSucceeded(provinceTitle(province), provinceTitle(successor), msg.day(province.validTo), year),
      fixes: at >= 0
        ? [{
            title: msg.fixReplaceWith(to),
            edits: [replaceInScalar(analysis, issuer.node, { start: at, end: at + from.length }, null, to, false)],
            safe: false,
            preferred: true,
          }]
        : undefined,
    });
  },
  checkTask(task, ctx) {
    const { analysis, msg } = ctx;
    const registry = analysis.registry;
    const successorNames = (ids: string[] | undefined) => (ids ?? []).map((s) => registry.units.get(s)?.name ?? s);
    // Most units never change: the task's basis is worked out only for one that has dates.
    let basis: Basis | undefined;
    let basisKnown = false;
    forEachTaskUnit(analysis, task, ({ field, entry, part }) => {
      if (part.kind !== 'known') return;
      for (const id of part.unitIds) {
        const unit = registry.units.get(id)!;
        if (unit.kind !== 'interim' && !unit.validTo && !unit.validFrom) continue;
        if (!basisKnown) {
          basisKnown = true;
          basis = basisOf(analysis, task);
        }
        let message: string | undefined;
        let successors = unit.successors ?? [];
        if (unit.kind === 'interim') {
          message = msg.unitNeverOfficial(part.text, successorNames(unit.successors));
        } else if (basis && unit.validTo && basis.end > unit.validTo) {
          successors = successorsOn(registry, id, basis.end).map((u) => u.id);
          message = msg.unitSuperseded(part.text, msg.day(unit.validTo), successorNames(successors), basis.describe(msg), unit.note);
        } else if (basis && unit.validFrom && basis.end < unit.validFrom) {
          message = msg.unitNotYetValid(part.text, msg.day(unit.validFrom), basis.describe(msg));
          successors = [];
        }
        if (!message) continue;
        // Offer the successor only when there is exactly one and this part names one unit.
        const successor = successors.length === 1 && part.unitIds.length === 1 ? registry.units.get(successors[0]) : undefined;
        ctx.report({
          range: part.sourceRange,
          message,
          fixes: successor
            ? [{
                title: msg.fixUseSuccessor(successor.name),
                edits: [replaceInScalar(analysis, entry.node, part.range, part.exact ? part.sourceRange : null, successor.name, field.flow)],
                safe: false,
                preferred: true,
              }]
            : undefined,
        });
      }
    });
  },
};
