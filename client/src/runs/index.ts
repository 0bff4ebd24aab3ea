import * as vscode from 'vscode';
import type { RunsApi } from '../../../server/src/runs/api';
import type { Ctx } from '../ctx';
import { registerRunCommands } from './commands';
import { RunsController, errorText } from './controller';
import { createRunsApi } from './engine';
import { ReportPanels } from './report-panel';
import { RunsView } from './runs-view';
import { ContextStatusBar } from './status-bar';

/** The Runs view, the context status bar item, the report panels and the run commands, for the extension's lifetime. */
export function registerRuns(ctx: Ctx, api: RunsApi = createRunsApi()): void {
  const runs = new RunsController(ctx.extension, api, ctx.output);
  const reports = new ReportPanels(runs, ctx.extension.extensionUri);
  const view = new RunsView(runs);
  ctx.pushExtensionDisposable(
    runs,
    reports,
    view,
    vscode.window.createTreeView('genai4dfx.runs', { treeDataProvider: view }),
    new ContextStatusBar(runs),
    ...registerRunCommands(runs, reports),
  );
  void offerCleanup(runs);
}

/** Runs left running by an editor or CLI that is gone (crash, closed window): offer to delete what they created. */
async function offerCleanup(runs: RunsController): Promise<void> {
  // The first policy scan sets the root the records live under.
  await runs.refresh();
  if (!vscode.workspace.isTrusted) return;
  const orphans = runs.orphans();
  if (!orphans.length) return;
  const names = orphans.map((o) => `${o.name} (${o.context ?? 'local'}${o.namespace ? `/${o.namespace}` : ''})`).join(', ');
  const cleanUp = vscode.l10n.t('Clean Up');
  const showHistory = vscode.l10n.t('Show History');
  const pick = await vscode.window.showWarningMessage(
    orphans.length === 1
      ? vscode.l10n.t('genai4dfx: a run was left running when the editor or CLI that started it stopped: {0}. Clean up what it created?', names)
      : vscode.l10n.t('genai4dfx: {0} runs were left running when the editor or CLI that started them stopped: {1}. Clean up what they created?', orphans.length, names),
    cleanUp,
    showHistory,
  );
  if (pick === showHistory) await vscode.commands.executeCommand('genai4dfx.showRunHistory');
  if (pick !== cleanUp) return;
  const root = runs.root;
  if (!root) return;
  for (const o of orphans) {
    try {
      const report = await runs.api.cleanup(root, o.id, { ...runs.clusterOptions(), context: o.context });
      if (report.clean) runs.output.info(`cleaned up ${o.id}: ${report.deleted.length} objects deleted and verified gone`);
      else void vscode.window.showErrorMessage(vscode.l10n.t('genai4dfx: cleaning up {0} left {1}.', o.name, report.leftovers.map((l) => `${l.kind} ${l.namespace}/${l.name} (${l.reason})`).join(', ')));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('genai4dfx: cleaning up {0} failed: {1}', o.name, errorText(e)));
    }
  }
}
