// Writes what is published about the rules from each rule's own metadata (server/src/engine/rules):
// package.json's `parPlan.rules` settings, their strings in package.nls.json / package.nls.vi.json,
// and the rule table of README.md. test/engine/rule-metadata.test.ts fails when these drift.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = await build({
  stdin: {
    contents: "export { RULES } from './server/src/engine/rules'; export * from './server/src/engine/rules/manifest';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const scratch = mkdtempSync(join(tmpdir(), 'par-plan-rules-'));
let m;
// The rules are TypeScript: bundle them (in memory, then a scratch file) to read their metadata.
try {
  writeFileSync(join(scratch, 'rules.cjs'), bundle.outputFiles[0].contents);
  m = createRequire(import.meta.url)(join(scratch, 'rules.cjs'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function write(file, text) {
  const path = join(root, file);
  if (readFileSync(path, 'utf8') === text) return;
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  console.log(`sync-rules: wrote ${file}`);
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const settings = manifest.contributes.configuration.properties['parPlan.rules'];
settings.properties = m.rulesSettingsProperties(m.RULES);
write('package.json', JSON.stringify(manifest, null, 2) + '\n');

for (const [file, locale] of [['package.nls.json', 'en'], ['package.nls.vi.json', 'vi']]) {
  const nls = JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const key of Object.keys(nls)) if (key.startsWith('config.rules.')) delete nls[key];
  write(file, JSON.stringify({ ...nls, ...m.rulesNlsEntries(m.RULES, locale) }, null, 2) + '\n');
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const start = readme.indexOf(m.README_RULES_START);
const end = readme.indexOf(m.README_RULES_END);
if (start < 0 || end < start) throw new Error('README.md: the rule table markers are missing');
write('README.md', `${readme.slice(0, start + m.README_RULES_START.length)}\n${m.rulesReadmeTable(m.RULES)}\n${readme.slice(end)}`);
