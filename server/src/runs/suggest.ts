// Suggested experiments: from the workspace's findings and Kubernetes manifests, the experiments that would prove the
// weak spots, as policy snippets the user can add to .dfx.yaml. Offline and deterministic; an AI provider may re-rank,
// explain and adjust them (suggest-ai.ts), but never targets pods this list does not justify.
import { parseAllDocuments, stringify } from 'yaml';
import type { ChaosExperiment } from '../policy/types';

/** A workload found in a manifest. */
export interface Workload {
  kind: string;
  name: string;
  namespace: string;
  replicas: number;
  /** The pod template's labels (what a chaos selector targets). */
  labels: Record<string, string>;
  path: string;
}

/** A finding, as far as suggestions care. */
export interface FindingRef {
  ruleId: string;
  path: string;
  line?: number;
  message: string;
}

/** One suggestion: why, and the experiment to add under chaos.experiments. */
export interface Suggestion {
  title: string;
  why: string;
  /** Where the weakness was seen (file:line). */
  evidence: string[];
  experiment: ChaosExperiment;
  /** The experiment as YAML, ready to paste under chaos.experiments. */
  snippet: string;
  /** True when the target is a guess the user must check (e.g. which service a client calls). */
  targetIsGuess: boolean;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** Workloads of a YAML file (multi-document); bad YAML yields none. */
export function workloadsOf(text: string, path: string): Workload[] {
  const out: Workload[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return out;
  }
  for (const d of docs) {
    const o = d.toJS() as {
      kind?: unknown;
      metadata?: { name?: unknown; namespace?: unknown };
      spec?: { replicas?: unknown; template?: { metadata?: { labels?: Record<string, unknown> } }; selector?: { matchLabels?: Record<string, unknown> } };
    } | null;
    if (!o || typeof o.kind !== 'string' || !WORKLOAD_KINDS.has(o.kind) || typeof o.metadata?.name !== 'string') continue;
    const raw = o.spec?.template?.metadata?.labels ?? o.spec?.selector?.matchLabels ?? {};
    const labels = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    out.push({
      kind: o.kind,
      name: o.metadata.name,
      namespace: typeof o.metadata.namespace === 'string' ? o.metadata.namespace : 'default',
      replicas: typeof o.spec?.replicas === 'number' ? o.spec.replicas : 1,
      labels,
      path,
    });
  }
  return out;
}

/** The workload a source file most likely belongs to: one whose name is a folder or file name on its path. */
function ownerOf(path: string, workloads: readonly Workload[]): Workload | undefined {
  const parts = path.toLowerCase().split(/[\\/]/).flatMap((p) => [p, p.replace(/\.[^.]+$/, '')]);
  return workloads.find((w) => parts.includes(w.name.toLowerCase()));
}

function snippet(e: ChaosExperiment): string {
  return stringify([e]).trimEnd();
}

const NO_TIMEOUT = /no-timeout$/;

/** Suggestions, most valuable first, one per workload and kind of fault. */
export function suggestExperiments(findings: readonly FindingRef[], workloads: readonly Workload[]): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (s: Suggestion): void => {
    const key = `${s.experiment.kind}/${s.experiment.action ?? ''}/${s.experiment.target.namespace}/${JSON.stringify(s.experiment.target.labels)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(s);
  };
  const where = (f: FindingRef): string => `${f.path}${f.line !== undefined ? `:${f.line}` : ''}`;

  // Outbound calls without a timeout: delay the calling pods' outbound traffic (NetworkChaos direction "to" slows
  // every upstream call they make) and see whether requests pile up.
  for (const f of findings.filter((x) => NO_TIMEOUT.test(x.ruleId))) {
    const owner = ownerOf(f.path, workloads);
    const name = owner?.name ?? 'service';
    const e: ChaosExperiment = {
      name: `${name}-slow-upstreams`,
      description: `Delay the outbound traffic of one ${name} pod: a client without a timeout (${f.ruleId}) should hang instead of failing fast`,
      engine: 'chaos-mesh',
      kind: 'NetworkChaos',
      action: 'delay',
      target: { namespace: owner?.namespace ?? 'default', labels: owner?.labels ?? { app: 'CHANGE-ME' }, mode: 'one' },
      duration: '2m',
      parameters: { latency: '3s', jitter: '500ms', direction: 'to' },
    };
    add({
      title: `Slow upstreams for ${name}`,
      why: `${where(f)}: ${f.message}`,
      evidence: [where(f)],
      experiment: e,
      snippet: snippet(e),
      // No workload matched the file's path: the user must point the target at the right pods.
      targetIsGuess: owner === undefined,
    });
  }

  // Single-replica workloads: kill the only pod.
  for (const w of workloads.filter((x) => x.replicas <= 1 && x.kind !== 'DaemonSet')) {
    const e: ChaosExperiment = {
      name: `${w.name}-pod-kill`,
      description: `Kill the only pod of ${w.kind} ${w.name}: expect an outage until it is rescheduled`,
      engine: 'chaos-mesh',
      kind: 'PodChaos',
      action: 'pod-kill',
      target: { namespace: w.namespace, labels: w.labels, mode: 'one' },
      duration: '60s',
    };
    add({ title: `Pod kill on ${w.name} (1 replica)`, why: `${w.path}: ${w.kind} ${w.name} runs one replica, so losing its pod is an outage.`, evidence: [w.path], experiment: e, snippet: snippet(e), targetIsGuess: false });
  }

  // Missing probes: a pod that fails but stays "ready" keeps getting traffic.
  for (const f of findings.filter((x) => x.ruleId === 'k8s-missing-probes')) {
    for (const w of workloads.filter((x) => x.path === f.path)) {
      const e: ChaosExperiment = { name: `${w.name}-pod-failure`, description: `Make one ${w.name} pod fail: without a readiness probe it may keep receiving traffic`, engine: 'chaos-mesh', kind: 'PodChaos', action: 'pod-failure', target: { namespace: w.namespace, labels: w.labels, mode: 'one' }, duration: '90s' };
      add({ title: `Pod failure on ${w.name} (no probes)`, why: `${where(f)}: ${f.message}`, evidence: [where(f)], experiment: e, snippet: snippet(e), targetIsGuess: false });
    }
  }

  // Missing resource limits: memory pressure shows whether one pod can starve its node.
  for (const f of findings.filter((x) => x.ruleId === 'k8s-missing-resource-limits')) {
    for (const w of workloads.filter((x) => x.path === f.path)) {
      const e: ChaosExperiment = { name: `${w.name}-memory-stress`, description: `Memory pressure in one ${w.name} pod: without limits it can starve its neighbours`, engine: 'chaos-mesh', kind: 'StressChaos', action: 'memory', target: { namespace: w.namespace, labels: w.labels, mode: 'one' }, duration: '2m', parameters: { workers: 1, size: '512MB' } };
      add({ title: `Memory stress on ${w.name} (no limits)`, why: `${where(f)}: ${f.message}`, evidence: [where(f)], experiment: e, snippet: snippet(e), targetIsGuess: false });
    }
  }
  return out;
}
