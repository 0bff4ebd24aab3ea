import * as vscode from 'vscode';
import { PILLARS, type Pillar, type RuleMeta } from '../../../server/src/engine/types';
import type { RuleCatalogue } from '../rule-catalogue';
import { pillarIcon, pillarLabel, severityIcon } from './icons';

type Node = { kind: 'pillar'; pillar: Pillar; rules: RuleMeta[] } | { kind: 'rule'; rule: RuleMeta };

/** The "Rules" view: the server's catalogue grouped by pillar; a click opens the rule's documentation. */
export class RulesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly catalogue: RuleCatalogue) {
    this.subscription = catalogue.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return PILLARS.map((pillar) => ({ kind: 'pillar' as const, pillar, rules: this.catalogue.all.filter((r) => r.pillar === pillar) })).filter(
        (n) => n.rules.length > 0,
      );
    }
    return node.kind === 'pillar' ? node.rules.map((rule) => ({ kind: 'rule', rule })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'pillar') {
      const item = new vscode.TreeItem(pillarLabel(node.pillar), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `pillar:${node.pillar}`;
      item.description = `${node.rules.length}`;
      item.iconPath = pillarIcon(node.pillar);
      item.contextValue = 'pillar';
      return item;
    }
    const r = node.rule;
    const item = new vscode.TreeItem(r.id, vscode.TreeItemCollapsibleState.None);
    item.id = `rule:${r.id}`;
    item.description = r.title;
    item.iconPath = severityIcon(r.severity);
    item.tooltip = ruleTooltip(r);
    item.contextValue = r.fixable ? 'rule.fixable' : 'rule';
    item.command = { title: vscode.l10n.t('Open Documentation'), command: 'vscode.open', arguments: [vscode.Uri.parse(r.docs)] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Title, description (markdown, from the rule) and facts of a rule. */
export function ruleTooltip(r: RuleMeta): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(r.title)}** \`${r.id}\`\n\n`);
  md.appendMarkdown(`${r.description}\n\n`);
  const where = r.kubernetes ? vscode.l10n.t('Kubernetes manifests') : r.languages.join(', ');
  md.appendMarkdown(`*${pillarLabel(r.pillar)} · ${r.severity} · ${escape(where)}${r.fixable ? vscode.l10n.t(' · quick fix') : ''}*`);
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
