import * as vscode from 'vscode';
import { RUN_COMMANDS } from '../../../server/src/protocol/commands';
import type { RunsController } from './controller';
import { statusBarModel } from './model';

/** The cluster context in the status bar, on an error background when it counts as production; a click selects another. */
export class ContextStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly runs: RunsController) {
    this.item = vscode.window.createStatusBarItem('genai4dfx.runs.context', vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('DFX Cluster Context');
    this.item.command = RUN_COMMANDS.selectContext;
    this.subscription = runs.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    const s = this.runs.state;
    // Only where runs are possible: a trusted workspace with a policy (or a context already chosen for it).
    if (!s.trusted || (s.policy.kind === 'none' && !this.runs.selection)) {
      this.item.hide();
      return;
    }
    const m = statusBarModel(s.cluster);
    this.item.text = m.text;
    this.item.tooltip = new vscode.MarkdownString(m.tooltip);
    this.item.backgroundColor = m.production ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.accessibilityInformation = { label: m.production ? vscode.l10n.t('Cluster context, production: {0}', m.text) : vscode.l10n.t('Cluster context: {0}', m.text) };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
