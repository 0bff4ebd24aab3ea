import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { registerRuns } from './runs';
import { registerViews } from './views';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The vscode-free modules (runs/model.ts, flow.ts, report-html.ts, report-svg.ts) translate through @vscode/l10n, which
  // esbuild bundles as its own copy: hand it the bundle VS Code loaded for the display language, before anything renders.
  // No bundle (English) leaves the English keys in force, as in the tests.
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
  ctx = new Ctx(context);
  registerCommands(ctx);
  registerViews(ctx);
  registerRuns(ctx);
  try {
    await ctx.start();
  } catch (e) {
    // Commands and views stay registered, so "Restart Server" and "Show Output" still work after a failed start.
    const message = e instanceof Error ? e.message : String(e);
    ctx.output.error(`the language server failed to start: ${message}`);
    const output = ctx.output;
    const show = vscode.l10n.t('Show Output');
    void vscode.window.showErrorMessage(vscode.l10n.t('genai4dfx: the language server failed to start: {0}', message), show).then((pick) => {
      if (pick) output.show(true);
    });
  }
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
