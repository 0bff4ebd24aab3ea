import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { FindingsView } from './findings-view';
import { RulesView } from './rules-view';

/** Register the sidebar views once, for the extension's lifetime; they follow the server through the rule catalogue. */
export function registerViews(ctx: Ctx): void {
  const rules = new RulesView(ctx.rules);
  const findings = new FindingsView(ctx.rules);
  const findingsView = vscode.window.createTreeView('genai4dfx.findings', { treeDataProvider: findings, showCollapseAll: true });
  findings.attach(findingsView);
  ctx.pushExtensionDisposable(
    rules,
    findings,
    vscode.window.createTreeView('genai4dfx.rules', { treeDataProvider: rules, showCollapseAll: true }),
    findingsView,
  );
}
