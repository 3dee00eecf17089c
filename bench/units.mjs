// How long the unit data takes: building the registry of every province (once each, then cached per
// data object), and reading unit phrases against one. Prints numbers; asserts nothing. `node bench/units.mjs`
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
import { createRequire } from 'node:module';
const out = join(root, '.cache', 'bench-units.cjs');
mkdirSync(dirname(out), { recursive: true });
await build({ stdin: { contents: "export { bundledUnits } from './server/src/engine/data/bundled'; export { registryFor } from './server/src/engine/data/unit-data'; export { matchUnitPhrase } from './server/src/engine/data/unit-phrase';", resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
const m = createRequire(import.meta.url)(out);
const units = m.bundledUnits();
let t = performance.now();
const ids = [...units.provinces.byId.values()];
for (const p of ids) m.registryFor(units, `UBND ${p.form} ${p.name}`);
const all = performance.now() - t;
const r = m.registryFor(units, 'UBND tỉnh Nghệ An');
t = performance.now();
const texts = ['Thuế tỉnh Nghệ An', 'Sở Nội vụ và các Sở, ngành chủ trì các lĩnh vực CCHC', 'Ban Quản lý Khu kinh tế Đông Nam Nghệ An', 'Chủ tịch UBND các xã, phường', 'Thuế tỉnh Hà Tĩnh'];
for (let i = 0; i < 20000; i++) m.matchUnitPhrase(r, texts[i % texts.length]);
const match = performance.now() - t;
console.log(`registries for ${ids.length} provinces: ${all.toFixed(1)} ms (${(all / ids.length).toFixed(2)} ms each); aliases in Nghệ An's: ${r.aliases.length}; 20,000 uncached phrase reads: ${match.toFixed(0)} ms`);
