#!/usr/bin/env node
'use strict';
// Runs the bundled language server; `npm ci` (prepare) or `npm run build` creates dist/.
try {
  require.resolve('../dist/server.js');
} catch {
  process.stderr.write('par-plan-language-server: dist/server.js is missing; run "npm run build" first.\n');
  process.exit(2);
}
require('../dist/server.js');
