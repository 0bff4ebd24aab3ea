// "DFX: Set AI API Key" (into the editor's secret storage) and "DFX: Preview AI Prompt" (exactly what would be sent).
import * as vscode from 'vscode';
import { PreviewPromptRequest } from '../../../server/src/protocol/ai';
import type { CommandFactory } from '../commands';
import { API_KEY_SECRET } from './bridge';

async function setKey(extension: vscode.ExtensionContext): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('genai4dfx: API key of the OpenAI-compatible server'),
    prompt: vscode.l10n.t('Stored in the editor\'s secret storage, never in settings. Leave empty and press Enter to remove the key.'),
    password: true,
    ignoreFocusOut: true,
  });
  if (value === undefined) return;
  if (value.trim()) {
    await extension.secrets.store(API_KEY_SECRET, value.trim());
    void vscode.window.showInformationMessage(vscode.l10n.t('genai4dfx: API key stored in the secret storage.'));
  } else {
    await extension.secrets.delete(API_KEY_SECRET);
    void vscode.window.showInformationMessage(vscode.l10n.t('genai4dfx: API key removed.'));
  }
}

/** Works whether or not the server runs: the key lives in the client. */
export const setAiApiKey: CommandFactory = {
  enabled: (ctx) => () => setKey(ctx.extension),
  disabled: (ctx) => () => setKey(ctx.extension),
};

/** Show the redacted prompt of an AI action at the cursor in a new editor. */
export const previewAiPrompt: CommandFactory = {
  enabled: (ctx) => async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('genai4dfx: open a file and put the cursor in a function first.'));
      return;
    }
    const pick = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Generate tests'), action: 'tests' as const },
        { label: vscode.l10n.t('Add retries'), action: 'retries' as const },
        { label: vscode.l10n.t('Write threat notes'), action: 'threats' as const },
      ],
      { title: vscode.l10n.t('genai4dfx: preview the prompt of') },
    );
    if (!pick) return;
    const p = await ctx.client.sendRequest(PreviewPromptRequest, { uri: editor.document.uri.toString(), position: editor.selection.active, action: pick.action });
    if (p.error) {
      void vscode.window.showWarningMessage(`genai4dfx: ${p.error}`);
      return;
    }
    const redacted = p.redactions.length ? p.redactions.map((r) => `- ${vscode.l10n.t('{0} (line {1})', r.kind, r.line)}`).join('\n') : `- ${vscode.l10n.t('nothing')}`;
    const body = `# ${vscode.l10n.t('What "{0}" would send', pick.label)}\n\n${vscode.l10n.t('Provider: **{0}**', p.provider)}${p.provider === 'offline' ? vscode.l10n.t(' (nothing leaves this machine)') : ''}\n\n${vscode.l10n.t('Redacted before sending:')}\n${redacted}\n\n${p.messages.map((m) => `## ${m.role}\n\n${m.content}`).join('\n\n')}\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: body });
    await vscode.window.showTextDocument(doc, { preview: true });
  },
};
