import * as vscode from 'vscode';
import { PILLARS, SEVERITIES, type Pillar, type Severity } from '../../../server/src/engine/types';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/protocol/messages';
import type { RuleCatalogue } from '../rule-catalogue';
import { pillarIcon, pillarLabel, severityIcon, toSeverity } from './icons';
import { ruleTooltip } from './rules-view';

/** Findings whose rule the catalogue does not know (analysis notes, rules of a newer server) are grouped here. */
const OTHER = 'other';
type Group = Pillar | typeof OTHER;

interface FindingNode {
  kind: 'finding';
  id: string;
  uri: vscode.Uri;
  diagnostic: vscode.Diagnostic;
}
interface FileNode {
  kind: 'file';
  id: string;
  uri: vscode.Uri;
  findings: FindingNode[];
}
interface RuleNode {
  kind: 'rule';
  id: string;
  ruleId: string;
  files: FileNode[];
  count: number;
  worst: Severity;
}
interface PillarNode {
  kind: 'pillar';
  id: string;
  group: Group;
  rules: RuleNode[];
  count: number;
}
type Node = PillarNode | RuleNode | FileNode | FindingNode;

/** Diagnostics arrive in bursts (a workspace scan reports files in batches): rebuild at most this often. */
const REFRESH_DELAY_MS = 300;

/**
 * The "Findings" view: the editor's current genai4dfx diagnostics (open files and workspace scan alike),
 * grouped pillar → rule → file → finding; a click opens the location.
 */
export class FindingsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private roots: PillarNode[] = [];
  private timer: NodeJS.Timeout | undefined;
  private view: vscode.TreeView<Node> | undefined;

  constructor(private readonly catalogue: RuleCatalogue) {
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics(() => this.schedule()),
      catalogue.onDidChange(() => this.schedule()),
    );
    this.rebuild();
  }

  /** Attach the tree view, whose badge shows the total. */
  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.updateBadge();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    switch (node.kind) {
      case 'pillar':
        return node.rules;
      case 'rule':
        return node.files;
      case 'file':
        return node.findings;
      case 'finding':
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'pillar': {
        const item = new vscode.TreeItem(node.group === OTHER ? vscode.l10n.t('Other') : pillarLabel(node.group), vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.count}`;
        item.iconPath = node.group === OTHER ? new vscode.ThemeIcon('question') : pillarIcon(node.group);
        return withId(item, node.id);
      }
      case 'rule': {
        const meta = this.catalogue.byId(node.ruleId);
        const item = new vscode.TreeItem(node.ruleId, vscode.TreeItemCollapsibleState.Expanded);
        item.description = meta ? `${node.count} · ${meta.title}` : `${node.count}`;
        item.iconPath = severityIcon(node.worst);
        if (meta) item.tooltip = ruleTooltip(meta);
        return withId(item, node.id);
      }
      case 'file': {
        const item = new vscode.TreeItem(vscode.workspace.asRelativePath(node.uri), vscode.TreeItemCollapsibleState.Collapsed);
        item.resourceUri = node.uri;
        item.description = `${node.findings.length}`;
        const first = node.findings[0];
        if (first) item.command = openCommand(first);
        return withId(item, node.id);
      }
      case 'finding': {
        const d = node.diagnostic;
        const item = new vscode.TreeItem(d.message, vscode.TreeItemCollapsibleState.None);
        item.description = vscode.l10n.t('Ln {0}, Col {1}', d.range.start.line + 1, d.range.start.character + 1);
        item.iconPath = severityIcon(toSeverity(d.severity));
        item.tooltip = d.message;
        item.command = openCommand(node);
        return withId(item, node.id);
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.changed.dispose();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.rebuild();
      this.changed.fire();
    }, REFRESH_DELAY_MS);
  }

  private rebuild(): void {
    this.roots = groupFindings(vscode.languages.getDiagnostics(), (ruleId) => this.catalogue.byId(ruleId)?.pillar ?? OTHER);
    this.updateBadge();
  }

  private updateBadge(): void {
    if (!this.view) return;
    const total = this.roots.reduce((n, p) => n + p.count, 0);
    this.view.badge = total ? { value: total, tooltip: `${total} DFX finding${total === 1 ? '' : 's'}` } : undefined;
  }
}

/** Group the genai4dfx diagnostics by pillar (catalogue order, unknown last), rule (most findings first), file, position. */
export function groupFindings(all: readonly [vscode.Uri, readonly vscode.Diagnostic[]][], pillarOf: (ruleId: string) => Group): PillarNode[] {
  const pillars = new Map<Group, PillarNode>();
  for (const [uri, diagnostics] of all) {
    const key = uri.toString();
    diagnostics.forEach((diagnostic, index) => {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) return;
      const ruleId = ruleIdOf(diagnostic);
      const group = pillarOf(ruleId);
      let pillar = pillars.get(group);
      if (!pillar) pillars.set(group, (pillar = { kind: 'pillar', id: `pillar:${group}`, group, rules: [], count: 0 }));
      let rule = pillar.rules.find((r) => r.ruleId === ruleId);
      if (!rule) pillar.rules.push((rule = { kind: 'rule', id: `rule:${ruleId}`, ruleId, files: [], count: 0, worst: 'hint' }));
      let file = rule.files.find((f) => f.uri.toString() === key);
      if (!file) rule.files.push((file = { kind: 'file', id: `file:${ruleId}:${key}`, uri, findings: [] }));
      file.findings.push({ kind: 'finding', id: `finding:${ruleId}:${key}:${index}`, uri, diagnostic });
      const severity = toSeverity(diagnostic.severity);
      if (SEVERITIES.indexOf(severity) < SEVERITIES.indexOf(rule.worst)) rule.worst = severity;
      rule.count++;
      pillar.count++;
    });
  }
  const order = [...PILLARS, OTHER];
  const roots = [...pillars.values()].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  for (const p of roots) {
    p.rules.sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
    for (const r of p.rules) {
      r.files.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
      for (const f of r.files) f.findings.sort((a, b) => a.diagnostic.range.start.compareTo(b.diagnostic.range.start));
    }
  }
  return roots;
}

function ruleIdOf(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? 'unknown' : String(code);
}

function openCommand(f: FindingNode): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: f.diagnostic.range, preserveFocus: false };
  return { title: vscode.l10n.t('Open Finding'), command: 'vscode.open', arguments: [f.uri, options] };
}

function withId(item: vscode.TreeItem, id: string): vscode.TreeItem {
  item.id = id;
  return item;
}
