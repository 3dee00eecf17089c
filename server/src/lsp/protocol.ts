// The two messages par-plan adds to LSP, shared by the server and the VS Code client:
// the tree view's data, and the notice that it changed.

import type { Range } from 'vscode-languageserver-types';
import type { PlanTree, TreeItem, TreeSection, TreeTask } from '../engine';

export const PROTOCOL = {
  /** Request: the plan tree of an open document. */
  tree: 'parPlan/tree',
  /** Notification: a document was re-checked; its tree may have changed. */
  treeChanged: 'parPlan/treeChanged',
} as const;

export interface TreeParams {
  uri: string;
}

type WithRange<T> = Omit<T, 'range'> & { range: Range };

export interface TreeResponse {
  uri: string;
  version: number;
  tree: Omit<PlanTree, 'sections'> & {
    sections: (WithRange<Omit<TreeSection, 'items'>> & { items: (WithRange<Omit<TreeItem, 'tasks'>> & { tasks: WithRange<TreeTask>[] })[] })[];
  };
}

export interface TreeChangedParams {
  uri: string;
  version: number;
}
