import * as vscode from 'vscode';
import { DocumentDiagnosticRequest } from 'vscode-languageclient/node';
import type { Ctx } from '../ctx';
import type { Cmd, CommandFactory } from './index';

/** A command that works whether or not the server is running. */
const always = (make: (ctx: Ctx) => Cmd): CommandFactory => ({ enabled: make, disabled: make });

export const restartServer: CommandFactory = always((ctx) => async () => {
  try {
    await ctx.restart();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    ctx.output.error(`restart failed: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('genai4dfx: the language server failed to start: {0}', message));
  }
});

export const showOutput: CommandFactory = always((ctx) => () => ctx.output.show(true));

/**
 * The server scans every workspace folder by itself (pull `workspace/diagnostic`, held open and re-answered when files
 * or settings change) while `genai4dfx.workspaceDiagnostics` is on; there is no "scan now" request. So this command
 * turns the setting on where it is off, re-pulls the open documents, and shows the results.
 */
export const scanWorkspace: CommandFactory = {
  enabled: (ctx) => async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('genai4dfx: open a folder to scan a workspace; open files are analysed as you type.'));
      return;
    }
    const off = folders.filter((f) => !vscode.workspace.getConfiguration('genai4dfx', f.uri).get<boolean>('workspaceDiagnostics', true));
    if (off.length) {
      const names = off.map((f) => f.name).join(', ');
      const turnOn = vscode.l10n.t('Turn On');
      const pick = await vscode.window.showInformationMessage(
        vscode.l10n.t('genai4dfx: workspace diagnostics are off for {0}, so only open files are analysed. Turn them on?', names),
        turnOn,
      );
      if (pick === turnOn) for (const f of off) await enableWorkspaceDiagnostics(f);
    }
    ctx.client.getFeature(DocumentDiagnosticRequest.method).refresh();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  },
};

/** Turn the setting on at the level that turned it off (a user-level `false` is overridden for this workspace only). */
async function enableWorkspaceDiagnostics(folder: vscode.WorkspaceFolder): Promise<void> {
  const config = vscode.workspace.getConfiguration('genai4dfx', folder.uri);
  const where = config.inspect<boolean>('workspaceDiagnostics');
  const target =
    where?.workspaceFolderValue === false ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  await config.update('workspaceDiagnostics', true, target);
}
