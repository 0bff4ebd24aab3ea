// The client's half of the AI actions: answers the server's questions (workspace trust, the API key from secret
// storage, the editor's language models) and runs prompts on vscode.lm, which only the extension host can reach.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AiEnvironmentRequest, EditorModelRequest, SHOW_FILE_COMMAND, type EditorModelParams, type EditorModelResult } from '../../../server/src/protocol/ai';

/** Secret storage key of the OpenAI-compatible API key (never a setting). */
export const API_KEY_SECRET = 'genai4dfx.ai.apiKey';

/** Register the server→client AI requests on a running client; dispose with the client. */
export function registerAiBridge(client: LanguageClient, extension: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    client.onRequest(AiEnvironmentRequest, async () => {
      const trusted = vscode.workspace.isTrusted;
      if (!trusted) return { trusted, editorModels: false };
      const apiKey = await extension.secrets.get(API_KEY_SECRET);
      let editorModels = false;
      try {
        editorModels = (await vscode.lm.selectChatModels()).length > 0;
      } catch {
        editorModels = false;
      }
      return { trusted, editorModels, ...(apiKey ? { apiKey } : {}) };
    }),
    client.onRequest(EditorModelRequest, (params, token) => runEditorModel(params, token)),
    // Internal (not in the palette): run by a resolved AI action after its edit, to show the file it wrote.
    vscode.commands.registerCommand(SHOW_FILE_COMMAND, async (uri: unknown) => {
      if (typeof uri !== 'string') return;
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
    }),
  ];
}

/** Run a prompt on the editor's language models. The first request shows VS Code's consent dialog. */
export async function runEditorModel(params: EditorModelParams, token: vscode.CancellationToken): Promise<EditorModelResult> {
  if (!vscode.workspace.isTrusted) return { error: vscode.l10n.t('this workspace is not trusted: nothing is sent to a model') };
  const models = await vscode.lm.selectChatModels(params.family ? { family: params.family } : {});
  const model = models[0];
  if (!model) return { error: params.family ? vscode.l10n.t('no editor language model of family {0} is available', params.family) : vscode.l10n.t('no editor language model is available (is a chat extension installed and signed in?)') };
  const messages = params.messages.map((m) => (m.role === 'user' ? vscode.LanguageModelChatMessage.User(m.content) : vscode.LanguageModelChatMessage.Assistant(m.content)));
  try {
    const response = await model.sendRequest(messages, { justification: params.justification }, token);
    let text = '';
    for await (const part of response.text) text += part;
    return { text, model: `${model.vendor}/${model.family}` };
  } catch (e) {
    if (e instanceof vscode.LanguageModelError) {
      const blocked = /Blocked|quota|rate/i.test(`${e.code} ${e.message}`);
      const why = e.code === vscode.LanguageModelError.NoPermissions.name ? vscode.l10n.t('permission to use the editor\'s language models was not given') : e.message;
      return { error: vscode.l10n.t('editor language model: {0}', why), retryable: blocked };
    }
    return { error: vscode.l10n.t('editor language model: {0}', (e as Error).message) };
  }
}
