// Random ranged edits as an editor sends them, from a seeded generator (a failure replays): typing
// Vietnamese text and YAML punctuation, dedents, deleted lines, pastes of many lines copied from the
// plan itself. Shared by test/lsp/incremental.test.ts and test/lsp/soak.test.ts.

import { LineIndex } from '../../server/src/engine/parse';

/** One change in the offsets of the text it applies to. */
export interface Change {
  start: number;
  end: number;
  text: string;
}

/** A small deterministic generator (mulberry32), so that a failure replays. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PIECES = [
  'ế', 'Sở Nội vụ', ' lại', 'Quý IV/2023', 'x', ' ', '\n', '\n  ', '"', ':', '- ', '#',
  '\n          - task: Rà soát thủ tục hành chính\n            lead: [Sở Tư pháp, UBND cấp huyện]\n            deadline: Tháng 6/2023\n',
  '\n  - area: III\n    items:\n      - criteria: ["3.1"]\n        tasks:\n          - task: Công khai\n            lead: [Văn phòng UBND tỉnh]\n',
];

/** A random change of `text`: an insertion (half of them), a dedent, deleted lines or a pasted block. */
export function randomChange(text: string, next: () => number): Change {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const lines = LineIndex.of(text);
  const line = Math.floor(next() * lines.lineCount);
  const kind = next();
  if (kind < 0.5) {
    const at = lines.lineStarts[line] + Math.floor(next() * (lines.lineEnd(line) - lines.lineStarts[line] + 1));
    return { start: at, end: at, text: pick(PIECES) };
  }
  if (kind < 0.7) {
    // A dedent: remove up to four spaces of a line's indentation.
    const start = lines.lineStarts[line];
    const spaces = /^ */.exec(text.slice(start, lines.lineEnd(line)))![0].length;
    return { start, end: start + Math.min(spaces, 1 + Math.floor(next() * 4)), text: '' };
  }
  if (kind < 0.85) {
    const last = Math.min(lines.lineCount - 1, line + Math.floor(next() * 6));
    return { start: lines.lineStarts[line], end: last + 1 < lines.lineCount ? lines.lineStarts[last + 1] : text.length, text: '' };
  }
  // Paste many lines copied from elsewhere in the plan.
  const from = Math.floor(next() * lines.lineCount);
  const to = Math.min(lines.lineCount - 1, from + 5 + Math.floor(next() * 30));
  const block = text.slice(lines.lineStarts[from], to + 1 < lines.lineCount ? lines.lineStarts[to + 1] : text.length);
  return { start: lines.lineStarts[line], end: lines.lineStarts[line], text: block.endsWith('\n') ? block : `${block}\n` };
}
