// Quick-fix safety, for every fix on every fixture (rule fixtures, fix fixtures, their CRLF copies,
// the sample, generated plans with defects, and a few hand-written traps):
//  - applying a fix or a code action changes nothing outside its edits (prefix and suffix intact),
//  - keeps every comment, in order (a "disable for this line" action adds exactly its directive, a
//    "move item" action moves comments with the item: same comments, possibly in another order),
//  - leaves YAML without syntax errors,
//  - removes the finding it targets (same code, at its place after the edit), and a did-you-mean
//    fix writes a known unit name or catalog code;
// and fix-all: the editor's edit gives exactly the text `par-plan check --fix` writes (the real CLI
// process is run once over copies of every case), and fix-all of that text changes nothing.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits, fixAll, type Finding, type OffsetRange, type TextEdit } from '../../server/src/engine';
import { DEFAULT_OPTIONS, type PlanAnalysis } from '../../server/src/engine/analysis';
import { codeActions, fixAllEdits, type PlanCodeAction } from '../../server/src/engine/features/code-actions';
import { AREA_NUMERALS } from '../../server/src/engine/model';
import { analyze, bundledData } from '../support/engine';
import { generatePlan } from '../../bench/generate-plan.mjs';
import { comments } from './harness';

const root = join(__dirname, '..', '..');
const rulesDir = join(root, 'test', 'fixtures', 'rules');
const fixesDir = join(root, 'test', 'fixtures', 'fixes');

const HEADER = 'plan:\n  title: Kế hoạch kiểm thử\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2023\nsections:\n';

/** Hand-written traps: quoting styles, escapes, comments next to what a fix touches, existing directives. */
const TRAPS: Record<string, string> = {
  'trap: quoting and escapes': `${HEADER}  - area: I
    items:
      - criteria: [1.1, '1.7', "1.10", 1.10]   # bốn cách viết mã
        tasks:
          - task: A
            lead: 'Sở Nội vụx' # nháy đơn
            support: ["Sở Tư pháp\\t", "so noi vu", 'Sở KH&ĐT', SNV]
            deadline: quý 4 năm 2023
          - task: B
            lead: "Sở Nội vụ; Sở Tư phápx"   # chuỗi có dấu chấm phẩy
            support: Sở, ban, ngành cấp tỉnh; UBND cấp huyện
            deadline: "  Năm 2023  "
          - task: C
            # par-plan-disable-next-line par/unknown-unit -- đã hỏi Sở Nội vụ
            lead: [Sở Nội vụx, Sở Tư phápx]
            support:
              # chú thích trong danh sách
              - UBND cấp huyện, cấp xã
              - "Sở, ban, ngành cấp tỉnh" # giữ nguyên
            deadline: Trước 15/12/2023
`,
  'trap: items in the wrong area, with comments': `${HEADER}  - area: II
    items:
      # mục này thuộc lĩnh vực III
      - criteria: ["3.4"]
        tasks:
          - task: A # ghi chú
            lead: [Văn phòng UBND tỉnh]
            deadline: Năm 2023
  - area: I
    items:
      - criteria: ["1.1"]
        tasks:
          - task: B
            lead: [Sở Nội vụ]
            deadline: Năm 2023
      # mục này thuộc lĩnh vực V
      - criteria: ["5.1", "5.4"]
        tasks:
          - task: C
            lead: [Sở Nội vụ]
            deadline: Năm 2023
# cuối tệp`,
  'trap: block scalars where a plan expects one line': `${HEADER}  - area: I
    items:
      - criteria:
          - |
            1.1
          - >- # mã dạng khối
            3.4
        tasks:
          - task: A
            lead: | # chú thích ở đầu khối
              Sở Nội vụx
            support:
              - >-
                so tu
                phap
              - |+ # giữ dòng trống
                SNV

              - Sở Tư pháp
            deadline: >
              quý 4 năm 2023
          - task: B
            lead: |-
              Sở Nội vụ; Sở Tư phápx
            deadline: |
              Quý V/2023
          - task: C
            lead: [Sở Nội vụ]
            deadline: |-
              quý 4 năm 2023
            support: x
`,
  'trap: a plan with keys people mistype': `plan:
  title: Kế hoạch
  issuer: UBND tỉnh Hà Tĩnh
  year: 2023
  nam: 2023 # đã có year
  titel: Trùng tên khóa
sections:
  - area: I
    items:
      - criteria: ["1.1"]
        tasks:
          - task: A
            lead: [Sở Nội vụ]
            deadline: Năm 2023
            deadlin: Quý IV/2023 # đã có deadline
            chu tri: Sở Tư pháp
`,
};

function cases(): { name: string; text: string }[] {
  const list: { name: string; text: string }[] = [];
  for (const f of readdirSync(rulesDir).filter((f) => f.endsWith('.par.yaml')).sort()) list.push({ name: `rules/${f}`, text: readFileSync(join(rulesDir, f), 'utf8') });
  for (const f of readdirSync(fixesDir).filter((f) => f.endsWith('.before.par.yaml')).sort()) {
    const text = readFileSync(join(fixesDir, f), 'utf8');
    list.push({ name: `fixes/${f}`, text }, { name: `fixes/${f} (CRLF)`, text: text.replace(/\r?\n/g, '\r\n') });
  }
  list.push({ name: 'samples/ha-tinh-2023.par.yaml', text: readFileSync(join(root, 'samples', 'ha-tinh-2023.par.yaml'), 'utf8') });
  for (const seed of [1, 2, 3]) list.push({ name: `generated(tasks=30,seed=${seed},defects=0.5)`, text: generatePlan({ tasks: 30, seed, defectRate: 0.5 }) });
  list.push({ name: 'generated(tasks=25,seed=9,defects=1,year=2025)', text: generatePlan({ tasks: 25, seed: 9, defectRate: 1, year: 2025 }) });
  for (const [name, text] of Object.entries(TRAPS)) list.push({ name, text }, { name: `${name} (CRLF)`, text: text.replace(/\n/g, '\r\n') });
  return list;
}

// --- helpers -----------------------------------------------------------------------------------------

/** Syntax problems as parsed, whether or not a directive silences their finding. */
const syntaxErrors = (a: PlanAnalysis) => [...a.limitProblems, ...a.parsed.syntax].map((p) => ({ message: `${p.yamlCode}: ${p.detail}` }));

/** Where an offset of the old text is after the edits; `side` decides for offsets inside an edit. */
function mapOffset(offset: number, edits: readonly TextEdit[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.range.start - b.range.start)) {
    if (e.range.end <= offset && !(side === 'start' && e.range.start === offset && e.range.end === offset)) {
      delta += e.newText.length - (e.range.end - e.range.start);
    } else if (e.range.start < offset) {
      // Inside the replaced span: the start maps to the edit's start, the end past its new text.
      return side === 'start' ? e.range.start + delta : e.range.start + delta + e.newText.length;
    }
  }
  return offset + delta;
}

function mapRange(range: OffsetRange, edits: readonly TextEdit[]): OffsetRange {
  return { start: mapOffset(range.start, edits, 'start'), end: Math.max(mapOffset(range.start, edits, 'start'), mapOffset(range.end, edits, 'end')) };
}

const meets = (a: OffsetRange, b: OffsetRange) => (a.start < b.end && b.start < a.end) || a.start === b.start;

/** Offsets of edits must not overlap; the prefix before the first and the suffix after the last are unchanged. */
function checkUntouchedOutside(before: string, after: string, edits: readonly TextEdit[]): string | undefined {
  if (!edits.length) return 'no edits';
  const first = Math.min(...edits.map((e) => e.range.start));
  const last = Math.max(...edits.map((e) => e.range.end));
  if (!after.startsWith(before.slice(0, first))) return `text before offset ${first} changed`;
  if (!after.endsWith(before.slice(last))) return `text after offset ${last} changed`;
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].range.start < sorted[i - 1].range.end) return 'overlapping edits';
  return undefined;
}

/** The snippet as an editor inserts it when the user accepts every default: first choice, placeholder text. */
function resolveSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|\}/g, (_, first: string) => first.replace(/\\(.)/g, '$1'))
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

function isMoveTitle(a: PlanAnalysis, title: string) {
  return AREA_NUMERALS.some((n) => title === a.messages.actionMoveItem(n));
}

const counts = { fixes: 0, actions: 0, cases: 0, cliFiles: 0 };
const kinds = new Map<string, number>();
/** Oddities that break none of the properties, printed with the totals. */
const notes = new Map<string, number>();
const note = (what: string) => notes.set(what, (notes.get(what) ?? 0) + 1);
afterAll(() => {
  console.log(`fix-safety: ${counts.cases} texts, ${counts.fixes} finding fixes and ${counts.actions} code actions applied and checked, ${counts.cliFiles} files through par-plan check --fix`);
  console.log(`fix-safety: by kind ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const [what, n] of notes) console.log(`fix-safety note: ${what} (${n} time(s))`);
});

// --- one fix or action --------------------------------------------------------------------------------

interface Applied {
  label: string;
  edits: readonly TextEdit[];
  /** Findings the change is meant to remove. */
  targets: Finding[];
  kind: 'fix' | 'disable' | 'move' | 'insert-key' | 'rewrite';
  snippet?: PlanCodeAction['snippet'];
}

function checkApplied(text: string, analysis: PlanAnalysis, change: Applied): string[] {
  const problems: string[] = [];
  const say = (p: string) => problems.push(`${change.label}: ${p}`);
  const kind = `${change.kind}${change.targets[0] ? ` ${change.targets[0].code}` : ''}`;
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const after = applyEdits(text, change.edits);
  const snippetOnly = change.kind === 'insert-key' && change.snippet !== undefined && change.edits.length === 0;
  const outside = snippetOnly ? undefined : checkUntouchedOutside(text, after, change.edits);
  if (outside) say(outside);
  if (after === text) {
    // "Add a lead" on an existing empty `lead:` is a snippet only (no plain edit): editors without
    // snippets are not offered it (lsp/server.ts).
    if (!snippetOnly) say('changes nothing');
  }
  const afterAnalysis = analyze(after);
  if (syntaxErrors(afterAnalysis).length && !syntaxErrors(analysis).length) say(`leaves a YAML syntax error: ${syntaxErrors(afterAnalysis)[0].message}\n${after}`);

  // Comments.
  const was = comments(text);
  const now = comments(after);
  if (change.kind === 'disable') {
    // Exactly one directive added, or one directive extended by the finding's code.
    const code = change.targets[0].code;
    const at = now.findIndex((c, i) => c !== was[i]);
    const added =
      now.length === was.length + 1 &&
      at !== -1 &&
      now[at] === `# par-plan-disable-next-line ${code}` &&
      JSON.stringify([...now.slice(0, at), ...now.slice(at + 1)]) === JSON.stringify(was);
    const extended =
      now.length === was.length &&
      now.filter((c, i) => c !== was[i]).length === 1 &&
      now.some((c, i) => c !== was[i] && c.includes(code) && c.replace(` ${code}`, '') === was[i]);
    if (!added && !extended) say(`comments ${JSON.stringify(was)} became ${JSON.stringify(now)}: expected one directive for ${code}`);
  } else if (change.kind === 'move') {
    if (JSON.stringify([...now].sort()) !== JSON.stringify([...was].sort())) say(`comments changed (not only moved): ${JSON.stringify(was)} → ${JSON.stringify(now)}`);
    // Nothing lost or doubled on the way: the same items and tasks, with the same texts.
    const inventory = (a: PlanAnalysis) => JSON.stringify(a.model.items.map((i) => [i.criteria.map((c) => c.code), i.tasks.map((t) => t.text?.text)]).sort());
    if (inventory(afterAnalysis) !== inventory(analysis)) say('the items and tasks are not the same after the move');
  } else if (JSON.stringify(now) !== JSON.stringify(was)) {
    say(`comments changed: ${JSON.stringify(was.filter((c) => !now.includes(c)))} lost, ${JSON.stringify(now.filter((c) => !was.includes(c)))} new, or order changed`);
  }

  // The targets are gone from their place (shifted by the edits).
  const gone = (afterText: string, afterA: PlanAnalysis, edits: readonly TextEdit[], label: string) => {
    for (const target of change.targets) {
      const place = mapRange(target.range, edits);
      const still = afterA.findings().find((f) => f.code === target.code && meets(f.range, place));
      if (still) say(`${label}${target.code} at ${JSON.stringify(target.range)} is still there at ${JSON.stringify(still.range)}: ${still.message}\n--- after:\n${afterText}`);
    }
  };
  if (change.kind === 'insert-key') {
    // The plain edit inserts an empty placeholder (the finding moves to it, by design); accepted with
    // the snippet's defaults the finding is gone.
    const key = change.targets[0].code === 'par/missing-lead' ? 'lead' : 'deadline';
    if (change.edits.length && !new RegExp(`^(\\r?\\n)?[ ]*${key}: (\\[\\]|"")(\\r?\\n)?$|^ ?(\\[\\]|"")$`).test(change.edits[0].newText)) say(`inserts ${JSON.stringify(change.edits[0].newText)}`);
    if (change.snippet) {
      const value = resolveSnippet(change.snippet.text);
      if (/\S/.test(value.replace(new RegExp(`^\\s*${key}:`), '').replace(/[[\]"]/g, ''))) {
        const edit = { range: { start: change.snippet.offset, end: change.snippet.replaceEnd }, newText: value };
        const withSnippet = applyEdits(text, [edit]);
        const snippetAnalysis = analyze(withSnippet);
        if (syntaxErrors(snippetAnalysis).length && !syntaxErrors(analysis).length) say(`snippet leaves a YAML syntax error: ${syntaxErrors(snippetAnalysis)[0].message}`);
        gone(withSnippet, snippetAnalysis, [edit], 'snippet: ');
      }
    }
  } else if (change.kind !== 'rewrite') {
    gone(after, afterAnalysis, change.edits, '');
  }

  // Did-you-mean fixes write a known name or code: the unit read at the fixed place is known, the
  // code written is in the catalog.
  for (const target of change.targets) {
    if (change.kind !== 'fix') continue;
    if (target.code === 'par/unknown-criterion') {
      const written = change.edits.map((e) => e.newText).join('');
      const value = /^["']/.test(written) ? String(parseYaml(written)) : written;
      if (!bundledData().catalog.codes.has(value)) say(`writes ${JSON.stringify(written)}, not a catalog code`);
    }
    if (target.code === 'par/unknown-unit') {
      const place = mapRange(target.range, change.edits);
      const parts = afterAnalysis.model.tasks.flatMap((t) =>
        [t.lead, t.support].flatMap((field) => field?.entries.flatMap((e) => afterAnalysis.unitParts(e)) ?? []),
      );
      const there = parts.filter((p) => meets(p.sourceRange, place) || (p.sourceRange.start >= place.start && p.sourceRange.end <= place.end));
      if (!there.length || there.some((p) => p.kind !== 'known')) {
        say(`reads ${JSON.stringify(there.map((p) => `${p.kind}: ${p.text}`))} at the fixed place ${JSON.stringify(place)}, not a known unit`);
      }
    }
  }
  return problems;
}

function classify(a: PlanAnalysis, action: PlanCodeAction): Applied['kind'] {
  if (action.kind === 'refactor.rewrite') return 'rewrite';
  const f = action.findings?.[0];
  if (f && action.title === a.messages.actionDisableForLine(f.code)) return 'disable';
  if (isMoveTitle(a, action.title)) return 'move';
  if (action.title === a.messages.actionAddLead() || action.title === a.messages.actionAddDeadline()) return 'insert-key';
  return 'fix';
}

// --- the tests ----------------------------------------------------------------------------------------

const all = cases();

describe('every fix and code action on every fixture is safe', () => {
  for (const { name, text } of all) {
    it(name, () => {
      counts.cases++;
      const analysis = analyze(text);
      const problems: string[] = [];
      const findings = analysis.findings();
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          counts.fixes++;
          problems.push(...checkApplied(text, analysis, { label: `${finding.code} fix "${fix.title}"`, edits: fix.edits, targets: [finding], kind: 'fix' }));
        }
      }
      // Code actions over each finding's range, and over each task's deadline and unit fields (rewrites).
      const ranges: OffsetRange[] = findings.map((f) => f.range);
      for (const task of analysis.model.tasks) {
        for (const field of [task.deadline?.field, task.lead?.field, task.support?.field]) if (field) ranges.push(field.valueRange);
      }
      const seen = new Set<string>();
      for (const range of ranges) {
        for (const action of codeActions(analysis, range)) {
          const key = `${action.title}\u0000${JSON.stringify(action.edits)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          counts.actions++;
          problems.push(
            ...checkApplied(text, analysis, {
              label: `action "${action.title}" (${action.kind}) for ${action.findings?.map((f) => `${f.code} ${JSON.stringify(f.range)}`).join(', ') ?? JSON.stringify(range)}`,
              edits: action.edits,
              targets: action.findings ?? [],
              kind: classify(analysis, action),
              snippet: action.snippet,
            }),
          );
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('fix-all', () => {
  for (const { name, text } of all) {
    it(`${name}: the editor's edit equals par-plan check --fix, keeps comments and is idempotent`, () => {
      const analysis = analyze(text);
      const cli = fixAll(text, bundledData(), DEFAULT_OPTIONS);
      const editor = applyEdits(text, fixAllEdits(analysis));
      expect(editor).toBe(cli.text);
      // The source.fixAll code action carries the same edit.
      const action = codeActions(analysis, { start: 0, end: 0 }, ['source.fixAll']);
      expect(action.length ? applyEdits(text, action[0].edits) : text).toBe(cli.text);
      const again = fixAll(cli.text, bundledData(), DEFAULT_OPTIONS);
      expect(again.text).toBe(cli.text);
      expect(again.applied).toBe(0);
      expect(fixAllEdits(analyze(cli.text))).toEqual([]);
      if (cli.text !== text) {
        expect(comments(cli.text)).toEqual(comments(text));
        expect(syntaxErrors(analyze(cli.text))).toEqual([]);
        // Nothing safe is left to fix.
        expect(analyze(cli.text).findings().filter((f) => f.fixes?.some((x) => x.safe)).map((f) => f.code)).toEqual([]);
      }
    });
  }

  it('par-plan check --fix (the CLI process) writes exactly what the editor applies', async () => {
    // The CLI bundled from the current sources (dist/ may be older than them), run as its own process.
    const dir = mkdtempSync(join(tmpdir(), 'par-plan-fix-safety-'));
    try {
      await build({
        entryPoints: [join(root, 'server', 'src', 'cli', 'main.ts')],
        outfile: join(dir, 'cli.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node18',
        define: { PAR_PLAN_VERSION: '"0.0.0-test"' },
        logLevel: 'error',
        absWorkingDir: root,
      });
      writeFileSync(join(dir, 'par-plan.js'), "require('./cli.js').run(process.argv.slice(2));\n");
      const plans = join(dir, 'plans');
      mkdirSync(plans);
      const files = all.map((c, i) => ({ ...c, file: join(plans, `case-${String(i).padStart(2, '0')}.par.yaml`) }));
      for (const f of files) writeFileSync(f.file, f.text, 'utf8');
      const run = spawnSync(process.execPath, [join(dir, 'par-plan.js'), 'check', '--fix', '--format', 'json', plans], { cwd: dir, encoding: 'utf8', env: { ...process.env, PAR_PLAN_LOCALE: '' } });
      expect(run.status === 0 || run.status === 1, run.stderr).toBe(true);
      expect(run.stderr).toBe('');
      for (const f of files) {
        expect(readFileSync(f.file, 'utf8'), f.name).toBe(applyEdits(f.text, fixAllEdits(analyze(f.text))));
        counts.cliFiles++;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
