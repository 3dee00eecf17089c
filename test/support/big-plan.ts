// A plan of any size with one recognisable last item: shared by test/engine/completion.test.ts (how
// many lines completion reads) and bench/feature-scaling.mjs (how long completion and hover take).

const head = () => 'plan:\n  title: Kế hoạch\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\nsections:\n';

/** A plan of `tasks` tasks, 11 lines each, in 8 sections; the last item has unique text to put the cursor on. */
export function bigPlan(tasks: number): string {
  const out = [head().trimEnd()];
  const perSection = Math.ceil(tasks / 8);
  let n = 0;
  for (let s = 0; s < 8; s++) {
    out.push(`  - area: ${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][s]}`, `    title: Phần ${s + 1}`, '    items:');
    for (let i = 0; n < Math.min(tasks, (s + 1) * perSection); i++) {
      out.push(`      - criteria: ["${s + 1}.${(i % 3) + 1}"]`, `        finding: Lý do ${i}`, '        tasks:');
      for (let t = 0; t < 5 && n < Math.min(tasks, (s + 1) * perSection); t++, n++) {
        out.push(
          `          - task: Nhiệm vụ số ${n}`,
          '            lead:',
          '              - Sở Nội vụ',
          '              - UBND cấp huyện',
          '            support: "Sở, ban, ngành cấp tỉnh; Các cơ quan, đơn vị liên quan"',
          '            deadline: Quý IV/2023',
          '            product: Báo cáo',
          '            note: Không',
          `            x-ma: NV-${n}`,
        );
      }
    }
  }
  out.push(
    '      - criteria: ["8.1", "8."]',
    '        tasks:',
    '          - task: Cuối cùng',
    '            lead: [Sở Tư pháp, so t]',
    '            support: "Văn phòng UBND tỉnh; vp"',
    '            deadline: Quý',
    '            ',
    '          - task: Nhiệm vụ trống',
    '          ',
  );
  return out.join('\n') + '\n';
}

/** Cursor offsets in the last item of a big plan where completion has something to offer. */
export function completionCursors(text: string): number[] {
  const last = text.lastIndexOf('      - criteria: ["8.1"');
  const tail = text.slice(last);
  const after = (needle: string) => last + tail.indexOf(needle) + needle.length;
  return [
    after('"8.'), // a code
    after('so t'), // a unit in a flow list
    after('; vp'), // a unit in a Word-style string
    after('deadline: Quý'), // a deadline
    after('deadline: Quý\n            '), // an empty line in a task: keys
    after('Nhiệm vụ trống\n          '), // an empty line after the last task: a new task
    text.lastIndexOf('              - UBND cấp huyện') + 16, // a block unit entry in the middle of a big section
    text.indexOf('    items:', text.length / 2) + 4, // a section key between huge item lists
  ];
}

/** Hover positions spread over a big plan: a unit, a code, a deadline, an area, a unit in the middle. */
export function hoverOffsets(text: string): number[] {
  return [text.lastIndexOf('Sở Nội vụ') + 2, text.lastIndexOf('"8.1"') + 2, text.lastIndexOf('Quý IV/2023') + 2, text.lastIndexOf('area: VIII') + 7, text.indexOf('Sở Nội vụ', text.length / 2) + 2];
}
