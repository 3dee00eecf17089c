// What the language server needs of the machine it runs on. The desktop server (node-main.ts) reads
// files with Node; the web server (browser-main.ts) runs in a Web Worker and reads them through the
// editor (custom request parPlan/readFile), so it works on virtual file systems too.

import type { PlanFiles } from '../engine';

export interface ServerEnvironment {
  /** Receives the client's initialization options (the web client sends its extension's URI). */
  initialize?(options: Record<string, unknown>): void;
  /** The files plans are checked with, as locations `locationOf` gives. */
  readonly files: PlanFiles;
  /** Where a document is for `files` (a path on desktop, the URI on the web); undefined when its folder cannot be read. */
  locationOf(uri: string): string | undefined;
  /** The URI of a location, for the editor. */
  uriOf(location: string): string;
  /**
   * True when `files` was asked for files it does not have yet (the web build fetches them from the
   * editor); what was computed from it must then be computed again after `fetchPending`.
   */
  hasPendingReads(): boolean;
  fetchPending(): Promise<void>;
  /** Forgets what was read (the settings or watched files changed). */
  forgetReads(): void;
  /** The bundled unit files where a unit of this province may be defined (its overlay, then the base), as locations. */
  bundledUnitLocations(provinceId: string | undefined): string[];
  /** The plan files under a workspace folder, for `parPlan/starterOverlay`; none where folders cannot be listed. */
  planFilesIn(root: string): string[];
  /** The page of a rule, for the editor's code links. */
  ruleDocUrl(code: string): string | undefined;
  /** Called after the findings of a document of this length were published. */
  afterCheck(textLength: number): void;
}
