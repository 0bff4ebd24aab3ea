// Chaos runs on a cluster: preflight (guardrails, kubeconfig, CRDs by discovery, RBAC by SelfSubjectAccessReview,
// namespace, pods the selector hits vs the blast radius, server-side dry run of every object), then create (each
// object recorded in the audit record BEFORE it is created), watch the status to a verdict, optionally with load
// running and the SLOs as steady-state hypothesis (stop the fault early on a breach), and clean up: delete by the
// run's objects and label, verify gone, report stuck finalizers.
import { t } from '../l10n';
import type { ChaosExperiment, Guardrails } from '../policy/types';
import { parsePercent } from '../policy/units';
import type { CleanupReport, KubeObject, Preflight, PreflightCheck, RunEngine, RunRequest, TargetRecord } from './api';
import { journalledCleanup } from './cleanup';
import { chaosMeshFinished, chaosMeshView, litmusEngineView, litmusFinished, litmusResultView } from './chaos-status';
import { checkAsked, checkBlastRadius, checkDuration, checkNamespace } from './guardrails';
import { Kube, type LiveObject, typeOf } from './kube/client';
import { connectCluster } from './connect';
import { ClusterError } from './kube/errors';
import {
  buildChaosMesh,
  buildLitmus,
  CHAOS_MESH_GROUP,
  CHAOS_MESH_VERSION,
  isOneShot,
  LITMUS_GROUP,
  LITMUS_VERSION,
  refOf,
  runSelector,
  selectorText,
} from './manifests';
import { executeLoad, finishLoad, type PreparedLoad } from './perf-run';
import type { RunJournal } from './record';
import { holds, parseBound, queryPrometheus } from './prometheus';
import { liveBreaches, mergeThresholds, namedThresholds, type Threshold } from './slo';

/** Timing knobs: real clusters want seconds; tests shrink them. */
export interface ChaosTiming {
  /** Status poll interval (a watch wakes us sooner). */
  pollMs: number;
  /** How long cleanup waits for deleted objects to disappear (finalizers) before reporting them stuck. */
  cleanupTimeoutMs: number;
  /** How long past the fault's duration we wait for the engine to report it finished. */
  finishGraceMs: number;
  /** Seconds of load samples the live steady-state check looks at. */
  liveWindowSec: number;
  /** Interval of the hypothesis' Prometheus probe, ms. */
  probeMs?: number;
}

/** A chaos run ready to execute, with its preflight. */
export interface PreparedChaos {
  engine: RunEngine;
  preflight: Preflight;
  execute(j: RunJournal, signal: AbortSignal, load: PreparedLoad | undefined): Promise<void>;
  cleanup(j: RunJournal): Promise<CleanupReport>;
}

const INSTALL_FIX: Record<string, string> = {
  'chaos-mesh': 'install Chaos Mesh: helm repo add chaos-mesh https://charts.chaos-mesh.org && helm install chaos-mesh chaos-mesh/chaos-mesh -n chaos-mesh --create-namespace (on kind/k3d add --set chaosDaemon.runtime=containerd --set chaosDaemon.socketPath=/run/containerd/containerd.sock)',
  litmus: 'install LitmusChaos: kubectl apply -f https://litmuschaos.github.io/litmus/litmus-operator-v3.x.yaml, then the experiment from the ChaosHub (e.g. kubectl apply -n NS -f https://hub.litmuschaos.io/api/chaos/master?file=faults/kubernetes/pod-delete/fault.yaml)',
};

/** Find the experiment (with the known names in the error). */
export function findExperiment(req: RunRequest): ChaosExperiment {
  const e = req.policy.chaos?.experiments?.find((x) => x.name === req.experiment);
  if (!e) {
    const known = (req.policy.chaos?.experiments ?? []).map((x) => x.name);
    throw new Error(`no chaos experiment named "${req.experiment ?? ''}" in chaos.experiments${known.length ? ` (known: ${known.join(', ')})` : ''}`);
  }
  return e;
}

/** Preflight a chaos (or under-load) run and return how to execute it. Never creates anything. */
export async function prepareChaos(req: RunRequest, runId: string, timing: ChaosTiming, loadThresholds: Threshold[] | undefined): Promise<PreparedChaos> {
  const e = findExperiment(req);
  const g = req.policy.chaos?.guardrails;
  const engine: RunEngine = e.engine === 'litmus' ? 'litmus' : 'chaos-mesh';
  const namespace = req.namespace ?? e.target?.namespace;
  const checks: PreflightCheck[] = [];
  const pf: Preflight = { ok: false, checks, objects: [], targets: [], context: undefined, server: undefined, namespace, confirmation: undefined, runId };
  const objects: Array<{ object: KubeObject; plural: string }> = [];

  // Guardrails that need no cluster.
  if (!namespace) checks.push({ id: 'guardrail.namespace', title: t('Namespace allowed'), status: 'fail', detail: t('the experiment has no target.namespace'), fix: t('set target.namespace, or pass --namespace') });
  else checks.push(checkNamespace(namespace, g, 'chaos'));
  const dur = checkDuration(e.duration, g);
  checks.push(dur.check);

  // The hypothesis: SLOs that must hold (under load), with the policy's tolerance.
  const hypErrors: string[] = [];
  const hypothesis = mergeThresholds(loadThresholds ?? [], namedThresholds(req.policy, e.hypothesis?.slos ?? [], hypErrors));
  let tolerance = 0;
  if (e.hypothesis?.tolerance !== undefined) {
    const tol = parsePercent(e.hypothesis.tolerance);
    if (tol.ok) tolerance = tol.value;
    else hypErrors.push(`hypothesis.tolerance: ${tol.error}`);
  }
  if (hypErrors.length) checks.push({ id: 'hypothesis', title: t('Steady-state hypothesis'), status: 'fail', detail: hypErrors.join('; '), fix: t('fix the SLO names / tolerance in .dfx.yaml') });
  const prom = e.hypothesis?.prometheus;
  let promBound: { op: '<' | '<=' | '>' | '>=' | '==' | '!='; value: number } | undefined;
  if (prom) {
    const b = parseBound(prom.bound);
    if ('error' in b) checks.push({ id: 'hypothesis.prometheus', title: t('Prometheus probe'), status: 'fail', detail: b.error, fix: t('fix hypothesis.prometheus.bound') });
    else {
      promBound = b;
      try {
        const v = await queryPrometheus(prom.url, prom.query);
        checks.push({ id: 'hypothesis.prometheus', title: t('Prometheus probe'), status: holds(v, b) ? 'pass' : 'fail', detail: t('{0} = {1} (must be {2})', prom.query, v, prom.bound), ...(holds(v, b) ? {} : { fix: t('the steady state does not hold before the fault: fix the service first') }) });
      } catch (err) {
        // An in-cluster Prometheus may be unreachable from this machine: warn, the probe is optional.
        checks.push({ id: 'hypothesis.prometheus', title: t('Prometheus probe'), status: 'warn', detail: (err as Error).message, fix: t('port-forward Prometheus (kubectl -n monitoring port-forward svc/prometheus 9090) and use http://localhost:9090') });
      }
    }
  }
  if (req.kind === 'chaos' && e.hypothesis?.slos?.length) {
    checks.push({ id: 'hypothesis', title: t('Steady-state hypothesis'), status: 'warn', detail: t('SLOs {0} are measured only under load', e.hypothesis.slos.join(', ')), fix: t('run it under load: genai4dfx run {0} --under-load {1}', e.name, e.underLoad ?? 'SCENARIO') });
  }
  if (req.kind === 'under-load' && !hypothesis.length) checks.push({ id: 'hypothesis', title: t('Steady-state hypothesis'), status: 'warn', detail: t('no SLO thresholds: the run cannot stop the fault early'), fix: t('add hypothesis.slos to the experiment or slos to the scenario') });

  // The context: from the kubeconfig, never a silent localhost; its guardrails and typed confirmation.
  const kube = connectCluster(req, pf, g);
  if (!req.dryRun) {
    const asked = checkAsked(g, req.confirmed);
    if (asked) checks.push(asked);
  }

  // Build the objects (labelled with the run id).
  let podsPercent: number | undefined;
  const mode = e.target?.mode ?? 'one';
  if (engine === 'litmus') podsPercent = mode === 'all' ? 100 : mode.endsWith('percent') ? Number(e.target?.value) : undefined;
  const built = namespace ? (engine === 'litmus' ? buildLitmus(e, runId, namespace, podsPercent) : buildChaosMesh(e, runId, namespace)) : { objects: [], errors: ['no namespace'] };
  if (built.errors.length) checks.push({ id: 'manifest', title: t('Experiment definition'), status: 'fail', detail: built.errors.join('; '), fix: t('fix chaos.experiments "{0}" in .dfx.yaml', e.name) });
  else {
    objects.push(...built.objects);
    pf.objects = built.objects.map((b) => b.object);
    checks.push({ id: 'manifest', title: t('Experiment definition'), status: 'pass', detail: built.objects.map((b) => `${b.object.kind}/${b.object.metadata.name}`).join(', ') });
  }

  // Cluster checks only when the guardrails let us talk to this context at all.
  const refusedEarly = checks.some((c) => c.status === 'fail' && (c.id === 'guardrail.context' || c.id === 'kubeconfig' || c.id === 'guardrail.namespace'));
  if (kube && namespace && !refusedEarly) {
    try {
      await clusterChecks(kube, g, e, engine, namespace, objects, checks, pf);
    } catch (err) {
      const info = err instanceof ClusterError ? err.info : { message: (err as Error).message, nextStep: '' };
      checks.push({ id: 'cluster', title: t('Cluster reachable'), status: 'fail', detail: info.message, fix: info.nextStep });
    }
  } else if (!refusedEarly) {
    checks.push({ id: 'cluster', title: t('Cluster checks'), status: 'skip', detail: t('skipped: fix the failures above first') });
  }
  pf.ok = !checks.some((c) => c.status === 'fail');

  const durationMs = dur.ms ?? 0;
  const oneShot = engine === 'chaos-mesh' && isOneShot(e.kind, e.action);
  return {
    engine,
    preflight: pf,
    execute: (j, signal, load) => {
      if (!kube) throw new Error(t('no cluster'));
      return execute({ j, signal, load, kube, e, engine, objects, durationMs, oneShot, timing, hypothesis, tolerance, promBound });
    },
    cleanup: journalledCleanup(kube, timing, 'deleting what the run created'),
  };
}

async function clusterChecks(kube: Kube, g: Guardrails | undefined, e: ChaosExperiment, engine: RunEngine, namespace: string, objects: Array<{ object: KubeObject; plural: string }>, checks: PreflightCheck[], pf: Preflight): Promise<void> {
  // CRDs, by discovery (no cluster-scoped CRD read needed).
  const [group, version] = engine === 'litmus' ? [LITMUS_GROUP, LITMUS_VERSION] : [CHAOS_MESH_GROUP, CHAOS_MESH_VERSION];
  const served = await kube.servedPlurals(group, version);
  const needed = [...new Set(objects.map((o) => o.plural)), ...(engine === 'litmus' ? ['chaosexperiments', 'chaosresults'] : [])];
  const missing = needed.filter((p) => !served.includes(p));
  if (missing.length) {
    checks.push({ id: 'crd', title: t('CRDs installed'), status: 'fail', detail: served.length ? t('{0} does not serve {1}', `${group}/${version}`, missing.join(', ')) : t('{0} is not served: {1} is not installed', `${group}/${version}`, engine === 'litmus' ? 'LitmusChaos' : 'Chaos Mesh'), fix: INSTALL_FIX[engine] ?? '' });
  } else {
    checks.push({ id: 'crd', title: t('CRDs installed'), status: 'pass', detail: `${group}/${version}: ${needed.join(', ')}` });
    if (engine === 'litmus') {
      const exp = await kube.get({ group, version, plural: 'chaosexperiments', kind: 'ChaosExperiment' }, namespace, e.kind);
      checks.push(
        exp
          ? { id: 'crd.experiment', title: t('ChaosExperiment installed'), status: 'pass', detail: `${e.kind} in ${namespace}` }
          : { id: 'crd.experiment', title: t('ChaosExperiment installed'), status: 'fail', detail: t('no ChaosExperiment "{0}" in {1}', e.kind, namespace), fix: `kubectl apply -n ${namespace} -f https://hub.litmuschaos.io/api/chaos/master?file=faults/kubernetes/${e.kind}/fault.yaml` },
      );
    }
  }

  // Permissions for everything the run does.
  const denied: string[] = [];
  const plurals = [...new Set(objects.map((o) => o.plural))];
  for (const plural of plurals) {
    for (const verb of ['create', 'get', 'list', 'watch', 'delete', 'patch']) {
      const r = await kube.canI(verb, group, plural, namespace);
      if (!r.allowed) denied.push(`${verb} ${plural}`);
    }
  }
  const pods = await kube.canI('list', '', 'pods', namespace);
  if (!pods.allowed) denied.push('list pods');
  checks.push(
    denied.length
      ? { id: 'rbac', title: t('Permissions'), status: 'fail', detail: t('not allowed in {0}: {1}', namespace, denied.join(', ')), fix: t('ask for a Role in {0} granting {1} (group {2})', namespace, denied.join(', '), group) }
      : { id: 'rbac', title: t('Permissions'), status: 'pass', detail: t('create/get/list/watch/delete/patch {0} and list pods in {1}', plurals.join(', '), namespace) },
  );

  const nsOk = await kube.namespaceExists(namespace);
  checks.push(nsOk ? { id: 'namespace', title: t('Namespace exists'), status: 'pass', detail: namespace } : { id: 'namespace', title: t('Namespace exists'), status: 'fail', detail: t('namespace {0} does not exist', namespace), fix: t('check target.namespace (kubectl get ns)') });
  if (!nsOk) return;

  // The exact pods the selector hits, against the blast radius.
  if (!pods.allowed) return;
  const sel = selectorText(e.target?.labels);
  const matching = (await kube.listPods(namespace, sel)).filter((p) => p.phase === 'Running' || p.phase === undefined);
  pf.targets = matching.map((p) => `${namespace}/${p.name}`);
  const radius = checkBlastRadius({ mode: e.target?.mode, value: e.target?.value }, matching.length, g);
  checks.push({ ...radius.check, detail: `${radius.check.detail}${matching.length ? `: ${matching.map((p) => p.name).join(', ')}` : ''} (${t('selector {0}', sel)})` });

  // Server-side dry run of every object (admission webhooks and schema validation included).
  if (missing.length || denied.length) {
    checks.push({ id: 'dry-run', title: t('Server-side dry run'), status: 'skip', detail: t('skipped: CRDs or permissions missing') });
    return;
  }
  const problems: string[] = [];
  for (const o of objects) {
    try {
      await kube.create(typeOf({ apiVersion: o.object.apiVersion, kind: o.object.kind, plural: o.plural }), namespace, o.object, true);
    } catch (err) {
      problems.push(err instanceof ClusterError ? err.info.message : (err as Error).message);
    }
  }
  checks.push(problems.length ? { id: 'dry-run', title: t('Server-side dry run'), status: 'fail', detail: problems.join('; '), fix: t('fix the experiment parameters') } : { id: 'dry-run', title: t('Server-side dry run'), status: 'pass', detail: t('{0} object(s) accepted with dryRun=All', objects.length) });
}

interface ExecCtx {
  j: RunJournal;
  signal: AbortSignal;
  load: PreparedLoad | undefined;
  kube: Kube;
  e: ChaosExperiment;
  engine: RunEngine;
  objects: Array<{ object: KubeObject; plural: string }>;
  durationMs: number;
  oneShot: boolean;
  timing: ChaosTiming;
  hypothesis: Threshold[];
  tolerance: number;
  promBound: { op: '<' | '<=' | '>' | '>=' | '==' | '!='; value: number } | undefined;
}

/** Wakes a waiting loop early (a watch event, a breach, an abort). */
class Waker {
  private wake: (() => void) | undefined;
  poke(): void {
    this.wake?.();
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

async function execute(c: ExecCtx): Promise<void> {
  const { j, kube, e, timing } = c;
  const rec = j.rec;
  const ns = rec.namespace ?? '';
  const waker = new Waker();
  const onAbort = (): void => waker.poke();
  c.signal.addEventListener('abort', onAbort, { once: true });
  let stopEarly: string | undefined;
  // The live check only counts while the fault is in place (not while objects are being created).
  let faultLive = false;

  // Load first (under load): the steady state is measured before and while the fault is injected.
  const loadCtl = new AbortController();
  const stopLoad = (): void => loadCtl.abort();
  c.signal.addEventListener('abort', stopLoad, { once: true });
  const abortOnViolation = e.hypothesis?.abortOnViolation !== false;
  let loadDone: Promise<void> | undefined;
  if (c.load?.plan) {
    j.state('running', t('load on {0}', c.load.plan.url));
    const plan = c.load.plan;
    const thresholds = mergeThresholds(c.load.thresholds, c.hypothesis);
    loadDone = executeLoad(j, plan, loadCtl.signal, () => {
      if (stopEarly || !faultLive) return;
      const breaches = liveBreaches(c.hypothesis, rec.samples, timing.liveWindowSec, c.tolerance);
      for (const b of breaches) j.emit({ type: 'slo', runId: rec.id, verdict: b, live: true });
      if (breaches.length) {
        const why = breaches.map((b) => `${b.slo} ${b.metric} ${b.observed} (want ${b.threshold}${c.tolerance ? ` +${c.tolerance * 100}%` : ''})`).join('; ');
        j.note('slo-breach', why);
        if (abortOnViolation) {
          stopEarly = why;
          waker.poke();
        }
      }
    }).then((res) => {
      if (!c.signal.aborted) finishLoad(j, thresholds, res);
    });
  }

  // Create: record each object BEFORE creating it, so a crash in between still leaves a record to clean up.
  j.state('creating', t('{0} object(s) in {1}', c.objects.length, ns));
  for (const o of c.objects) {
    if (c.signal.aborted) break;
    const ref = refOf(o.object, o.plural);
    rec.created.push(ref);
    j.save();
    await kube.create(typeOf(ref), ns, o.object);
    j.note('created', `${ref.kind}/${ref.name}`);
  }
  faultLive = true;
  j.state('injecting', t('waiting for the engine to inject'));

  const main = c.objects[0];
  if (!main) throw new Error(t('nothing to create'));
  const mainRef = refOf(main.object, main.plural);
  const rt = typeOf(mainRef);
  const stopWatch = kube.watch(rt, ns, runSelector(rec.id), () => waker.poke());
  const started = Date.now();
  const deadline = started + c.durationMs + timing.finishGraceMs;
  const seen = new Map<string, string>();
  let finished = false;
  let litmusVerdict: string | undefined;
  let lostSince: number | undefined;
  let nextProbe = 0;
  try {
    while (!c.signal.aborted && !stopEarly) {
      let o: LiveObject | undefined;
      try {
        o = await kube.get(rt, ns, mainRef.name);
        lostSince = undefined;
      } catch (err) {
        // A blip (API server restart, network hiccup) must not end the run; a lasting loss does, and cleanup then
        // records what it could not delete, so the next start offers to clean up.
        if (!(err instanceof ClusterError) || err.info.kind !== 'unreachable') throw err;
        if (lostSince === undefined) {
          lostSince = Date.now();
          j.note('error', t('lost the API server: {0}; retrying', err.info.message));
        }
        if (Date.now() - lostSince > timing.finishGraceMs) throw err;
        await waker.sleep(timing.pollMs);
        continue;
      }
      if (!o) throw new Error(t('{0}/{1} disappeared while running (deleted by someone else?)', mainRef.kind, mainRef.name));
      if (c.engine === 'chaos-mesh' && mainRef.kind !== 'Schedule') {
        const v = chaosMeshView(o);
        updateTargets(j, v.targets, seen);
        if (rec.state === 'injecting' && v.conditions.AllInjected) j.state('running', t('fault injected into {0} target(s)', v.targets.length));
        if (rec.state === 'running' && v.desiredPhase === 'Stop' && !c.oneShot) j.state('recovering', t('duration over, recovering'));
        if (chaosMeshFinished(v, c.oneShot, Date.now() - started >= c.durationMs)) {
          finished = true;
          rec.evidence.push({ source: mainRef.kind, at: new Date().toISOString(), summary: `conditions ${JSON.stringify(v.conditions)}, desiredPhase ${v.desiredPhase ?? '-'}`, data: o.status });
          break;
        }
      } else if (c.engine === 'litmus') {
        const v = litmusEngineView(o);
        if (rec.state === 'injecting' && v.experimentStatus === 'Running') j.state('running', t('experiment running'));
        if (litmusFinished(v)) {
          finished = true;
          const result = await kube.get({ group: LITMUS_GROUP, version: LITMUS_VERSION, plural: 'chaosresults', kind: 'ChaosResult' }, ns, `${mainRef.name}-${e.kind}`);
          if (result) {
            const r = litmusResultView(result);
            litmusVerdict = r.verdict;
            updateTargets(j, r.targets, seen);
            rec.evidence.push({ source: 'ChaosResult', at: new Date().toISOString(), summary: `verdict ${r.verdict ?? '?'}, phase ${r.phase ?? '?'}, probes ${r.probeSuccess ?? '-'}%${r.failStep ? `, ${r.failStep}` : ''}`, data: result.status });
          } else litmusVerdict = v.verdict;
          break;
        }
      } else if (Date.now() >= started + c.durationMs) {
        // A Schedule has no finish of its own: it runs for the experiment's duration, then cleanup deletes it.
        finished = true;
        break;
      }
      if (c.promBound && e.hypothesis?.prometheus && faultLive && Date.now() >= nextProbe) {
        nextProbe = Date.now() + (timing.probeMs ?? 5000);
        const p = e.hypothesis.prometheus;
        try {
          const v = await queryPrometheus(p.url, p.query);
          if (!holds(v, c.promBound) && e.hypothesis.abortOnViolation !== false) {
            stopEarly = `Prometheus ${p.query} = ${v} (must be ${p.bound})`;
            j.note('slo-breach', stopEarly);
            break;
          }
        } catch (err) {
          j.log('warn', t('Prometheus probe: {0}', (err as Error).message));
        }
      }
      if (Date.now() > deadline) throw new Error(t('{0}/{1} did not finish within its duration + {2}s (state {3}); see kubectl describe -n {4} {5} {6}', mainRef.kind, mainRef.name, timing.finishGraceMs / 1000, rec.state, ns, mainRef.plural, mainRef.name));
      await waker.sleep(timing.pollMs);
    }
  } finally {
    stopWatch();
    c.signal.removeEventListener('abort', onAbort);
  }

  if (stopEarly) {
    rec.stoppedEarly = true;
    j.note('stop-early', t('steady state broke: {0}; stopping the fault', stopEarly));
    if (c.engine === 'chaos-mesh') await kube.mergePatch(rt, ns, mainRef.name, { metadata: { annotations: { 'experiment.chaos-mesh.org/pause': 'true' } } }).catch(() => undefined);
    else await kube.mergePatch(rt, ns, mainRef.name, { spec: { engineState: 'stop' } }).catch(() => undefined);
  }
  faultLive = false;
  // The load runs to its own end (it shows the recovery too), unless the steady state broke: then it is over.
  if (stopEarly) stopLoad();
  c.signal.removeEventListener('abort', stopLoad);
  if (loadDone) await loadDone;
  if (c.signal.aborted) return;

  // The verdict: the SLOs (when load ran) and the engine's own.
  if (stopEarly) {
    rec.verdict = 'fail';
    rec.reason = t('stopped early: {0}', stopEarly);
    return;
  }
  if (!finished) return;
  const sloFailed = rec.verdict === 'fail';
  const sloReason = rec.reason;
  if (c.engine === 'litmus') {
    if (litmusVerdict === 'Pass' && !sloFailed) {
      rec.verdict = 'pass';
      rec.reason = withSlo(t('ChaosResult verdict {0}', 'Pass'), sloReason);
    } else {
      rec.verdict = litmusVerdict === 'Error' ? 'error' : 'fail';
      rec.reason = litmusVerdict === 'Pass' ? (sloReason ?? t('SLO failed')) : withSlo(t('ChaosResult verdict {0}', litmusVerdict ?? 'unknown'), sloFailed ? sloReason : undefined);
    }
    return;
  }
  if (mainRef.kind === 'Schedule') {
    // The Schedule's runs are its child objects (owned by it, so deleting it removes them); it has no records itself.
    rec.verdict = sloFailed ? 'fail' : 'pass';
    rec.reason = withSlo(t('Schedule ran for {0}s', c.durationMs / 1000), sloReason);
    return;
  }
  const hit = rec.targets.filter((x) => x.injectedCount > 0).length;
  if (!hit) {
    rec.verdict = 'error';
    rec.reason = t('the fault was injected into no target');
    return;
  }
  const stuck = c.oneShot ? [] : rec.targets.filter((x) => x.phase === 'injected');
  if (stuck.length) {
    rec.verdict = 'error';
    rec.reason = t('not recovered: {0}', stuck.map((x) => x.id).join(', '));
    return;
  }
  rec.verdict = sloFailed ? 'fail' : 'pass';
  rec.reason = withSlo(c.oneShot ? t('{0} target(s) hit', hit) : t('{0} target(s) injected and recovered', hit), sloReason);
}

function withSlo(reason: string, slo: string | undefined): string {
  return slo ? `${reason}; ${slo}` : reason;
}

function updateTargets(j: RunJournal, targets: TargetRecord[], seen: Map<string, string>): void {
  let changed = false;
  for (const tg of targets) {
    const key = `${tg.phase}|${tg.injectedCount}|${tg.recoveredCount}`;
    if (seen.get(tg.id) === key) continue;
    const before = seen.get(tg.id)?.split('|')[0];
    seen.set(tg.id, key);
    changed = true;
    const i = j.rec.targets.findIndex((x) => x.id === tg.id);
    if (i >= 0) j.rec.targets[i] = tg;
    else j.rec.targets.push(tg);
    if (tg.phase === 'injected' && before !== 'injected') j.note('injected', tg.id);
    if (tg.phase === 'recovered' && before !== 'recovered') j.note('recovered', tg.id);
    j.emit({ type: 'target', runId: j.rec.id, target: tg });
  }
  if (changed) j.save();
}
