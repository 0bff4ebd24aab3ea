import * as vscode from 'vscode';
import { PILLARS } from '../../../server/src/engine/types';
import { pillarLabel, severityIcon } from '../views/icons';
import type { CommandFactory } from './index';

interface RuleItem extends vscode.QuickPickItem {
  docs?: string;
}

export const showRules: CommandFactory = {
  enabled: (ctx) => async () => {
    if (!ctx.rules.all.length) await ctx.rules.load(ctx.client);
    const items: RuleItem[] = [];
    for (const pillar of PILLARS) {
      const rules = ctx.rules.all.filter((r) => r.pillar === pillar);
      if (!rules.length) continue;
      items.push({ label: pillarLabel(pillar), kind: vscode.QuickPickItemKind.Separator });
      for (const r of rules) {
        items.push({
          label: `$(${severityIcon(r.severity).id}) ${r.id}`,
          description: r.title,
          detail: [r.kubernetes ? 'kubernetes' : r.languages.join(', '), r.severity, r.fixable ? 'quick fix' : undefined]
            .filter(Boolean)
            .join(' · '),
          docs: r.docs,
        });
      }
    }
    if (!items.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('genai4dfx: the server listed no rules; see the output.'));
      return;
    }
    const pick = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('DFX rules'),
      placeHolder: vscode.l10n.t('Pick a rule to open its documentation'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (pick?.docs) await vscode.env.openExternal(vscode.Uri.parse(pick.docs));
  },
};

export const refreshRules: CommandFactory = {
  enabled: (ctx) => async () => {
    if (!(await ctx.rules.load(ctx.client))) void vscode.window.showWarningMessage(vscode.l10n.t('genai4dfx: could not refresh the rules; see the output.'));
  },
};
