#!/usr/bin/env node
// Runs the plain-text Word table importer on a seed file and writes the plan YAML.
//   node scripts/import-seed.mjs [seed.txt] [out.par.yaml]
// Defaults: the Hà Tĩnh 2023 seed (test/fixtures/seed, or $PAR_SEED) -> samples/ha-tinh-2023.par.yaml.
// Problems go to stderr.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedPath = process.argv[2] ?? (process.env.PAR_SEED || join(root, 'test/fixtures/seed/000_305705c128854940.txt'));
const outPath = process.argv[3] ?? join(root, 'samples/ha-tinh-2023.par.yaml');

const dir = mkdtempSync(join(tmpdir(), 'par-import-'));
try {
  const bundle = join(dir, 'text-import.mjs');
  await build({
    entryPoints: [join(root, 'server/src/word/text-import.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
    // yaml's CommonJS build calls require('process'): give the ESM bundle a real require.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  const { importPlanText } = await import(pathToFileURL(bundle).href);
  const text = readFileSync(seedPath, 'utf8');
  const { yaml, problems } = importPlanText(text, { source: `${basename(seedPath)} (Phụ lục I, Kế hoạch PAR Index 2023 của UBND tỉnh Hà Tĩnh)` });
  writeFileSync(outPath, yaml);
  for (const p of problems) process.stderr.write(`${seedPath}:${p.line}: ${p.message}\n`);
  process.stderr.write(`${problems.length} problem(s); wrote ${outPath}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
