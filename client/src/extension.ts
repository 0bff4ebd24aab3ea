import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { registerRuns } from './runs';
import { registerViews } from './views';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
