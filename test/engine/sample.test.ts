// The bundled sample (the Hà Tĩnh 2023 appendix) shows the original's real gaps and nothing else.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../support/engine';

const samplePath = join(__dirname, '..', '..', 'samples', 'ha-tinh-2023.par.yaml');
const text = readFileSync(samplePath, 'utf8');
const analysis = analyze(text);

function taskAt(offset: number) {
  const task = analysis.model.tasks.find((t) => offset >= t.range.start && offset <= t.range.end);
  if (!task) throw new Error(`no task at ${offset}`);
  return `${task.item.section.area?.numeral}.${task.item.index + 1}.${task.index + 1}`;
}

describe('samples/ha-tinh-2023.par.yaml', () => {
  it('has the whole appendix: 8 sections, 41 task rows', () => {
    expect(analysis.model.sections.map((s) => s.area?.numeral)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(analysis.model.sections.map((s) => s.items.reduce((n, i) => n + i.tasks.length, 0))).toEqual([3, 3, 7, 5, 4, 3, 6, 10]);
  });

  it('shows exactly the five real gaps, as warnings', () => {
    const findings = analysis.findings();
    expect(findings.map((f) => `${f.severity} ${f.code} ${taskAt(f.range.start)}`)).toEqual([
      'warning par/missing-lead I.2.2',
      'warning par/missing-deadline I.2.2',
      'warning par/missing-deadline V.1.1',
      'warning par/missing-lead VIII.1.1',
      'warning par/missing-deadline VIII.1.1',
    ]);
  });

  it('recognises every unit the seed names', () => {
    const unknown: string[] = [];
    let entries = 0;
    for (const task of analysis.model.tasks) {
      for (const field of [task.lead, task.support]) {
        for (const entry of field?.entries ?? []) {
          entries++;
          for (const part of analysis.unitParts(entry)) if (part.kind === 'unknown') unknown.push(`${entry.text} → ${part.text}`);
        }
      }
    }
    expect(entries).toBeGreaterThan(80);
    expect(unknown).toEqual([]);
  });

  it('reads every deadline of the sample', () => {
    const meanings = analysis.model.tasks.filter((t) => t.deadline?.text).map((t) => analysis.deadline(t.deadline!));
    expect(meanings).toHaveLength(38);
    expect(meanings.filter((m) => m?.kind === 'invalid')).toEqual([]);
  });
});
