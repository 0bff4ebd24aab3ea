import * as vscode from 'vscode';
import type { RunsController } from './controller';
import { buildTree, type RunsNode } from './model';

/** The "Runs" view: model.ts builds the rows, this turns them into TreeItems and refreshes on every change. */
export class RunsView implements vscode.TreeDataProvider<RunsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private roots: RunsNode[] = [];
  /** Ticks "running for 1m20s" while a run is live. */
  private clock: NodeJS.Timeout | undefined;

  constructor(private readonly runs: RunsController) {
    this.subscription = runs.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  getChildren(node?: RunsNode): RunsNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  getTreeItem(node: RunsNode): vscode.TreeItem {
    const state =
      node.collapsible === 'expanded'
        ? vscode.TreeItemCollapsibleState.Expanded
        : node.collapsible === 'collapsed'
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.contextValue = node.contextValue;
    if (node.command) {
      // The model names files by path; vscode.open wants a Uri.
      const args = node.command.command === 'vscode.open' ? node.command.arguments?.map((a) => (typeof a === 'string' ? vscode.Uri.file(a) : a)) : node.command.arguments;
      item.command = { ...node.command, arguments: args };
    }
    return item;
  }

  dispose(): void {
    if (this.clock) clearInterval(this.clock);
    this.subscription.dispose();
    this.changed.dispose();
  }

  private rebuild(): void {
    this.roots = buildTree(this.runs.state);
    const live = this.runs.activeRuns().length > 0;
    if (live && !this.clock) this.clock = setInterval(() => this.rebuild(), 1000);
    if (!live && this.clock) {
      clearInterval(this.clock);
      this.clock = undefined;
    }
    this.changed.fire();
  }
}
