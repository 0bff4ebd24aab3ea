// Experiment under load: the embedded load generator runs against a local service while the stand-in cluster injects
// the fault; the SLOs are the steady-state hypothesis. The test plays the fault's effect on the service (it slows the
// service down once the engine reports the target injected), so a breach beyond the tolerance must stop the fault early.
import './undici-node20';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Policy } from '../../server/src/policy/types';
import type { RunEvent } from '../../server/src/runs/api';
import { createRuns } from '../../server/src/runs/service';
import { FakeKube, tempDir } from './fake-kube';
import { startTarget, type TargetServer } from './target-server';

const TIMING = { pollMs: 40, cleanupTimeoutMs: 1500, finishGraceMs: 5000, liveWindowSec: 2 };

function policy(url: string, faultDuration: string, loadDuration: string): Policy {
  return {
    version: 1,
    slos: [{ name: 'fast', latency: { p95: '30ms' } }, { name: 'ok', errorRate: '1%' }],
    chaos: {
      guardrails: { allowedNamespaces: ['shop'] },
      experiments: [
        {
          name: 'cart-delay',
          engine: 'chaos-mesh',
          kind: 'NetworkChaos',
          action: 'delay',
          target: { namespace: 'shop', labels: { app: 'cart' } },
          duration: faultDuration,
          parameters: { latency: '100ms' },
          hypothesis: { slos: ['fast', 'ok'], tolerance: '10%' },
          underLoad: 'cart-load',
        },
      ],
    },
    perf: { scenarios: [{ name: 'cart-load', target: url, vus: 4, duration: loadDuration }] },
  };
}

describe('runs: experiment under load', function () {
  this.timeout(30_000);
  let kube: FakeKube;
  let target: TargetServer;
  let tmp: ReturnType<typeof tempDir>;
  let kubeconfig: string;

  beforeEach(async () => {
    kube = await new FakeKube({ pods: { shop: [{ name: 'cart-1', labels: { app: 'cart' } }, { name: 'cart-2', labels: { app: 'cart' } }] } }).start();
    target = await startTarget();
    tmp = tempDir('dfx-underload-');
    kubeconfig = kube.writeKubeconfig(tmp.dir);
  });
  afterEach(async () => {
    await kube.stop();
    await target.close();
    tmp.remove();
  });

  it('a breach beyond the tolerance stops the fault early and fails the run', async () => {
    const events: RunEvent[] = [];
    const api = createRuns(TIMING);
    const t0 = Date.now();
    const h = await api.start(
      { kind: 'under-load', experiment: 'cart-delay', scenario: 'cart-load', policy: policy(target.url, '5m', '20s'), root: tmp.dir, kubeconfig: { files: [kubeconfig] }, confirmed: true },
      {
        onEvent: (e) => {
          events.push(e);
          // The fault's effect on the service: slow once injected.
          if (e.type === 'target' && e.target.phase === 'injected') target.delayMs = 60;
        },
      },
    );
    const rec = await h.done;
    assert.equal(rec.verdict, 'fail', rec.reason);
    assert.ok(rec.stoppedEarly);
    assert.match(rec.reason ?? '', /stopped early: fast latency\.p95 \d+(\.\d+)?ms \(want <= 30ms \+10%\)/);
    assert.ok(Date.now() - t0 < 15_000, 'stopped well before the 5m fault and 20s load');
    assert.ok(events.some((e) => e.type === 'slo' && e.live && !e.verdict.passed));
    const types = rec.timeline.map((t) => t.type);
    assert.ok(types.indexOf('injected') < types.indexOf('slo-breach') && types.indexOf('slo-breach') < types.indexOf('stop-early'), types.join(','));
    assert.ok(kube.requests.some((r) => r.startsWith('PATCH /apis/chaos-mesh.org/v1alpha1/namespaces/shop/networkchaos/')), 'paused before delete');
    assert.equal(kube.list('networkchaos').length, 0, 'the fault is gone');
    assert.ok(rec.samples.length >= 2 && rec.load);
  });

  it('the steady state holds: load and fault both finish, verdict pass with per-target records and samples', async () => {
    const api = createRuns(TIMING);
    const rec = await (
      await api.start({ kind: 'under-load', experiment: 'cart-delay', scenario: 'cart-load', policy: policy(target.url, '1s', '2s'), root: tmp.dir, kubeconfig: { files: [kubeconfig] }, confirmed: true })
    ).done;
    assert.equal(rec.verdict, 'pass', rec.reason);
    assert.equal(rec.stoppedEarly, false);
    assert.equal(rec.targets[0]?.phase, 'recovered');
    assert.deepEqual(rec.slos.map((v) => [v.slo, v.metric, v.passed]), [['fast', 'latency.p95', true], ['ok', 'errorRate', true]]);
    assert.ok(rec.samples.length >= 2);
    assert.equal(kube.list('networkchaos').length, 0);
  });

  it('the Prometheus probe of the hypothesis: checked in preflight, and a violation stops the fault early', async () => {
    let value = 0.001;
    const queries: string[] = [];
    const prom = http.createServer((req, res) => {
      queries.push(new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [Date.now() / 1000, String(value)] }] } }));
    });
    await new Promise<void>((r) => prom.listen(0, '127.0.0.1', r));
    try {
      const p = policy(target.url, '5m', '1s');
      const e = p.chaos?.experiments?.[0];
      assert.ok(e);
      e.hypothesis = { prometheus: { url: `http://127.0.0.1:${(prom.address() as AddressInfo).port}`, query: 'sum(rate(errors[1m]))', bound: '< 0.01' } };
      const events: RunEvent[] = [];
      const api = createRuns({ ...TIMING, probeMs: 50 });
      const base = { kind: 'chaos' as const, experiment: 'cart-delay', policy: p, root: tmp.dir, kubeconfig: { files: [kubeconfig] }, confirmed: true };
      const pf = await api.preflight(base);
      assert.equal(pf.checks.find((c) => c.id === 'hypothesis.prometheus')?.detail, 'sum(rate(errors[1m])) = 0.001 (must be < 0.01)');
      const h = await api.start(base, {
        onEvent: (ev) => {
          events.push(ev);
          if (ev.type === 'target' && ev.target.phase === 'injected') value = 0.5;
        },
      });
      const rec = await h.done;
      assert.equal(rec.verdict, 'fail', rec.reason);
      assert.ok(rec.stoppedEarly);
      assert.match(rec.reason ?? '', /Prometheus sum\(rate\(errors\[1m\]\)\) = 0\.5 \(must be < 0\.01\)/);
      assert.equal(kube.list('networkchaos').length, 0);
      assert.ok(queries.every((q) => q === 'sum(rate(errors[1m]))'));
    } finally {
      prom.closeAllConnections();
      await new Promise<void>((r) => prom.close(() => r()));
    }
  });
});
