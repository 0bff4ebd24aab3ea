// k6: the generated script (executed here with a stand-in k6 API to check its summary line and threshold polarity),
// k6-operator runs against the stand-in cluster (TestRun stages, runner exit codes, merged summaries, cleanup), and a
// local k6 binary (a stub on PATH).
import './undici-node20';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PerfScenario, Policy } from '../../server/src/policy/types';
import { k6Script, k6Thresholds, mergeSummaries, parseSummaryLine, SUMMARY_MARKER } from '../../server/src/runs/k6';
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

/** Run the generated script's handleSummary with a k6-shaped data object; returns what it prints. */
function runHandleSummary(script: string, data: unknown): string {
  const body = script.replace(/^import .*$/m, 'const http = { request() {} };').replace(/^export default function /m, 'function main').replace(/^export (const|function) /gm, '$1 ');
  const f = new Function(`${body}\nreturn { handleSummary, options };`) as () => { handleSummary: (d: unknown) => { stdout: string }; options: unknown };
  return f().handleSummary(data).stdout;
}

function runnerLog(reqs: number, failed: number, p95: number, ok = true): string {
  return `running...\n${SUMMARY_MARKER}${JSON.stringify({ durationMs: 1000, reqs, failed, latency: { avg: p95 / 2, med: p95 / 2, 'p(90)': p95 * 0.9, 'p(95)': p95, 'p(99)': p95 * 1.2, 'p(99.9)': p95 * 1.5, max: p95 * 2 }, thresholds: { 'http_req_duration p(95)<=200': ok } })}\n`;
}

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
    assert.deepEqual(line, { durationMs: 1000, reqs: 100, failed: 3, latency: { med: 10, 'p(95)': 40, max: 90 }, thresholds: { 'http_req_failed rate<=0.001': false } });
    const rate = k6Script(POLICY.perf?.scenarios?.[1] as PerfScenario, [], 'x');
    assert.match(rate, /"executor": "constant-arrival-rate",\s+"rate": 30/);
  });

  it('merging runners adds counts and takes the worst percentile', () => {
    const a = parseSummaryLine(runnerLog(100, 0, 50));
    const b = parseSummaryLine(runnerLog(300, 3, 120));
    assert.ok(a && b);
    const m = mergeSummaries([a, b], 'x', 'k6-operator');
    assert.equal(m.requests, 400);
    assert.equal(m.errors, 3);
    assert.equal(m.latency.p95, 120);
    assert.equal(m.rps, 400);
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
      const rec = await run((i) => ({ exitCode: 0, log: runnerLog(1000 * i, 0, 80) }));
      assert.equal(rec.verdict, 'pass', rec.reason);
      assert.equal(rec.engine, 'k6-operator');
      assert.equal(rec.load?.requests, 3000);
      assert.deepEqual(rec.created.map((c) => c.kind), ['ConfigMap', 'TestRun']);
      assert.deepEqual(rec.deleted.map((c) => c.kind).sort(), ['ConfigMap', 'TestRun']);
      assert.equal(kube.list('testruns').length + kube.list('configmaps').length, 0);
      assert.ok(rec.timeline.some((t) => t.message === 'TestRun stage finished'));
    });

    it('a runner exiting 99 (thresholds crossed) fails the run', async () => {
      const rec = await run((i) => (i === 2 ? { exitCode: 99, log: runnerLog(1000, 0, 350, false) } : { exitCode: 0, log: runnerLog(1000, 0, 80) }));
      assert.equal(rec.verdict, 'fail');
      assert.match(rec.reason ?? '', /fast latency\.p95 350ms/);
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
