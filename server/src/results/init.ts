// `par-plan init --results`: a plan scaffolded from the results of the index year. One section per
// area that lost points, one item per lost criterion (its lost sub-criteria in `criteria:`), the
// finding pre-filled with the points, and one task whose text, lead and deadline the author fills in.

import type { Catalog } from '../engine/data/catalog';
import { areaByNumber, compareCodes, parentOfCode } from '../engine/data/catalog';
import { buildResults, roundPoints, type ResultsFile } from '../engine/data/results';
import { AREA_NUMERALS } from '../engine/model';
import { vi } from '../engine/messages/vi';

export interface InitOptions {
  issuer: string;
  year: number;
  /** The results file as the plan names it (relative to the plan). */
  resultsPath: string;
  catalog: Catalog;
  /** Where the results came from, for the header comment. */
  source: string;
}

const q = (s: string) => JSON.stringify(s);
const pts = vi.points;

export function planFromResults(file: ResultsFile, options: InitOptions): string {
  const results = buildResults(file);
  const indexYear = file['index-year'];
  // Lost leaves grouped by criterion: a sub-criterion under its parent, a criterion alone.
  const byCriterion = new Map<string, typeof results.lost[number][]>();
  for (const lost of results.lost) {
    const criterion = parentOfCode(lost.code) ?? lost.code;
    byCriterion.set(criterion, [...(byCriterion.get(criterion) ?? []), lost]);
  }
  const out: string[] = [
    `# Khởi tạo bằng par-plan init từ kết quả Chỉ số CCHC năm ${indexYear} (${options.source}).`,
    '# Mỗi mục là một tiêu chí bị mất điểm: viết nhiệm vụ, giải pháp, điền đơn vị chủ trì và thời hạn.',
    'plan:',
    `  title: ${q(`Nhiệm vụ, giải pháp khắc phục các tiêu chí bị trừ điểm Chỉ số CCHC năm ${indexYear}`)}`,
    `  issuer: ${q(options.issuer)}`,
    `  year: ${options.year}`,
    `  index-year: ${indexYear}`,
    `  results: ${q(options.resultsPath)}`,
    'sections:',
  ];
  const criteria = [...byCriterion.keys()].sort(compareCodes);
  if (!criteria.length) out[out.length - 1] = 'sections: [] # Kết quả không có tiêu chí nào bị mất điểm';
  let area = 0;
  for (const criterion of criteria) {
    const lostCodes = byCriterion.get(criterion)!;
    const number = lostCodes[0].area;
    if (number !== area) {
      area = number;
      const known = areaByNumber(options.catalog, number);
      out.push(`  - area: ${AREA_NUMERALS[number - 1] ?? number}`);
      if (known) out.push(`    title: ${q(known.shortName ?? known.name)}`);
      out.push('    items:');
    }
    const entry = results.entries.get(criterion);
    const single = lostCodes.length === 1 && lostCodes[0].code === criterion;
    let finding: string;
    if (single) finding = `Đạt ${pts(lostCodes[0].obtained)}/${pts(lostCodes[0].max)} điểm`;
    else {
      const parts = lostCodes.map((c) => `${c.code}: ${pts(c.obtained)}/${pts(c.max)}`).join('; ');
      const lost = roundPoints(lostCodes.reduce((n, c) => n + c.lost, 0));
      finding = entry ? `Đạt ${pts(entry.obtained)}/${pts(entry.max)} điểm, mất ${pts(lost)} (${parts})` : `Mất ${pts(lost)} điểm (${parts})`;
    }
    out.push(`      - criteria: [${lostCodes.map((c) => q(c.code)).join(', ')}]`);
    const name = entry?.name;
    if (name && name !== options.catalog.codes.get(criterion)?.name) out.push(`        name: ${q(name)}`);
    out.push(`        finding: ${q(finding)}`);
    out.push('        tasks:');
    out.push(`          - task: ${q(`Nêu nhiệm vụ, giải pháp khắc phục tiêu chí ${criterion}`)}`);
    out.push('            lead: [] # Cần điền đơn vị chủ trì');
    out.push('            support: []');
    out.push('            deadline: "" # Cần điền thời hạn');
  }
  return out.join('\n') + '\n';
}
