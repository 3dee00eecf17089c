// `# par-plan-disable-next-line CODE [CODE...]` silences findings that start on the next line.
// Without a code it silences every finding there. Only whole-line comments count: the same text
// inside a block scalar is plan content, not a directive.

import { isCollection, isPair, isScalar, type Node, type Scalar } from 'yaml';
import type { LineIndex, ParsedDocument } from './parse';
import type { Finding } from './types';

export const DISABLE_NEXT_LINE = 'par-plan-disable-next-line';

/** Line of the directive comment → codes it silences ('*' for all). */
export type Directives = Map<number, Set<string>>;

const DIRECTIVE = /^[ \t]*#[ \t]*par-plan-disable-next-line\b(.*)$/;

export function directivesOf(parsed: ParsedDocument): Directives {
  const directives: Directives = new Map();
  const { text, lines } = parsed;
  for (let at = text.indexOf(DISABLE_NEXT_LINE); at !== -1; at = text.indexOf(DISABLE_NEXT_LINE, at + 1)) {
    const line = lines.positionAt(at).line;
    if (directives.has(line)) continue;
    const content = text.slice(lines.lineStarts[line], lines.lineEnd(line));
    const match = DIRECTIVE.exec(content);
    if (!match || scalarAt(parsed.doc.contents as Node | null, at)) continue;
    const codes = match[1]
      .replace(/\s--\s.*$/, '') // "-- reason" may follow the codes
      .split(/[\s,]+/)
      .filter(Boolean);
    directives.set(line, new Set(codes.length ? codes : ['*']));
  }
  return directives;
}

export function isSuppressed(directives: Directives, lines: LineIndex, finding: Finding): boolean {
  if (directives.size === 0) return false;
  const codes = directives.get(lines.positionAt(finding.range.start).line - 1);
  return Boolean(codes && (codes.has('*') || codes.has(finding.code)));
}

/**
 * The scalar whose range holds `offset`, found by descending from `node` (collections' ranges hold
 * their children's and siblings do not overlap, so this is the one scalar there, if any).
 */
export function scalarAt(node: Node | null, offset: number): Scalar | undefined {
  while (node) {
    const range = node.range;
    if (!range || offset < range[0] || offset >= range[1]) return undefined;
    if (isScalar(node)) return node;
    if (!isCollection(node)) return undefined;
    let next: Node | null = null;
    for (const entry of node.items as unknown[]) {
      const candidates = isPair(entry) ? [entry.key as Node | null, entry.value as Node | null] : [entry as Node];
      for (const candidate of candidates) {
        const r = candidate?.range;
        if (r && offset >= r[0] && offset < r[1]) next = candidate;
      }
    }
    node = next;
  }
  return undefined;
}
