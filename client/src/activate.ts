// What the desktop and the web extension share once their language client runs: the plan tree,
// the preview and overview webviews, the commands, the Word/Excel commands. Every check, completion and fix comes from the server; the
// client parses no plan to check it. The Word/Excel commands (word-commands.ts) do read plans and
// tables: they run the converters in the extension host.

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { PROTOCOL, type StarterOverlayResponse, type TreeChangedParams } from '../../server/src/lsp/protocol';
import { PlanPanels } from './plan-panels';
import { PlanTreeProvider, type Grouping, type PlanNode } from './tree';
import { registerFollowUpCommands } from './followup-commands';
import { registerResultsCommands, type ResultsModule } from './results-commands';
import { registerWordCommands, type WordModule } from './word-commands';

/** How a build loads the converters its commands run (pure JavaScript, on first use). */
export interface Converters {
  word(): Promise<WordModule>;
  results(): Promise<ResultsModule>;
}

/** The client options both builds use; `extra` adds a build's own initialization options. */
export function clientOptions(extra: Record<string, unknown> = {}): LanguageClientOptions {
  return {
    documentSelector: [{ language: 'par-plan' }],
    synchronize: { configurationSection: 'parPlan', fileEvents: [vscode.workspace.createFileSystemWatcher('**/.par-plan.json'), vscode.workspace.createFileSystemWatcher('**/*.par-results.yaml')] },
    initializationOptions: { locale: vscode.env.language, snippetCommand: true, ...extra },
    outputChannelName: 'PAR Plan',
  };
}

export interface PlanExtension {
  client: BaseLanguageClient;
  tree: PlanTreeProvider;
}

export async function activateWith(context: vscode.ExtensionContext, client: BaseLanguageClient, converters: Converters): Promise<PlanExtension> {
  await client.start();
  // One handler per notification in the client: the tree and the webviews share it.
  const checked = new vscode.EventEmitter<TreeChangedParams>();
  client.onNotification(PROTOCOL.treeChanged, (params: TreeChangedParams) => checked.fire(params));
  const tree = new PlanTreeProvider(client, checked.event);
  const panels = new PlanPanels(client, context.extensionUri, checked.event);
  context.subscriptions.push(checked, panels);
  const view = vscode.window.createTreeView('parPlan.tree', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(view);
  void vscode.commands.executeCommand('setContext', 'parPlan.treeGrouping', 'section');

  // "N quá hạn" for the active plan, from the same tree data; a click groups the tree by status.
  const overdueItem = vscode.window.createStatusBarItem('parPlan.overdue', vscode.StatusBarAlignment.Left, 50);
  overdueItem.name = vscode.l10n.t('PAR Plan: overdue tasks');
  overdueItem.command = 'parPlan.tree.groupByStatus';
  context.subscriptions.push(
    overdueItem,
    tree.onDidChangeTreeData(() => {
      const overdue = tree.current?.tree.overdue ?? 0;
      if (!overdue) return overdueItem.hide();
      overdueItem.text = `$(warning) ${vscode.l10n.t('{0} overdue', overdue)}`;
      overdueItem.tooltip = vscode.l10n.t('Tasks of this plan past their deadline and not done. Click to group the plan tree by status.');
      overdueItem.show();
    }),
  );

  const followCursor = (editor: vscode.TextEditor | undefined) => {
    if (!view.visible || !editor || editor.document.languageId !== 'par-plan') return;
    const node = tree.nodeAtLine(editor.selection.active.line);
    if (node) void view.reveal(node, { select: true, focus: false, expand: true }).then(undefined, () => undefined);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void tree.refresh()),
    vscode.window.onDidChangeTextEditorSelection((e) => followCursor(e.textEditor)),
    vscode.commands.registerCommand('parPlan.reveal', async (uri: vscode.Uri, line: number, character: number) => {
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
      const position = new vscode.Position(line, character);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    ...(['section', 'lead', 'deadline', 'status'] as Grouping[]).map((grouping) =>
      vscode.commands.registerCommand(`parPlan.tree.groupBy${grouping[0].toUpperCase()}${grouping.slice(1)}`, () => tree.setGrouping(grouping)),
    ),
    vscode.commands.registerCommand('parPlan.tree.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('parPlan.openPreview', (resource?: vscode.Uri) => panels.open('preview', resource instanceof vscode.Uri ? resource : undefined)),
    vscode.commands.registerCommand('parPlan.openDashboard', (resource?: vscode.Uri) => panels.open('dashboard', resource instanceof vscode.Uri ? resource : undefined)),
    vscode.commands.registerCommand('parPlan.insertSnippet', async (uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, snippet: string) => {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      if (!editor || editor.document.version !== version) return;
      const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      await editor.insertSnippet(new vscode.SnippetString(snippet), r);
    }),
    vscode.commands.registerCommand('parPlan.fixAll', () => vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll', apply: 'first' })),
    vscode.commands.registerCommand('parPlan.restartServer', async () => {
      await client.stop();
      await client.start();
      await tree.refresh();
    }),
    vscode.commands.registerCommand('parPlan.showOutput', () => client.outputChannel.show()),
    // `par-plan units init` in the editor: the server lists the unknown names; the file is written
    // only where the user chooses in the save dialog, which asks before replacing a file.
    vscode.commands.registerCommand('parPlan.unitsInit', async (targetUri?: vscode.Uri) => {
      const result = await client.sendRequest<StarterOverlayResponse>(PROTOCOL.starterOverlay, {});
      if (!result.count) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Every unit name in {0} plan(s) is in the registry: nothing to write.', result.plans));
        return;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = targetUri ?? (await vscode.window.showSaveDialog({ defaultUri: folder && vscode.Uri.joinPath(folder, 'par-units.json'), filters: { JSON: ['json'] } }));
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
      await vscode.window.showTextDocument(target);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} unit(s) to confirm written. Check each, then add "registry": "{1}" to .par-plan.json.', result.count, target.path.split('/').pop() ?? ''),
      );
    }),
    ...registerWordCommands(converters.word, client.outputChannel),
    ...registerResultsCommands(converters.results, client.outputChannel),
    ...registerFollowUpCommands(converters.word, client.outputChannel),
  );
  await tree.refresh();
  return { client, tree };
}

export type { PlanNode };
