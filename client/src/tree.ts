// The plan tree view: section > item > task, or tasks grouped by lead unit or by deadline quarter.
// Its data comes from the server's parse (request parPlan/tree); the tree parses nothing itself.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PROTOCOL, type TreeChangedParams, type TreeResponse } from '../../server/src/lsp/protocol';
import { treePathAtLine } from './tree-lookup';

type Tree = TreeResponse['tree'];
type Section = Tree['sections'][number];
type Item = Section['items'][number];
type Task = Item['tasks'][number];
type Counts = Section['problems'];

export type Grouping = 'section' | 'lead' | 'deadline' | 'status';

export type PlanNode =
  | { kind: 'section'; section: Section }
  | { kind: 'item'; item: Item; parent: PlanNode }
  | { kind: 'task'; task: Task; parent: PlanNode }
  | { kind: 'group'; label: string; tasks: Task[]; problems: Counts }
  | { kind: 'empty'; label: string };

function problemIcon(counts: Counts, fallback: string): vscode.ThemeIcon {
  if (counts.errors) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (counts.warnings) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (counts.infos) return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  return new vscode.ThemeIcon(fallback);
}

/** Points as the editor's language writes them ("1,25" in Vietnamese). */
const points = (n: number) => n.toLocaleString(vscode.env.language);

/** "lost 1.25 · covered 0.5": what the section does for its area's lost points, with results. */
function pointsText(p: Section['points']): string {
  if (!p) return '';
  return p.lost ? vscode.l10n.t('lost {0}, covered {1} points', points(p.lost), points(p.covered)) : vscode.l10n.t('no points lost');
}

function countsText(counts: Counts): string {
  const parts: string[] = [];
  if (counts.errors) parts.push(vscode.l10n.t('{0} errors', counts.errors));
  if (counts.warnings) parts.push(vscode.l10n.t('{0} warnings', counts.warnings));
  return parts.join(', ');
}

function add(a: Counts, b: Counts): Counts {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos };
}

function quarterLabel(key: string): string {
  if (key === 'none') return vscode.l10n.t('No deadline');
  if (key === 'recurring') return vscode.l10n.t('Recurring');
  if (key === 'invalid') return vscode.l10n.t('Unreadable deadline');
  const [year, quarter] = key.split('-Q');
  return vscode.l10n.t('Quarter {0}/{1}', ['I', 'II', 'III', 'IV'][Number(quarter) - 1], year);
}

/** Status groups, overdue first: what a follow-up meeting goes through in order. */
const STATUS_ORDER = ['overdue', 'in-progress', 'not-started', 'done', 'dropped'] as const;
type StatusKey = (typeof STATUS_ORDER)[number];

function statusKey(task: Task): StatusKey {
  return task.overdueDays !== null ? 'overdue' : task.status;
}

function statusLabel(key: StatusKey): string {
  return {
    overdue: vscode.l10n.t('Overdue'),
    'in-progress': vscode.l10n.t('In progress'),
    'not-started': vscode.l10n.t('Not started'),
    done: vscode.l10n.t('Done'),
    dropped: vscode.l10n.t('Dropped'),
  }[key];
}

export class PlanTreeProvider implements vscode.TreeDataProvider<PlanNode> {
  private readonly changed = new vscode.EventEmitter<PlanNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: TreeResponse | null = null;
  private grouping: Grouping = 'section';
  private roots: PlanNode[] = [];

  /** `checked`: the server's notice that a document was re-checked (parPlan/treeChanged). */
  constructor(
    private readonly client: BaseLanguageClient,
    checked: vscode.Event<TreeChangedParams>,
  ) {
    checked((params) => {
      if (params.uri === this.activeUri()) void this.refresh();
    });
  }

  get current(): TreeResponse | null {
    return this.data;
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    void vscode.commands.executeCommand('setContext', 'parPlan.treeGrouping', grouping);
    this.rebuild();
  }

  activeUri(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'par-plan' ? editor.document.uri.toString() : undefined;
  }

  async refresh(): Promise<void> {
    const uri = this.activeUri();
    if (!uri) {
      this.data = null;
      this.rebuild();
      return;
    }
    try {
      this.data = await this.client.sendRequest<TreeResponse | null>(PROTOCOL.tree, { uri });
    } catch {
      this.data = null;
    }
    this.rebuild();
  }

  private rebuild(): void {
    const tree = this.data?.tree;
    if (!tree) this.roots = [];
    else if (this.grouping === 'section') this.roots = tree.sections.map((section) => ({ kind: 'section', section }));
    else {
      const groups = new Map<string, Task[]>();
      for (const task of tree.sections.flatMap((s) => s.items.flatMap((i) => i.tasks))) {
        const keys =
          this.grouping === 'lead'
            ? task.leads.length ? [...new Set(task.leads.map((l) => l.name))] : [vscode.l10n.t('No lead unit')]
            : this.grouping === 'status' ? [statusKey(task)] : [task.quarter];
        for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), task]);
      }
      const order = (key: string) => STATUS_ORDER.indexOf(key as StatusKey);
      const keys = [...groups.keys()].sort((a, b) =>
        this.grouping === 'deadline' ? a.localeCompare(b) : this.grouping === 'status' ? order(a) - order(b) : groups.get(b)!.length - groups.get(a)!.length || a.localeCompare(b, 'vi'),
      );
      const label = (key: string) => (this.grouping === 'deadline' ? quarterLabel(key) : this.grouping === 'status' ? statusLabel(key as StatusKey) : key);
      this.roots = keys.map((key) => {
        const tasks = groups.get(key)!;
        // Within "overdue", the latest first.
        if (key === 'overdue') tasks.sort((a, b) => (b.overdueDays ?? 0) - (a.overdueDays ?? 0));
        return { kind: 'group', label: label(key), tasks, problems: tasks.reduce((c, t) => add(c, t.problems), { errors: 0, warnings: 0, infos: 0 }) };
      });
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: PlanNode): PlanNode[] {
    if (!node) return this.roots;
    if (node.kind === 'section') return node.section.items.map((item) => ({ kind: 'item', item, parent: node }));
    if (node.kind === 'item') return node.item.tasks.map((task) => ({ kind: 'task', task, parent: node }));
    if (node.kind === 'group') return node.tasks.map((task) => ({ kind: 'task', task, parent: node }));
    return [];
  }

  getParent(node: PlanNode): PlanNode | undefined {
    return node.kind === 'item' || node.kind === 'task' ? node.parent : undefined;
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    const uri = this.data ? vscode.Uri.parse(this.data.uri) : undefined;
    const reveal = (range: { start: { line: number; character: number } }) =>
      uri ? { command: 'parPlan.reveal', title: vscode.l10n.t('Show in editor'), arguments: [uri, range.start.line, range.start.character] } : undefined;
    switch (node.kind) {
      case 'section': {
        const s = node.section;
        const item = new vscode.TreeItem(s.label, vscode.TreeItemCollapsibleState.Expanded);
        // The points first: with results they are what a section is for.
        item.description = [pointsText(s.points), vscode.l10n.t('{0} items', s.items.length), countsText(s.problems)].filter(Boolean).join(' · ');
        if (s.points?.lost) item.tooltip = vscode.l10n.t('Points lost in the index year: {0}; covered by tasks with a lead and a deadline: {1}', points(s.points.lost), points(s.points.covered));
        item.iconPath = problemIcon(s.problems, 'symbol-namespace');
        item.command = reveal(s.range);
        item.contextValue = 'section';
        item.id = `section:${s.area}:${s.range.start.line}`;
        return item;
      }
      case 'item': {
        const i = node.item;
        const item = new vscode.TreeItem(i.codes, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = i.name;
        item.tooltip = `${i.codes} — ${i.name}`;
        item.iconPath = problemIcon(i.problems, 'symbol-field');
        item.command = reveal(i.range);
        item.contextValue = 'item';
        item.id = `item:${i.range.start.line}`;
        return item;
      }
      case 'task': {
        const t = node.task;
        const item = new vscode.TreeItem(t.label, vscode.TreeItemCollapsibleState.None);
        const lead = t.leads.map((l) => l.name).join('; ') || vscode.l10n.t('no lead unit');
        const late = t.overdueDays !== null ? ` · ${vscode.l10n.t('{0} days overdue', t.overdueDays)}` : '';
        item.description = `${lead} · ${t.deadline ?? vscode.l10n.t('no deadline')}${late}`;
        item.tooltip = new vscode.MarkdownString(`${t.label}\n\n**${vscode.l10n.t('Lead')}:** ${lead}  \n**${vscode.l10n.t('Deadline')}:** ${t.deadline ?? '—'}`);
        item.iconPath = problemIcon(t.problems, 'circle-small-filled');
        item.command = reveal(t.range);
        item.contextValue = 'task';
        item.id = `task:${node.parent.kind}:${t.range.start.line}:${node.parent.kind === 'group' ? (node.parent as { label: string }).label : ''}`;
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = [vscode.l10n.t('{0} tasks', node.tasks.length), countsText(node.problems)].filter(Boolean).join(' · ');
        item.iconPath = problemIcon(node.problems, this.grouping === 'lead' ? 'organization' : this.grouping === 'status' ? 'checklist' : 'calendar');
        item.id = `group:${this.grouping}:${node.label}`;
        return item;
      }
      default:
        return new vscode.TreeItem(node.label);
    }
  }

  /**
   * The innermost node (task, else item, else section) at a line of the active document (section
   * grouping), for following the cursor. Called on every cursor move: it looks the line up in the
   * tree data and builds only the nodes on the path to it.
   */
  nodeAtLine(line: number): PlanNode | undefined {
    if (this.grouping !== 'section' || !this.data) return undefined;
    const path = treePathAtLine(this.data.tree.sections, line);
    if (!path) return undefined;
    // `roots` are the section nodes in the same order as the data's sections.
    const sectionNode = this.roots[path.section];
    if (sectionNode?.kind !== 'section') return undefined;
    if (path.item === undefined) return sectionNode;
    const item = sectionNode.section.items[path.item];
    const itemNode: PlanNode = { kind: 'item', item, parent: sectionNode };
    if (path.task === undefined) return itemNode;
    return { kind: 'task', task: item.tasks[path.task], parent: itemNode };
  }
}
