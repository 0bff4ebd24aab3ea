import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClusterErrorInfo, RunEvent, RunHandle, RunRecord, RunRequest, RunSummary, RunsApi } from '../../../server/src/runs/api';
import { isTerminal, resolveCluster, type ClusterState, type PolicyState, type RunsViewState, type Selection } from './model';
import { nearestPolicy, readPolicy } from './policy-file';
import type { Policy } from '../../../server/src/policy/types';

/** Workspace-state key of the selected context and namespace (never the kubeconfig). */
const SELECTION_KEY = 'genai4dfx.runs.selection';
const NO_POLICY_KEY = 'genai4dfx.runs.noPolicy';

interface LiveRun {
  handle: RunHandle;
  record: RunRecord;
}

/**
 * The Runs state of this window: the selected context (workspace state), the nearest policy, live runs and the history
 * in .dfx/runs/. The view, the status bar, the report panels and the commands read it and listen to `onDidChange`.
 */
export class RunsController implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly events = new vscode.EventEmitter<RunEvent>();
  /** Every event of every live run, for the report panels. */
  readonly onRunEvent = this.events.event;
  private readonly disposables: vscode.Disposable[] = [];
  private cluster: ClusterState = { kind: 'loading' };
  private policy: PolicyState = { kind: 'none' };
  private policyDoc: Policy | undefined;
  private history: RunSummary[] = [];
  private readonly live = new Map<string, LiveRun>();
  private policyCandidates: string[] = [];
  private fireTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly extension: vscode.ExtensionContext,
    readonly api: RunsApi,
    readonly output: vscode.LogOutputChannel,
  ) {
    const policies = vscode.workspace.createFileSystemWatcher('**/.dfx.yaml');
    const records = vscode.workspace.createFileSystemWatcher('**/.dfx/runs/*.json');
    this.disposables.push(
      policies,
      records,
      policies.onDidCreate(() => void this.refreshPolicies()),
      policies.onDidDelete(() => void this.refreshPolicies()),
      policies.onDidChange(() => this.reloadPolicy()),
      records.onDidCreate(() => this.reloadHistory()),
      records.onDidChange(() => this.reloadHistory()),
      records.onDidDelete(() => this.reloadHistory()),
      // Switching editors only matters when it changes which policy is nearest.
      vscode.window.onDidChangeActiveTextEditor(() => this.reloadPolicy(true)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refreshPolicies()),
    );
  }

  /** Read everything again: kubeconfig, policies, history. */
  refresh(): Promise<void> {
    this.reloadCluster();
    return this.refreshPolicies();
  }

  get state(): RunsViewState {
    return {
      trusted: vscode.workspace.isTrusted,
      cluster: this.cluster,
      policy: this.policy,
      live: [...this.live.values()].map((l) => l.record),
      history: this.history,
      now: Date.now(),
    };
  }

  get clusterState(): ClusterState {
    return this.cluster;
  }

  get policyState(): PolicyState {
    return this.policy;
  }

  /** The loaded policy document, when the nearest .dfx.yaml could be read. */
  get policyDocument(): Policy | undefined {
    return this.policyDoc;
  }

  /** Folder holding .dfx/runs/: the workspace folder of the policy, else the first folder. */
  get root(): string | undefined {
    if (this.policy.kind !== 'none') {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(this.policy.path));
      if (folder) return folder.uri.fsPath;
      return path.dirname(this.policy.path);
    }
    return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  }

  get selection(): Selection | undefined {
    return this.extension.workspaceState.get<Selection>(SELECTION_KEY);
  }

  async select(context: string, namespace: string | undefined): Promise<void> {
    await this.extension.workspaceState.update(SELECTION_KEY, { context, namespace } satisfies Selection);
    this.reloadCluster();
  }

  liveRun(runId: string): LiveRun | undefined {
    return this.live.get(runId);
  }

  activeRuns(): RunRecord[] {
    return [...this.live.values()].map((l) => l.record).filter((r) => !isTerminal(r.state));
  }

  /** The record of a run: live snapshot first, else .dfx/runs/. */
  record(runId: string): RunRecord | undefined {
    const live = this.live.get(runId);
    if (live) return live.record;
    const root = this.root;
    return root ? this.api.read(root, runId) : undefined;
  }

  /** Start a prepared request; events update the live record and the view. */
  async start(req: RunRequest): Promise<RunHandle> {
    let entry: LiveRun | undefined;
    const pending: RunEvent[] = [];
    const handle = await this.api.start(req, {
      onEvent: (e) => {
        // Events can arrive before start() resolves; apply them once the record exists.
        if (!entry) pending.push(e);
        else this.apply(entry, e);
      },
    });
    entry = { handle, record: handle.record() };
    this.live.set(handle.id, entry);
    for (const e of pending.splice(0)) this.apply(entry, e);
    this.output.info(`run ${handle.id} started: ${entry.record.name} (${entry.record.kind}) ${req.context ? `context ${req.context}` : 'locally'}`);
    void handle.done.then((record) => {
      const l = this.live.get(handle.id);
      if (l) l.record = record;
      this.output.info(`run ${handle.id} finished: ${record.state}${record.reason ? ` — ${record.reason}` : ''}`);
      this.reloadHistory();
      this.fire();
    });
    this.fire();
    return handle;
  }

  private apply(entry: LiveRun, e: RunEvent): void {
    if (e.type === 'log') {
      const line = `[${e.runId}] ${e.message}`;
      if (e.level === 'error') this.output.error(line);
      else if (e.level === 'warn') this.output.warn(line);
      else this.output.info(line);
    }
    // The handle's snapshot is the source of truth; events just say when to take it.
    entry.record = e.type === 'done' ? e.record : entry.handle.record();
    this.events.fire(e);
    this.schedule();
  }

  /** Abort a live run, or clean up after an orphaned one. */
  async abort(runId: string, reason: string): Promise<import('../../../server/src/runs/api').CleanupReport> {
    const live = this.live.get(runId);
    if (live && !isTerminal(live.record.state)) return live.handle.abort(reason);
    const root = this.root;
    if (!root) throw new Error(vscode.l10n.t('no workspace folder holds the run records'));
    return this.api.abort(root, runId, this.clusterOptions());
  }

  /** Context, kubeconfig and policy for calls that touch the cluster. */
  clusterOptions(): { context?: string; policy?: Policy } {
    return { context: this.cluster.kind === 'selected' ? this.cluster.context.name : this.selection?.context, policy: this.policyDoc };
  }

  orphans(): RunSummary[] {
    const root = this.root;
    if (!root) return [];
    try {
      return this.api.orphans(root);
    } catch (e) {
      this.output.warn(`reading orphaned runs: ${errorText(e)}`);
      return [];
    }
  }

  private reloadCluster(): void {
    try {
      this.cluster = resolveCluster(this.api.listContexts(undefined, this.policyDoc), this.selection);
    } catch (e) {
      this.cluster = { kind: 'error', error: clusterError(e) };
    }
    this.fire();
  }

  private async refreshPolicies(): Promise<void> {
    const found = await vscode.workspace.findFiles('**/.dfx.yaml', '**/node_modules/**', 50);
    this.policyCandidates = found.map((u) => u.fsPath);
    this.reloadPolicy();
  }

  private reloadPolicy(onlyIfMoved = false): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    // An editor that is not a file (output, webview) keeps the current policy.
    if (onlyIfMoved && active?.scheme !== 'file') return;
    const file = nearestPolicy(this.policyCandidates, active?.scheme === 'file' ? active.fsPath : undefined);
    if (onlyIfMoved && this.policy.kind !== 'none' && this.policy.path === file) return;
    if (!file) {
      this.policy = { kind: 'none' };
      this.policyDoc = undefined;
    } else {
      const label = vscode.workspace.asRelativePath(file);
      const read = readPolicy(file);
      if ('error' in read) {
        this.policy = { kind: 'error', path: file, label, message: read.error };
        this.policyDoc = undefined;
      } else {
        try {
          this.policy = { kind: 'loaded', path: file, label, runnables: this.api.listRunnables(read.policy) };
          this.policyDoc = read.policy;
        } catch (e) {
          this.policy = { kind: 'error', path: file, label, message: errorText(e) };
          this.policyDoc = undefined;
        }
      }
    }
    void vscode.commands.executeCommand('setContext', NO_POLICY_KEY, this.policy.kind === 'none');
    this.reloadCluster();
    this.reloadHistory();
  }

  private reloadHistory(): void {
    const root = this.root;
    try {
      this.history = root ? this.api.history(root) : [];
    } catch (e) {
      this.output.warn(`reading the run history: ${errorText(e)}`);
    }
    this.fire();
  }

  /** Live events come several a second: update the view at most every 500 ms. */
  private schedule(): void {
    if (this.fireTimer) return;
    this.fireTimer = setTimeout(() => {
      this.fireTimer = undefined;
      this.fire();
    }, 500);
  }

  private fire(): void {
    this.changed.fire();
  }

  dispose(): void {
    // Closing the editor mid-run: stop what we started. If the process dies first, the record stays "running" and the
    // next start offers to clean up (api.orphans).
    for (const l of this.live.values()) {
      if (!isTerminal(l.record.state)) void l.handle.abort('the editor was closed').catch(() => undefined);
    }
    if (this.fireTimer) clearTimeout(this.fireTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.changed.dispose();
    this.events.dispose();
  }
}

/** A thrown error as ClusterErrorInfo: the engine's ClusterError carries it in `info`; anything else is `other`. */
export function clusterError(e: unknown): ClusterErrorInfo {
  const info = e && typeof e === 'object' && 'info' in e ? (e as { info: unknown }).info : undefined;
  if (info && typeof info === 'object' && 'kind' in info && 'message' in info && 'nextStep' in info) {
    const c = info as ClusterErrorInfo;
    return { kind: c.kind, message: String(c.message), nextStep: String(c.nextStep), status: c.status };
  }
  return { kind: 'other', message: errorText(e), nextStep: vscode.l10n.t('see the genai4dfx output') };
}

/** A thrown error's message (a ClusterError's already ends with its next step). */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
