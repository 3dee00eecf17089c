// The web extension (vscode.dev, github.dev, code-server's web-worker extension host): the language
// server runs in a Web Worker and reads the files it needs (.par-plan.json, catalog and registry
// files) through this client with VS Code's file system API, so it works on virtual file systems.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { PROTOCOL, type ReadFileParams, type ReadFileResult } from '../../server/src/lsp/protocol';
import { activateWith, clientOptions, type PlanExtension } from './activate';

// The extension host of a web extension is a worker: no DOM library in this build's types.
declare const Worker: { new (url: string): object };
declare const Blob: { new (parts: string[], options: { type: string }): object };
declare const URL: { createObjectURL(blob: object): string };
declare function fetch(url: string): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
declare function btoa(binary: string): string;

let client: LanguageClient | undefined;

/**
 * Starts the server's worker. Where the extension is served from another origin (code-server, VS
 * Code Server, Codespaces: "Creating workers from remote extensions is currently not supported"),
 * the script is fetched and started from a blob: URL.
 */
async function startWorker(script: vscode.Uri): Promise<object> {
  const url = script.toString(true);
  try {
    return new Worker(url);
  } catch {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new Worker(URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' })));
  }
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A file for the server: only inside the workspace folders, never elsewhere. */
async function readForServer({ uri }: ReadFileParams): Promise<ReadFileResult> {
  const target = vscode.Uri.parse(uri);
  if (!vscode.workspace.getWorkspaceFolder(target)) return { kind: 'missing' };
  try {
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.type & vscode.FileType.Directory) return { kind: 'folder' };
    return { kind: 'file', base64: base64(await vscode.workspace.fs.readFile(target)) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) return { kind: 'missing' };
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<PlanExtension> {
  const worker = await startWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
  client = new LanguageClient(
    'parPlan',
    vscode.l10n.t('PAR Plan language server'),
    clientOptions({ extensionUri: context.extensionUri.toString(true) }),
    worker as ConstructorParameters<typeof LanguageClient>[3],
  );
  client.onRequest(PROTOCOL.readFile, readForServer);
  // The converters are pure JavaScript: in the browser they come with this bundle.
  return activateWith(context, client, { word: async () => import('../../server/src/word'), results: async () => import('../../server/src/results') });
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
