// Which node of the plan tree holds a line of the document: the tree view follows the cursor with it.
// Kept apart from tree.ts (no `vscode` import) so that it can be tested on its own.

import type { TreeResponse } from '../../server/src/lsp/protocol';

type Sections = TreeResponse['tree']['sections'];

/** Indexes into `sections`, `items` and `tasks`: as deep as the line goes. */
export interface TreePath {
  section: number;
  item?: number;
  task?: number;
}

/** The last of `nodes` (in document order) whose range starts at or before `line`, or -1. */
function lastStartingBy(nodes: readonly { range: { start: { line: number } } }[], line: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (nodes[middle].range.start.line <= line) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * The innermost section, item or task holding `line`. The tree's ranges are only each node's first
 * key, so a node is taken to run from its first line to the next node at its level or above: the
 * section's own lines (`- area: II`, `title`, `items:`) give the section, an item's lines before its
 * first task give the item. Lines before the first section (the header) give nothing.
 */
export function treePathAtLine(sections: Sections, line: number): TreePath | undefined {
  const section = lastStartingBy(sections, line);
  if (section < 0) return undefined;
  const items = sections[section].items;
  const item = lastStartingBy(items, line);
  if (item < 0) return { section };
  const task = lastStartingBy(items[item].tasks, line);
  return task < 0 ? { section, item } : { section, item, task };
}
