// Load runs with the embedded generator: preflight (scenario, plan, thresholds, target reachable), then run, judge
// every threshold, and record samples and summary.
import { t } from '../l10n';
import * as net from 'node:net';
import type { PerfScenario, Policy } from '../policy/types';
import type { LoadSample, PreflightCheck } from './api';
import { productionReason } from './guardrails';
import { type LocalLoadPlan, type LocalLoadResult, runLocalLoad } from './load/local';
import { localPlan } from './load/plan';
import type { RunJournal } from './record';
import { judge, scenarioThresholds, sloReason, type Threshold } from './slo';

/** A scenario ready to run locally, or the checks that refuse it. */
export interface PreparedLoad {
  scenario: PerfScenario;
  plan: LocalLoadPlan | undefined;
  thresholds: Threshold[];
  checks: PreflightCheck[];
}

/** Find the scenario by name (with the known names in the error). */
export function findScenario(policy: Policy, name: string): PerfScenario {
  const s = policy.perf?.scenarios?.find((x) => x.name === name);
  if (!s) {
    const known = (policy.perf?.scenarios ?? []).map((x) => x.name);
    throw new Error(`no load scenario named "${name}" in perf.scenarios${known.length ? ` (known: ${known.join(', ')})` : ''}`);
  }
  return s;
}

/** Preflight of a local load scenario. */
export async function prepareLocalLoad(policy: Policy, scenario: PerfScenario): Promise<PreparedLoad> {
  const checks: PreflightCheck[] = [];
  const p = localPlan(scenario);
  let plan: LocalLoadPlan | undefined;
  if ('errors' in p) {
    checks.push({ id: 'load.plan', title: t('Load scenario'), status: 'fail', detail: p.errors.join('; '), fix: t('fix perf.scenarios "{0}" in .dfx.yaml', scenario.name) });
  } else {
    plan = p.plan;
    const rate = plan.rate !== undefined ? `, ${plan.rate} req/s` : '';
    checks.push({ id: 'load.plan', title: t('Load scenario'), status: 'pass', detail: `${plan.method} ${plan.url}, ${plan.connections} connections for ${plan.durationMs / 1000}s${rate}${p.notes.length ? `; ${p.notes.join('; ')}` : ''}` });
  }
  const errors: string[] = [];
  const thresholds = scenarioThresholds(policy, scenario, errors);
  if (errors.length) checks.push({ id: 'load.thresholds', title: t('SLO thresholds'), status: 'fail', detail: errors.join('; '), fix: t('fix slos / thresholds in .dfx.yaml') });
  else if (!thresholds.length) checks.push({ id: 'load.thresholds', title: t('SLO thresholds'), status: 'warn', detail: t('no SLOs or thresholds: the run can only pass'), fix: t('add slos: [...] or thresholds to scenario "{0}"', scenario.name) });
  else checks.push({ id: 'load.thresholds', title: t('SLO thresholds'), status: 'pass', detail: thresholds.map((th) => `${th.slo} ${th.metric} ${th.bound === 'max' ? '<=' : '>='} ${th.written}`).join(', ') });
  if (plan) {
    const host = new URL(plan.url).hostname;
    const prod = productionReason(host, undefined, policy.chaos?.guardrails);
    if (prod) {
      const allowed = policy.chaos?.guardrails?.allowProduction === true;
      checks.push({ id: 'guardrail.production', title: t('Target not production'), status: allowed ? 'warn' : 'fail', detail: t('target host {0} looks like production ({1})', host, prod.replace('context name', 'host name')), fix: allowed ? t('production load is allowed by the policy: make sure it is intended') : t('point the scenario at a staging URL, or set chaos.guardrails.allowProduction: true') });
    }
    checks.push(await reachable(plan.url));
  }
  return { scenario, plan, thresholds, checks };
}

/** Can we open a TCP connection to the target (2 s bound)? */
async function reachable(url: string): Promise<PreflightCheck> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const err = await new Promise<string | undefined>((resolve) => {
    const sock = net.connect({ host, port });
    const timer = setTimeout(() => {
      sock.destroy();
      resolve('no answer within 2s');
    }, 2000);
    sock.once('connect', () => {
      clearTimeout(timer);
      sock.end();
      resolve(undefined);
    });
    sock.once('error', (e) => {
      clearTimeout(timer);
      resolve(e.message);
    });
  });
  return err === undefined
    ? { id: 'load.target', title: t('Target reachable'), status: 'pass', detail: t('{0}:{1} accepts connections', host, port) }
    : { id: 'load.target', title: t('Target reachable'), status: 'fail', detail: `${host}:${port}: ${err}`, fix: t('start the service, or fix the scenario target') };
}

/** Run the load, streaming samples into the journal; returns the result (not judged). */
export async function executeLoad(
  j: RunJournal,
  plan: LocalLoadPlan,
  signal: AbortSignal,
  onSample?: (s: LoadSample) => void,
): Promise<LocalLoadResult> {
  const res = await runLocalLoad(plan, {
    signal,
    onSample: (s) => {
      j.rec.samples.push(s);
      j.emit({ type: 'sample', runId: j.rec.id, sample: s });
      onSample?.(s);
    },
  });
  j.rec.load = res.summary;
  j.rec.evidence.push({
    source: 'local',
    at: new Date().toISOString(),
    summary: `${res.summary.requests} requests, ${res.summary.errors} errors, ${res.summary.rps.toFixed(1)} req/s, p95 ${res.summary.latency.p95.toFixed(1)}ms`,
    data: { statusCodes: res.summary.statusCodes },
  });
  j.save();
  return res;
}

/** Judge and finish a perf run. */
export function finishLoad(j: RunJournal, thresholds: Threshold[], res: LocalLoadResult): void {
  const verdicts = judge(thresholds, res.summary);
  j.rec.slos = verdicts;
  for (const v of verdicts) j.emit({ type: 'slo', runId: j.rec.id, verdict: v, live: false });
  const failed = verdicts.filter((v) => !v.passed);
  j.rec.verdict = failed.length ? 'fail' : 'pass';
  j.rec.reason = sloReason(verdicts);
}
