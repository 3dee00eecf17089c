// VS Code commands for the follow-up through the year: export a sheet for a lead unit, import the
// sheets the units sent back, write the periodic report. The work is done by the pure functions of
// server/src/word (loaded when a command first runs, as each build loads it); plan changes go through WorkspaceEdits on the open
// document, so they can be undone and are refused if the document changed meanwhile. Other files are
// written through vscode.workspace.fs, after asking before replacing one.

import * as vscode from 'vscode';

import type { WordLoader, WordModule } from './word-commands';

/** A local day as `YYYY-MM-DD`: today, or the day a file was saved. */
function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The plan as the language server reads it, with the bundled data (the dialogs' commands have no project config). */
function analyze(word: WordModule, document: vscode.TextDocument) {
  return new word.PlanAnalysis(document.getText(), { catalog: word.bundledCatalog(), units: word.bundledUnits() }, word.DEFAULT_OPTIONS);
}

function sibling(uri: vscode.Uri, suffix: string): vscode.Uri {
  return uri.with({ path: `${uri.path.replace(/(\.par)?\.ya?ml$/i, '')}${suffix}` });
}

async function planDocument(source?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const uri = source ?? vscode.window.activeTextEditor?.document.uri;
  return uri ? vscode.workspace.openTextDocument(uri) : undefined;
}

/** Applies edits to the document at the version they were computed for; false when it moved on. */
async function applyToDocument(document: vscode.TextDocument, version: number, edits: { range: { start: number; end: number }; newText: string }[]): Promise<boolean> {
  if (document.version !== version) return false;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.range.start), document.positionAt(e.range.end)), e.newText);
  return vscode.workspace.applyEdit(edit);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A save dialog already asks before replacing; a target given by a caller is replaced only if it does not exist. */
async function writeNew(target: vscode.Uri, bytes: Uint8Array, fromDialog: boolean): Promise<boolean> {
  if (!fromDialog && (await exists(target))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} exists; not replaced.', target.path.split('/').pop() ?? ''));
    return false;
  }
  await vscode.workspace.fs.writeFile(target, bytes);
  return true;
}

function asOfSetting(uri: vscode.Uri): string {
  const value = vscode.workspace.getConfiguration('parPlan', uri).get<string>('asOf')?.trim();
  return value || localDay();
}

export function registerFollowUpCommands(loadWord: WordLoader, output: vscode.OutputChannel): vscode.Disposable[] {
  const progress = (title: string, task: () => Promise<void>) => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);

  // parPlan.followUpExport(plan?, target?, lead?): tests and other extensions can skip the dialogs.
  const exportSheet = vscode.commands.registerCommand('parPlan.followUpExport', async (source?: vscode.Uri, targetUri?: vscode.Uri, leadArg?: string) => {
    const document = await planDocument(source);
    if (!document) return;
    const lead = leadArg ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Lead unit (empty: every task)'), placeHolder: 'Sở Nội vụ' }));
    if (lead === undefined) return;
    const target = targetUri ?? (await vscode.window.showSaveDialog({ defaultUri: sibling(document.uri, '.theo-doi.xlsx'), filters: { Excel: ['xlsx'] } }));
    if (!target) return;
    await progress(vscode.l10n.t('Exporting the follow-up sheet…'), async () => {
      const word = await loadWord();
      let analysis = analyze(word, document);
      if (analysis.parsed.syntax.length) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Fix the YAML syntax errors first (line {0}: {1}).', analysis.lines.positionAt(analysis.parsed.syntax[0].range.start).line + 1, analysis.parsed.syntax[0].detail));
        return;
      }
      const ids = word.missingIdEdits(analysis);
      if (ids.added) {
        // Saved at once only when nothing else was pending: unsaved edits of the user stay theirs to save.
        const hadChanges = document.isDirty;
        if (!(await applyToDocument(document, document.version, ids.edits))) return;
        if (!hadChanges) await document.save();
        void vscode.window.showInformationMessage(
          hadChanges
            ? vscode.l10n.t('Added task ids to {0} task(s); save the plan to keep them: the import matches rows by them.', ids.added)
            : vscode.l10n.t('Added task ids to {0} task(s): the import matches rows by them.', ids.added),
        );
        analysis = analyze(word, document);
      }
      const sheet = await word.exportFollowUpSheet(analysis, { lead: lead.trim() || undefined });
      if (!sheet.rows) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No task is led by "{0}".', lead));
        return;
      }
      if (await writeNew(target, sheet.bytes, !targetUri)) void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} task(s) to {1}.', sheet.rows, target.path.split('/').pop() ?? ''));
    });
  });

  // parPlan.followUpImport(plan?, files?, date?)
  const importSheets = vscode.commands.registerCommand('parPlan.followUpImport', async (source?: vscode.Uri, filesArg?: vscode.Uri[], dateArg?: string) => {
    const document = await planDocument(source);
    if (!document) return;
    const files = filesArg ?? (await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: vscode.l10n.t('Import'), filters: { Excel: ['xlsx'] } }));
    if (!files?.length) return;
    await progress(vscode.l10n.t('Merging the follow-up sheets…'), async () => {
      const word = await loadWord();
      const version = document.version;
      const analysis = analyze(word, document);
      const date = dateArg ? word.readAsOf(dateArg) : undefined;
      const sheets = [];
      for (const file of files) {
        const sheet = await word.readFirstSheet(await vscode.workspace.fs.readFile(file));
        const saved = localDay(new Date((await vscode.workspace.fs.stat(file)).mtime));
        sheets.push({ file: file.path.split('/').pop() ?? file.path, sheet, date: date ?? sheet.modified ?? saved });
      }
      const result = word.planFollowUpImport(analysis, sheets);
      output.appendLine(vscode.l10n.t('Follow-up import into {0}:', document.uri.fsPath || document.uri.toString()));
      for (const c of result.changes) output.appendLine(`  ${c.file}:${c.row} ${c.id}: ${JSON.stringify(c.change)}`);
      for (const p of result.problems) output.appendLine(`  ${p.file}${p.row ? `:${p.row}` : ''} ${p.id ?? ''} ${p.kind}${p.detail ? ` (${p.detail})` : ''}`);
      if (result.changes.length && !(await applyToDocument(document, version, result.edits))) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The plan changed during the import; nothing was merged. Run it again.'));
        return;
      }
      const show = vscode.l10n.t('Show');
      const message = vscode.l10n.t('Merged {0} change(s); {1} row(s) not merged.', result.changes.length, result.problems.length);
      const choice = await (result.problems.length ? vscode.window.showWarningMessage(message, show) : vscode.window.showInformationMessage(message, show));
      if (choice === show) output.show();
    });
  });

  // parPlan.report(plan?, target?, asOf?)
  const report = vscode.commands.registerCommand('parPlan.report', async (source?: vscode.Uri, targetUri?: vscode.Uri, asOfArg?: string) => {
    const document = await planDocument(source);
    if (!document) return;
    const word = await loadWord();
    const typed = asOfArg ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Report as of (e.g. 30/6/2026)'), value: asOfSetting(document.uri), validateInput: (v) => (word.readAsOf(v) ? undefined : vscode.l10n.t('Not a day')) }));
    const asOf = typed ? word.readAsOf(typed) : undefined;
    if (!asOf) return;
    const target = targetUri ?? (await vscode.window.showSaveDialog({ defaultUri: sibling(document.uri, '.bao-cao.docx'), filters: { Word: ['docx'], Excel: ['xlsx'] } }));
    if (!target) return;
    await progress(vscode.l10n.t('Writing the report…'), async () => {
      const analysis = analyze(word, document);
      const data = word.progressReport(analysis, { asOf });
      const bytes = target.path.toLowerCase().endsWith('.xlsx') ? await word.reportXlsx(data) : await word.reportDocx(data);
      if (await writeNew(target, bytes, !targetUri)) void vscode.window.showInformationMessage(vscode.l10n.t('Wrote the report {0} ({1} overdue).', target.path.split('/').pop() ?? '', data.totals.overdue));
    });
  });

  return [exportSheet, importSheets, report];
}
