// Manifest builders: a policy experiment → the Chaos Mesh or LitmusChaos object (plus a Schedule for recurring Chaos
// Mesh faults), every object labelled with the run so cleanup finds exactly those. Shapes follow the CRDs
// (chaos-mesh api/v1alpha1, litmus chaos-operator v1alpha1); required fields are checked here so the user sees
// "IOChaos needs volumePath" before the webhook says it.
import type { ChaosExperiment } from '../policy/types';
import { parseDuration } from '../policy/units';
import { RUN_LABELS, type KubeObject, type ObjectRef } from './api';

/** Chaos Mesh kinds we build, with their plural (from the CRD names). */
export const CHAOS_MESH_KINDS: Record<string, { plural: string; actions: readonly string[] | undefined; oneShot?: readonly string[] }> = {
  PodChaos: { plural: 'podchaos', actions: ['pod-kill', 'pod-failure', 'container-kill'], oneShot: ['pod-kill', 'container-kill'] },
  NetworkChaos: { plural: 'networkchaos', actions: ['netem', 'delay', 'loss', 'duplicate', 'corrupt', 'partition', 'bandwidth'] },
  StressChaos: { plural: 'stresschaos', actions: undefined },
  IOChaos: { plural: 'iochaos', actions: ['latency', 'fault', 'attrOverride', 'mistake'] },
  HTTPChaos: { plural: 'httpchaos', actions: undefined },
  TimeChaos: { plural: 'timechaos', actions: undefined },
  DNSChaos: { plural: 'dnschaos', actions: ['error', 'random'] },
};

export const CHAOS_MESH_GROUP = 'chaos-mesh.org';
export const CHAOS_MESH_VERSION = 'v1alpha1';
export const LITMUS_GROUP = 'litmuschaos.io';
export const LITMUS_VERSION = 'v1alpha1';

/** Labels identifying the run, on every object it creates. */
export function runLabels(runId: string, name: string): Record<string, string> {
  return { [RUN_LABELS.managedBy]: RUN_LABELS.managedByValue, [RUN_LABELS.runId]: runId, [RUN_LABELS.name]: labelValue(name) };
}

/** The label selector that finds a run's objects. */
export function runSelector(runId: string): string {
  return `${RUN_LABELS.managedBy}=${RUN_LABELS.managedByValue},${RUN_LABELS.runId}=${runId}`;
}

/** A valid label value (≤ 63, alphanumeric at both ends). */
function labelValue(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '') || 'run';
}

/** An object name: dfx-<experiment>-<last 6 of run id>, DNS-1123, ≤ 63. */
export function objectName(name: string, runId: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'run';
  return `dfx-${slug}-${runId.slice(-6)}`.replace(/-+/g, '-');
}

/** The reference (for the audit record and cleanup) of an object we build. */
export function refOf(o: KubeObject, plural: string): ObjectRef {
  return { apiVersion: o.apiVersion, kind: o.kind, plural, namespace: o.metadata.namespace ?? '', name: o.metadata.name };
}

/** Built objects with their plurals, or what is wrong with the experiment. */
export type Built = { objects: Array<{ object: KubeObject; plural: string }>; errors: [] } | { objects: []; errors: string[] };

/** The labelSelector text of a target ("app=cart,tier=web"). */
export function selectorText(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

type Params = NonNullable<ChaosExperiment['parameters']>;

function pick(p: Params, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (p[k] !== undefined) out[k] = p[k];
  return out;
}

/** The kind-specific part of a Chaos Mesh spec, from `action` and `parameters`. */
function chaosMeshSpec(kind: string, action: string | undefined, p: Params, errors: string[]): Record<string, unknown> {
  switch (kind) {
    case 'PodChaos': {
      if (action === 'container-kill' && p.containerNames === undefined) errors.push('PodChaos container-kill needs parameters.containerNames');
      return { action, ...pick(p, ['gracePeriod', 'containerNames']) };
    }
    case 'NetworkChaos': {
      const s: Record<string, unknown> = { action, ...pick(p, ['direction', 'device', 'externalTargets']) };
      if (action === 'delay') {
        if (p.latency === undefined) errors.push('NetworkChaos delay needs parameters.latency (e.g. 200ms)');
        s.delay = pick(p, ['latency', 'jitter', 'correlation', 'reorder']);
      } else if (action === 'loss') {
        if (p.loss === undefined) errors.push('NetworkChaos loss needs parameters.loss (a percentage, e.g. "25")');
        s.loss = { ...pick(p, ['loss', 'correlation']), ...(p.loss !== undefined ? { loss: String(p.loss) } : {}) };
      } else if (action === 'duplicate') {
        s.duplicate = { duplicate: String(p.duplicate ?? '10'), ...pick(p, ['correlation']) };
      } else if (action === 'corrupt') {
        s.corrupt = { corrupt: String(p.corrupt ?? '10'), ...pick(p, ['correlation']) };
      } else if (action === 'bandwidth') {
        if (p.rate === undefined) errors.push('NetworkChaos bandwidth needs parameters.rate (e.g. 1mbps)');
        s.bandwidth = { limit: 20971520, buffer: 10000, ...pick(p, ['rate', 'limit', 'buffer']) };
      }
      const dir = p.direction;
      if ((dir === 'from' || dir === 'both') && p.target === undefined) errors.push(`NetworkChaos direction ${dir} needs a target selector; use direction: to`);
      return s;
    }
    case 'StressChaos': {
      const stressors: Record<string, unknown> = {};
      const workers = Number(p.workers ?? 1);
      if (!(workers > 0)) errors.push('StressChaos workers must be more than 0');
      if (action === undefined || action === 'cpu') stressors.cpu = { workers, load: Number(p.load ?? 80) };
      if (action === 'memory' || p.size !== undefined) stressors.memory = { workers, size: String(p.size ?? '256MB') };
      return { stressors, ...pick(p, ['containerNames']) };
    }
    case 'IOChaos': {
      if (p.volumePath === undefined) errors.push('IOChaos needs parameters.volumePath (the mount path of the volume)');
      return { action, ...pick(p, ['volumePath', 'path', 'delay', 'percent', 'errno', 'methods', 'containerNames']) };
    }
    case 'HTTPChaos': {
      const s: Record<string, unknown> = { target: p.target ?? 'Request', port: Number(p.port ?? 80), ...pick(p, ['path', 'method', 'code', 'delay']) };
      if (action === 'abort' || p.abort === true) s.abort = true;
      if (action === 'delay' && p.delay === undefined) errors.push('HTTPChaos delay needs parameters.delay (e.g. 1s)');
      return s;
    }
    case 'TimeChaos': {
      if (p.timeOffset === undefined) errors.push('TimeChaos needs parameters.timeOffset (e.g. -10m)');
      return pick(p, ['timeOffset', 'clockIds', 'containerNames']);
    }
    case 'DNSChaos':
      return { action, ...pick(p, ['patterns']) };
    default:
      return {};
  }
}

/** Chaos Mesh objects for an experiment (one chaos object, or a Schedule wrapping it). */
export function buildChaosMesh(e: ChaosExperiment, runId: string, namespace: string): Built {
  const errors: string[] = [];
  const k = CHAOS_MESH_KINDS[e.kind];
  if (!k) return { objects: [], errors: [`Chaos Mesh kind "${e.kind}" is not one of ${Object.keys(CHAOS_MESH_KINDS).join(', ')}`] };
  if (k.actions && (e.action === undefined || !k.actions.includes(e.action))) {
    errors.push(`${e.kind} needs action one of ${k.actions.join(', ')}${e.action !== undefined ? ` (got "${e.action}")` : ''}`);
  }
  if (!e.target?.labels || !Object.keys(e.target.labels).length) errors.push('target.labels must select the pods (e.g. app: cart)');
  const mode = e.target?.mode ?? 'one';
  if ((mode === 'fixed' || mode.endsWith('percent')) && e.target?.value === undefined) errors.push(`mode ${mode} needs target.value`);
  const d = parseDuration(e.duration);
  if (!d.ok) errors.push(`duration: ${d.error}`);
  const spec: Record<string, unknown> = {
    selector: { namespaces: [namespace], labelSelectors: e.target?.labels ?? {} },
    mode,
    ...(e.target?.value !== undefined ? { value: String(e.target.value) } : {}),
    ...chaosMeshSpec(e.kind, e.action, e.parameters ?? {}, errors),
    duration: e.duration,
  };
  if (spec.action === undefined) delete spec.action;
  if (errors.length) return { objects: [], errors };
  const metadata = { name: objectName(e.name, runId), namespace, labels: runLabels(runId, e.name), annotations: { 'genai4dfx.dev/experiment': e.name } };
  const apiVersion = `${CHAOS_MESH_GROUP}/${CHAOS_MESH_VERSION}`;
  if (e.schedule) {
    const key = e.kind.charAt(0).toLowerCase() + e.kind.slice(1);
    return {
      errors: [],
      objects: [{ plural: 'schedules', object: { apiVersion, kind: 'Schedule', metadata, spec: { schedule: e.schedule, type: e.kind, historyLimit: 3, concurrencyPolicy: 'Forbid', [key]: spec } } }],
    };
  }
  return { errors: [], objects: [{ plural: k.plural, object: { apiVersion, kind: e.kind, metadata, spec } }] };
}

/** Whether a Chaos Mesh fault is one-shot (finishes once injected; duration ignored). */
export function isOneShot(kind: string, action: string | undefined): boolean {
  return CHAOS_MESH_KINDS[kind]?.oneShot?.includes(action ?? '') ?? false;
}

/** A LitmusChaos ChaosEngine running the installed ChaosExperiment named by `kind`. */
export function buildLitmus(e: ChaosExperiment, runId: string, namespace: string, podsPercent: number | undefined): Built {
  const errors: string[] = [];
  if (!e.kind) errors.push('Litmus experiments need kind: the ChaosExperiment name (e.g. pod-delete)');
  if (!e.target?.labels || !Object.keys(e.target.labels).length) errors.push('target.labels must select the application (e.g. app: cart)');
  const d = parseDuration(e.duration);
  if (!d.ok) errors.push(`duration: ${d.error}`);
  if (errors.length || !d.ok) return { objects: [], errors };
  const p = e.parameters ?? {};
  const env: Array<{ name: string; value: string }> = [{ name: 'TOTAL_CHAOS_DURATION', value: String(Math.max(1, Math.round(d.value / 1000))) }];
  if (podsPercent !== undefined) env.push({ name: 'PODS_AFFECTED_PERC', value: String(podsPercent) });
  for (const [key, v] of Object.entries(p)) {
    if (key === 'chaosServiceAccount') continue;
    // Litmus tunables are environment variables: cpuCores → CPU_CORES.
    env.push({ name: key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase(), value: Array.isArray(v) ? v.join(',') : String(v) });
  }
  return {
    errors: [],
    objects: [
      {
        plural: 'chaosengines',
        object: {
          apiVersion: `${LITMUS_GROUP}/${LITMUS_VERSION}`,
          kind: 'ChaosEngine',
          metadata: { name: objectName(e.name, runId), namespace, labels: runLabels(runId, e.name), annotations: { 'genai4dfx.dev/experiment': e.name } },
          spec: {
            engineState: 'active',
            chaosServiceAccount: typeof p.chaosServiceAccount === 'string' ? p.chaosServiceAccount : `${e.kind}-sa`,
            jobCleanUpPolicy: 'delete',
            appinfo: { appns: namespace, applabel: selectorText(e.target.labels), appkind: e.target.kind ?? 'deployment' },
            experiments: [{ name: e.kind, spec: { components: { env } } }],
          },
        },
      },
    ],
  };
}
