// The messages par-plan adds to LSP, shared by the server and the VS Code client: the tree view's
// data, the notice that a document was re-checked, the HTML of the preview and the dashboard, and
// (web build) a file read through the editor.

import type { Range } from 'vscode-languageserver-types';
import type { PlanTree, Position, TreeItem, TreeSection, TreeTask } from '../engine';

export const PROTOCOL = {
  /** Request: the plan tree of an open document. */
  tree: 'parPlan/tree',
  /** Notification: a document was re-checked; its tree may have changed. */
  treeChanged: 'parPlan/treeChanged',
  /** Request: a starter unit overlay from the unknown unit names of the workspace's plans (`par-plan units init`). */
  starterOverlay: 'parPlan/starterOverlay',
  /** Request: the appendix preview of an open document, sending only the rows the client lacks. */
  preview: 'parPlan/preview',
  /** Request: where a click on a row (and cell) of the preview goes in the document. */
  previewTarget: 'parPlan/previewTarget',
  /** Request: the dashboard of an open document. */
  dashboard: 'parPlan/dashboard',
  /** Request: the tasks behind a clicked bar or list entry of the dashboard, with their places. */
  dashboardTasks: 'parPlan/dashboardTasks',
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

export interface StarterOverlayResponse {
  /** The overlay file's JSON text; empty when every name is known. */
  text: string;
  count: number;
  plans: number;
  /** "tỉnh Nghệ An", when the plans' issuers name a province. */
  province?: string;
}

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

export interface PreviewParams {
  uri: string;
  /** Keys of the rows the client already has (from its last response): their HTML is not sent again. */
  known?: string[];
}

export interface PreviewRow {
  /** Equal for equal HTML (server/src/render/html.ts). */
  key: string;
  /** Absent when the key was in `known`. */
  html?: string;
}

export interface PreviewResponse {
  uri: string;
  version: number;
  /** The document header and plan-wide problems (HTML). */
  header: string;
  /** The table's <colgroup> and <thead> (HTML). */
  head: string;
  rows: PreviewRow[];
  /** The line (0-based) each row starts at: the cursor's line gives the row to highlight. */
  lines: number[];
  /** Places of the plan-wide problems listed in the header, by their data-mark number. */
  marks: Position[];
}

export interface PreviewTargetParams {
  uri: string;
  /** The row's index in the last PreviewResponse. */
  row: number;
  /** The clicked cell's column key (its <td data-col>). */
  column?: string;
}

export interface DashboardParams {
  uri: string;
}

export interface DashboardResponse {
  uri: string;
  version: number;
  html: string;
}

export interface DashboardTasksParams {
  uri: string;
  /** A bar's data-group number. */
  group?: number;
  /** A list entry's data-task number. */
  task?: number;
}

/** The tasks asked for, in plan order: a label ("II.3 — text") and the task's place. */
export type DashboardTasksResponse = { label: string; at: Position }[];
