// The messages par-plan adds to LSP, shared by the server and the VS Code client: the tree view's
// data, the notice that it changed, and (web build) a file read through the editor.

import type { Range } from 'vscode-languageserver-types';
import type { PlanTree, TreeItem, TreeSection, TreeTask } from '../engine';

export const PROTOCOL = {
  /** Request: the plan tree of an open document. */
  tree: 'parPlan/tree',
  /** Notification: a document was re-checked; its tree may have changed. */
  treeChanged: 'parPlan/treeChanged',
  /** Request from the web server to the client: a file, read with the editor's file system. */
  readFile: 'parPlan/readFile',
} as const;

export interface ReadFileParams {
  uri: string;
}

/** A file's bytes (base64), or why there are none. Files outside the workspace folders are `missing`. */
export type ReadFileResult =
  | { kind: 'file'; base64: string }
  | { kind: 'missing' }
  | { kind: 'folder' }
  | { kind: 'error'; message: string };

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
