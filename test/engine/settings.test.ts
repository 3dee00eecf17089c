// The settings of a plan read through the host seam alone: an in-memory PlanFiles stands for any
// host (the web build's is one), so nothing here touches the disk.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { FileReadError, SettingsResolver, bundledCatalog, bundledUnits, type PlanFiles } from '../../server/src/engine';

const catalogJson = readFileSync(join(__dirname, '..', '..', 'schemas', 'par-criteria.876-2022.json'), 'utf8');

function memoryFiles(files: Record<string, string | Error>): PlanFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(path) {
      reads.push(path);
      const content = files[path];
      if (content instanceof Error) throw content;
      return content === undefined ? undefined : new TextEncoder().encode(content);
    },
    isFile: (path) => path in files,
    dirname: (path) => posix.dirname(path),
    resolve: (base, path) => posix.resolve(base, path),
    isInside: (root, target) => target === root || target.startsWith(`${root}/`),
  };
}

describe('SettingsResolver over a host', () => {
  it('finds the nearest .par-plan.json upwards and loads the catalog it names, once', () => {
    const named = JSON.parse(catalogJson);
    named.codes.find((c: { code: string }) => c.code === '1.1').name = 'Tên của tỉnh';
    const files = memoryFiles({
      '/ws/.par-plan.json': JSON.stringify({ locale: 'en', catalog: 'data/catalog.json' }),
      '/ws/data/catalog.json': JSON.stringify(named),
    });
    const resolver = new SettingsResolver(files, { workspaceRoots: ['/ws'] });
    const first = resolver.settingsFor('/ws/plans/2026/a.par.yaml');
    expect(first.configPath).toBe('/ws/.par-plan.json');
    expect(first.config.locale).toBe('en');
    expect(first.problems).toEqual([]);
    expect(first.data.catalog.codes.get('1.1')?.name).toBe('Tên của tỉnh');
    resolver.settingsFor('/ws/plans/2026/b.par.yaml');
    expect(files.reads.filter((p) => p === '/ws/data/catalog.json')).toHaveLength(1);
  });

  it('refuses a data file outside the workspace, and reports a missing or broken one, using the bundled data', () => {
    const files = memoryFiles({
      '/ws/a/.par-plan.json': JSON.stringify({ catalog: '../../elsewhere/catalog.json', registry: 'units.json' }),
      '/ws/b/.par-plan.json': '{ "catalog": ',
      '/ws/c/.par-plan.json': JSON.stringify({ registry: 'units.json' }),
      '/ws/c/units.json': JSON.stringify({ units: 'no' }),
    });
    const resolver = new SettingsResolver(files, { workspaceRoots: ['/ws'] });
    const a = resolver.settingsFor('/ws/a/plan.par.yaml');
    expect(a.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      '/elsewhere/catalog.json: catalog file is outside the workspace; using the bundled catalog',
      '/ws/a/units.json: registry file not found; using the bundled registry',
    ]);
    expect(a.data.catalog).toBe(bundledCatalog());
    expect(a.data.units).toBe(bundledUnits());
    const b = resolver.settingsFor('/ws/b/plan.par.yaml');
    expect(b.problems).toHaveLength(1);
    expect(b.problems[0].file).toBe('/ws/b/.par-plan.json');
    const c = resolver.settingsFor('/ws/c/plan.par.yaml');
    expect(c.problems.at(-1)).toEqual({ file: '/ws/c/units.json', message: 'using the bundled registry' });
    expect(c.registryFile).toBeUndefined();
  });

  it('reports a file the host cannot read, with the host’s reason', () => {
    const files = memoryFiles({ '/ws/.par-plan.json': new FileReadError('/ws/.par-plan.json', 'permission denied') });
    const settings = new SettingsResolver(files, { workspaceRoots: ['/ws'] }).settingsFor('/ws/plan.par.yaml');
    expect(settings.problems).toEqual([{ file: '/ws/.par-plan.json', message: 'permission denied' }]);
  });

  it('lets a bug in the host through instead of reporting it as a file problem', () => {
    const files = memoryFiles({ '/ws/.par-plan.json': new TypeError('undefined is not a function') });
    expect(() => new SettingsResolver(files, { workspaceRoots: ['/ws'] }).settingsFor('/ws/plan.par.yaml')).toThrow(TypeError);
  });

  it('takes a setting’s relative path from the workspace folder that holds the plan', () => {
    const resolver = new SettingsResolver(memoryFiles({}), { workspaceRoots: ['/one', '/two'] });
    expect(resolver.settingsBase('/two/x/plan.par.yaml')).toBe('/two');
    expect(resolver.settingsBase('/three/plan.par.yaml')).toBe('/three');
  });
});
