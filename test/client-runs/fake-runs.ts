// An in-memory RunsApi for the Runs UI tests (never shipped): contexts, runnables from a policy, a scripted preflight,
// and runs the test drives by hand (emit events, finish), so nothing waits on time.
import type { Policy } from '../../server/src/policy/types';
import type {
  CleanupReport,
  ContextList,
  KubeContextInfo,
  Preflight,
  PreflightCheck,
  RunEvent,
  RunHandle,
  RunRecord,
  RunRequest,
  RunSummary,
  Runnable,
  RunsApi,
  StartOptions,
} from '../../server/src/runs/api';
import { newRecord } from '../../server/src/runs/record';

export function context(name: string, over: Partial<KubeContextInfo> = {}): KubeContextInfo {
  return { name, cluster: name, user: `${name}-admin`, server: `https://${name}.example:6443`, namespace: undefined, production: /prod/.test(name), current: false, ...over };
}

export const T0 = Date.parse('2026-11-24T10:00:00.000Z');
export const iso = (ms: number): string => new Date(T0 + ms).toISOString();

/** A finished record with sensible defaults. */
export function record(over: Partial<RunRecord> = {}): RunRecord {
  const fresh = newRecord({ id: 'run-1', kind: 'perf', name: 'healthz-smoke', scenario: 'healthz-smoke', engine: 'local', who: 'dev', policyPath: '/ws/.dfx.yaml', dryRun: false });
  return { ...fresh, state: 'passed', verdict: 'pass', host: 'box', pid: 1, createdAt: iso(0), startedAt: iso(0), finishedAt: iso(10_000), ...over };
}

export function summary(r: RunRecord, orphaned = false): RunSummary {
  const { id, kind, name, engine, state, verdict, reason, context: ctx, namespace, createdAt, finishedAt, who, dryRun } = r;
  return { id, kind, name, engine, state, verdict, reason, context: ctx, namespace, createdAt, finishedAt, who, dryRun, orphaned };
}

export function check(id: string, status: PreflightCheck['status'], detail = '', fix?: string): PreflightCheck {
  return { id, title: id, status, detail, fix };
}

interface FakeRun {
  record: RunRecord;
  onEvent: ((e: RunEvent) => void) | undefined;
  resolve: (r: RunRecord) => void;
  handle: RunHandle;
}

export class FakeRuns implements RunsApi {
  contexts: KubeContextInfo[] = [context('kind-dfx', { current: true }), context('prod-eu')];
  files = ['/home/dev/.kube/config'];
  preflightResult: (req: RunRequest) => Preflight = (req) => ({
    ok: true,
    checks: [check('guardrail.context', 'pass')],
    objects: [],
    targets: [],
    context: req.context,
    server: undefined,
    namespace: req.namespace,
    confirmation: undefined,
    runId: `run-${this.started.length + 1}`,
  });
  readonly started: RunRequest[] = [];
  readonly runs = new Map<string, FakeRun>();
  readonly records = new Map<string, RunRecord>();
  readonly orphaned = new Set<string>();
  readonly aborted: string[] = [];

  listContexts(): ContextList {
    if (!this.contexts.length) {
      // Shaped like the engine's ClusterError: the info object, and a message that ends with the next step.
      const info = { kind: 'no-kubeconfig' as const, message: 'no kubeconfig found', nextStep: 'set KUBECONFIG or create ~/.kube/config' };
      throw Object.assign(new Error(`${info.message}. ${info.nextStep}`), { info });
    }
    return { files: this.files, contexts: this.contexts, currentContext: this.contexts.find((c) => c.current)?.name };
  }

  async checkContext(): ReturnType<RunsApi['checkContext']> {
    return { ok: true, server: 'https://kind-dfx.example:6443', version: 'v1.31.0' };
  }

  listRunnables(policy: Policy): Runnable[] {
    const chaos: Runnable[] = (policy.chaos?.experiments ?? []).map((e) => ({
      kind: 'chaos',
      name: e.name,
      description: e.description,
      engine: e.engine,
      needsCluster: true,
      namespace: e.target.namespace,
      durationMs: 60_000,
      underLoad: e.underLoad,
      slos: e.hypothesis?.slos ?? [],
    }));
    const perf: Runnable[] = (policy.perf?.scenarios ?? []).map((s) => ({
      kind: 'perf',
      name: s.name,
      description: s.description,
      engine: s.engine ?? 'local',
      needsCluster: s.engine === 'k6-operator',
      namespace: s.namespace,
      durationMs: 10_000,
      underLoad: undefined,
      slos: s.slos ?? [],
    }));
    return [...chaos, ...perf];
  }

  async preflight(req: RunRequest): Promise<Preflight> {
    return this.preflightResult(req);
  }

  async start(req: RunRequest, opts: StartOptions = {}): Promise<RunHandle> {
    const p = this.preflightResult(req);
    if (!p.ok) throw new Error('refused');
    if (p.confirmation?.required && req.confirmation !== p.confirmation.token) throw new Error('confirmation missing');
    this.started.push(req);
    const id = p.runId;
    const name = (req.kind === 'perf' ? req.scenario : req.experiment) ?? '?';
    const rec = record({ id, kind: req.kind, name, state: 'pending', verdict: undefined, finishedAt: undefined, context: req.context, namespace: req.namespace });
    let resolve!: (r: RunRecord) => void;
    const done = new Promise<RunRecord>((r) => (resolve = r));
    const run: FakeRun = {
      record: rec,
      onEvent: opts.onEvent,
      resolve,
      handle: {
        id,
        record: () => structuredClone(run.record),
        done,
        abort: async (reason) => {
          this.aborted.push(id);
          this.finish(id, { state: 'aborted', verdict: 'aborted', reason });
          return { runId: id, deleted: [], leftovers: [], clean: true };
        },
      },
    };
    this.runs.set(id, run);
    this.records.set(id, rec);
    return run.handle;
  }

  /** Drive a live run: change its record and emit the event. */
  emit(id: string, e: RunEvent, change: Partial<RunRecord> = {}): void {
    const run = this.runs.get(id);
    if (!run) throw new Error(`no run ${id}`);
    Object.assign(run.record, change);
    run.onEvent?.(e);
  }

  finish(id: string, change: Partial<RunRecord>): void {
    const run = this.runs.get(id);
    if (!run) throw new Error(`no run ${id}`);
    Object.assign(run.record, { finishedAt: iso(10_000) }, change);
    const final = structuredClone(run.record);
    this.records.set(id, final);
    run.onEvent?.({ type: 'done', runId: id, record: final });
    run.resolve(final);
  }

  async abort(_root: string, runId: string): Promise<CleanupReport> {
    const run = this.runs.get(runId);
    if (run) return run.handle.abort('aborted');
    this.aborted.push(runId);
    this.orphaned.delete(runId);
    return { runId, deleted: [], leftovers: [], clean: true };
  }

  history(): RunSummary[] {
    return [...this.records.values()].map((r) => summary(r, this.orphaned.has(r.id))).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  read(_root: string, runId: string): RunRecord | undefined {
    return this.records.get(runId);
  }

  orphans(): RunSummary[] {
    return this.history().filter((h) => h.orphaned);
  }

  async cleanup(root: string, runId: string): Promise<CleanupReport> {
    return this.abort(root, runId);
  }
}
