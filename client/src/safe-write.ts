// Writing a user's file from the extension: through vscode.workspace.fs (remote, virtual and web
// workspaces too), to a temporary file beside the target that is then renamed over it, so that a
// failure midway leaves the target as it was. (The CLI's equivalent is server/src/host/safe-write.ts,
// on node:fs; the client cannot take it into the web build.)

import * as vscode from 'vscode';

/** True when something exists at the URI. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
    throw error;
  }
}

/** Writes through a temporary sibling and a rename: a failure midway leaves the target as it was. */
export async function writeSafely(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = target.path.split('/').pop() ?? 'par-plan';
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, bytes);
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}
