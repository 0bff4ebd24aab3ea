// Manifest builders: every Chaos Mesh kind with its required fields, Schedule wrapping, Litmus env, run labels on every
// object, names valid for Kubernetes; and the SLO judging polarity.
import * as assert from 'node:assert/strict';
import type { ChaosExperiment } from '../../server/src/policy/types';
import { buildChaosMesh, buildLitmus, objectName, runSelector } from '../../server/src/runs/manifests';
import { liveBreaches, sloThresholds, verdictOf } from '../../server/src/runs/slo';
import type { LoadSample } from '../../server/src/runs/api';

const ID = '20261124-213501-3fa9c2';
const base = (over: Partial<ChaosExperiment>): ChaosExperiment => ({ name: 'x', engine: 'chaos-mesh', kind: 'PodChaos', action: 'pod-kill', target: { namespace: 'shop', labels: { app: 'cart' } }, duration: '30s', ...over });
const spec = (e: ChaosExperiment): Record<string, unknown> => {
  const b = buildChaosMesh(e, ID, 'shop');
  assert.deepEqual(b.errors, []);
  return (b.objects[0]?.object as unknown as { spec: Record<string, unknown> }).spec;
};
const errors = (e: ChaosExperiment): string => buildChaosMesh(e, ID, 'shop').errors.join('; ');

describe('runs: manifests', () => {
  it('every object carries the run labels; names are DNS-1123 and short', () => {
    const b = buildChaosMesh(base({ name: 'Cart Pod Kill!! with a very long name that goes on and on and on' }), ID, 'shop');
    const o = b.objects[0]?.object;
    assert.deepEqual(o?.metadata.labels, { 'app.kubernetes.io/managed-by': 'genai4dfx', 'genai4dfx.dev/run-id': ID, 'genai4dfx.dev/run-name': 'Cart-Pod-Kill-with-a-very-long-name-that-goes-on-and-on-and-on' });
    assert.match(o?.metadata.name ?? '', /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    assert.ok((o?.metadata.name.length ?? 99) <= 63);
    assert.equal(objectName('a', ID), 'dfx-a-3fa9c2');
    assert.equal(runSelector(ID), `app.kubernetes.io/managed-by=genai4dfx,genai4dfx.dev/run-id=${ID}`);
  });

  it('PodChaos', () => {
    assert.deepEqual(spec(base({ parameters: { gracePeriod: 0 } })), { selector: { namespaces: ['shop'], labelSelectors: { app: 'cart' } }, mode: 'one', action: 'pod-kill', gracePeriod: 0, duration: '30s' });
    assert.match(errors(base({ action: 'container-kill' })), /containerNames/);
    assert.match(errors(base({ action: 'explode' })), /PodChaos needs action one of pod-kill, pod-failure, container-kill \(got "explode"\)/);
  });

  it('NetworkChaos actions', () => {
    assert.deepEqual(spec(base({ kind: 'NetworkChaos', action: 'delay', parameters: { latency: '250ms', jitter: '50ms' } })).delay, { latency: '250ms', jitter: '50ms' });
    assert.deepEqual(spec(base({ kind: 'NetworkChaos', action: 'loss', parameters: { loss: 25 } })).loss, { loss: '25' });
    assert.deepEqual(spec(base({ kind: 'NetworkChaos', action: 'bandwidth', parameters: { rate: '1mbps' } })).bandwidth, { limit: 20971520, buffer: 10000, rate: '1mbps' });
    assert.equal(spec(base({ kind: 'NetworkChaos', action: 'partition' })).action, 'partition');
    assert.match(errors(base({ kind: 'NetworkChaos', action: 'delay' })), /latency/);
    assert.match(errors(base({ kind: 'NetworkChaos', action: 'delay', parameters: { latency: '1s', direction: 'both' } })), /needs a target selector/);
  });

  it('StressChaos, IOChaos, HTTPChaos, TimeChaos, DNSChaos', () => {
    const stress = spec(base({ kind: 'StressChaos', action: 'cpu', parameters: { workers: 2, load: 70 } }));
    assert.deepEqual(stress.stressors, { cpu: { workers: 2, load: 70 } });
    assert.equal(stress.action, undefined);
    assert.match(errors(base({ kind: 'StressChaos', action: 'cpu', parameters: { workers: 0 } })), /workers must be more than 0/);
    assert.match(errors(base({ kind: 'IOChaos', action: 'latency' })), /volumePath/);
    assert.equal(spec(base({ kind: 'IOChaos', action: 'latency', parameters: { volumePath: '/data', delay: '80ms' } })).volumePath, '/data');
    const http = spec(base({ kind: 'HTTPChaos', action: 'abort', parameters: { port: 8080, path: '/v1/*' } }));
    assert.deepEqual([http.target, http.port, http.abort, http.action], ['Request', 8080, true, undefined]);
    assert.match(errors(base({ kind: 'TimeChaos', action: undefined })), /timeOffset/);
    assert.equal(spec(base({ kind: 'DNSChaos', action: 'error', parameters: { patterns: ['*.acme.io'] } })).action, 'error');
    assert.match(errors(base({ kind: 'KernelChaos' })), /not one of/);
  });

  it('selector modes need values; labels are required', () => {
    assert.match(errors(base({ target: { namespace: 'shop', labels: { app: 'cart' }, mode: 'fixed-percent' } })), /needs target.value/);
    assert.match(errors(base({ target: { namespace: 'shop' } })), /target.labels/);
    assert.equal(spec(base({ target: { namespace: 'shop', labels: { app: 'cart' }, mode: 'fixed', value: '2' } })).value, '2');
  });

  it('a schedule wraps the fault in a Schedule with the lowerCamel kind key', () => {
    const b = buildChaosMesh(base({ kind: 'NetworkChaos', action: 'loss', parameters: { loss: '15' }, schedule: '@every 1h' }), ID, 'shop');
    const o = b.objects[0];
    assert.equal(o?.plural, 'schedules');
    const s = (o?.object as unknown as { spec: Record<string, unknown> }).spec;
    assert.deepEqual([s.schedule, s.type, s.concurrencyPolicy], ['@every 1h', 'NetworkChaos', 'Forbid']);
    assert.ok(s.networkChaos);
  });

  it('Litmus ChaosEngine: appinfo, service account, env from duration and parameters', () => {
    const b = buildLitmus(base({ engine: 'litmus', kind: 'pod-cpu-hog', duration: '2m', parameters: { cpuCores: 2, chaosServiceAccount: 'litmus-admin' }, target: { namespace: 'shop', labels: { app: 'cart', tier: 'web' }, kind: 'statefulset' } }), ID, 'shop', 50);
    const s = (b.objects[0]?.object as unknown as { spec: Record<string, unknown> }).spec;
    assert.deepEqual(s.appinfo, { appns: 'shop', applabel: 'app=cart,tier=web', appkind: 'statefulset' });
    assert.equal(s.chaosServiceAccount, 'litmus-admin');
    assert.equal(s.engineState, 'active');
    assert.deepEqual((s.experiments as Array<{ spec: { components: { env: unknown } } }>)[0]?.spec.components.env, [
      { name: 'TOTAL_CHAOS_DURATION', value: '120' },
      { name: 'PODS_AFFECTED_PERC', value: '50' },
      { name: 'CPU_CORES', value: '2' },
    ]);
  });
});

describe('runs: SLO judging', () => {
  const t = sloThresholds({ latency: { p95: '200ms' }, errorRate: '1%', throughput: '100rps', availability: '99%' }, 's', []);
  it('max bounds pass at the limit and fail above; min bounds the other way', () => {
    const [lat, err, thr, avail] = t;
    assert.ok(lat && err && thr && avail);
    assert.equal(verdictOf(lat, 200).passed, true);
    assert.equal(verdictOf(lat, 200.1).passed, false);
    assert.equal(verdictOf(err, 0.01).passed, true);
    assert.equal(verdictOf(err, 0.011).passed, false);
    assert.equal(verdictOf(thr, 100).passed, true);
    assert.equal(verdictOf(thr, 99).passed, false);
    assert.equal(verdictOf(avail, 0.995).passed, true);
    assert.equal(verdictOf(avail, 0.98).passed, false);
    assert.equal(verdictOf(lat, undefined).passed, false, 'no data fails');
    assert.equal(verdictOf(lat, 215, 0.1).passed, true, 'within tolerance');
    assert.equal(verdictOf(thr, 95, 0.1).passed, true, 'min bound tolerance goes down');
    assert.deepEqual([verdictOf(lat, 250).threshold, verdictOf(lat, 250).observed, verdictOf(err, 0.02).observed], ['<= 200ms', '250ms', '2%']);
  });
  it('live breaches need a sustained window (median of per-second values), not one slow second', () => {
    const s = (p95: number, errors = 0): LoadSample => ({ t: 0, at: '', requests: 100, rps: 100, errors, errorRate: errors / 100, p50: 1, p95, p99: p95, max: p95 });
    const [lat] = t;
    assert.ok(lat);
    assert.deepEqual(liveBreaches([lat], [s(10), s(10), s(900)], 3, 0), []);
    assert.equal(liveBreaches([lat], [s(10), s(900), s(900)], 3, 0).length, 1);
    assert.deepEqual(liveBreaches([lat], [s(900)], 3, 0), [], 'too little data');
  });
});
