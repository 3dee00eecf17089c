// "New plan from results…": the editor's `par-plan init --results`. A results table (.xlsx, .csv,
// .docx) or a results file in; a scaffolded plan (and, from a table, its results file beside it) out.
// The converters (server/src/results) are loaded when the command first runs (activate.ts says how
// for each build); files go through vscode.workspace.fs, and an existing results file is replaced
// only when the user says so.

import * as vscode from 'vscode';

export type ResultsModule = typeof import('../../server/src/results');

const baseName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? '';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
    throw error;
  }
}

/** The results file path as the plan names it: relative to the plan's folder. */
function relativePath(from: vscode.Uri, to: vscode.Uri): string {
  const a = from.path.split('/').slice(0, -1);
  const b = to.path.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...Array(a.length - common).fill('..'), ...b.slice(common)].join('/');
}

export interface NewPlanArguments {
  issuer?: string;
  year?: number;
  /** Replace an existing results file without asking (tests, other extensions). */
  replace?: boolean;
}

export function registerResultsCommands(loadResults: () => Promise<ResultsModule>, output: vscode.OutputChannel): vscode.Disposable[] {
  // Source and target URIs and the answers are optional, so other extensions and tests can skip the dialogs.
  const newPlan = vscode.commands.registerCommand('parPlan.newPlanFromResults', async (source?: vscode.Uri, targetUri?: vscode.Uri, args: NewPlanArguments = {}) => {
    const picked =
      source ??
      (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Use these results'), filters: { [vscode.l10n.t('Results table or file')]: ['xlsx', 'csv', 'docx', 'yaml'] } }))?.[0];
    if (!picked) return;
    const results = await loadResults();
    const bytes = await vscode.workspace.fs.readFile(picked);
    const isYaml = /\.ya?ml$/i.test(picked.path);
    let file;
    let problems: string[] = [];
    if (isYaml) {
      const read = results.readResultsText(new TextDecoder().decode(bytes));
      problems = read.problems.map((p) => `${vscode.l10n.t('line {0}', p.line)}: ${p.message[vscode.env.language.startsWith('vi') ? 'vi' : 'en']}`);
      file = read.file;
    } else {
      const imported = results.importResults(bytes, baseName(picked), { source: baseName(picked) });
      problems = imported.problems.map((p) => (p.row ? `${vscode.l10n.t('row {0}', p.row)}: ${p.message}` : p.message));
      file = imported.file;
    }
    if (problems.length) {
      output.appendLine(`${picked.fsPath || picked.toString()}:`);
      for (const line of problems) output.appendLine(`  ${line}`);
    }
    if (!file) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not read the results: {0}', problems[0] ?? ''));
      return;
    }
    const issuer = args.issuer ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Issuer of the plan'), value: file.issuer ?? 'UBND tỉnh ', ignoreFocusOut: true }))?.trim();
    if (!issuer) return;
    const yearText = args.year !== undefined ? String(args.year) : await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Plan year'),
      value: String(file['index-year'] + 1),
      ignoreFocusOut: true,
      validateInput: (v) => (/^20\d\d$/.test(v.trim()) ? undefined : vscode.l10n.t('A year such as {0}', file['index-year'] + 1)),
    });
    if (!yearText) return;
    const year = Number(yearText.trim());
    const folder = picked.with({ path: picked.path.split('/').slice(0, -1).join('/') });
    const target = targetUri ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, `ke-hoach-${year}.par.yaml`), filters: { 'PAR Plan': ['par.yaml', 'yaml'] } }));
    if (!target) return;
    // A table becomes a results file beside the plan, which the plan then names.
    let resultsUri = picked;
    if (!isYaml) {
      const planFolder = target.with({ path: target.path.split('/').slice(0, -1).join('/') });
      resultsUri = vscode.Uri.joinPath(planFolder, `${baseName(picked).replace(/\.[^.]+$/, '')}${results.RESULTS_FILE_SUFFIX}`);
      if (!args.replace && (await exists(resultsUri))) {
        const replace = vscode.l10n.t('Replace');
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', baseName(resultsUri)), { modal: true }, replace);
        if (choice !== replace) return;
      }
      const comment = `Kết quả Chỉ số CCHC năm ${file['index-year']}${file.issuer ? ` của ${file.issuer}` : ''}, nhập từ ${baseName(picked)} bằng par-plan.`;
      await vscode.workspace.fs.writeFile(resultsUri, new TextEncoder().encode(results.resultsToYaml(file, comment)));
    }
    const plan = results.planFromResults(file, { issuer, year, resultsPath: relativePath(target, resultsUri), catalog: results.bundledCatalog(), source: baseName(picked) });
    // The save dialog asked before replacing the plan file.
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(plan));
    await vscode.window.showTextDocument(target);
    if (problems.length) {
      const show = vscode.l10n.t('Show');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Plan created, with {0} row(s) of the results to review.', problems.length), show);
      if (choice === show) output.show();
    } else void vscode.window.showInformationMessage(vscode.l10n.t('Plan created from the results: fill in each task, lead unit and deadline.'));
  });
  return [newPlan];
}
