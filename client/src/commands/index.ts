import * as vscode from 'vscode';
import { COMMANDS, type CommandId, type RunCommandId } from '../../../server/src/protocol/commands';
import { previewAiPrompt, setAiApiKey } from '../ai/commands';
import type { Ctx, ReadyCtx } from '../ctx';
import { createPolicy } from './policy';
import { refreshRules, showRules } from './rules';
import { restartServer, scanWorkspace, showOutput } from './server';

/** A command's implementation for some context. */
export type Cmd = (...args: unknown[]) => unknown;

/** How to build a command: `enabled` runs while the server is up; `disabled` (default: say it is not running) otherwise. */
export interface CommandFactory {
  enabled(ctx: ReadyCtx): Cmd;
  disabled?(ctx: Ctx): Cmd;
}

// The run commands work without the language server: client/src/runs registers them.
const TABLE: Record<Exclude<CommandId, RunCommandId>, CommandFactory> = {
  [COMMANDS.restartServer]: restartServer,
  [COMMANDS.showOutput]: showOutput,
  [COMMANDS.scanWorkspace]: scanWorkspace,
  [COMMANDS.showRules]: showRules,
  [COMMANDS.refreshRules]: refreshRules,
  [COMMANDS.setAiApiKey]: setAiApiKey,
  [COMMANDS.previewAiPrompt]: previewAiPrompt,
  [COMMANDS.createPolicy]: createPolicy,
};

/** Register every command once, for the extension's lifetime; each call picks enabled/disabled by the server's state. */
export function registerCommands(ctx: Ctx): void {
  for (const [id, factory] of Object.entries(TABLE) as [CommandId, CommandFactory][]) {
    ctx.pushExtensionDisposable(
      vscode.commands.registerCommand(id, (...args: unknown[]) =>
        ctx.isReady() ? factory.enabled(ctx)(...args) : (factory.disabled ?? notRunning)(ctx)(...args),
      ),
    );
  }
}

function notRunning(ctx: Ctx): Cmd {
  return async () => {
    const restart = vscode.l10n.t('Restart Server');
    const show = vscode.l10n.t('Show Output');
    const pick = await vscode.window.showWarningMessage(vscode.l10n.t('The genai4dfx language server is not running.'), restart, show);
    if (pick === 'Restart Server') await vscode.commands.executeCommand(COMMANDS.restartServer);
    else if (pick === show) ctx.output.show(true);
  };
}
