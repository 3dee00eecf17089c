// The web server's environment in Node: URI paths, and reads answered only once fetched through
// the client (the engine reads synchronously; what it asked for early is fetched, then asked again).

import { describe, expect, it } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { SettingsResolver } from '../../server/src/engine';
import { uriPaths, webEnvironment } from '../../server/src/lsp/web-environment';

describe('URI paths', () => {
  it('resolve, take the folder of and compare URIs by segments', () => {
    expect(uriPaths.dirname('vscode-vfs://github/o/r/plans/a.par.yaml')).toBe('vscode-vfs://github/o/r/plans');
    expect(uriPaths.resolve('vscode-vfs://github/o/r/plans', '../data/units.json')).toBe('vscode-vfs://github/o/r/data/units.json');
    expect(uriPaths.resolve('vscode-vfs://github/o/r/plans', '/x.json')).toBe('vscode-vfs://github/x.json');
    expect(uriPaths.resolve('file:///ws', '../../../../etc/passwd')).toBe('file:///etc/passwd');
    expect(uriPaths.isInside('file:///srv/a', 'file:///srv/a/b.json')).toBe(true);
    expect(uriPaths.isInside('file:///srv/a', 'file:///srv/ab/b.json')).toBe(false);
    expect(uriPaths.isInside('file:///srv/a', 'vscode-vfs://srv/a/b.json')).toBe(false);
  });
});

describe('reads through the client', () => {
  it('records what was asked, fetches it, and answers from then on', async () => {
    const asked: string[] = [];
    const files: Record<string, string> = { 'vscode-vfs://gh/ws/.par-plan.json': JSON.stringify({ locale: 'en' }) };
    const connection = {
      sendRequest: async (_method: string, { uri }: { uri: string }) => {
        asked.push(uri);
        return uri in files ? { kind: 'file', base64: Buffer.from(files[uri]).toString('base64') } : { kind: 'missing' };
      },
    } as unknown as Connection;
    const env = webEnvironment(connection);
    const settings = () => new SettingsResolver(env.files, { workspaceRoots: ['vscode-vfs://gh/ws'] }).settingsFor('vscode-vfs://gh/ws/plans/a.par.yaml');
    expect(settings().config.locale).toBeUndefined();
    expect(env.hasPendingReads()).toBe(true);
    await env.fetchPending();
    expect(asked).toContain('vscode-vfs://gh/ws/.par-plan.json');
    expect(settings().config.locale).toBe('en');
    expect(env.hasPendingReads()).toBe(false);
    env.forgetReads();
    settings();
    expect(env.hasPendingReads()).toBe(true);
  });
});

describe('a client that cannot read files', () => {
  it('gives a reported problem, not a hang', async () => {
    const connection = { sendRequest: async () => Promise.reject(new Error('Unhandled method parPlan/readFile')) } as unknown as Connection;
    const env = webEnvironment(connection);
    const resolver = () => new SettingsResolver(env.files, { workspaceRoots: ['vscode-vfs://gh/ws'] });
    resolver().settingsFor('vscode-vfs://gh/ws/a.par.yaml');
    await env.fetchPending();
    expect(env.hasPendingReads()).toBe(false);
    // isFile is false for a file that could not be read: the config search goes on without it.
    const settings = resolver().settingsFor('vscode-vfs://gh/ws/a.par.yaml');
    expect(settings.configPath).toBeUndefined();
    expect(env.hasPendingReads()).toBe(false);
  });
});
