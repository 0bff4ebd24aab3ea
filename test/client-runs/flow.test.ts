// The preconditions the run commands report, and preflight → refusal / typed confirmation / start, against the
// in-memory engine with a scripted UI.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Policy } from '../../server/src/policy/types';
import type { Preflight, PreflightCheck, RunRequest } from '../../server/src/runs/api';
import { prepareRun, preflightSummary, refusalMessage, runPrecondition, type FlowUi } from '../../client/src/runs/flow';
import type { ClusterState, PolicyState } from '../../client/src/runs/model';
import { nearestPolicy, readPolicy } from '../../client/src/runs/policy-file';
import { FakeRuns, check, context } from './fake-runs';

const POLICY: Policy = {
  version: 1,
  chaos: { experiments: [{ name: 'cart-pod-kill', engine: 'chaos-mesh', kind: 'PodChaos', action: 'pod-kill', target: { namespace: 'shop' }, duration: '60s' }] },
  perf: { scenarios: [{ name: 'smoke', target: 'http://127.0.0.1:1/', vus: 1, duration: '1s' }] },
};
const api = new FakeRuns();
const loaded: PolicyState = { kind: 'loaded', path: '/ws/.dfx.yaml', label: '.dfx.yaml', runnables: api.listRunnables(POLICY) };
const selected: ClusterState = { kind: 'selected', context: context('kind-dfx'), namespace: 'shop', files: [] };
const noKubeconfig: ClusterState = { kind: 'error', error: { kind: 'no-kubeconfig', message: 'no kubeconfig found', nextStep: 'Set KUBECONFIG or create ~/.kube/config.' } };

/** A UI that answers from a script and records what it was asked. */
class ScriptedUi implements FlowUi {
  readonly asked: string[] = [];
  refusedWith: PreflightCheck[] = [];
  constructor(private readonly answers: { confirm?: boolean; typed?: string } = {}) {}
  async refused(_p: Preflight, failed: PreflightCheck[]): Promise<void> {
    this.asked.push('refused');
    this.refusedWith = failed;
  }
  async confirm(): Promise<boolean> {
    this.asked.push('confirm');
    return this.answers.confirm ?? false;
  }
  async typed(_p: Preflight, prompt: string): Promise<string | undefined> {
    this.asked.push(`typed: ${prompt}`);
    return this.answers.typed;
  }
}

function request(over: Partial<RunRequest> = {}): RunRequest {
  return { kind: 'chaos', experiment: 'cart-pod-kill', policy: POLICY, root: '/ws', context: 'kind-dfx', ...over };
}

describe('client-runs: preconditions and the run flow', () => {
  it('reports each precondition clearly: untrusted, no .dfx.yaml, nothing to run, no kubeconfig', () => {
    assert.match(runPrecondition({ trusted: false, policy: loaded, cluster: selected }, 'chaos')?.message ?? '', /Restricted Mode/);
    assert.match(runPrecondition({ trusted: true, policy: { kind: 'none' }, cluster: selected }, 'perf')?.message ?? '', /no \.dfx\.yaml found/);
    const broken = runPrecondition({ trusted: true, policy: { kind: 'error', path: '/ws/.dfx.yaml', label: '.dfx.yaml', message: 'not valid YAML' }, cluster: selected }, 'perf');
    assert.deepEqual(broken, { message: 'genai4dfx: .dfx.yaml cannot be read: not valid YAML', actions: ['Open Policy'] });
    const perfOnly: PolicyState = { ...loaded, runnables: loaded.kind === 'loaded' ? loaded.runnables.filter((r) => r.kind === 'perf') : [] };
    assert.match(runPrecondition({ trusted: true, policy: perfOnly, cluster: selected }, 'chaos')?.message ?? '', /defines no chaos experiments/);
    assert.match(runPrecondition({ trusted: true, policy: perfOnly, cluster: selected }, 'under-load')?.message ?? '', /needs a chaos experiment and a load test/);
    const cluster = runPrecondition({ trusted: true, policy: loaded, cluster: noKubeconfig }, 'chaos');
    assert.deepEqual(cluster, { message: 'genai4dfx: no kubeconfig found. Set KUBECONFIG or create ~/.kube/config.', actions: ['Select Cluster Context'] });
  });

  it('lets a local load test run without any kubeconfig, but not a k6-operator one', () => {
    const smoke = loaded.kind === 'loaded' ? loaded.runnables.find((r) => r.name === 'smoke') : undefined;
    assert.equal(runPrecondition({ trusted: true, policy: loaded, cluster: noKubeconfig }, 'perf', smoke), undefined);
    assert.ok(smoke);
    assert.ok(runPrecondition({ trusted: true, policy: loaded, cluster: noKubeconfig }, 'perf', { ...smoke, engine: 'k6-operator', needsCluster: true }));
  });

  it('refuses a run whose preflight failed, showing each failed check with its fix, and starts nothing', async () => {
    const fake = new FakeRuns();
    fake.preflightResult = () => ({
      ok: false,
      checks: [check('crd', 'fail', 'podchaos.chaos-mesh.org is not installed', 'helm install chaos-mesh chaos-mesh/chaos-mesh -n chaos-mesh --create-namespace'), check('rbac', 'pass')],
      objects: [],
      targets: [],
      context: 'kind-dfx',
      server: undefined,
      namespace: 'shop',
      confirmation: undefined,
      runId: 'r1',
    });
    const ui = new ScriptedUi({ confirm: true });
    const result = await prepareRun(fake, request(), ui, true);
    assert.equal(result.kind, 'refused');
    assert.deepEqual(ui.asked, ['refused']);
    assert.deepEqual(ui.refusedWith.map((c) => c.id), ['crd']);
    assert.equal(
      refusalMessage(ui.refusedWith),
      'genai4dfx: the run was refused. crd: podchaos.chaos-mesh.org is not installed (fix: helm install chaos-mesh chaos-mesh/chaos-mesh -n chaos-mesh --create-namespace)',
    );
    assert.equal(fake.started.length, 0);
  });

  it('needs the typed token for a production context: wrong or no answer does not start; the right one is passed on', async () => {
    const fake = new FakeRuns();
    // Like the engine: the confirmation checks fail until the request carries the typed name and the yes.
    fake.preflightResult = (req) => ({
      ok: req.confirmation === 'prod-eu' && req.confirmed === true,
      checks: [
        check('guardrail.production', 'warn', 'prod-eu counts as production'),
        check('guardrail.confirmation', req.confirmation === 'prod-eu' ? 'pass' : 'fail', '"prod-eu" is production: type its name to confirm'),
        check('guardrail.asked', req.confirmed ? 'pass' : 'fail', 'chaos runs need a confirmation'),
      ],
      objects: [],
      targets: ['shop/cart-1'],
      context: req.context,
      server: 'https://prod',
      namespace: 'shop',
      confirmation: { required: true, token: 'prod-eu', reason: 'context name "prod-eu" contains "prod"' },
      runId: 'r1',
    });
    const req = request({ context: 'prod-eu' });
    const cancelled = await prepareRun(fake, req, new ScriptedUi({}), true);
    assert.equal(cancelled.kind, 'cancelled');
    const wrong = new ScriptedUi({ typed: 'prod' });
    assert.equal((await prepareRun(fake, req, wrong, true)).kind, 'refused');
    assert.match(wrong.refusedWith[0]?.detail ?? '', /you typed "prod", not "prod-eu"/);
    const right = new ScriptedUi({ typed: 'prod-eu' });
    const ok = await prepareRun(fake, req, right, true);
    assert.equal(ok.kind, 'start');
    assert.deepEqual(right.asked, ['typed: context name "prod-eu" contains "prod". Type prod-eu to run cart-pod-kill against it.'], 'no second, plain confirmation');
    assert.ok(ok.kind === 'start');
    assert.equal(ok.request.confirmation, 'prod-eu');
    assert.equal(ok.request.confirmed, true);
    const handle = await fake.start(ok.request);
    assert.equal(fake.started.length, 1);
    fake.finish(handle.id, { state: 'passed', verdict: 'pass' });
    assert.equal((await handle.done).verdict, 'pass');
  });

  it('asks a plain confirmation with what will be created and hit, when the policy wants one', async () => {
    const fake = new FakeRuns();
    fake.preflightResult = (req) => ({
      ok: true,
      checks: [check('rbac', 'pass'), check('namespace', 'warn', 'shop is not annotated chaos-mesh.org/inject=enabled'), ...(req.confirmed ? [] : [check('guardrail.asked', 'fail', 'chaos runs need a confirmation')])],
      objects: [{ apiVersion: 'chaos-mesh.org/v1alpha1', kind: 'PodChaos', metadata: { name: 'dfx-cart-pod-kill-r1' } }],
      targets: ['shop/cart-1', 'shop/cart-2'],
      context: req.context,
      server: 'https://127.0.0.1:6443',
      namespace: 'shop',
      confirmation: undefined,
      runId: 'r1',
    });
    const no = new ScriptedUi({ confirm: false });
    assert.equal((await prepareRun(fake, request(), no, true)).kind, 'cancelled');
    assert.deepEqual(no.asked, ['confirm']);
    const yes = new ScriptedUi({ confirm: true });
    const started = await prepareRun(fake, request(), yes, true);
    assert.ok(started.kind === 'start');
    assert.equal(started.request.confirmed, true, 'the yes is passed on to the engine');
    // The policy turned confirmation off (the engine then has no guardrail.asked check): nothing is asked.
    const quiet = new FakeRuns();
    const skip = new ScriptedUi();
    assert.equal((await prepareRun(quiet, request(), skip, false)).kind, 'start');
    assert.deepEqual(skip.asked, []);
    // Even when the caller thought no confirmation was needed, the engine's guardrail.asked check makes the flow ask.
    const asked = new ScriptedUi({ confirm: false });
    assert.equal((await prepareRun(fake, request(), asked, false)).kind, 'cancelled');
    assert.deepEqual(asked.asked, ['confirm']);
    const p = await fake.preflight(request());
    assert.equal(
      preflightSummary(p, request()),
      'Run cart-pod-kill against context kind-dfx (https://127.0.0.1:6443), namespace shop. Creates PodChaos dfx-cart-pod-kill-r1. Hits 2 pods: shop/cart-1, shop/cart-2. Warnings: namespace: shop is not annotated chaos-mesh.org/inject=enabled. Preflight: 1/2 checks passed.',
    );
  });

  it('finds the nearest .dfx.yaml and reads it, with a reason when it cannot', () => {
    const root = path.join(path.sep, 'ws');
    const top = path.join(root, '.dfx.yaml');
    const svc = path.join(root, 'svc', '.dfx.yaml');
    assert.equal(nearestPolicy([svc, top], path.join(root, 'svc', 'main.go')), svc);
    assert.equal(nearestPolicy([svc, top], path.join(root, 'other', 'main.go')), top);
    assert.equal(nearestPolicy([svc, top], undefined), top);
    assert.equal(nearestPolicy([svc], path.join(root, 'x.go')), svc);
    assert.equal(nearestPolicy([], undefined), undefined);

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'client-runs-'));
    try {
      const file = path.join(tmp, '.dfx.yaml');
      fs.writeFileSync(file, 'version: 1\nperf:\n  scenarios:\n    - name: smoke\n      target: http://127.0.0.1:1/\n');
      const ok = readPolicy(file);
      assert.ok('policy' in ok);
      assert.equal(ok.policy.perf?.scenarios?.[0]?.name, 'smoke');
      fs.writeFileSync(file, 'version: 1\nperf: [\n');
      assert.match(String((readPolicy(file) as { error: string }).error), /^not valid YAML/);
      fs.writeFileSync(file, 'version: 2\n');
      assert.deepEqual(readPolicy(file), { error: 'version is 2; this extension reads `version: 1`' });
      fs.writeFileSync(file, '');
      assert.match(String((readPolicy(file) as { error: string }).error), /empty/);
      assert.match(String((readPolicy(path.join(tmp, 'missing.yaml')) as { error: string }).error), /ENOENT/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('client-runs: lazy engine', () => {
  it('loads the engine on first use, once, and turns a load failure into a message that says why', async () => {
    const { lazyRunsApi } = await import('../../client/src/runs/engine');
    let loads = 0;
    const api = lazyRunsApi(() => {
      loads++;
      return new FakeRuns();
    });
    assert.equal(loads, 0, 'nothing loads before the first call');
    assert.equal(api.listRunnables(POLICY).length, 2);
    assert.equal(api.history('/ws').length, 0);
    assert.equal(loads, 1);

    const broken = lazyRunsApi(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'bind')");
    });
    assert.throws(() => broken.listContexts(), /^Error: the run engine could not be loaded on Node \d+\.\d+\.\d+: Cannot read properties of undefined \(reading 'bind'\)$/);
    await assert.rejects(async () => broken.preflight(request()), /could not be loaded/);
  });
});
