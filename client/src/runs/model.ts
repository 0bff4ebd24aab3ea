// The Runs view as plain data: what each row says, its icon, its context value (menus switch on it) and what a click
// does. No vscode import, so it is tested without an editor; runs-view.ts turns these nodes into TreeItems.
import * as l10n from '@vscode/l10n';
import { RUN_COMMANDS } from '../../../server/src/protocol/commands';
import type { ClusterErrorInfo, ContextList, KubeContextInfo, RunRecord, RunSummary, Runnable, RunState } from '../../../server/src/runs/api';
import { formatElapsed } from './report-svg';

/** The selected cluster, or why there is none. */
export type ClusterState =
  | { kind: 'loading' }
  | { kind: 'selected'; context: KubeContextInfo; namespace: string | undefined; files: string[] }
  | { kind: 'error'; error: ClusterErrorInfo };

/** The context and namespace picked for this workspace (kept in workspace state, never in the kubeconfig). */
export interface Selection {
  context: string;
  namespace: string | undefined;
}

/**
 * The cluster the runs use: the workspace's selection when the kubeconfig still has it, else the kubeconfig's
 * current-context; a selection that disappeared is an error (never a silent switch to another cluster).
 */
export function resolveCluster(list: ContextList, selection: Selection | undefined): ClusterState {
  if (selection) {
    const picked = list.contexts.find((c) => c.name === selection.context);
    if (picked) return { kind: 'selected', context: picked, namespace: selection.namespace, files: list.files };
    return {
      kind: 'error',
      error: { kind: 'no-context', message: l10n.t('the selected context {0} is not in the kubeconfig any more', selection.context), nextStep: l10n.t('Select Cluster Context to pick another') },
    };
  }
  const current = list.contexts.find((c) => c.name === list.currentContext);
  if (current) return { kind: 'selected', context: current, namespace: undefined, files: list.files };
  if (!list.contexts.length) {
    return { kind: 'error', error: { kind: 'no-kubeconfig', message: l10n.t('no contexts in {0}', list.files.join(', ') || l10n.t('the kubeconfig')), nextStep: l10n.t('set KUBECONFIG or create ~/.kube/config') } };
  }
  return { kind: 'error', error: { kind: 'no-context', message: l10n.t('the kubeconfig has no current-context'), nextStep: l10n.t('Select Cluster Context to pick one') } };
}

/** The nearest .dfx.yaml, parsed (runnables listed), or why it could not be read. */
export type PolicyState =
  | { kind: 'none' }
  | { kind: 'loaded'; path: string; label: string; runnables: Runnable[] }
  | { kind: 'error'; path: string; label: string; message: string };

/** Everything the Runs view shows. */
export interface RunsViewState {
  trusted: boolean;
  cluster: ClusterState;
  policy: PolicyState;
  /** Runs started in this window, as their latest snapshot. */
  live: readonly RunRecord[];
  /** .dfx/runs/ newest first (live ones included; they are shown under Running instead). */
  history: readonly RunSummary[];
  /** Clock for "2m ago" and elapsed times. */
  now: number;
}

/** A codicon id and an optional theme colour id. */
export interface NodeIcon {
  id: string;
  color?: string;
}

export interface NodeCommand {
  command: string;
  title: string;
  arguments?: unknown[];
}

/** One row of the Runs view. */
export interface RunsNode {
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon: NodeIcon;
  /** `runs.context`, `runs.experiment`, `runs.experiment.underLoad`, `runs.scenario`, `runs.run.active`, `runs.run.done`, … */
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  command?: NodeCommand;
  children?: RunsNode[];
  /** What the run commands act on when invoked from this row. */
  target?: RunTarget;
}

/** The argument the run commands receive from a row's inline action. */
export type RunTarget =
  | { type: 'runnable'; kind: 'chaos' | 'perf'; name: string; underLoad?: string }
  | { type: 'run'; runId: string; active: boolean };

/** How many history rows the view lists; "Show Run History" lists them all. */
export const HISTORY_ROWS = 15;

const TERMINAL: readonly RunState[] = ['passed', 'failed', 'aborted', 'error'];

export function isTerminal(state: RunState): boolean {
  return TERMINAL.includes(state);
}

/** The rows of the view; empty (so the welcome content shows) when untrusted or when there is no policy and no history. */
export function buildTree(s: RunsViewState): RunsNode[] {
  if (!s.trusted) return [];
  if (s.policy.kind === 'none' && !s.history.length && !s.live.length) return [];
  const nodes: RunsNode[] = [contextNode(s.cluster)];
  if (s.policy.kind === 'error') {
    nodes.push({
      id: 'policy-error',
      label: l10n.t('{0} cannot be read', s.policy.label),
      description: s.policy.message,
      tooltip: `**${escapeMd(s.policy.label)}**: ${escapeMd(s.policy.message)}`,
      icon: { id: 'error', color: 'problemsErrorIcon.foreground' },
      contextValue: 'runs.policyError',
      collapsible: 'none',
      command: { command: 'vscode.open', title: l10n.t('Open Policy'), arguments: [s.policy.path] },
    });
  } else if (s.policy.kind === 'loaded') {
    const experiments = s.policy.runnables.filter((r) => r.kind === 'chaos');
    const scenarios = s.policy.runnables.filter((r) => r.kind === 'perf');
    nodes.push(group('experiments', l10n.t('Experiments'), experiments.map(runnableNode), 'flame', l10n.t('chaos.experiments of {0}', s.policy.label)));
    nodes.push(group('scenarios', l10n.t('Load tests'), scenarios.map(runnableNode), 'dashboard', l10n.t('perf.scenarios of {0}', s.policy.label)));
  }
  const liveIds = new Set(s.live.map((r) => r.id));
  const active = s.live.filter((r) => !isTerminal(r.state));
  if (active.length) nodes.push(group('running', l10n.t('Running'), active.map((r) => liveNode(r, s.now)), 'loading~spin'));
  // A live run that finished shows in history with its final record; the file may not be listed yet.
  const finishedLive = s.live.filter((r) => isTerminal(r.state)).map(summaryOf);
  const history = [...finishedLive, ...s.history.filter((h) => !liveIds.has(h.id))].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const rows = history.slice(0, HISTORY_ROWS).map((h) => historyNode(h, s.now));
  if (history.length > HISTORY_ROWS) {
    rows.push({
      id: 'history-more',
      label: l10n.t('{0} older runs…', history.length - HISTORY_ROWS),
      icon: { id: 'ellipsis' },
      contextValue: 'runs.more',
      collapsible: 'none',
      command: { command: RUN_COMMANDS.showRunHistory, title: l10n.t('Show Run History') },
    });
  }
  nodes.push(group('history', l10n.t('History'), rows, 'history', l10n.t('Runs recorded in .dfx/runs/'), history.length));
  return nodes;
}

function contextNode(c: ClusterState): RunsNode {
  const base = { id: 'context', contextValue: 'runs.context', collapsible: 'none' as const };
  const select = { command: RUN_COMMANDS.selectContext, title: l10n.t('Select Cluster Context') };
  switch (c.kind) {
    case 'loading':
      return { ...base, label: l10n.t('Reading kubeconfig…'), icon: { id: 'loading~spin' } };
    case 'error':
      return {
        ...base,
        label: c.error.kind === 'no-kubeconfig' ? l10n.t('No kubeconfig found') : c.error.kind === 'no-context' ? l10n.t('No cluster context selected') : l10n.t('Cluster context'),
        description: c.error.kind === 'no-kubeconfig' || c.error.kind === 'no-context' ? c.error.nextStep : c.error.message,
        tooltip: `${escapeMd(c.error.message)}\n\n${escapeMd(c.error.nextStep)}\n\n${l10n.t('Local load tests run without a cluster.')}`,
        icon: { id: 'warning', color: 'problemsWarningIcon.foreground' },
        command: select,
      };
    case 'selected': {
      const ctx = c.context;
      const ns = c.namespace ?? ctx.namespace ?? 'default';
      return {
        ...base,
        label: ctx.production ? l10n.t('{0} (production)', ctx.name) : ctx.name,
        description: l10n.t('namespace {0}', ns),
        tooltip: contextTooltip(ctx, ns, c.files),
        icon: ctx.production ? { id: 'warning', color: 'errorForeground' } : { id: 'server-environment' },
        command: select,
      };
    }
  }
}

/** Markdown: which context, which server, which files, and what production means for runs. */
export function contextTooltip(ctx: KubeContextInfo, namespace: string, files: readonly string[]): string {
  const lines = [
    `${l10n.t('**Cluster context** `{0}`', ctx.name)}${ctx.production ? l10n.t(' — counts as **production**') : ''}`,
    '',
    l10n.t('- server: {0}', ctx.server ? `\`${ctx.server}\`` : l10n.t('unknown')),
    l10n.t('- cluster: `{0}`, user: `{1}`', ctx.cluster, ctx.user),
    l10n.t('- namespace: `{0}`', namespace),
    l10n.t('- kubeconfig: {0} (never written; the selection is kept for this workspace)', files.map((f) => `\`${f}\``).join(', ') || l10n.t('none')),
  ];
  if (ctx.production) lines.push('', l10n.t('Runs against a production context are refused unless the policy allows them, and then need a typed confirmation.'));
  return lines.join('\n');
}

function group(key: string, label: string, children: RunsNode[], icon: string, tooltip?: string, count = children.length): RunsNode {
  return {
    // A new id when the group gains its first rows: VS Code keeps the state of an id it has seen, and a group first
    // shown empty (no chevron) would otherwise come back collapsed, hiding the first run.
    id: `group:${key}${children.length ? '' : ':empty'}`,
    label,
    description: String(count),
    tooltip,
    icon: { id: icon },
    contextValue: `runs.group.${key}`,
    collapsible: children.length ? 'expanded' : 'none',
    children,
  };
}

function runnableNode(r: Runnable): RunsNode {
  const facts = [r.engine, r.namespace ? `ns ${r.namespace}` : undefined, r.durationMs ? formatElapsed(r.durationMs) : undefined, r.underLoad ? l10n.t('under load: {0}', r.underLoad) : undefined];
  const tooltip = [
    `**${escapeMd(r.name)}** (${r.kind === 'chaos' ? l10n.t('chaos experiment') : l10n.t('load test')}, ${r.engine})`,
    r.description ? `\n\n${escapeMd(r.description)}` : '',
    r.slos.length ? `\n\n${l10n.t('SLOs judged: {0}', r.slos.map((s) => `\`${s}\``).join(', '))}` : `\n\n${l10n.t('No SLOs named: the run reports measurements without a verdict on them.')}`,
    `\n\n${r.needsCluster ? l10n.t('Needs the selected cluster context.') : l10n.t('Runs locally, no cluster needed.')}`,
  ].join('');
  const chaos = r.kind === 'chaos';
  return {
    id: `${r.kind}:${r.name}`,
    label: r.name,
    description: facts.filter(Boolean).join(' · '),
    tooltip,
    icon: { id: chaos ? 'flame' : 'dashboard' },
    contextValue: chaos ? (r.underLoad ? 'runs.experiment.underLoad' : 'runs.experiment') : 'runs.scenario',
    collapsible: 'none',
    target: { type: 'runnable', kind: r.kind, name: r.name, underLoad: r.underLoad },
  };
}

// A function, not a table: the labels are translated when asked, after activate has configured the l10n bundle.
export function stateLabel(state: RunState): string {
  switch (state) {
    case 'pending':
      return l10n.t('starting');
    case 'creating':
      return l10n.t('creating objects');
    case 'injecting':
      return l10n.t('injecting');
    case 'running':
      return l10n.t('running');
    case 'recovering':
      return l10n.t('recovering');
    case 'cleaning':
      return l10n.t('cleaning up');
    case 'passed':
      return l10n.t('passed');
    case 'failed':
      return l10n.t('failed');
    case 'aborted':
      return l10n.t('aborted');
    case 'error':
      return l10n.t('error');
  }
}

function liveNode(r: RunRecord, now: number): RunsNode {
  const since = Date.parse(r.startedAt ?? r.createdAt);
  const last = r.samples[r.samples.length - 1];
  const facts = [
    stateLabel(r.state),
    Number.isFinite(since) ? formatElapsed(Math.max(0, now - since)) : undefined,
    last ? l10n.t('{0} req/s, p95 {1} ms', Math.round(last.rps), Math.round(last.p95)) : undefined,
    r.targets.length ? l10n.t('{0}/{1} injected', r.targets.filter((t) => t.phase === 'injected').length, r.targets.length) : undefined,
  ];
  return {
    id: `run:${r.id}`,
    label: r.name,
    description: facts.filter(Boolean).join(' · '),
    tooltip: runTooltip(summaryOf(r)),
    icon: { id: 'loading~spin' },
    contextValue: 'runs.run.active',
    collapsible: 'none',
    command: { command: RUN_COMMANDS.openRunReport, title: l10n.t('Open Run Report'), arguments: [{ type: 'run', runId: r.id, active: true }] },
    target: { type: 'run', runId: r.id, active: true },
  };
}

function historyNode(h: RunSummary, now: number): RunsNode {
  const icon = verdictIcon(h);
  const when = ago(now, Date.parse(h.finishedAt ?? h.createdAt));
  const verdict = h.orphaned ? l10n.t('left running') : h.dryRun ? l10n.t('dry run') : (h.verdict ?? stateLabel(h.state));
  return {
    id: `run:${h.id}`,
    label: h.name,
    description: [verdictText(verdict), h.reason, when].filter(Boolean).join(' · '),
    tooltip: runTooltip(h),
    icon,
    contextValue: h.orphaned ? 'runs.run.orphan' : 'runs.run.done',
    collapsible: 'none',
    command: { command: RUN_COMMANDS.openRunReport, title: l10n.t('Open Run Report'), arguments: [{ type: 'run', runId: h.id, active: false }] },
    target: { type: 'run', runId: h.id, active: false },
  };
}

function verdictText(v: string): string {
  return v === 'pass' ? l10n.t('passed') : v === 'fail' ? l10n.t('failed') : v === 'aborted' ? l10n.t('aborted') : v === 'error' ? l10n.t('error') : v;
}

export function verdictIcon(h: Pick<RunSummary, 'verdict' | 'state' | 'orphaned'>): NodeIcon {
  if (h.orphaned) return { id: 'warning', color: 'problemsWarningIcon.foreground' };
  switch (h.verdict) {
    case 'pass':
      return { id: 'pass', color: 'testing.iconPassed' };
    case 'fail':
      return { id: 'error', color: 'testing.iconFailed' };
    case 'aborted':
      return { id: 'circle-slash' };
    case 'error':
      return { id: 'warning', color: 'problemsWarningIcon.foreground' };
    case undefined:
      return isTerminal(h.state) ? { id: 'circle-outline' } : { id: 'loading~spin' };
  }
}

export function runTooltip(h: RunSummary): string {
  const kind = h.kind === 'chaos' ? l10n.t('chaos experiment') : h.kind === 'perf' ? l10n.t('load test') : l10n.t('experiment under load');
  return [
    `**${escapeMd(h.name)}** (${kind}, ${h.engine})${h.dryRun ? l10n.t(' — dry run') : ''}`,
    '',
    `${l10n.t('- verdict: {0}', h.verdict ? verdictText(h.verdict) : stateLabel(h.state))}${h.reason ? ` — ${escapeMd(h.reason)}` : ''}`,
    h.context ? `- ${l10n.t('context: `{0}`', h.context)}${h.namespace ? l10n.t(', namespace `{0}`', h.namespace) : ''}` : l10n.t('- local (no cluster)'),
    l10n.t('- started {0} by {1}', h.createdAt, escapeMd(h.who)),
    h.finishedAt ? l10n.t('- finished {0}', h.finishedAt) : undefined,
    h.orphaned ? `\n${l10n.t('Left running by an editor or CLI that is gone: open it to clean up what it created.')}` : undefined,
    `\n\`${h.id}\``,
  ]
    .filter((l) => l !== undefined)
    .join('\n');
}

/** The summary fields of a full record (for live runs that are not yet listed in history). */
export function summaryOf(r: RunRecord): RunSummary {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    engine: r.engine,
    state: r.state,
    verdict: r.verdict,
    reason: r.reason,
    context: r.context,
    namespace: r.namespace,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    who: r.who,
    dryRun: r.dryRun,
    orphaned: false,
  };
}

/** "just now", "5m ago", "3h ago", "2d ago". */
export function ago(now: number, then: number): string | undefined {
  if (!Number.isFinite(then)) return undefined;
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 45) return l10n.t('just now');
  if (s < 3600) return l10n.t('{0}m ago', Math.max(1, Math.round(s / 60)));
  if (s < 86_400) return l10n.t('{0}h ago', Math.round(s / 3600));
  return l10n.t('{0}d ago', Math.round(s / 86_400));
}

export function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The status bar item's text, tooltip and whether it shows the production warning colours. */
export function statusBarModel(c: ClusterState): { text: string; tooltip: string; production: boolean } {
  switch (c.kind) {
    case 'loading':
      return { text: '$(loading~spin) DFX: kubeconfig', tooltip: l10n.t('Reading the kubeconfig…'), production: false };
    case 'error':
      return {
        text: `$(server-environment) DFX: ${l10n.t('no context')}`,
        tooltip: `${c.error.message}\n\n${c.error.nextStep}`,
        production: false,
      };
    case 'selected': {
      const ns = c.namespace ?? c.context.namespace ?? 'default';
      const ctx = c.context;
      return {
        text: ctx.production ? `$(warning) PROD ${ctx.name} / ${ns}` : `$(server-environment) ${ctx.name} / ${ns}`,
        tooltip: contextTooltip(ctx, ns, c.files),
        production: ctx.production,
      };
    }
  }
}
