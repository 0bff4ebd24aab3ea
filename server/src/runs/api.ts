// The typed API of runs: what the VS Code layer (client/src/runs) and the CLI (cli/runs*.ts) call to list cluster
// contexts, list what a policy can run, preflight a run, start it with live events, abort it with verified cleanup, and
// read the history in .dfx/runs/. No vscode import: the same engine serves the panel, the command palette and the CLI.
//
// Stability: this file only grows (new optional fields, new event types, new functions). Consumers must ignore event
// types and fields they do not know.

import type { Policy } from '../policy/types';

// ---------------------------------------------------------------------------------------------------------------
// Contexts (kubeconfig)
// ---------------------------------------------------------------------------------------------------------------

/** One context of the user's kubeconfig, as the picker and the status bar show it. */
export interface KubeContextInfo {
  name: string;
  cluster: string;
  user: string;
  /** API server URL of the context's cluster (shown before any write). */
  server: string | undefined;
  /** The context's default namespace, when the kubeconfig sets one. */
  namespace: string | undefined;
  /** True when the name or server counts as production (built-in names prod/production/prd/live + policy globs). */
  production: boolean;
  /** True for the kubeconfig's own current-context (the workspace may have selected another). */
  current: boolean;
}

/** The contexts of the merged kubeconfig (KUBECONFIG files merged like kubectl: first file wins; or ~/.kube/config). */
export interface ContextList {
  /** Files read, in merge order. The extension never writes to them. */
  files: string[];
  contexts: KubeContextInfo[];
  /** current-context of the merged kubeconfig (first file that sets one), if any. */
  currentContext: string | undefined;
}

/** Where the kubeconfig comes from; default: KUBECONFIG from the environment, then ~/.kube/config. */
export interface KubeconfigSource {
  /** Explicit file list (overrides KUBECONFIG). */
  files?: string[];
  /** Environment to read KUBECONFIG and HOME from (default process.env). */
  env?: Record<string, string | undefined>;
}

/** What went wrong talking to a cluster, so each case gets its own message and next step. */
export type ClusterErrorKind =
  | 'no-kubeconfig' // no file / no contexts: never silently fall back to localhost
  | 'no-context' // no current-context and none selected, or the selected one does not exist
  | 'unreachable' // connection refused / DNS / TLS / timeout
  | 'unauthorized' // 401: token expired or wrong credentials
  | 'forbidden' // 403: RBAC
  | 'not-found' // 404 on a resource we need (e.g. a CRD not installed)
  | 'conflict' // 409: an object with that name exists
  | 'invalid' // 422 / 400: the server rejected an object (dry run)
  | 'other';

/** A cluster error with a message for people and the next step to take. `kind` is stable for code to test. */
export interface ClusterErrorInfo {
  kind: ClusterErrorKind;
  message: string;
  /** What to do about it, e.g. "run `kubectl config get-contexts`" or "ask for `create podchaos` in ns shop". */
  nextStep: string;
  /** HTTP status when there was a response. */
  status?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// What can be run
// ---------------------------------------------------------------------------------------------------------------

/** What a run does. `under-load` = a chaos experiment while a load scenario runs (SLOs as the steady-state hypothesis). */
export type RunKind = 'chaos' | 'perf' | 'under-load';

/** Engines a run may use. */
export type RunEngine = 'chaos-mesh' | 'litmus' | 'local' | 'k6' | 'k6-operator';

/** An experiment or load scenario defined in the policy, as the Runs view lists it. */
export interface Runnable {
  kind: 'chaos' | 'perf';
  name: string;
  description: string | undefined;
  engine: RunEngine;
  /** True when it needs a cluster context (chaos, k6-operator); false for local load. */
  needsCluster: boolean;
  /** Namespace from the policy (chaos target / scenario namespace). */
  namespace: string | undefined;
  /** Fault or load duration in ms, when the policy gives one. */
  durationMs: number | undefined;
  /** Chaos: the scenario named by `underLoad`, for a one-click "run under load". */
  underLoad: string | undefined;
  /** SLO names judged by this run. */
  slos: string[];
}

/** A request to run something. The policy is already loaded (the caller resolves the nearest .dfx.yaml). */
export interface RunRequest {
  kind: RunKind;
  /** Chaos experiment name (kind chaos / under-load). */
  experiment?: string;
  /** Load scenario name (kind perf / under-load). */
  scenario?: string;
  policy: Policy;
  /** Path of the policy file (recorded in the audit record). */
  policyPath?: string;
  /** Folder holding .dfx/runs/ (the workspace folder or the policy's folder). */
  root: string;
  /** Kubeconfig context; default the kubeconfig's current-context. Never written back. */
  context?: string;
  /** Namespace override; default the experiment's / scenario's namespace. */
  namespace?: string;
  kubeconfig?: KubeconfigSource;
  /** Build the objects and preflight, create nothing. */
  dryRun?: boolean;
  /** The typed confirmation token when `Preflight.confirmation.required` (the user retyped it). */
  confirmation?: string;
  /** The user said yes to this run (dialog, or --yes). In-cluster chaos is refused without it unless the policy sets
   * chaos.guardrails.requireConfirmation: false. */
  confirmed?: boolean;
  /** Who started it (audit); default the OS user. */
  who?: string;
  /** The `runId` of the preflight the user saw: start() then creates exactly the objects shown (same names and
   * labels). Default: a new id. */
  runId?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Preflight
// ---------------------------------------------------------------------------------------------------------------

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** One line of the preflight checklist. A `fail` refuses the run. */
export interface PreflightCheck {
  /** Stable id: guardrail.context, guardrail.namespace, guardrail.production, guardrail.duration, crd, rbac,
   * namespace, dry-run, targets, blast-radius, load.target, kubeconfig, ... */
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  /** How to fix a fail/warn, e.g. the helm command installing Chaos Mesh. */
  fix?: string;
}

/** A Kubernetes object the run would create (and, once started, did create). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

/** Reference to an object a run created or deleted (the audit record keeps these). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  /** Resource plural, e.g. podchaos, chaosengines, testruns, configmaps. */
  plural: string;
  namespace: string;
  name: string;
}

/** The outcome of preflight: the checklist, the objects, the pods hit, and whether a typed confirmation is needed. */
export interface Preflight {
  /** False when any check failed; start() refuses then. */
  ok: boolean;
  checks: PreflightCheck[];
  /** The objects the run creates, labelled with the run id (empty for local load). */
  objects: KubeObject[];
  /** `namespace/pod` names the selector hits now (chaos only). */
  targets: string[];
  /** Resolved context / server / namespace (undefined for local load). */
  context: string | undefined;
  server: string | undefined;
  namespace: string | undefined;
  /** Set when the context counts as production (and the policy allows it): start() needs `confirmation === token`. */
  confirmation: { required: boolean; token: string; reason: string } | undefined;
  /** The run id of these objects (their names and labels carry it); pass it as RunRequest.runId to start(). */
  runId: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Result model
// ---------------------------------------------------------------------------------------------------------------

/** Lifecycle of a run. Terminal states: passed, failed, aborted, error. */
export type RunState =
  | 'pending' // record written, nothing created yet
  | 'creating' // creating objects (or starting the local load)
  | 'injecting' // chaos objects exist, not every target injected yet
  | 'running' // faults injected and/or load running
  | 'recovering' // duration over (or stopped early), waiting for recovery
  | 'cleaning' // deleting what the run created and verifying it is gone
  | 'passed'
  | 'failed'
  | 'aborted'
  | 'error';

/** The verdict: pass = every SLO held (and the chaos engine said pass); fail = an SLO broke or the engine said fail. */
export type Verdict = 'pass' | 'fail' | 'aborted' | 'error';

/** One target of a fault (a pod or container), with when it was injected and recovered. */
export interface TargetRecord {
  /** `namespace/pod` or `namespace/pod/container`. */
  id: string;
  /** injected | recovered | not-injected | failed | unknown */
  phase: 'injected' | 'recovered' | 'not-injected' | 'failed' | 'unknown';
  injectedAt: string | undefined;
  recoveredAt: string | undefined;
  injectedCount: number;
  recoveredCount: number;
  message: string | undefined;
}

/** One entry of the run's timeline (ISO time). */
export interface TimelineEntry {
  at: string;
  /** What happened: phase, injected, recovered, created, deleted, slo-breach, stop-early, error, note. */
  type: 'phase' | 'injected' | 'recovered' | 'created' | 'deleted' | 'slo-breach' | 'stop-early' | 'error' | 'note';
  message: string;
}

/** One second of load: what the charts plot. Latency in ms. */
export interface LoadSample {
  /** Seconds since the load started. */
  t: number;
  at: string;
  requests: number;
  rps: number;
  errors: number;
  /** errors / requests in this second (0 when no requests). */
  errorRate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Aggregate of the whole load phase. Latency in ms. */
export interface LoadSummary {
  engine: RunEngine;
  target: string;
  durationMs: number;
  requests: number;
  errors: number;
  errorRate: number;
  rps: number;
  latency: { avg: number; p50: number; p90: number; p95: number; p99: number; p999: number; max: number };
  /** Non-2xx status counts by code, plus "timeout" and "error" for transport failures. */
  statusCodes: Record<string, number>;
}

/** One threshold judged: an SLO objective (or scenario threshold) against what was measured. */
export interface SloVerdict {
  /** SLO name, or `thresholds` for the scenario's explicit thresholds. */
  slo: string;
  /** latency.p95, errorRate, throughput, availability */
  metric: string;
  /** What was required, as written ("< 200ms", "< 0.1%", ">= 100rps"). */
  threshold: string;
  /** Measured value formatted the same way. */
  observed: string;
  /** Raw numbers (ms, ratio 0..1, rps). */
  limit: number;
  value: number;
  /** Direction: the value must stay below (max) or above (min) the limit. */
  bound: 'max' | 'min';
  passed: boolean;
  /** True when the measurement could not be made (no samples, no requests). */
  unknown?: boolean;
}

/** A piece of evidence kept with the run: engine status, conditions, events, k6 summaries. */
export interface Evidence {
  source: string;
  at: string;
  summary: string;
  /** Raw JSON (trimmed), e.g. the Chaos Mesh status or a ChaosResult. */
  data?: unknown;
}

/** The audit record and result of one run: `.dfx/runs/<id>.json`. Written before anything is created. */
export interface RunRecord {
  version: 1;
  id: string;
  kind: RunKind;
  /** Experiment name (chaos / under-load) or scenario name (perf). */
  name: string;
  experiment: string | undefined;
  scenario: string | undefined;
  engine: RunEngine;
  loadEngine: RunEngine | undefined;
  state: RunState;
  verdict: Verdict | undefined;
  /** One line saying why: "p95 312ms > 200ms", "aborted by user", "Forbidden: create podchaos". */
  reason: string | undefined;
  who: string;
  host: string;
  /** Process that ran it: a record left `running` whose pid is gone (or another host) is an orphan. */
  pid: number;
  policyPath: string | undefined;
  context: string | undefined;
  server: string | undefined;
  namespace: string | undefined;
  dryRun: boolean;
  createdAt: string;
  startedAt: string | undefined;
  finishedAt: string | undefined;
  /** Objects created, in creation order (appended just BEFORE each create, so a crash still knows). */
  created: ObjectRef[];
  /** Objects deleted and verified gone. */
  deleted: ObjectRef[];
  /** Objects still present after cleanup, with why (stuck finalizers). */
  leftovers: Array<ObjectRef & { reason: string }>;
  targets: TargetRecord[];
  timeline: TimelineEntry[];
  samples: LoadSample[];
  load: LoadSummary | undefined;
  slos: SloVerdict[];
  evidence: Evidence[];
  preflight: PreflightCheck[];
  /** True when the fault was stopped early because the steady state broke. */
  stoppedEarly: boolean;
}

/** What the history list shows without reading every detail. */
export type RunSummary = Pick<
  RunRecord,
  'id' | 'kind' | 'name' | 'engine' | 'state' | 'verdict' | 'reason' | 'context' | 'namespace' | 'createdAt' | 'finishedAt' | 'who' | 'dryRun'
> & { orphaned: boolean };

// ---------------------------------------------------------------------------------------------------------------
// Live events
// ---------------------------------------------------------------------------------------------------------------

/** What a running run reports. Unknown `type`s must be ignored (the set grows). */
export type RunEvent =
  | { type: 'state'; runId: string; state: RunState; at: string; message: string }
  | { type: 'target'; runId: string; target: TargetRecord }
  | { type: 'sample'; runId: string; sample: LoadSample }
  | { type: 'slo'; runId: string; verdict: SloVerdict; live: boolean }
  | { type: 'timeline'; runId: string; entry: TimelineEntry }
  | { type: 'log'; runId: string; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'done'; runId: string; record: RunRecord };

export interface StartOptions {
  onEvent?: (e: RunEvent) => void;
  /** Aborting this signal aborts the run (same as handle.abort()). */
  signal?: AbortSignal;
}

/** A started run. `done` resolves with the final record (it never rejects: errors end as state `error`). */
export interface RunHandle {
  id: string;
  /** The record as it is now (a snapshot). */
  record(): RunRecord;
  done: Promise<RunRecord>;
  /** Stop the run: stop the load, delete what was created, verify it is gone. Resolves when cleanup is verified. */
  abort(reason?: string): Promise<CleanupReport>;
}

/** What cleanup did: deleted and verified gone, or left behind (with why: a stuck finalizer, a 403). */
export interface CleanupReport {
  runId: string;
  deleted: ObjectRef[];
  leftovers: Array<ObjectRef & { reason: string }>;
  /** True when nothing the run created remains. */
  clean: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// The API
// ---------------------------------------------------------------------------------------------------------------

/** Options shared by the calls that touch a cluster. */
export interface ClusterOptions {
  context?: string;
  kubeconfig?: KubeconfigSource;
  /** Policy for production classification of contexts. */
  policy?: Policy;
}

/**
 * Everything the UI and CLI call. Obtain one with `createRuns()` (runs/service.ts). Every method is safe to call
 * concurrently; start() runs in the background and reports through `onEvent`.
 */
export interface RunsApi {
  /** Contexts of the merged kubeconfig. Throws a `ClusterError` (kind no-kubeconfig) when there is none. */
  listContexts(source?: KubeconfigSource, policy?: Policy): ContextList;
  /** Check that a context exists and its API server answers (version + auth), without writing anything. */
  checkContext(opts: ClusterOptions): Promise<{ ok: true; server: string; version: string } | { ok: false; error: ClusterErrorInfo }>;
  /** Experiments and scenarios of a policy, in policy order. */
  listRunnables(policy: Policy): Runnable[];
  /** Guardrails, kubeconfig, CRDs, RBAC, namespace, server-side dry run, pods hit vs blast radius; creates nothing. */
  preflight(req: RunRequest): Promise<Preflight>;
  /** Preflight again, refuse on any failed check (or a missing/wrong confirmation), write the audit record, then run. */
  start(req: RunRequest, opts?: StartOptions): Promise<RunHandle>;
  /** Abort a run by id: this process's live run, or (from its record) an orphan: delete by run label, verify gone. */
  abort(root: string, runId: string, opts?: ClusterOptions): Promise<CleanupReport>;
  /** History from `<root>/.dfx/runs/`, newest first. */
  history(root: string): RunSummary[];
  /** One record, or undefined. */
  read(root: string, runId: string): RunRecord | undefined;
  /** Records left running by a process that is gone (crash, closed editor): what the next start offers to clean up. */
  orphans(root: string): RunSummary[];
  /** Delete everything an orphaned run created (by its run label) and mark its record aborted. */
  cleanup(root: string, runId: string, opts?: ClusterOptions): Promise<CleanupReport>;
}

/** Suggested experiments (runs/suggest.ts `suggestExperiments(findings, workloads)`, `workloadsOf(yaml, path)`). */
export type { FindingRef, Suggestion, Workload } from './suggest';

/** Labels every object a run creates carries, so cleanup finds exactly those. */
export const RUN_LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  managedByValue: 'genai4dfx',
  runId: 'genai4dfx.dev/run-id',
  name: 'genai4dfx.dev/run-name',
} as const;
