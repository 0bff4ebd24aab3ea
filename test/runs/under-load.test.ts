// Experiment under load: the embedded load generator runs against a local service while the stand-in cluster injects
// the fault; the SLOs are the steady-state hypothesis. The test plays the fault's effect on the service (it slows the
// service down once the engine reports the target injected), so a breach beyond the tolerance must stop the fault early.
import './undici-node20';
import * as assert from 'node:assert/strict';
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
});
