// Suggested experiments from findings and manifests: offline, deterministic, each justified by evidence.
import * as assert from 'node:assert/strict';
import { suggestExperiments, workloadsOf } from '../../server/src/runs/suggest';
import { buildChaosMesh } from '../../server/src/runs/manifests';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: { name: cart, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: cart } }
  template:
    metadata: { labels: { app: cart, tier: web } }
    spec: { containers: [{ name: cart, image: cart:1 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: payments, namespace: shop }
spec:
  replicas: 3
  template:
    metadata: { labels: { app: payments } }
---
apiVersion: v1
kind: Service
metadata: { name: cart }
`;

describe('runs: suggested experiments', () => {
  const workloads = workloadsOf(MANIFEST, 'k8s/shop.yaml');

  it('reads workloads (not Services) with their pod labels and replicas', () => {
    assert.deepEqual(workloads.map((w) => [w.kind, w.name, w.namespace, w.replicas, w.labels]), [
      ['Deployment', 'cart', 'shop', 1, { app: 'cart', tier: 'web' }],
      ['Deployment', 'payments', 'shop', 3, { app: 'payments' }],
    ]);
    assert.deepEqual(workloadsOf('a: [', 'bad.yaml'), []);
  });

  it('a client without a timeout → delay on its own pods; a single replica → pod-kill; probes and limits too', () => {
    const s = suggestExperiments(
      [
        { ruleId: 'go-http-no-timeout', path: 'services/cart/client.go', line: 12, message: 'http.Get has no timeout' },
        { ruleId: 'js-fetch-no-timeout', path: 'web/app.ts', line: 3, message: 'fetch() has no timeout' },
        { ruleId: 'k8s-missing-probes', path: 'k8s/shop.yaml', line: 9, message: 'no probes' },
        { ruleId: 'k8s-missing-resource-limits', path: 'k8s/shop.yaml', line: 9, message: 'no limits' },
        { ruleId: 'python-bare-except', path: 'x.py', message: 'bare except' },
      ],
      workloads,
    );
    assert.deepEqual(s.map((x) => [x.experiment.name, x.experiment.kind, x.experiment.action, x.targetIsGuess]), [
      ['cart-slow-upstreams', 'NetworkChaos', 'delay', false],
      ['service-slow-upstreams', 'NetworkChaos', 'delay', true],
      ['cart-pod-kill', 'PodChaos', 'pod-kill', false],
      ['cart-pod-failure', 'PodChaos', 'pod-failure', false],
      ['payments-pod-failure', 'PodChaos', 'pod-failure', false],
      ['cart-memory-stress', 'StressChaos', 'memory', false],
      ['payments-memory-stress', 'StressChaos', 'memory', false],
    ]);
    assert.deepEqual(s[0]?.evidence, ['services/cart/client.go:12']);
    assert.match(s[0]?.snippet ?? '', /^- name: cart-slow-upstreams\n/);
    // Every suggestion builds into a valid Chaos Mesh object.
    for (const x of s) assert.deepEqual(buildChaosMesh(x.experiment, '20261124-000000-abcdef', x.experiment.target.namespace).errors, [], x.experiment.name);
  });
});
