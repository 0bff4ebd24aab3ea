// The embedded load generator for real, against a local service whose latency and errors the test controls: the SLO
// verdict both ways, per-second samples, abort, and the record in .dfx/runs.
import './undici-node20';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Policy } from '../../server/src/policy/types';
import type { RunEvent } from '../../server/src/runs/api';
import { Histogram } from '../../server/src/runs/load/histogram';
import { runLocalLoad } from '../../server/src/runs/load/local';
import { createRuns, RunRefused } from '../../server/src/runs/service';
import { stringify } from 'yaml';
import { startTarget, type TargetServer } from './target-server';

function policyFor(url: string, extra: Partial<Policy['perf'] & object> = {}): Policy {
  return {
    version: 1,
    slos: [
      { name: 'fast', latency: { p95: '40ms' } },
      { name: 'reliable', errorRate: '1%' },
    ],
    perf: { scenarios: [{ name: 'smoke', target: url, vus: 4, duration: '2s', slos: ['fast', 'reliable'] }], ...extra },
  };
}

describe('runs: embedded load generator', () => {
  let target: TargetServer;
  let root: string;
  beforeEach(async () => {
    target = await startTarget();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dfx-load-'));
  });
  afterEach(async () => {
    await target.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('passes when the service is fast and healthy, with per-second samples and a record', async () => {
    const events: RunEvent[] = [];
    const api = createRuns();
    const h = await api.start({ kind: 'perf', scenario: 'smoke', policy: policyFor(target.url), root }, { onEvent: (e) => events.push(e) });
    const rec = await h.done;
    assert.equal(rec.verdict, 'pass', rec.reason);
    assert.equal(rec.state, 'passed');
    assert.ok(rec.load && rec.load.requests > 50, `requests ${rec.load?.requests}`);
    // Every answered request counted once; up to one in flight per connection when the duration ends.
    assert.ok(target.requests - (rec.load?.requests ?? 0) >= 0 && target.requests - (rec.load?.requests ?? 0) <= 4, `${rec.load?.requests} vs ${target.requests}`);
    assert.ok(rec.samples.length >= 2, `samples ${rec.samples.length}`);
    assert.ok(events.some((e) => e.type === 'sample'));
    assert.deepEqual(rec.slos.map((v) => [v.slo, v.metric, v.passed]), [['fast', 'latency.p95', true], ['reliable', 'errorRate', true]]);
    const onDisk = api.read(root, rec.id);
    assert.equal(onDisk?.verdict, 'pass');
    assert.deepEqual(api.history(root).map((r) => r.id), [rec.id]);
  });

  it('with policyPath, the engine runs the validated policy file, and refuses one with validator errors', async () => {
    const file = path.join(root, '.dfx.yaml');
    fs.writeFileSync(file, stringify(policyFor(target.url)));
    // The caller's parse is stale (no such scenario): the engine runs what the validator read from the file.
    const stale: Policy = { version: 1 };
    const api = createRuns();
    const rec = await (await api.start({ kind: 'perf', scenario: 'smoke', policy: stale, policyPath: file, root })).done;
    assert.equal(rec.verdict, 'pass', rec.reason);
    assert.deepEqual(rec.preflight[0], { id: 'policy', title: 'Policy valid', status: 'pass', detail: file });

    const text = fs.readFileSync(file, 'utf8').replace('p95: 40ms', 'p95: 40 parsecs');
    fs.writeFileSync(file, text);
    const line = text.slice(0, text.indexOf('40 parsecs')).split('\n').length;
    const pf = await api.preflight({ kind: 'perf', scenario: 'smoke', policy: policyFor(target.url), policyPath: file, root });
    assert.equal(pf.ok, false);
    assert.deepEqual(pf.checks.map((c) => `${c.id}:${c.status}`), ['policy:fail']);
    assert.match(pf.checks[0]?.detail ?? '', new RegExp(`\\.dfx\\.yaml:${line}:\\d+: .*parsecs`));
    await assert.rejects(api.start({ kind: 'perf', scenario: 'smoke', policy: policyFor(target.url), policyPath: file, root }), (e: unknown) => e instanceof RunRefused && /Policy valid: .*parsecs/.test(e.message));
    assert.equal(api.history(root).length, 1, 'the refused run left no record');
  });

  it('fails on latency when the service is slower than the SLO', async () => {
    target.delayMs = 80;
    const rec = await (await createRuns().start({ kind: 'perf', scenario: 'smoke', policy: policyFor(target.url), root })).done;
    assert.equal(rec.verdict, 'fail');
    const p95 = rec.slos.find((v) => v.metric === 'latency.p95');
    assert.equal(p95?.passed, false);
    assert.ok((p95?.value ?? 0) >= 80 && (p95?.value ?? 0) < 200, `p95 ${p95?.value}`);
    assert.equal(rec.slos.find((v) => v.metric === 'errorRate')?.passed, true);
    assert.match(rec.reason ?? '', /fast latency\.p95/);
  });

  it('fails on error rate when the service answers 500 to a share of requests', async () => {
    target.errorShare = 0.1;
    const rec = await (await createRuns().start({ kind: 'perf', scenario: 'smoke', policy: policyFor(target.url), root })).done;
    assert.equal(rec.verdict, 'fail');
    const er = rec.slos.find((v) => v.metric === 'errorRate');
    assert.equal(er?.passed, false);
    assert.ok(Math.abs((er?.value ?? 0) - 0.1) < 0.02, `error rate ${er?.value}`);
    assert.ok((rec.load?.statusCodes['500'] ?? 0) > 0);
  });

  it('explicit thresholds override the SLO on the same metric; throughput is a minimum', async () => {
    target.delayMs = 80;
    const policy = policyFor(target.url);
    const sc = policy.perf?.scenarios?.[0];
    assert.ok(sc);
    sc.thresholds = { latency: { p95: '500ms' }, throughput: '1000000rps' };
    const rec = await (await createRuns().start({ kind: 'perf', scenario: 'smoke', policy, root })).done;
    assert.deepEqual(rec.slos.map((v) => [v.slo, v.metric, v.passed]), [['reliable', 'errorRate', true], ['thresholds', 'latency.p95', true], ['thresholds', 'throughput', false]]);
    assert.equal(rec.verdict, 'fail');
  });

  it('abort stops the load early and records it as aborted', async () => {
    const policy = policyFor(target.url);
    const sc = policy.perf?.scenarios?.[0];
    assert.ok(sc);
    sc.duration = '60s';
    const api = createRuns();
    let first: () => void = () => {};
    const gotSample = new Promise<void>((r) => (first = r));
    const h = await api.start({ kind: 'perf', scenario: 'smoke', policy, root }, { onEvent: (e) => e.type === 'sample' && first() });
    await gotSample;
    const t0 = Date.now();
    const report = await h.abort('test abort');
    assert.ok(report.clean);
    const rec = await h.done;
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(rec.verdict, 'aborted');
    assert.equal(rec.reason, 'test abort');
  });

  it('preflight refuses an unreachable target and an unknown SLO, creating no record', async () => {
    await target.close();
    const policy = policyFor(target.url);
    policy.perf?.scenarios?.[0]?.slos?.push('nope');
    const api = createRuns();
    const pf = await api.preflight({ kind: 'perf', scenario: 'smoke', policy, root });
    assert.equal(pf.ok, false);
    assert.equal(pf.checks.find((c) => c.id === 'load.target')?.status, 'fail');
    assert.match(pf.checks.find((c) => c.id === 'load.thresholds')?.detail ?? '', /no SLO named "nope"/);
    await assert.rejects(api.start({ kind: 'perf', scenario: 'smoke', policy, root }), RunRefused);
    assert.deepEqual(api.history(root), []);
    target = await startTarget();
  });

  it('a production-looking target host is refused unless the policy allows production', async () => {
    const policy = policyFor('http://api.prod.acme.invalid:9/x');
    const pf = await createRuns().preflight({ kind: 'perf', scenario: 'smoke', policy, root });
    assert.match(pf.checks.find((c) => c.id === 'guardrail.production')?.detail ?? '', /api\.prod\.acme\.invalid looks like production/);
    assert.equal(pf.checks.find((c) => c.id === 'guardrail.production')?.status, 'fail');
    const allowed = await createRuns().preflight({ kind: 'perf', scenario: 'smoke', policy: { ...policy, chaos: { guardrails: { allowProduction: true } } }, root });
    assert.equal(allowed.checks.find((c) => c.id === 'guardrail.production')?.status, 'warn');
  });

  it('runLocalLoad honours an open-model rate', async () => {
    const res = await runLocalLoad({ url: target.url, method: 'GET', headers: {}, body: undefined, connections: 4, durationMs: 2000, rate: 50, timeoutMs: 2000 });
    assert.ok(res.summary.rps > 35 && res.summary.rps < 65, `rps ${res.summary.rps}`);
  });
});

describe('runs: latency histogram', () => {
  it('percentiles are within 1% of the exact values over a wide range', () => {
    const h = new Histogram();
    const values: number[] = [];
    for (let i = 1; i <= 10000; i++) {
      const v = (i * i) / 1000; // 0.001 ms .. 100 s
      values.push(v);
      h.record(v);
    }
    for (const q of [0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1] ?? 0;
      const got = h.quantile(q);
      assert.ok(Math.abs(got - exact) / exact <= 0.011, `q${q}: ${got} vs ${exact}`);
    }
    assert.equal(h.max, 100_000);
    assert.equal(h.count, 10000);
  });
});
