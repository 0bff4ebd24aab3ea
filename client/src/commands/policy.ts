import * as vscode from 'vscode';
import { StarterPolicyRequest } from '../../../server/src/protocol/messages';
import type { CommandFactory } from './index';

const POLICY_FILE = '.dfx.yaml';

/**
 * "DFX: Create Policy": the server fills a starter `.dfx.yaml` from the folder's languages and Kubernetes workloads;
 * this writes it with a WorkspaceEdit (so it can be undone) and opens it. An existing policy is never overwritten.
 */
export const createPolicy: CommandFactory = {
  enabled: (ctx) => async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder to write .dfx.yaml into') }) : folders[0];
    if (!folder) {
      if (!folders.length) void vscode.window.showWarningMessage(vscode.l10n.t('DFX: open a folder first: the policy is written to its root as .dfx.yaml.'));
      return;
    }
    const target = vscode.Uri.joinPath(folder.uri, POLICY_FILE);
    if (await exists(target)) {
      const pick = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists in {1}; it is left as it is.', POLICY_FILE, folder.name), vscode.l10n.t('Open It'));
      if (pick) await vscode.window.showTextDocument(target);
      return;
    }
    const starter = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('DFX: reading the workspace for a starter policy…') },
      () => ctx.client.sendRequest(StarterPolicyRequest, { folderUri: folder.uri.toString() }),
    );
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { overwrite: false, ignoreIfExists: false });
    edit.insert(target, new vscode.Position(0, 0), starter.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('DFX: could not create {0}.', target.fsPath));
      return;
    }
    const doc = await vscode.workspace.openTextDocument(target);
    await doc.save();
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage(vscode.l10n.t('DFX: wrote {0} from what {1} contains ({2}). Review the owners, SLOs and guardrails.', POLICY_FILE, folder.name, starter.summary));
  },
};

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
