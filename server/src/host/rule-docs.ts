// Where a rule's documentation page is on this machine: docs/rules/ beside the bundles (dist/../docs)
// or, running from source, at the project root. Diagnostics (LSP codeDescription) and SARIF
// (helpUri) link to it. The package has no web site: a local page works offline.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPage } from '../engine';

const root = [join(__dirname, '..'), join(__dirname, '..', '..', '..')].find((dir) => existsSync(join(dir, 'docs', 'rules')));

const urls = new Map<string, string | undefined>();

/** The file URL of a code's rule page, looked up once per code (diagnostics come by thousands). */
export function ruleDocUrl(code: string): string | undefined {
  if (!urls.has(code)) {
    const page = root && join(root, ruleDocPage(code));
    urls.set(code, page && existsSync(page) ? pathToFileURL(page).href : undefined);
  }
  return urls.get(code);
}
