// The engine is pure: no editor, protocol, file-system, network or process imports. Hosts do I/O.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const engineDir = join(__dirname, '..', '..', 'server', 'src', 'engine');
const FORBIDDEN = /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|node:fs|fs|node:net|net|node:http|http|node:https|https|node:child_process|child_process|node:dgram|dgram|node:tls|tls)['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|js)$/.test(name) ? [full] : [];
  });
}

describe('engine purity', () => {
  it('imports nothing that does I/O or belongs to an editor', () => {
    const offenders = sources(engineDir).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('uses no eval or new Function (validators are compiled at build time)', () => {
    const offenders = sources(engineDir).filter((file) => /\bnew Function\(|\beval\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

// The layering ARCHITECTURE.md promises: imports point from hosts to the engine, never back.
const srcDir = join(__dirname, '..', '..', 'server', 'src');
const clientDir = join(__dirname, '..', '..', 'client', 'src');

/** Every relative import specifier of a file, with whether it is `import type` only. */
function relativeImports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
    found.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  }
  // `typeof import('…')` is a type; any other `import('…')` loads code.
  for (const m of text.matchAll(/(typeof\s+)?import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) found.push({ spec: m[2], typeOnly: Boolean(m[1]) });
  return found;
}

function resolvedDir(file: string, spec: string): string {
  return join(file, '..', spec);
}

describe('layering', () => {
  it('the engine imports none of its hosts (cli, lsp, host, word)', () => {
    const offenders = sources(engineDir).flatMap((file) =>
      relativeImports(file)
        .filter(({ spec }) => {
          // Data files (schemas/) are bundled into the engine; the other server folders are its hosts.
          const target = resolvedDir(file, spec);
          return target.startsWith(srcDir) && !target.startsWith(engineDir);
        })
        .map(({ spec }) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('word/ imports the engine only, never a host', () => {
    const wordDir = join(srcDir, 'word');
    const offenders = sources(wordDir).flatMap((file) =>
      relativeImports(file)
        .filter(({ spec }) => {
          const target = resolvedDir(file, spec);
          return target.startsWith(srcDir) && !target.startsWith(wordDir) && !target.startsWith(engineDir);
        })
        .map(({ spec }) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('results/ imports the engine and word/ only, never a host', () => {
    const resultsDir = join(srcDir, 'results');
    const offenders = sources(resultsDir).flatMap((file) =>
      relativeImports(file)
        .filter(({ spec }) => {
          const target = resolvedDir(file, spec);
          return target.startsWith(srcDir) && ![resultsDir, engineDir, join(srcDir, 'word')].some((dir) => target.startsWith(dir));
        })
        .map(({ spec }) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('render/ is pure and imports the engine and word/ only', () => {
    const renderDir = join(srcDir, 'render');
    const offenders = sources(renderDir).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const bad = FORBIDDEN.test(text) ? [`${file}: I/O or editor import`] : [];
      return bad.concat(
        relativeImports(file)
          .filter(({ spec }) => {
            const target = resolvedDir(file, spec);
            return target.startsWith(srcDir) && ![renderDir, engineDir, join(srcDir, 'word')].some((dir) => target.startsWith(dir));
          })
          .map(({ spec }) => `${file}: ${spec}`),
      );
    });
    expect(sources(renderDir).length).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });

  it('the client takes only types and the protocol from the server side; it reaches the engine through the server', () => {
    const protocol = join(srcDir, 'lsp', 'protocol');
    const offenders = sources(clientDir).flatMap((file) =>
      relativeImports(file)
        .filter(({ spec, typeOnly }) => {
          const target = resolvedDir(file, spec);
          // The web client bundles the converters (pure JavaScript): a browser has no dist/word.js to load.
          const webWord = file.endsWith('browser-extension.ts') && (target === join(srcDir, 'word') || target === join(srcDir, 'results'));
          return target.startsWith(srcDir) && !typeOnly && target !== protocol && !webWord;
        })
        .map(({ spec }) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('one engine surface, one host seam', () => {
  it('the hosts (cli, lsp, host) reach the engine only through its index', () => {
    const offenders = ['cli', 'lsp', 'host'].flatMap((folder) =>
      sources(join(srcDir, folder)).flatMap((file) =>
        relativeImports(file)
          .filter(({ spec }) => {
            const target = resolvedDir(file, spec);
            return target.startsWith(engineDir) && target !== engineDir && target !== join(engineDir, 'index');
          })
          .map(({ spec }) => `${file}: ${spec}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the language server touches no file itself: it reads through host/', () => {
    const fileAccess = /from\s+['"](node:)?fs(\/promises)?['"]/;
    const offenders = sources(join(srcDir, 'lsp')).filter((file) => fileAccess.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('no cycle between the analysis and the rules it runs', () => {
  it('rules and text edits name the narrow PlanFacts view, never analysis.ts', () => {
    const analysis = join(engineDir, 'analysis');
    const files = [...sources(join(engineDir, 'rules')), join(engineDir, 'edits.ts'), join(engineDir, 'plan-facts.ts')];
    const offenders = files.flatMap((file) => relativeImports(file).filter(({ spec }) => resolvedDir(file, spec) === analysis).map(({ spec }) => `${file}: ${spec}`));
    expect(offenders).toEqual([]);
  });
});
