// Chaos runs end to end with the real @kubernetes/client-node against the stand-in API server (fake-kube.ts):
// kubeconfig handling, preflight refusals, a run to its verdict, abort with verified cleanup, stuck finalizers, dropped
// watches, Litmus, production guardrails and the audit record written before anything is created.
import './undici-node20';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChaosExperiment, Policy } from '../../server/src/policy/types';
import type { RunEvent, RunRequest, RunState } from '../../server/src/runs/api';
import { ClusterError } from '../../server/src/runs/kube/errors';
import { listContexts } from '../../server/src/runs/kube/kubeconfig';
import { createRuns, RunRefused } from '../../server/src/runs/service';
import { readRecord } from '../../server/src/runs/store';
import { FakeKube, LITMUS_RESOURCES, tempDir } from './fake-kube';

const TIMING = { pollMs: 40, cleanupTimeoutMs: 1500, finishGraceMs: 5000, liveWindowSec: 2 };
const CART_PODS = { shop: ['cart-1', 'cart-2', 'cart-3', 'cart-4'].map((name) => ({ name, labels: { app: 'cart' } })).concat([{ name: 'web-1', labels: { app: 'web' } }]) };

function experiment(over: Partial<ChaosExperiment> = {}): ChaosExperiment {
  return { name: 'cart-delay', engine: 'chaos-mesh', kind: 'NetworkChaos', action: 'delay', target: { namespace: 'shop', labels: { app: 'cart' }, mode: 'one' }, duration: '1s', parameters: { latency: '200ms' }, ...over };
}

function policy(e: ChaosExperiment = experiment(), guardrails: NonNullable<Policy['chaos']>['guardrails'] = { allowedNamespaces: ['shop'] }): Policy {
  return { version: 1, chaos: { experiments: [e], guardrails } };
}

/** Wait for an event matching `pred` (bounded). */
function waitFor(events: RunEvent[], pred: (e: RunEvent) => boolean, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = (): void => {
      if (events.some(pred)) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error(`timed out waiting; events: ${events.map((e) => e.type).join(',')}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

const isState = (s: RunState) => (e: RunEvent) => e.type === 'state' && e.state === s;

describe('runs: chaos against the stand-in API server', function () {
  this.timeout(30_000);
  let kube: FakeKube;
  let tmp: ReturnType<typeof tempDir>;
  let kubeconfig: string;
  const api = createRuns(TIMING);
  const req = (p: Policy, over: Partial<RunRequest> = {}): RunRequest => ({ kind: 'chaos', experiment: p.chaos?.experiments?.[0]?.name ?? '', policy: p, root: tmp.dir, kubeconfig: { files: [kubeconfig] }, confirmed: true, ...over });

  beforeEach(async () => {
    kube = await new FakeKube({ pods: CART_PODS }).start();
    tmp = tempDir('dfx-chaos-');
    kubeconfig = kube.writeKubeconfig(tmp.dir);
  });
  afterEach(async () => {
    await kube.stop();
    tmp.remove();
  });

  describe('kubeconfig', () => {
    it('no kubeconfig is an error with a next step, never localhost', () => {
      assert.throws(
        () => listContexts({ env: { HOME: tmp.dir } }),
        (e: unknown) => e instanceof ClusterError && e.info.kind === 'no-kubeconfig' && /KUBECONFIG/.test(e.info.nextStep),
      );
    });
    it('merges KUBECONFIG files like kubectl (first wins, first current-context) and never writes them', () => {
      const other = kube.writeKubeconfig(tmp.dir, 'prod-eu');
      const dup = kube.writeKubeconfig(tmp.dir, 'kind-dfx', 'other-token');
      const before = [kubeconfig, other, dup].map((f) => fs.readFileSync(f, 'utf8'));
      const list = listContexts({ env: { KUBECONFIG: [kubeconfig, other, dup].join(path.delimiter) } });
      assert.deepEqual(list.contexts.map((c) => [c.name, c.production, c.current]), [['kind-dfx', false, true], ['prod-eu', true, false]]);
      assert.equal(list.currentContext, 'kind-dfx');
      assert.deepEqual([kubeconfig, other, dup].map((f) => fs.readFileSync(f, 'utf8')), before);
    });
    it('a reachable cluster answers; a wrong token is 401; a closed port is unreachable', async () => {
      const ok = await api.checkContext({ kubeconfig: { files: [kubeconfig] } });
      assert.ok(ok.ok && ok.version === 'v1.31.0-fake');
      const bad = await api.checkContext({ kubeconfig: { files: [kube.writeKubeconfig(tmp.dir, 'expired', 'old')] } });
      assert.ok(!bad.ok && bad.error.kind === 'unauthorized', JSON.stringify(bad));
      const url = kube.url;
      await kube.stop();
      const down = await api.checkContext({ kubeconfig: { files: [kubeconfig] } });
      assert.ok(!down.ok && down.error.kind === 'unreachable' && down.error.message.includes(url), JSON.stringify(down));
      kube = await new FakeKube().start();
    });
    it('an unknown context is refused with the known names', async () => {
      const r = await api.checkContext({ context: 'nope', kubeconfig: { files: [kubeconfig] } });
      assert.ok(!r.ok && r.error.kind === 'no-context' && /kind-dfx/.test(r.error.message));
    });
  });

  describe('preflight', () => {
    it('passes with the pods hit, labelled objects, and creates nothing', async () => {
      const pf = await api.preflight(req(policy()));
      assert.ok(pf.ok, JSON.stringify(pf.checks, null, 1));
      assert.deepEqual(pf.checks.map((c) => `${c.id}:${c.status}`), ['guardrail.namespace:pass', 'guardrail.duration:pass', 'kubeconfig:pass', 'guardrail.context:pass', 'guardrail.asked:pass', 'manifest:pass', 'crd:pass', 'rbac:pass', 'namespace:pass', 'blast-radius:pass', 'dry-run:pass']);
      assert.deepEqual(pf.targets, ['shop/cart-1', 'shop/cart-2', 'shop/cart-3', 'shop/cart-4']);
      const o = pf.objects[0];
      assert.equal(o?.kind, 'NetworkChaos');
      assert.equal(o?.metadata.labels?.['genai4dfx.dev/run-id'], pf.runId);
      assert.deepEqual((o as { spec?: unknown }).spec, { selector: { namespaces: ['shop'], labelSelectors: { app: 'cart' } }, mode: 'one', action: 'delay', delay: { latency: '200ms' }, duration: '1s' });
      assert.equal(kube.list('networkchaos').length, 0, 'dry run stored nothing');
      assert.ok(kube.requests.some((r) => r.startsWith('POST /apis/chaos-mesh.org/v1alpha1/namespaces/shop/networkchaos?') && r.includes('dryRun=All')));
    });
    it('missing CRDs: refused with the install command', async () => {
      await kube.stop();
      kube = await new FakeKube({ resources: LITMUS_RESOURCES, pods: CART_PODS }).start();
      kubeconfig = kube.writeKubeconfig(tmp.dir);
      const pf = await api.preflight(req(policy()));
      const crd = pf.checks.find((c) => c.id === 'crd');
      assert.equal(crd?.status, 'fail');
      assert.match(crd?.detail ?? '', /Chaos Mesh is not installed/);
      assert.match(crd?.fix ?? '', /helm install chaos-mesh/);
      await assert.rejects(api.start(req(policy())), RunRefused);
      assert.equal(fs.existsSync(path.join(tmp.dir, '.dfx', 'runs')), false, 'refused runs leave no record');
    });
    it('RBAC: SelfSubjectAccessReview denial names the verb', async () => {
      await kube.stop();
      kube = await new FakeKube({ pods: CART_PODS, deny: ['delete networkchaos shop'] }).start();
      kubeconfig = kube.writeKubeconfig(tmp.dir);
      const pf = await api.preflight(req(policy()));
      assert.match(pf.checks.find((c) => c.id === 'rbac')?.detail ?? '', /not allowed in shop: delete networkchaos/);
      assert.equal(pf.checks.find((c) => c.id === 'dry-run')?.status, 'skip');
      assert.equal(pf.ok, false);
    });
    it('namespace missing, zero pods, blast radius exceeded, not allowed namespace', async () => {
      const ghost = await api.preflight(req(policy(experiment({ target: { namespace: 'ghost', labels: { app: 'cart' } } }), { allowedNamespaces: ['shop', 'ghost'] })));
      assert.equal(ghost.checks.find((c) => c.id === 'namespace')?.status, 'fail');
      const none = await api.preflight(req(policy(experiment({ target: { namespace: 'shop', labels: { app: 'nothing' } } }))));
      assert.match(none.checks.find((c) => c.id === 'blast-radius')?.detail ?? '', /matches no pod/);
      const all = await api.preflight(req(policy(experiment({ target: { namespace: 'shop', labels: { app: 'cart' }, mode: 'all' } }), { allowedNamespaces: ['shop'], maxBlastRadius: '25%' })));
      assert.match(all.checks.find((c) => c.id === 'blast-radius')?.detail ?? '', /hits 4 of 4 pods; maxBlastRadius 25% allows 1/);
      const denied = await api.preflight(req(policy(experiment(), { allowedNamespaces: ['staging'] })));
      assert.equal(denied.checks.find((c) => c.id === 'guardrail.namespace')?.status, 'fail');
      assert.ok(!denied.checks.some((c) => c.id === 'crd'), 'a refused namespace is not even looked at');
    });
    it('production: refused by default; allowed only with the typed context name', async () => {
      const prod = kube.writeKubeconfig(tmp.dir, 'shop-prod');
      const refused = await api.preflight(req(policy(), { kubeconfig: { files: [prod] } }));
      assert.match(refused.checks.find((c) => c.id === 'guardrail.context')?.detail ?? '', /counts as production/);
      assert.ok(!kube.requests.some((r) => r.includes('selfsubjectaccessreviews')), 'a refused production context is not contacted');
      const allowed = policy(experiment(), { allowedNamespaces: ['shop'], allowProduction: true });
      const noToken = await api.preflight(req(allowed, { kubeconfig: { files: [prod] } }));
      assert.equal(noToken.checks.find((c) => c.id === 'guardrail.confirmation')?.status, 'fail');
      assert.deepEqual(noToken.confirmation, { required: true, token: 'shop-prod', reason: 'context name "shop-prod" contains "prod"' });
      const typed = await api.preflight(req(allowed, { kubeconfig: { files: [prod] }, confirmation: 'shop-prod' }));
      assert.ok(typed.ok, JSON.stringify(typed.checks));
    });
    it('an unconfirmed run is refused unless the policy turns confirmation off', async () => {
      const pf = await api.preflight(req(policy(), { confirmed: false }));
      assert.equal(pf.checks.find((c) => c.id === 'guardrail.asked')?.status, 'fail');
      const off = await api.preflight(req(policy(experiment(), { allowedNamespaces: ['shop'], requireConfirmation: false }), { confirmed: false }));
      assert.ok(off.ok);
    });
  });

  describe('runs', () => {
    it('NetworkChaos: record before create, injected → recovered, deleted and verified gone, verdict pass', async () => {
      const events: RunEvent[] = [];
      let recordAtCreate: unknown;
      kube.beforeCreate = (key) => {
        const id = events.find((e) => e.type === 'state')?.runId ?? '';
        recordAtCreate = readRecord(tmp.dir, id)?.created.map((c) => c.name);
        assert.ok(key.endsWith(String((recordAtCreate as string[] | undefined)?.[0])));
      };
      const pf = await api.preflight(req(policy()));
      const h = await api.start(req(policy(), { runId: pf.runId }), { onEvent: (e) => events.push(e) });
      const rec = await h.done;
      assert.equal(rec.verdict, 'pass', rec.reason);
      assert.equal(rec.id, pf.runId, 'the run creates the objects the preflight showed');
      assert.equal(rec.created[0]?.name, pf.objects[0]?.metadata.name);
      assert.deepEqual(recordAtCreate, [rec.created[0]?.name], 'the audit record listed the object before it was created');
      assert.equal(rec.targets.length, 1);
      assert.equal(rec.targets[0]?.phase, 'recovered');
      assert.ok(rec.targets[0]?.injectedAt && rec.targets[0]?.recoveredAt);
      assert.deepEqual(rec.deleted.map((d) => d.kind), ['NetworkChaos']);
      assert.equal(kube.list('networkchaos').length, 0);
      const types = rec.timeline.map((t) => t.type);
      for (const t of ['created', 'injected', 'recovered', 'deleted']) assert.ok(types.includes(t as never), `timeline has ${t}: ${types.join(',')}`);
      const states = events.filter((e) => e.type === 'state').map((e) => (e as { state: string }).state);
      assert.deepEqual(states, ['creating', 'injecting', 'running', 'recovering', 'cleaning', 'passed']);
      assert.equal(readRecord(tmp.dir, rec.id)?.state, 'passed');
    });

    it('one-shot pod-kill finishes when injected', async () => {
      const rec = await (await api.start(req(policy(experiment({ name: 'kill', kind: 'PodChaos', action: 'pod-kill', parameters: {} }))))).done;
      assert.equal(rec.verdict, 'pass', rec.reason);
      assert.match(rec.reason ?? '', /1 target\(s\) hit/);
      assert.equal(kube.list('podchaos').length, 0);
    });

    it('a recurring fault runs through a Schedule for the experiment duration, then is deleted', async () => {
      const rec = await (await api.start(req(policy(experiment({ schedule: '@every 30s', duration: '300ms' }))))).done;
      assert.equal(rec.verdict, 'pass', rec.reason);
      assert.deepEqual(rec.created.map((c) => [c.kind, c.plural]), [['Schedule', 'schedules']]);
      assert.equal(kube.list('schedules').length, 0);
    });

    it('abort mid-run deletes by run label and verifies the fault is gone', async () => {
      const events: RunEvent[] = [];
      const h = await api.start(req(policy(experiment({ duration: '5m' }))), { onEvent: (e) => events.push(e) });
      await waitFor(events, isState('running'));
      assert.equal(kube.list('networkchaos').length, 1);
      const report = await h.abort('stop now');
      assert.ok(report.clean, JSON.stringify(report));
      assert.equal(kube.list('networkchaos').length, 0);
      const rec = await h.done;
      assert.equal(rec.verdict, 'aborted');
      assert.equal(rec.reason, 'stop now');
      assert.ok(kube.requests.some((r) => r.startsWith('GET /apis/chaos-mesh.org/v1alpha1/namespaces/shop/networkchaos?') && r.includes('labelSelector=')), 'cleanup listed by run label');
    });

    it('a stuck finalizer is reported, not hidden', async () => {
      await kube.stop();
      kube = await new FakeKube({ pods: CART_PODS, stuckFinalizers: ['networkchaos'] }).start();
      kubeconfig = kube.writeKubeconfig(tmp.dir);
      const rec = await (await api.start(req(policy()))).done;
      assert.equal(rec.verdict, 'error');
      assert.equal(rec.leftovers.length, 1);
      assert.match(rec.leftovers[0]?.reason ?? '', /finalizer\(s\) chaos-mesh\/records/);
      assert.match(rec.reason ?? '', /cleanup left NetworkChaos/);
    });

    it('survives dropped watches (reconnects, and polls meanwhile)', async () => {
      const events: RunEvent[] = [];
      const h = await api.start(req(policy(experiment({ duration: '1500ms' }))), { onEvent: (e) => events.push(e) });
      await waitFor(events, isState('running'));
      const watchesBefore = kube.requests.filter((r) => r.includes('watch=true')).length;
      kube.dropWatches();
      const rec = await h.done;
      assert.equal(rec.verdict, 'pass', rec.reason);
      assert.ok(kube.requests.filter((r) => r.includes('watch=true')).length > watchesBefore, 'the watch was re-established');
    });

    it('an API server blip mid-run is survived; a lasting loss ends in error with leftovers that the next start offers to clean up', async () => {
      const events: RunEvent[] = [];
      const blip = await api.start(req(policy(experiment({ duration: '1500ms' }))), { onEvent: (e) => events.push(e) });
      await waitFor(events, isState('running'));
      kube.down = true;
      kube.dropWatches();
      await waitFor(events, (e) => e.type === 'timeline' && e.entry.message.startsWith('lost the API server'));
      kube.down = false;
      const ok = await blip.done;
      assert.equal(ok.verdict, 'pass', ok.reason);
      assert.ok(ok.timeline.some((t) => t.type === 'error' && t.message.startsWith('lost the API server')));

      const lost = createRuns({ ...TIMING, finishGraceMs: 400, cleanupTimeoutMs: 300 });
      const ev2: RunEvent[] = [];
      const h = await lost.start(req(policy(experiment({ duration: '5m' }))), { onEvent: (e) => ev2.push(e) });
      await waitFor(ev2, isState('running'));
      kube.down = true;
      kube.dropWatches();
      const rec = await h.done;
      assert.equal(rec.verdict, 'error');
      assert.match(rec.leftovers[0]?.reason ?? '', /could not verify it is gone|cleanup failed|cannot reach/);
      assert.deepEqual(lost.orphans(tmp.dir).map((o) => o.id), [rec.id]);
      kube.down = false;
      const report = await lost.cleanup(tmp.dir, rec.id, { kubeconfig: { files: [kubeconfig] } });
      assert.ok(report.clean, JSON.stringify(report));
      assert.equal(kube.list('networkchaos').length, 0);
      assert.deepEqual(lost.orphans(tmp.dir), []);
    });

    it('a crash mid-run leaves a record; the next start finds the orphan and cleanup removes what it created', async () => {
      // A run whose process died right after creating its object (pid of a finished child process).
      const { spawnSync } = await import('node:child_process');
      const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid ?? 999999;
      const first = await api.preflight(req(policy()));
      const obj = first.objects[0];
      assert.ok(obj);
      kube.put({ group: 'chaos-mesh.org', version: 'v1alpha1', plural: 'networkchaos', kind: 'NetworkChaos' }, 'shop', obj as never);
      const recPath = path.join(tmp.dir, '.dfx', 'runs', `${first.runId}.json`);
      fs.mkdirSync(path.dirname(recPath), { recursive: true });
      const { newRecord } = await import('../../server/src/runs/record');
      const rec = newRecord({ id: first.runId, kind: 'chaos', name: 'cart-delay', engine: 'chaos-mesh', context: 'kind-dfx', server: kube.url, namespace: 'shop', dryRun: false });
      rec.pid = dead;
      rec.state = 'running';
      fs.writeFileSync(recPath, JSON.stringify({ ...rec, created: [{ apiVersion: 'chaos-mesh.org/v1alpha1', kind: 'NetworkChaos', plural: 'networkchaos', namespace: 'shop', name: obj.metadata.name }] }));
      assert.deepEqual(api.orphans(tmp.dir).map((o) => o.id), [first.runId]);
      const report = await api.cleanup(tmp.dir, first.runId, { kubeconfig: { files: [kubeconfig] } });
      assert.ok(report.clean);
      assert.equal(kube.list('networkchaos').length, 0);
      assert.deepEqual(api.orphans(tmp.dir), []);
      assert.equal(readRecord(tmp.dir, first.runId)?.state, 'aborted');
    });

    it('Litmus: ChaosEngine verdict from the ChaosResult; a missing ChaosExperiment is refused', async () => {
      const e = experiment({ name: 'cart-delete', engine: 'litmus', kind: 'pod-delete', action: undefined, parameters: { chaosServiceAccount: 'litmus-admin' } });
      const missing = await api.preflight(req(policy(e)));
      assert.match(missing.checks.find((c) => c.id === 'crd.experiment')?.fix ?? '', /hub.litmuschaos.io/);
      kube.put(LITMUS_RESOURCES[1] as never, 'shop', { metadata: { name: 'pod-delete' }, spec: {} });
      const rec = await (await api.start(req(policy(e)))).done;
      assert.equal(rec.verdict, 'pass', rec.reason);
      assert.match(rec.evidence.map((x) => x.summary).join(' '), /verdict Pass/);
      assert.equal(kube.list('chaosengines').length, 0);
      const env = (missing.objects[0] as unknown as { spec: { experiments: Array<{ spec: { components: { env: unknown } } }> } }).spec.experiments[0]?.spec.components.env;
      assert.deepEqual(env, [{ name: 'TOTAL_CHAOS_DURATION', value: '1' }]);
    });

    it('Litmus Fail verdict fails the run', async () => {
      await kube.stop();
      kube = await new FakeKube({ pods: CART_PODS, litmusVerdict: 'Fail' }).start();
      kubeconfig = kube.writeKubeconfig(tmp.dir);
      kube.put(LITMUS_RESOURCES[1] as never, 'shop', { metadata: { name: 'pod-delete' }, spec: {} });
      const e = experiment({ name: 'cart-delete', engine: 'litmus', kind: 'pod-delete', action: undefined });
      const rec = await (await api.start(req(policy(e)))).done;
      assert.equal(rec.verdict, 'fail');
      assert.match(rec.reason ?? '', /ChaosResult verdict Fail/);
    });
  });
});
