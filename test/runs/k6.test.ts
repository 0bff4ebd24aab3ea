// k6: the generated script (executed here with a stand-in k6 API to check its summary line and threshold polarity),
// k6-operator runs against the stand-in cluster (TestRun stages, runner exit codes, merged summaries, cleanup), and a
// local k6 binary (a stub on PATH).
import './undici-node20';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PerfScenario, Policy } from '../../server/src/policy/types';
import { judgeK6, k6Script, k6Thresholds, mergeSummaries, parseSummaryLine, SUMMARY_MARKER, type RunnerLine } from '../../server/src/runs/k6';
import { K6_SCHEME } from '../../server/src/runs/load/histogram';
import { rng } from '../helpers/random';
import { createRuns } from '../../server/src/runs/service';
import { scenarioThresholds } from '../../server/src/runs/slo';
import { FakeKube, tempDir } from './fake-kube';

const TIMING = { pollMs: 30, cleanupTimeoutMs: 1500, finishGraceMs: 5000, liveWindowSec: 2 };

const POLICY: Policy = {
  version: 1,
  slos: [{ name: 'fast', latency: { p95: '200ms', p99: '500ms' } }, { name: 'ok', errorRate: '0.1%' }, { name: 'busy', throughput: '50rps' }],
  perf: {
    scenarios: [
      { name: 'checkout', engine: 'k6-operator', namespace: 'shop', target: 'service: checkout.shop:8080/api', vus: 20, duration: '1s', parallelism: 2, slos: ['fast', 'ok'] },
      { name: 'local-k6', engine: 'k6', target: 'http://127.0.0.1:9/x', rate: '30rps', duration: '1s', slos: ['fast', 'busy'] },
    ],
  },
};

/** The generated script as a function of stand-ins for the k6 modules (`http`, `Counter`). */
function loadScript(script: string, http: unknown, Counter: unknown): { main: () => void; handleSummary: (d: unknown) => { stdout: string }; options: unknown } {
  const body = script.replace(/^import .*$/gm, '').replace(/^export default function /m, 'function main').replace(/^export (const|function) /gm, '$1 ');
  const f = new Function('http', 'Counter', `${body}\nreturn { main, handleSummary, options };`) as (h: unknown, c: unknown) => ReturnType<typeof loadScript>;
  return f(http, Counter);
}

/** Run the generated script's handleSummary with a k6-shaped data object; returns what it prints. */
function runHandleSummary(script: string, data: unknown): string {
  return loadScript(script, { request() {} }, class {}).handleSummary(data).stdout;
}

/**
 * One k6 runner simulated with the generated script itself: its default function runs once per latency (a stand-in
 * http.request returns it as timings.duration, a stand-in Counter sums what the script adds), then its handleSummary
 * gets k6-shaped data with the Counter totals and http_req_duration's exact stats. Returns the runner's log.
 */
function simulateRunner(script: string, latencies: readonly number[], failed = 0): string {
  const totals = new Map<string, number>();
  class Counter {
    constructor(readonly name: string) {}
    add(v: number): void {
      totals.set(this.name, (totals.get(this.name) ?? 0) + v);
    }
  }
  let i = 0;
  const s = loadScript(script, { request: () => ({ timings: { duration: latencies[i++] } }) }, Counter);
  for (let n = 0; n < latencies.length; n++) s.main();
  const sorted = [...latencies].sort((a, b) => a - b);
  const metrics: Record<string, unknown> = {
    http_reqs: { values: { count: latencies.length } },
    http_req_failed: { values: { passes: failed } },
    http_req_duration: { values: { min: sorted[0], max: sorted[sorted.length - 1], 'p(95)': sorted[Math.ceil(0.95 * sorted.length) - 1] } },
  };
  // k6 puts metrics that saw no samples in the summary too (count 0): the script must skip them.
  for (const [name, v] of totals) metrics[name] = { values: { count: v } };
  metrics['genai4dfx_lat_3'] ??= { values: { count: 0 } };
  return `running...\n${s.handleSummary({ state: { testRunDurationMs: 1000 }, metrics }).stdout}`;
}

/** Nearest-rank quantile of all values. */
function exactQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? 0;
}

function runnerLog(reqs: number, failed: number, p95: number, ok = true): string {
  return `running...\n${SUMMARY_MARKER}${JSON.stringify({ durationMs: 1000, reqs, failed, latency: { avg: p95 / 2, med: p95 / 2, 'p(90)': p95 * 0.9, 'p(95)': p95, 'p(99)': p95 * 1.2, 'p(99.9)': p95 * 1.5, max: p95 * 2 }, thresholds: { 'http_req_duration p(95)<=200': ok } })}\n`;
}

/** A runner log from the generated script: `reqs` requests, 95% at `fast` ms and the rest at `slow` ms. */
function histRunnerLog(script: string, reqs: number, fast: number, slow: number): string {
  const lat = Array.from({ length: reqs }, (_, i) => (i < reqs * 0.95 ? fast : slow));
  return simulateRunner(script, lat);
}

const OP_SCRIPT = k6Script(POLICY.perf?.scenarios?.[0] as PerfScenario, [], 'run', false);

describe('runs: k6', function () {
  this.timeout(30_000);

  it('thresholds in k6 syntax, with the right bounds', () => {
    const errors: string[] = [];
    const t = scenarioThresholds(POLICY, POLICY.perf?.scenarios?.[1] as PerfScenario, errors);
    assert.deepEqual(errors, []);
    assert.deepEqual(k6Thresholds(t), { http_req_duration: ['p(95)<=200', 'p(99)<=500'], http_reqs: ['rate>=50'] });
    const t2 = scenarioThresholds(POLICY, POLICY.perf?.scenarios?.[0] as PerfScenario, errors);
    assert.deepEqual(k6Thresholds(t2).http_req_failed, ['rate<=0.001']);
  });

  it('the script: executor, thresholds, in-cluster URL, and a summary line that reads back', () => {
    const sc = POLICY.perf?.scenarios?.[0] as PerfScenario;
    const script = k6Script(sc, scenarioThresholds(POLICY, sc, []), '20261124-000000-abcdef');
    assert.match(script, /"executor": "constant-vus"/);
    assert.match(script, /const URL = "http:\/\/checkout\.shop\.svc:8080\/api"/);
    const out = runHandleSummary(script, {
      state: { testRunDurationMs: 1000 },
      metrics: {
        http_reqs: { values: { count: 100 } },
        http_req_failed: { values: { passes: 3, rate: 0.03 }, thresholds: { 'rate<=0.001': { ok: false } } },
        http_req_duration: { values: { med: 10, 'p(95)': 40, max: 90 } },
      },
    });
    const line = parseSummaryLine(out);
    assert.deepEqual(line, { durationMs: 1000, reqs: 100, failed: 3, latency: { med: 10, 'p(95)': 40, max: 90 }, hist: {}, histSum: 0, thresholds: { 'http_req_failed rate<=0.001': false } });
    assert.match(script, /"thresholds": \{\s+"http_req_duration"/, 'local k6 scripts carry the thresholds');
    assert.match(k6Script(sc, scenarioThresholds(POLICY, sc, []), 'x', false), /"thresholds": \{\}/, 'operator scripts do not: each runner has a share of the load');
    const rate = k6Script(POLICY.perf?.scenarios?.[1] as PerfScenario, [], 'x');
    assert.match(rate, /"executor": "constant-arrival-rate",\s+"rate": 30/);
  });

  it('without histograms (an older script), merging takes the worst runner\'s percentile and says so', () => {
    const a = parseSummaryLine(runnerLog(100, 0, 50));
    const b = parseSummaryLine(runnerLog(300, 3, 120));
    assert.ok(a && b);
    const m = mergeSummaries([a, b], 'x', 'k6-operator');
    assert.equal(m.exact, false);
    assert.equal(m.summary.requests, 400);
    assert.equal(m.summary.errors, 3);
    assert.equal(m.summary.latency.p95, 120);
    assert.equal(m.summary.rps, 400);
  });

  it('merged percentiles come from the summed buckets: exact to 2%, where the worst runner\'s would be far off', () => {
    // Runner A: 900 requests at 10.0..18.99 ms; runner B: 100 at 400..499 ms. The merged p95 is B's 50th fastest (449 ms);
    // B alone has a p95 of 494 ms, A alone 18.5 ms; the merged p50 is in A.
    const a = Array.from({ length: 900 }, (_, i) => 10 + i / 100);
    const b = Array.from({ length: 100 }, (_, i) => 400 + i);
    const lines = [simulateRunner(OP_SCRIPT, a), simulateRunner(OP_SCRIPT, b, 7)].map((l) => parseSummaryLine(l) as RunnerLine);
    const m = mergeSummaries(lines, 'x', 'k6-operator');
    assert.equal(m.exact, true);
    assert.equal(m.summary.requests, 1000);
    assert.equal(m.summary.errors, 7);
    const all = [...a, ...b];
    for (const [q, key] of [[0.5, 'p50'], [0.9, 'p90'], [0.95, 'p95'], [0.99, 'p99'], [0.999, 'p999']] as const) {
      const exact = exactQuantile(all, q);
      const got = m.summary.latency[key];
      assert.ok(got >= exact && got <= exact * K6_SCHEME.growth, `${key}: ${got} vs exact ${exact}`);
    }
    assert.equal(exactQuantile(all, 0.95), 449);
    assert.equal(m.summary.latency.max, 499);
    assert.ok(Math.abs(m.summary.latency.avg - all.reduce((x, y) => x + y, 0) / all.length) < 1e-9, 'the mean is exact (summed latencies)');
  });

  it('merging random runners: every percentile within [exact, exact × 1.02]; beyond 60 s it is the maximum', () => {
    const r = rng(7);
    for (let trial = 0; trial < 20; trial++) {
      const runners = Array.from({ length: 1 + r.int(4) }, () => Array.from({ length: 1 + r.int(400) }, () => Math.exp(r.next() * 12 - 3) * (r.next() < 0.05 ? 50 : 1)));
      const m = mergeSummaries(runners.map((l) => parseSummaryLine(simulateRunner(OP_SCRIPT, l)) as RunnerLine), 'x', 'k6-operator');
      const all = runners.flat();
      for (const [q, key] of [[0.5, 'p50'], [0.95, 'p95'], [0.99, 'p99']] as const) {
        const exact = exactQuantile(all, q);
        const got = m.summary.latency[key];
        const ok = exact > 60_000 ? got === Math.max(...all) : got >= exact && got <= exact * K6_SCHEME.growth;
        assert.ok(ok, `trial ${trial} ${key}: ${got} vs exact ${exact}`);
      }
    }
  });

  it('one judgement for local k6 and k6-operator: SLOs on the merge, exit 99 fails, other exit codes are errors', () => {
    const t = scenarioThresholds(POLICY, POLICY.perf?.scenarios?.[0] as PerfScenario, []);
    const fast = mergeSummaries([parseSummaryLine(histRunnerLog(OP_SCRIPT, 200, 20, 100)) as RunnerLine], 'x', 'k6').summary;
    assert.equal(judgeK6(t, fast, [0]).verdict, 'pass');
    assert.equal(judgeK6(t, fast, [0, 99]).verdict, 'fail');
    assert.equal(judgeK6(t, fast, [0, 137]).verdict, 'error');
    const slow = mergeSummaries([parseSummaryLine(histRunnerLog(OP_SCRIPT, 200, 20, 900)) as RunnerLine], 'x', 'k6').summary;
    const v = judgeK6(t, slow, [0]);
    assert.equal(v.verdict, 'fail');
    assert.match(v.reason, /fast latency\.p99 \d+(\.\d)?ms \(want <= 500ms\)/);
  });

  describe('k6-operator against the stand-in cluster', () => {
    let kube: FakeKube;
    let tmp: ReturnType<typeof tempDir>;
    afterEach(async () => {
      await kube.stop();
      tmp.remove();
    });
    async function run(runner: (i: number) => { exitCode: number; log: string }) {
      kube = await new FakeKube({ k6Runner: runner }).start();
      tmp = tempDir('dfx-k6op-');
      const api = createRuns(TIMING);
      const rec = await (await api.start({ kind: 'perf', scenario: 'checkout', policy: POLICY, root: tmp.dir, kubeconfig: { files: [kube.writeKubeconfig(tmp.dir)] } })).done;
      return rec;
    }

    it('two runners pass: merged summary, TestRun and ConfigMap deleted', async () => {
      const rec = await run((i) => ({ exitCode: 0, log: histRunnerLog(OP_SCRIPT, 1000 * i, 40, 80) }));
      assert.equal(rec.verdict, 'pass', rec.reason);
      assert.equal(rec.engine, 'k6-operator');
      assert.equal(rec.load?.requests, 3000);
      assert.deepEqual(rec.created.map((c) => c.kind), ['ConfigMap', 'TestRun']);
      assert.deepEqual(rec.deleted.map((c) => c.kind).sort(), ['ConfigMap', 'TestRun']);
      assert.equal(kube.list('testruns').length + kube.list('configmaps').length, 0);
      assert.ok(rec.timeline.some((t) => t.message === 'TestRun stage finished'));
    });

    it('a runner exiting 99 (thresholds crossed) fails the run', async () => {
      const rec = await run((i) => (i === 2 ? { exitCode: 99, log: histRunnerLog(OP_SCRIPT, 1000, 350, 350) } : { exitCode: 0, log: histRunnerLog(OP_SCRIPT, 1000, 80, 80) }));
      assert.equal(rec.verdict, 'fail');
      // Half the requests took 350 ms: the merged p95 is 350 ms (to 2%).
      assert.match(rec.reason ?? '', /fast latency\.p95 35\d(\.\d)?ms/);
    });

    it('production: refused by default; when the policy allows it, only with the typed context name (as for chaos)', async () => {
      kube = await new FakeKube({ k6Runner: () => ({ exitCode: 0, log: runnerLog(10, 0, 10) }) }).start();
      tmp = tempDir('dfx-k6op-');
      const api = createRuns(TIMING);
      const prod = kube.writeKubeconfig(tmp.dir, 'shop-prod');
      const req = (policy: Policy, confirmation?: string) => ({ kind: 'perf' as const, scenario: 'checkout', policy, root: tmp.dir, kubeconfig: { files: [prod] }, ...(confirmation ? { confirmation } : {}) });
      const refused = await api.preflight(req(POLICY));
      assert.match(refused.checks.find((c) => c.id === 'guardrail.context')?.detail ?? '', /counts as production/);
      const allowed: Policy = { ...POLICY, chaos: { guardrails: { allowedNamespaces: ['shop'], allowProduction: true } } };
      const noToken = await api.preflight(req(allowed));
      assert.equal(noToken.checks.find((c) => c.id === 'guardrail.confirmation')?.status, 'fail');
      assert.deepEqual(noToken.confirmation, { required: true, token: 'shop-prod', reason: 'context name "shop-prod" contains "prod"' });
      const typed = await api.preflight(req(allowed, 'shop-prod'));
      assert.ok(typed.ok, JSON.stringify(typed.checks));
      assert.equal(typed.checks.find((c) => c.id === 'guardrail.confirmation')?.status, 'pass');
    });

    it('exit 108 (test.abort) is an error, not a pass', async () => {
      const rec = await run(() => ({ exitCode: 108, log: runnerLog(10, 0, 10) }));
      assert.equal(rec.verdict, 'error');
      assert.match(rec.reason ?? '', /test\.abort/);
    });
  });

  it('local k6 binary (a stub on PATH): summary read back, exit 99 fails', async () => {
    const tmp = tempDir('dfx-k6bin-');
    const oldPath = process.env.PATH;
    try {
      const stub = path.join(tmp.dir, 'k6');
      fs.writeFileSync(stub, `#!${process.execPath}\nconst fs=require('fs');const s=fs.readFileSync(process.argv[process.argv.length-1],'utf8');if(!s.includes('handleSummary'))process.exit(3);\nprocess.stdout.write(${JSON.stringify(runnerLog(60, 0, 300, false))});process.exit(99);\n`, { mode: 0o755 });
      process.env.PATH = `${tmp.dir}${path.delimiter}${oldPath ?? ''}`;
      const rec = await (await createRuns(TIMING).start({ kind: 'perf', scenario: 'local-k6', policy: POLICY, root: tmp.dir })).done;
      assert.equal(rec.engine, 'k6');
      assert.equal(rec.verdict, 'fail', rec.reason);
      assert.deepEqual(rec.slos.map((v) => [v.metric, v.passed]), [['latency.p95', false], ['latency.p99', true], ['throughput', true]]);
    } finally {
      process.env.PATH = oldPath;
      tmp.remove();
    }
  });
});
