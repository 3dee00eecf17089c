#!/usr/bin/env node
'use strict';
// Runs the bundled CLI; `npm ci` (prepare) or `npm run build` creates dist/.
try {
  require.resolve('../dist/cli.js');
} catch {
  process.stderr.write('par-plan: dist/cli.js is missing; run "npm run build" first.\n');
  process.exit(2);
}
const { main } = require('../dist/cli.js');
try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`par-plan: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 2;
}
