// VS Code commands for the Word round trip: import an appendix (.docx or its text form) into a plan,
// export a plan to a Word appendix or an Excel follow-up sheet. The converters are pure functions in
// server/src/word, which each build loads its own way (the desktop one only when a command runs, so
// that activation stays light). Files are read and written through vscode.workspace.fs, so this
// works in remote and virtual workspaces and in the browser too.

import * as vscode from 'vscode';

export type WordModule = typeof import('../../server/src/word');
/** Gives the Word/Excel converters; called when a command first needs them. */
export type WordLoader = () => Promise<WordModule>;

function withExtension(uri: vscode.Uri, extension: string): vscode.Uri {
  const base = uri.path.replace(/(\.par)?\.(ya?ml|docx|txt|xlsx)$/i, '');
  return uri.with({ path: `${base}${extension}` });
}

export function registerWordCommands(loadWord: WordLoader, output: vscode.OutputChannel): vscode.Disposable[] {
  // Both commands take optional source and target URIs, so other extensions and tests can skip the dialogs.
  const importWord = vscode.commands.registerCommand('parPlan.importWord', async (source?: vscode.Uri, targetUri?: vscode.Uri) => {
    const picked =
      source ??
      (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Import'), filters: { [vscode.l10n.t('Word appendix')]: ['docx', 'txt'] } }))?.[0];
    if (!picked) return;
    const target = targetUri ?? (await vscode.window.showSaveDialog({ defaultUri: withExtension(picked, '.par.yaml'), filters: { 'PAR Plan': ['par.yaml', 'yaml'] } }));
    if (!target) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing the plan from Word…') }, async () => {
      const word = await loadWord();
      const bytes = await vscode.workspace.fs.readFile(picked);
      const result = picked.path.toLowerCase().endsWith('.txt')
        ? { ...word.importPlanText(word.decodeText(bytes)), fatal: false }
        : await word.importPlanDocx(bytes);
      const problems = result.problems.map((p) => ('row' in p ? `${vscode.l10n.t('row {0}', p.row)}: ${p.message}` : `${vscode.l10n.t('line {0}', p.line)}: ${p.message}`));
      if (problems.length) {
        output.appendLine(`${picked.fsPath || picked.toString()}:`);
        for (const line of problems) output.appendLine(`  ${line}`);
      }
      if (result.fatal) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not import the plan: {0}', problems[0] ?? ''));
        return;
      }
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.yaml));
      await vscode.window.showTextDocument(target);
      if (problems.length) {
        const show = vscode.l10n.t('Show');
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Imported, with {0} row(s) to review.', problems.length), show);
        if (choice === show) output.show();
      } else void vscode.window.showInformationMessage(vscode.l10n.t('Imported the plan from Word.'));
    });
  });

  const exportAs = (format: 'docx' | 'xlsx') => async (source?: vscode.Uri, targetUri?: vscode.Uri) => {
    const uri = source ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) return;
    const document = await vscode.workspace.openTextDocument(uri);
    const target = targetUri ?? (await vscode.window.showSaveDialog({ defaultUri: withExtension(uri, `.${format}`), filters: { [format === 'docx' ? 'Word' : 'Excel']: [format] } }));
    if (!target) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: format === 'docx' ? vscode.l10n.t('Exporting to Word…') : vscode.l10n.t('Exporting to Excel…') }, async () => {
      const word = await loadWord();
      const read = word.readPlanForExport(document.getText(), vscode.env.language.startsWith('vi') ? 'vi' : 'en');
      if (read.syntaxErrors.length) {
        const first = read.syntaxErrors[0];
        void vscode.window.showErrorMessage(vscode.l10n.t('Fix the YAML syntax errors first (line {0}: {1}).', first.line, first.message));
        return;
      }
      const bytes = format === 'docx' ? await word.exportPlanDataDocx(read.data) : await word.exportPlanDataXlsx(read.data);
      await vscode.workspace.fs.writeFile(target, bytes);
      const reveal = vscode.l10n.t('Open folder');
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', target.path.split('/').pop() ?? ''), reveal).then((choice) => {
        if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', target);
      });
    });
  };

  return [
    importWord,
    vscode.commands.registerCommand('parPlan.exportWord', exportAs('docx')),
    vscode.commands.registerCommand('parPlan.exportExcel', exportAs('xlsx')),
  ];
}
