#!/usr/bin/env node
'use strict';
// Runs the bundled CLI; `npm ci` (prepare) or `npm run build` creates dist/.
try {
  require.resolve('../dist/cli.js');
} catch {
  process.stderr.write('par-plan: dist/cli.js is missing; run "npm run build" first.\n');
  process.exit(2);
}
require('../dist/cli.js').run(process.argv.slice(2));
