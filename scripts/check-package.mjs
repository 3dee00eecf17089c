// Checks the built par-plan.vsix: what it holds and how big it is. Run after `npm run package`.
// The extension needs its server, client and Word bundles, minified and without source maps; the
// CLI bundle is for the command line only.
import { readFileSync, statSync } from 'node:fs';
import { unzipSync } from 'fflate';

const file = process.argv[2] ?? 'par-plan.vsix';
const bytes = readFileSync(file);
const sizes = new Map();
unzipSync(bytes, { filter: (entry) => (sizes.set(entry.name, entry.originalSize), false) });
const unpacked = [...sizes.values()].reduce((a, b) => a + b, 0);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`${file}: ${kb(statSync(file).size)} packed, ${kb(unpacked)} unpacked, ${sizes.size} files`);
for (const [name, size] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  ${kb(size).padStart(8)}  ${name}`);

const problems = [];
for (const needed of ['extension/dist/server.js', 'extension/dist/client/extension.js', 'extension/dist/word.js', 'extension/dist/results.js', 'extension/dist/web/server.js', 'extension/dist/web/extension.js', 'extension/package.json']) {
  if (!sizes.has(needed)) problems.push(`missing ${needed}`);
}
for (const name of sizes.keys()) {
  if (name.endsWith('.map')) problems.push(`source map shipped: ${name}`);
  if (name === 'extension/dist/cli.js') problems.push('the CLI bundle is shipped');
}
const bundle = sizes.has('extension/dist/server.js') ? unzipSync(bytes, { filter: (e) => e.name === 'extension/dist/server.js' })['extension/dist/server.js'] : undefined;
// A minified bundle has few lines for its size; a development build has one per statement.
if (bundle && bundle.filter((b) => b === 10).length > bundle.length / 1000) problems.push('dist/server.js is not minified');
if (statSync(file).size > 1024 * 1024) problems.push(`larger than 1 MB`);
if (problems.length) {
  for (const p of problems) console.error(`check-package: ${p}`);
  process.exit(1);
}
