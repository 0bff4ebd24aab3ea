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
    const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to write .dfx.yaml into' }) : folders[0];
    if (!folder) {
      if (!folders.length) void vscode.window.showWarningMessage('DFX: open a folder first: the policy is written to its root as .dfx.yaml.');
      return;
    }
    const target = vscode.Uri.joinPath(folder.uri, POLICY_FILE);
    if (await exists(target)) {
      const pick = await vscode.window.showWarningMessage(`${POLICY_FILE} already exists in ${folder.name}; it is left as it is.`, 'Open It');
      if (pick) await vscode.window.showTextDocument(target);
      return;
    }
    const starter = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'DFX: reading the workspace for a starter policy…' },
      () => ctx.client.sendRequest(StarterPolicyRequest, { folderUri: folder.uri.toString() }),
    );
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { overwrite: false, ignoreIfExists: false });
    edit.insert(target, new vscode.Position(0, 0), starter.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`DFX: could not create ${target.fsPath}.`);
      return;
    }
    const doc = await vscode.workspace.openTextDocument(target);
    await doc.save();
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage(`DFX: wrote ${POLICY_FILE} from what ${folder.name} contains (${starter.summary}). Review the owners, SLOs and guardrails.`);
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
