// The web language server's environment (a Web Worker: no file system, no Node). Locations are the
// URIs themselves; files are read through the editor (request parPlan/readFile), which works on
// virtual file systems (vscode-vfs://, GitHub repositories) and refuses files outside the workspace.
// The engine reads synchronously, so reads are answered from what was fetched: a read of a file not
// fetched yet is recorded, the server fetches those and computes again (environment.ts).

import type { Connection } from 'vscode-languageserver';
import { FileReadError, type PlanFiles } from '../engine';
import type { ServerEnvironment } from './environment';
import { PROTOCOL, type ReadFileResult } from './protocol';

interface Parsed {
  /** `scheme://authority`, without the path. */
  root: string;
  segments: string[];
}

function parse(uri: string): Parsed {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(uri);
  if (!m) return { root: uri, segments: [] };
  return { root: m[1], segments: m[2].split('/').filter(Boolean) };
}

function format(p: Parsed): string {
  return `${p.root}/${p.segments.join('/')}`;
}

/** Path operations on URIs (`.` and `..` resolved, never above the authority). */
export const uriPaths: Pick<PlanFiles, 'dirname' | 'resolve' | 'isInside'> = {
  dirname(uri) {
    const p = parse(uri);
    return format({ root: p.root, segments: p.segments.slice(0, -1) });
  },
  resolve(base, path) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
    const b = parse(base);
    const segments = path.startsWith('/') ? [] : [...b.segments];
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') segments.pop();
      else segments.push(part);
    }
    return format({ root: b.root, segments });
  },
  isInside(root, target) {
    const r = parse(root);
    const t = parse(target);
    return r.root === t.root && r.segments.length <= t.segments.length && r.segments.every((s, i) => t.segments[i] === s);
  },
};

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function webEnvironment(connection: Connection): ServerEnvironment {
  let extensionUri: string | undefined;
  const fetched = new Map<string, ReadFileResult>();
  const pending = new Set<string>();
  const known = (uri: string): ReadFileResult | undefined => {
    const result = fetched.get(uri);
    if (!result) pending.add(uri);
    return result;
  };
  const files: PlanFiles = {
    ...uriPaths,
    readFile(uri) {
      const result = known(uri);
      if (!result || result.kind === 'missing') return undefined;
      if (result.kind === 'folder') throw new FileReadError(uri, 'là thư mục / is a folder');
      if (result.kind === 'error') throw new FileReadError(uri, result.message);
      return decodeBase64(result.base64);
    },
    isFile: (uri) => known(uri)?.kind === 'file',
  };
  return {
    initialize(options) {
      if (typeof options.extensionUri === 'string') extensionUri = options.extensionUri.replace(/\/$/, '');
    },
    files,
    locationOf: (uri) => uri,
    uriOf: (location) => location,
    hasPendingReads: () => pending.size > 0,
    async fetchPending() {
      const uris = [...pending];
      pending.clear();
      await Promise.all(
        uris.map(async (uri) => {
          let result: ReadFileResult;
          try {
            result = await connection.sendRequest(PROTOCOL.readFile, { uri });
          } catch (error) {
            // A client that cannot answer (another editor without parPlan/readFile): the file is
            // reported as unreadable with the reason, and the plan checked with the bundled data.
            result = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
          }
          fetched.set(uri, result);
        }),
      );
    },
    forgetReads: () => fetched.clear(),
    // Every location offered is tried in turn; the province's own overlay may not exist.
    bundledUnitLocations: (provinceId) =>
      extensionUri ? [...(provinceId ? [`${extensionUri}/schemas/units/${provinceId}.json`] : []), `${extensionUri}/schemas/units/base.json`] : [],
    planFilesIn: () => [],
    ruleDocUrl: (code) => (extensionUri ? `${extensionUri}/docs/rules/${code.replace(/^par\//, '')}.md` : undefined),
    afterCheck: () => undefined,
  };
}
