// The desktop VS Code extension: the language server runs as a Node process (IPC). The web build
// (browser-extension.ts) runs the same server in a Web Worker; both share activate.ts.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, clientOptions, type PlanExtension } from './activate';
import type { ResultsModule } from './results-commands';
import type { WordModule } from './word-commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PlanExtension> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  client = new LanguageClient('parPlan', vscode.l10n.t('PAR Plan language server'), serverOptions, clientOptions());
  // The converters (dist/word.js, dist/results.js) load on first use, so that activation stays light.
  /* eslint-disable @typescript-eslint/no-require-imports */
  return activateWith(context, client, {
    word: async () => require(context.asAbsolutePath('dist/word.js')) as WordModule,
    results: async () => require(context.asAbsolutePath('dist/results.js')) as ResultsModule,
  });
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

export type { PlanNode } from './activate';
