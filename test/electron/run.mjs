// The extension-host scenarios in desktop VS Code via @vscode/test-electron, for machines that have
// VS Code. It never downloads one: set VSCODE_EXECUTABLE, or have `code` on the PATH.
import { runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function findVsCode() {
  const candidates = [process.env.VSCODE_EXECUTABLE, '/usr/share/code/code', '/usr/bin/code', '/snap/bin/code', '/Applications/Visual Studio Code.app/Contents/MacOS/Electron'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const found = execFileSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { encoding: 'utf8' }).split('\n')[0].trim();
    // `code` on the PATH is a launcher script; test-electron wants the Electron binary next to it.
    if (found && !found.includes('code-server')) return found;
  } catch {
    // not installed
  }
  return undefined;
}

const executable = findVsCode();
if (!executable) {
  console.log('SKIP test-electron suite: no VS Code executable found here (set VSCODE_EXECUTABLE=/path/to/code to run it). The same scenarios run in code-server: node test/e2e/run.mjs');
  process.exit(0);
}
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test', 'extension-host', 'index.js'),
    launchArgs: [root, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'par-plan-vscode-'))}`],
  });
  console.log('test-electron suite: passed');
} catch (error) {
  console.error('test-electron suite failed:', error);
  process.exit(1);
}
