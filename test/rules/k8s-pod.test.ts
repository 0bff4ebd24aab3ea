// The pod-spec helpers the k8s-* rules share: image references, label selectors, kustomize image overrides, and the
// indentation-preserving insertions behind the certain fixes (CRLF files, block scalars). Fixtures cover the rules;
// these cover what a fixture cannot (files beside the manifest, line endings).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_ANALYZE_OPTIONS, type Engine } from '../../server/src/engine/analyzer';
import { applyChanges } from '../../server/src/engine/fixes';
import { parseImage } from '../../server/src/rules/lib/k8s-pod';
import { sharedEngine } from '../helpers/engine';

const DEPLOYMENT = (image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  replicas: 2
  template:
    metadata:
      labels: { app: cart }
    spec:
      containers:
        - name: cart
          image: ${image}
`;

describe('k8s pod helpers', () => {
  let engine: Engine;
  let dir: string;
  before(async () => {
    engine = await sharedEngine();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-k8s-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (file: string, text: string, id: string) =>
    engine.analyzeText(file, 'yaml', text, { ...DEFAULT_ANALYZE_OPTIONS, level: (m) => (m.id === id ? m.severity : 'off') }).findings.filter((f) => f.ruleId === id);

  it('parses image references like container runtimes do', () => {
    assert.deepEqual(parseImage('nginx'), { registry: 'docker.io', repository: 'library/nginx', tag: undefined, digest: undefined });
    assert.deepEqual(parseImage('localhost:5000/envoy:v1.30'), { registry: 'localhost:5000', repository: 'envoy', tag: 'v1.30', digest: undefined });
    assert.deepEqual(parseImage('bitnami/redis@sha256:abc'), { registry: 'docker.io', repository: 'bitnami/redis', tag: undefined, digest: 'sha256:abc' });
    assert.equal(parseImage('ghcr.io/org/app:1.2.3').registry, 'ghcr.io');
  });

  it('k8s-image-latest-tag leaves images a kustomization in a parent folder rewrites', () => {
    const base = path.join(dir, 'base');
    fs.mkdirSync(base, { recursive: true });
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - base\nimages:\n  - name: registry.example.com/shop/cart\n    newTag: 1.8.2\n');
    const file = path.join(base, 'deployment.yaml');
    assert.equal(run(file, DEPLOYMENT('registry.example.com/shop/cart'), 'k8s-image-latest-tag').length, 0);
    assert.equal(run(file, DEPLOYMENT('registry.example.com/shop/other:latest'), 'k8s-image-latest-tag').length, 1, 'an image the kustomization does not name is still flagged');
  });

  it('k8s-image-latest-tag leaves images that Skaffold builds', () => {
    const app = path.join(dir, 'skaffold-app');
    fs.mkdirSync(path.join(app, 'kubernetes-manifests'), { recursive: true });
    fs.writeFileSync(path.join(app, 'skaffold.yaml'), 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n  - image: frontend\n    context: src/frontend\n');
    const file = path.join(app, 'kubernetes-manifests', 'frontend.yaml');
    assert.equal(run(file, DEPLOYMENT('frontend'), 'k8s-image-latest-tag').length, 0);
    assert.equal(run(file, DEPLOYMENT('redis'), 'k8s-image-latest-tag').length, 1);
  });

  it('k8s-missing-pdb evaluates matchExpressions against the pod labels', () => {
    const pdb = (op: string, values: string) => `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: cart
spec:
  maxUnavailable: 1
  selector:
    matchExpressions:
      - { key: app, operator: ${op}, values: [${values}] }
`;
    const file = path.join(dir, 'pdb.yaml');
    assert.equal(run(file, DEPLOYMENT('cart:1.0.0') + pdb('In', 'cart, cart-canary'), 'k8s-missing-pdb').length, 0);
    assert.equal(run(file, DEPLOYMENT('cart:1.0.0') + pdb('NotIn', 'cart'), 'k8s-missing-pdb').length, 1);
  });

  it('certain fixes keep CRLF line endings and the container indentation', () => {
    const text = DEPLOYMENT('cart:1.0.0').replace(/\n/g, '\r\n');
    const findings = run(path.join(dir, 'crlf.yaml'), text, 'k8s-privilege-escalation');
    assert.equal(findings.length, 1);
    const fixed = applyChanges(text, findings[0]!.fix!.changes);
    assert.ok(fixed.endsWith('          image: cart:1.0.0\r\n          securityContext:\r\n            allowPrivilegeEscalation: false\r\n'), JSON.stringify(fixed.slice(-120)));
    assert.equal(run(path.join(dir, 'crlf.yaml'), fixed, 'k8s-privilege-escalation').length, 0);
  });
});
