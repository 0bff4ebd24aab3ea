// The Runs view's rows, built from policy + cluster + run state without an editor; and the menus in package.json
// match the rows' context values.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUN_COMMANDS } from '../../server/src/protocol/commands';
import type { Policy } from '../../server/src/policy/types';
import { buildTree, HISTORY_ROWS, resolveCluster, statusBarModel, type RunsNode, type RunsViewState } from '../../client/src/runs/model';
import { FakeRuns, context, iso, record, summary, T0 } from './fake-runs';

const POLICY: Policy = {
  version: 1,
  chaos: {
    experiments: [
      { name: 'cart-pod-kill', engine: 'chaos-mesh', kind: 'PodChaos', action: 'pod-kill', target: { namespace: 'shop', labels: { app: 'cart' } }, duration: '60s' },
      { name: 'payments-delay', engine: 'chaos-mesh', kind: 'NetworkChaos', action: 'delay', target: { namespace: 'shop' }, duration: '2m', underLoad: 'healthz-smoke', hypothesis: { slos: ['latency'] } },
    ],
  },
  perf: { scenarios: [{ name: 'healthz-smoke', target: 'http://127.0.0.1:8080/healthz', vus: 10, duration: '10s', slos: ['latency'] }] },
};

function state(over: Partial<RunsViewState> = {}): RunsViewState {
  const api = new FakeRuns();
  return {
    trusted: true,
    cluster: { kind: 'selected', context: context('kind-dfx'), namespace: 'shop', files: ['/home/dev/.kube/config'] },
    policy: { kind: 'loaded', path: '/ws/.dfx.yaml', label: '.dfx.yaml', runnables: api.listRunnables(POLICY) },
    live: [],
    history: [],
    now: T0 + 60_000,
    ...over,
  };
}

function find(nodes: readonly RunsNode[], id: string): RunsNode {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = n.children && findOrUndefined(n.children, id);
    if (inner) return inner;
  }
  throw new Error(`no node ${id} in ${JSON.stringify(nodes.map((n) => n.id))}`);
}

function findOrUndefined(nodes: readonly RunsNode[], id: string): RunsNode | undefined {
  try {
    return find(nodes, id);
  } catch {
    return undefined;
  }
}

function all(nodes: readonly RunsNode[]): RunsNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
}

describe('client-runs: Runs view model', () => {
  it('is empty in Restricted Mode and without a policy or history, so the welcome content shows', () => {
    assert.deepEqual(buildTree(state({ trusted: false })), []);
    assert.deepEqual(buildTree(state({ policy: { kind: 'none' } })), []);
  });

  it('lists the context first, then the experiments and load tests of the policy, in policy order', () => {
    const tree = buildTree(state());
    assert.deepEqual(tree.map((n) => n.id), ['context', 'group:experiments', 'group:scenarios', 'group:history:empty']);
    const ctx = find(tree, 'context');
    assert.equal(ctx.label, 'kind-dfx');
    assert.equal(ctx.description, 'namespace shop');
    assert.equal(ctx.command?.command, RUN_COMMANDS.selectContext);
    assert.deepEqual(find(tree, 'group:experiments').children?.map((n) => n.label), ['cart-pod-kill', 'payments-delay']);
    const delay = find(tree, 'chaos:payments-delay');
    assert.equal(delay.contextValue, 'runs.experiment.underLoad');
    assert.match(delay.description ?? '', /chaos-mesh · ns shop · 1m · under load: healthz-smoke/);
    assert.deepEqual(delay.target, { type: 'runnable', kind: 'chaos', name: 'payments-delay', underLoad: 'healthz-smoke' });
    assert.equal(find(tree, 'chaos:cart-pod-kill').contextValue, 'runs.experiment');
    const smoke = find(tree, 'perf:healthz-smoke');
    assert.equal(smoke.contextValue, 'runs.scenario');
    assert.match(smoke.tooltip ?? '', /Runs locally, no cluster needed/);
    assert.equal(smoke.command, undefined, 'a click never starts a run');
  });

  it('marks a production context, and says what to do when there is no kubeconfig', () => {
    const prod = find(buildTree(state({ cluster: { kind: 'selected', context: context('prod-eu'), namespace: undefined, files: [] } })), 'context');
    assert.equal(prod.label, 'prod-eu (production)');
    assert.equal(prod.icon.id, 'warning');
    assert.match(prod.tooltip ?? '', /counts as \*\*production\*\*/);
    assert.equal(prod.description, 'namespace default');

    const none = find(
      buildTree(state({ cluster: { kind: 'error', error: { kind: 'no-kubeconfig', message: 'no kubeconfig found', nextStep: 'set KUBECONFIG or create ~/.kube/config' } } })),
      'context',
    );
    assert.equal(none.label, 'No kubeconfig found');
    assert.equal(none.description, 'set KUBECONFIG or create ~/.kube/config');
    assert.match(none.tooltip ?? '', /Local load tests run without a cluster/);
  });

  it('shows a policy that cannot be read with its reason and a link to open it', () => {
    const tree = buildTree(state({ policy: { kind: 'error', path: '/ws/.dfx.yaml', label: '.dfx.yaml', message: 'not valid YAML: bad indentation' } }));
    const n = find(tree, 'policy-error');
    assert.equal(n.description, 'not valid YAML: bad indentation');
    assert.deepEqual(n.command, { command: 'vscode.open', title: 'Open Policy', arguments: ['/ws/.dfx.yaml'] });
  });

  it('shows live runs under Running with state, elapsed time and the last load sample; finished ones move to History', () => {
    const live = record({
      id: 'run-live',
      state: 'running',
      verdict: undefined,
      finishedAt: undefined,
      startedAt: iso(0),
      samples: [{ t: 1, at: iso(1000), requests: 120, rps: 120, errors: 0, errorRate: 0, p50: 3, p95: 9.6, p99: 12, max: 20 }],
    });
    const old = record({ id: 'run-old', createdAt: iso(-3_600_000), finishedAt: iso(-3_590_000), verdict: 'fail', state: 'failed', reason: 'p95 312ms > 200ms' });
    const tree = buildTree(state({ live: [live], history: [summary(live), summary(old)] }));
    const running = find(tree, 'group:running');
    assert.deepEqual(running.children?.map((n) => n.id), ['run:run-live']);
    const row = find(tree, 'run:run-live');
    assert.equal(row.contextValue, 'runs.run.active');
    assert.equal(row.description, 'running · 1m · 120 req/s, p95 10 ms');
    assert.equal(row.icon.id, 'loading~spin');
    assert.deepEqual(find(tree, 'group:history').children?.map((n) => n.id), ['run:run-old'], 'a live run is not listed twice');
    const failed = find(tree, 'run:run-old');
    assert.equal(failed.icon.id, 'error');
    assert.equal(failed.description, 'failed · p95 312ms > 200ms · 1h ago');
    assert.deepEqual(failed.command?.arguments, [{ type: 'run', runId: 'run-old', active: false }]);

    const done = { ...live, state: 'passed' as const, verdict: 'pass' as const, finishedAt: iso(50_000) };
    const after = buildTree(state({ live: [done], history: [summary(old)] }));
    assert.equal(findOrUndefined(after, 'group:running'), undefined);
    assert.deepEqual(find(after, 'group:history').children?.map((n) => n.id), ['run:run-live', 'run:run-old']);
    assert.equal(find(after, 'run:run-live').icon.id, 'pass');
  });

  it('caps the history rows and links the rest to Show Run History; orphans say they were left running', () => {
    const many = Array.from({ length: HISTORY_ROWS + 3 }, (_, i) => summary(record({ id: `r${String(i).padStart(2, '0')}`, createdAt: iso(i * 1000) })));
    const orphan = summary(record({ id: 'zz-orphan', createdAt: iso(999_999), state: 'running', verdict: undefined, finishedAt: undefined, context: 'kind-dfx' }), true);
    const tree = buildTree(state({ history: [orphan, ...many] }));
    const rows = find(tree, 'group:history').children ?? [];
    assert.equal(rows.length, HISTORY_ROWS + 1);
    assert.equal(rows[0]?.id, 'run:zz-orphan');
    assert.equal(rows[0]?.contextValue, 'runs.run.orphan');
    assert.match(rows[0]?.description ?? '', /^left running/);
    assert.match(rows[0]?.tooltip ?? '', /Left running by an editor or CLI that is gone/);
    const more = rows[rows.length - 1];
    assert.equal(more?.label, '4 older runs…');
    assert.equal(more?.command?.command, RUN_COMMANDS.showRunHistory);
    assert.equal(find(tree, 'group:history').description, String(HISTORY_ROWS + 4));
  });

  it('uses the workspace selection, else the current-context, and never switches cluster silently when the selection is gone', () => {
    const list = { files: ['/k/a', '/k/b'], contexts: [context('kind-dfx', { current: true }), context('kind-other')], currentContext: 'kind-dfx' };
    const picked = resolveCluster(list, { context: 'kind-other', namespace: 'shop' });
    assert.ok(picked.kind === 'selected');
    assert.equal(picked.context.name, 'kind-other');
    assert.equal(picked.namespace, 'shop');
    assert.deepEqual(picked.files, ['/k/a', '/k/b']);
    const current = resolveCluster(list, undefined);
    assert.ok(current.kind === 'selected' && current.context.name === 'kind-dfx' && current.namespace === undefined);
    const gone = resolveCluster(list, { context: 'deleted-ctx', namespace: undefined });
    assert.ok(gone.kind === 'error');
    assert.equal(gone.error.kind, 'no-context');
    assert.match(gone.error.message, /deleted-ctx is not in the kubeconfig any more/);
    const noCurrent = resolveCluster({ ...list, currentContext: undefined }, undefined);
    assert.ok(noCurrent.kind === 'error' && noCurrent.error.nextStep === 'Select Cluster Context to pick one');
    const empty = resolveCluster({ files: ['/k/a'], contexts: [], currentContext: undefined }, undefined);
    assert.ok(empty.kind === 'error' && empty.error.kind === 'no-kubeconfig');
  });

  it('status bar: context / namespace, PROD and the warning colours for production', () => {
    assert.deepEqual(
      { ...statusBarModel({ kind: 'selected', context: context('kind-dfx'), namespace: 'shop', files: [] }), tooltip: '' },
      { text: '$(server-environment) kind-dfx / shop', tooltip: '', production: false },
    );
    const prod = statusBarModel({ kind: 'selected', context: context('prod-eu', { namespace: 'payments' }), namespace: undefined, files: ['/k'] });
    assert.equal(prod.text, '$(warning) PROD prod-eu / payments');
    assert.equal(prod.production, true);
    assert.match(prod.tooltip, /never written/);
    assert.equal(statusBarModel({ kind: 'error', error: { kind: 'no-kubeconfig', message: 'no kubeconfig found', nextStep: 'set KUBECONFIG' } }).text, '$(server-environment) DFX: no context');
  });

  it('every row command is a contributed run command or vscode.open, and every item menu matches some row', () => {
    const live = record({ id: 'live', state: 'running', verdict: undefined, finishedAt: undefined });
    const nodes = all(buildTree(state({ live: [live], history: [summary(record({ id: 'old' }))] })));
    const runCommands = Object.values(RUN_COMMANDS) as string[];
    for (const n of nodes) if (n.command) assert.ok(runCommands.includes(n.command.command) || n.command.command === 'vscode.open', `${n.id}: ${n.command.command}`);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const values = nodes.map((n) => n.contextValue);
    for (const m of pkg.contributes.menus['view/item/context'] ?? []) {
      const eq = /viewItem == ([\w.]+)/.exec(m.when ?? '');
      const re = /viewItem =~ \/(.+)\//.exec(m.when ?? '');
      const matches = values.filter((v) => (eq ? v === eq[1] : re ? new RegExp(re[1] ?? '').test(v) : false));
      assert.ok(matches.length, `menu of ${m.command} (${m.when}) matches no row`);
      assert.ok(runCommands.includes(m.command), m.command);
    }
  });
});
