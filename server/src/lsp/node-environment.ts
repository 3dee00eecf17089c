// The desktop language server's environment: files through host/ (Node), memory kept in check.

import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledUnitFiles, collectPlanFiles, nodeFiles } from '../host/node-host';
import { ruleDocUrl } from '../host/rule-docs';
import type { ServerEnvironment } from './environment';
import { MemoryKeeper } from './memory';

export function nodeEnvironment(): ServerEnvironment {
  const memory = new MemoryKeeper();
  return {
    files: nodeFiles,
    locationOf: (uri) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined),
    uriOf: (location) => pathToFileURL(location).href,
    hasPendingReads: () => false,
    fetchPending: async () => undefined,
    // Nothing kept: node reads afresh.
    forgetReads: () => undefined,
    bundledUnitLocations: bundledUnitFiles,
    planFilesIn: (root) => collectPlanFiles([root], root).files,
    ruleDocUrl,
    afterCheck: (length) => memory.afterCheck(length),
  };
}
