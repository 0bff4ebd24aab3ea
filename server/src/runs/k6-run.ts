// Load runs with k6: in the cluster through k6-operator (ConfigMap + TestRun, verdict from runner exit codes and
// merged summaries), or locally with a k6 binary on PATH (script in a temp dir, summary from its output).
import { t } from '../l10n';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PerfScenario, Policy } from '../policy/types';
import type { CleanupReport, KubeObject, Preflight, PreflightCheck, RunRequest } from './api';
import type { ChaosTiming } from './chaos-run';
import { journalledCleanup } from './cleanup';
import { checkNamespace } from './guardrails';
import { judgeK6, k6OperatorObjects, k6Script, k6TargetUrl, mergeSummaries, parseSummaryLine, scenarioDurationMs, type RunnerLine } from './k6';
import { Kube, typeOf } from './kube/client';
import { connectCluster } from './connect';
import { ClusterError } from './kube/errors';
import { refOf } from './manifests';
import type { RunJournal } from './record';
import { scenarioThresholds, type Threshold } from './slo';

/** A prepared k6 run (same shape as a chaos run: preflight, execute, cleanup). */
export interface PreparedK6 {
  engine: 'k6' | 'k6-operator';
  preflight: Preflight;
  execute(j: RunJournal, signal: AbortSignal): Promise<void>;
  cleanup(j: RunJournal): Promise<CleanupReport>;
}

/** Set the verdict from the runners' summary lines and exit codes: merged, then judged (local k6 and k6-operator alike). */
function verdict(j: RunJournal, thresholds: Threshold[], lines: readonly RunnerLine[], target: string, engine: 'k6' | 'k6-operator', exitCodes: number[]): void {
  const merged = mergeSummaries(lines, target, engine);
  if (!merged.exact) j.log('warn', t('a runner summary has no latency histogram: latency percentiles are the worst runner\'s, not the merged run\'s'));
  const v = judgeK6(thresholds, merged.summary, exitCodes);
  j.rec.load = merged.summary;
  j.rec.slos = v.slos;
  for (const s of v.slos) j.emit({ type: 'slo', runId: j.rec.id, verdict: s, live: false });
  j.rec.verdict = v.verdict;
  j.rec.reason = v.reason;
}

/** Where `k6` is on PATH, or undefined. */
export function findK6(env: Record<string, string | undefined> = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of process.platform === 'win32' ? ['k6.exe'] : ['k6']) {
      const f = path.join(dir, name);
      try {
        fs.accessSync(f, fs.constants.X_OK);
        return f;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Local k6: the binary must be on PATH; the script is written to a temp dir at run time. */
export function prepareLocalK6(policy: Policy, s: PerfScenario, runId: string): PreparedK6 {
  const checks: PreflightCheck[] = [];
  const errors: string[] = [];
  const thresholds = scenarioThresholds(policy, s, errors);
  const bin = findK6();
  checks.push(bin ? { id: 'k6', title: t('k6 installed'), status: 'pass', detail: bin } : { id: 'k6', title: t('k6 installed'), status: 'fail', detail: t('no k6 on PATH'), fix: t('install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/), or use engine: local (built in)') });
  checks.push(errors.length ? { id: 'load.thresholds', title: t('SLO thresholds'), status: 'fail', detail: errors.join('; ') } : { id: 'load.thresholds', title: t('SLO thresholds'), status: 'pass', detail: t('{0} threshold(s)', thresholds.length) });
  const script = k6Script(s, thresholds, runId);
  const pf: Preflight = { ok: !checks.some((c) => c.status === 'fail'), checks, objects: [], targets: [], context: undefined, server: undefined, namespace: undefined, confirmation: undefined, runId };
  return {
    engine: 'k6',
    preflight: pf,
    cleanup: async (j) => ({ runId: j.rec.id, deleted: [], leftovers: [], clean: true }),
    execute: async (j, signal) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfx-k6-'));
      try {
        const file = path.join(dir, 'script.js');
        fs.writeFileSync(file, script);
        j.state('running', `k6 run (${bin ?? 'k6'})`);
        const { code, out } = await new Promise<{ code: number; out: string }>((resolve, reject) => {
          const c = spawn(bin ?? 'k6', ['run', '--quiet', file], { stdio: ['ignore', 'pipe', 'pipe'], signal });
          let out = '';
          c.stdout.on('data', (d: Buffer) => (out += d.toString()));
          c.stderr.on('data', (d: Buffer) => j.log('info', d.toString().trimEnd()));
          c.on('error', (e) => (signal.aborted ? resolve({ code: -1, out }) : reject(e)));
          c.on('close', (code) => resolve({ code: code ?? -1, out }));
        });
        if (signal.aborted) return;
        const line = parseSummaryLine(out);
        if (!line) throw new Error(t('k6 exited {0} without a summary line', code));
        j.rec.evidence.push({ source: 'k6', at: new Date().toISOString(), summary: `exit ${code}`, data: line });
        verdict(j, thresholds, [line], k6TargetUrl(s.target), 'k6', [code]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** k6-operator in the cluster: preflight like chaos (context, namespace, CRD, RBAC, dry run), then TestRun. */
export async function prepareK6Operator(req: RunRequest, s: PerfScenario, runId: string, timing: ChaosTiming): Promise<PreparedK6> {
  const checks: PreflightCheck[] = [];
  const g = req.policy.chaos?.guardrails;
  const namespace = req.namespace ?? s.namespace;
  const pf: Preflight = { ok: false, checks, objects: [], targets: [], context: undefined, server: undefined, namespace, confirmation: undefined, runId };
  const errors: string[] = [];
  const thresholds = scenarioThresholds(req.policy, s, errors);
  if (errors.length) checks.push({ id: 'load.thresholds', title: t('SLO thresholds'), status: 'fail', detail: errors.join('; ') });
  if (!namespace) checks.push({ id: 'guardrail.namespace', title: t('Namespace allowed'), status: 'fail', detail: t('k6-operator scenarios need namespace'), fix: t('set namespace on scenario "{0}", or pass --namespace', s.name) });
  else checks.push(checkNamespace(namespace, g, 'load'));
  // The context, its guardrails and (production the policy allows) the typed confirmation, as for chaos.
  const kube = connectCluster(req, pf, g);
  const objects = namespace ? k6OperatorObjects(s, k6Script(s, thresholds, runId, false), runId, namespace) : [];
  pf.objects = objects.map((o) => o.object);
  if (kube && namespace && !checks.some((c) => c.status === 'fail')) {
    try {
      const served = await kube.servedPlurals('k6.io', 'v1alpha1');
      if (!served.includes('testruns')) checks.push({ id: 'crd', title: t('CRDs installed'), status: 'fail', detail: t('k6.io/v1alpha1 testruns is not served: k6-operator is not installed'), fix: t('install k6-operator: {0}', 'helm repo add grafana https://grafana.github.io/helm-charts && helm install k6-operator grafana/k6-operator -n k6-operator-system --create-namespace') });
      else checks.push({ id: 'crd', title: t('CRDs installed'), status: 'pass', detail: 'k6.io/v1alpha1 testruns' });
      const denied: string[] = [];
      for (const [group, plural] of [['k6.io', 'testruns'], ['', 'configmaps']] as const) {
        for (const verb of ['create', 'get', 'list', 'delete']) if (!(await kube.canI(verb, group, plural, namespace)).allowed) denied.push(`${verb} ${plural}`);
      }
      if (!(await kube.canI('list', '', 'pods', namespace)).allowed) denied.push('list pods');
      if (!(await kube.canI('get', '', 'pods/log', namespace)).allowed) denied.push('get pods/log');
      checks.push(denied.length ? { id: 'rbac', title: t('Permissions'), status: 'fail', detail: t('not allowed in {0}: {1}', namespace, denied.join(', ')), fix: t('ask for a Role in {0} granting {1}', namespace, denied.join(', ')) } : { id: 'rbac', title: t('Permissions'), status: 'pass', detail: 'testruns, configmaps, pods, pods/log' });
      const nsOk = await kube.namespaceExists(namespace);
      checks.push(nsOk ? { id: 'namespace', title: t('Namespace exists'), status: 'pass', detail: namespace } : { id: 'namespace', title: t('Namespace exists'), status: 'fail', detail: t('namespace {0} does not exist', namespace) });
      if (nsOk && !denied.length && served.includes('testruns')) {
        const problems: string[] = [];
        for (const o of objects) {
          try {
            await kube.create(typeOf(refOf(o.object, o.plural)), namespace, o.object, true);
          } catch (err) {
            problems.push(err instanceof ClusterError ? err.info.message : (err as Error).message);
          }
        }
        checks.push(problems.length ? { id: 'dry-run', title: t('Server-side dry run'), status: 'fail', detail: problems.join('; ') } : { id: 'dry-run', title: t('Server-side dry run'), status: 'pass', detail: t('{0} object(s) accepted with dryRun=All', objects.length) });
      }
    } catch (err) {
      const info = err instanceof ClusterError ? err.info : { message: (err as Error).message, nextStep: '' };
      checks.push({ id: 'cluster', title: t('Cluster reachable'), status: 'fail', detail: info.message, fix: info.nextStep });
    }
  }
  pf.ok = !checks.some((c) => c.status === 'fail');
  return {
    engine: 'k6-operator',
    preflight: pf,
    execute: async (j, signal) => {
      if (!kube || !namespace) throw new Error(t('no cluster'));
      await executeK6Operator(j, signal, kube, namespace, objects, s, thresholds, timing);
    },
    cleanup: journalledCleanup(kube, timing, 'deleting the TestRun and its script'),
  };
}

async function executeK6Operator(
  j: RunJournal,
  signal: AbortSignal,
  kube: Kube,
  ns: string,
  objects: Array<{ object: KubeObject; plural: string }>,
  s: PerfScenario,
  thresholds: Threshold[],
  timing: ChaosTiming,
): Promise<void> {
  j.state('creating', t('TestRun with {0} runner(s) in {1}', s.parallelism ?? 1, ns));
  for (const o of objects) {
    const ref = refOf(o.object, o.plural);
    j.rec.created.push(ref);
    j.save();
    await kube.create(typeOf(ref), ns, o.object);
    j.note('created', `${ref.kind}/${ref.name}`);
  }
  const tr = objects.find((o) => o.plural === 'testruns');
  if (!tr) throw new Error(t('no TestRun'));
  const rt = typeOf(refOf(tr.object, tr.plural));
  const name = tr.object.metadata.name;
  const deadline = Date.now() + scenarioDurationMs(s) + timing.finishGraceMs;
  let stage: string | undefined;
  while (!signal.aborted) {
    const o = await kube.get(rt, ns, name);
    if (!o) throw new Error(t('TestRun {0} disappeared (cleanup: post deletes it; genai4dfx does not set it)', name));
    const next = (o.status as { stage?: string } | undefined)?.stage;
    if (next !== stage) {
      stage = next;
      j.note('note', t('TestRun stage {0}', stage ?? '-'));
      if (stage === 'started') j.state('running', t('k6 runners started'));
    }
    if (stage === 'finished' || stage === 'error') break;
    if (Date.now() > deadline) throw new Error(t('TestRun {0} did not finish in time (stage {1})', name, stage ?? '-'));
    await new Promise((r) => setTimeout(r, timing.pollMs));
  }
  if (signal.aborted) return;
  if (stage === 'error') throw new Error(t('TestRun {0} reached stage error: see kubectl describe -n {1} testrun {2} and the initializer pod\'s log', name, ns, name));
  // Runner pods: labels app=k6, k6_cr=<name>, runner=true (k6-operator), exit code 99 = thresholds crossed.
  const pods = await kube.listPods(ns, `app=k6,k6_cr=${name},runner=true`);
  if (!pods.length) throw new Error(t('no runner pods for TestRun {0}', name));
  const lines: RunnerLine[] = [];
  const codes: number[] = [];
  for (const p of pods) {
    codes.push(p.exitCode ?? -1);
    const line = parseSummaryLine(await kube.podLog(ns, p.name));
    if (line) lines.push(line);
    j.rec.evidence.push({ source: `runner ${p.name}`, at: new Date().toISOString(), summary: `exit ${p.exitCode ?? '?'}`, data: line });
  }
  if (lines.length < pods.length) j.log('warn', t('{0} runner(s) printed no summary line', pods.length - lines.length));
  verdict(j, thresholds, lines, k6TargetUrl(s.target), 'k6-operator', codes);
}
