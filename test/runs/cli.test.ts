// The built CLI (dist/cli.js) as a user runs it: perf run both ways, chaos run --dry-run / refused / run, runs
// list|show, and a real crash (the CLI process killed mid-run) followed by `runs cleanup`. The stand-in API server
// runs in this process, so the CLI is spawned asynchronously.
import './undici-node20';
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { CLI, runCli, type CliOut } from '../helpers/cli';
import { ROOT } from '../helpers/engine';
import { FakeKube, tempDir } from './fake-kube';
import { startTarget, type TargetServer } from './target-server';


const cli = runCli;

describe('runs: CLI', function () {
  this.timeout(60_000);
  let kube: FakeKube;
  let target: TargetServer;
  let tmp: ReturnType<typeof tempDir>;
  let env: Record<string, string>;

  function writePolicy(duration = '1s', extra: Record<string, unknown> = {}): void {
    fs.writeFileSync(
      path.join(tmp.dir, '.dfx.yaml'),
      stringify({
        version: 1,
        slos: [{ name: 'fast', latency: { p95: '30ms' } }],
        chaos: {
          guardrails: { allowedNamespaces: ['shop'], ...extra },
          experiments: [{ name: 'cart-delay', engine: 'chaos-mesh', kind: 'NetworkChaos', action: 'delay', target: { namespace: 'shop', labels: { app: 'cart' } }, duration, parameters: { latency: '100ms' } }],
        },
        perf: { scenarios: [{ name: 'smoke', target: target.url, vus: 2, duration: '1s', slos: ['fast'] }] },
      }),
    );
  }

  beforeEach(async () => {
    kube = await new FakeKube({ pods: { shop: [{ name: 'cart-1', labels: { app: 'cart' } }, { name: 'cart-2', labels: { app: 'cart' } }] } }).start();
    target = await startTarget();
    tmp = tempDir('dfx-cli-');
    env = { KUBECONFIG: kube.writeKubeconfig(tmp.dir), HOME: tmp.dir };
    writePolicy();
  });
  afterEach(async () => {
    await kube.stop();
    await target.close();
    tmp.remove();
  });

  it('perf run: exit 0 when the SLOs hold, 1 when they do not; --json is the record', async () => {
    const ok = await cli(['perf', 'run', 'smoke'], tmp.dir, env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /perf smoke → PASS/);
    assert.match(ok.stdout, /✓ fast latency\.p95/);
    target.delayMs = 60;
    const slow = await cli(['perf', 'run', 'smoke', '--json'], tmp.dir, env);
    assert.equal(slow.code, 1, slow.stderr);
    const rec = JSON.parse(slow.stdout) as { verdict: string; slos: Array<{ passed: boolean }> };
    assert.equal(rec.verdict, 'fail');
    assert.equal(rec.slos[0]?.passed, false);
  });

  it('chaos run --dry-run prints the preflight and the labelled objects, creates nothing', async () => {
    const r = await cli(['chaos', 'run', 'cart-delay', '--dry-run'], tmp.dir, env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /✓ Server-side dry run: 1 object\(s\) accepted with dryRun=All/);
    assert.match(r.stdout, /kind: NetworkChaos/);
    assert.match(r.stdout, /genai4dfx\.dev\/run-id: \d{8}-\d{6}-[0-9a-f]{6}/);
    assert.equal(kube.list('networkchaos').length, 0);
    assert.equal(fs.existsSync(path.join(tmp.dir, '.dfx', 'runs')), false);
  });

  it('chaos run without --yes on a non-terminal is refused (exit 2); with --yes it runs, and runs list/show report it', async () => {
    const no = await cli(['chaos', 'run', 'cart-delay'], tmp.dir, env);
    assert.equal(no.code, 2);
    assert.match(no.stderr, /pass --yes/);
    const yes = await cli(['chaos', 'run', 'cart-delay', '--yes'], tmp.dir, env);
    assert.equal(yes.code, 0, yes.stderr);
    assert.match(yes.stdout, /chaos cart-delay → PASS/);
    assert.match(yes.stdout, /deleted \(verified gone\): NetworkChaos\/dfx-cart-delay-/);
    const list = await cli(['runs', 'list'], tmp.dir, env);
    assert.match(list.stdout, /chaos\s+cart-delay\s+pass\s+kind-dfx\/shop/);
    const id = /^(\S+)/.exec(list.stdout)?.[1] ?? '';
    const show = await cli(['runs', 'show', id, '--json'], tmp.dir, env);
    assert.equal((JSON.parse(show.stdout) as { id: string }).id, id);
  });

  it('production contexts are refused with a next step (exit 2)', async () => {
    env.KUBECONFIG = kube.writeKubeconfig(tmp.dir, 'shop-prod');
    const r = await cli(['chaos', 'run', 'cart-delay', '--yes'], tmp.dir, env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /counts as production/);
    assert.match(r.stderr, /allowProduction/);
    assert.equal(kube.list('networkchaos').length, 0);
  });

  it('errors exit 2 with a message: unknown experiment, no kubeconfig', async () => {
    const unknown = await cli(['chaos', 'run', 'nope', '--yes'], tmp.dir, env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no chaos experiment named "nope" in chaos.experiments \(known: cart-delay\)/);
    const none = await cli(['chaos', 'run', 'cart-delay', '--yes'], tmp.dir, { KUBECONFIG: path.join(tmp.dir, 'missing'), HOME: tmp.dir });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no kubeconfig found/);
  });

  it('a policy the validator rejects refuses the run (exit 2) with its messages and locations; history still works', async () => {
    const file = path.join(tmp.dir, '.dfx.yaml');
    const text = fs.readFileSync(file, 'utf8').replace("duration: 1s\n", 'duration: 1 fortnight\n');
    assert.notEqual(text, fs.readFileSync(file, 'utf8'), 'the fixture has the duration to break');
    fs.writeFileSync(file, text);
    const line = text.slice(0, text.indexOf('1 fortnight')).split('\n').length;
    const r = await cli(['chaos', 'run', 'cart-delay', '--yes'], tmp.dir, env);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`\\.dfx\\.yaml:${line}:\\d+: .*fortnight`));
    assert.match(r.stderr, /has 1 error\(s\); fix them \(genai4dfx policy validate\) before running/);
    assert.equal(kube.list('networkchaos').length, 0);
    const json = await cli(['perf', 'run', 'smoke', '--json'], tmp.dir, env);
    assert.equal(json.code, 2);
    const out = JSON.parse(json.stdout) as { refused: boolean; problems: Array<{ line: number; message: string }> };
    assert.equal(out.refused, true);
    assert.equal(out.problems[0]?.line, line);
    const list = await cli(['runs', 'list'], tmp.dir, env);
    assert.equal(list.code, 0, list.stderr);
  });

  it('the bundles need no node_modules: a copy of dist/cli*.js elsewhere runs load and a chaos dry run', async () => {
    const elsewhere = tempDir('dfx-bundle-');
    try {
      // The installed layout: dist/cli.js and the bundles it loads on demand (cli-runs.js for these commands) beside
      // grammars/ (the .wasm files the policy validator parses with).
      const copy = path.join(elsewhere.dir, 'dist', 'cli.js');
      fs.mkdirSync(path.dirname(copy));
      for (const f of ['cli.js', 'cli-runs.js', 'cli-ai.js']) fs.copyFileSync(path.join(path.dirname(CLI), f), path.join(path.dirname(copy), f));
      fs.cpSync(path.join(ROOT, 'grammars'), path.join(elsewhere.dir, 'grammars'), { recursive: true });
      const run = (args: string[]): Promise<CliOut> => runCli([...args, '--policy', path.join(tmp.dir, '.dfx.yaml')], elsewhere.dir, { ...env, NODE_PATH: '' }, undefined, copy);
      const perf = await run(['perf', 'run', 'smoke']);
      assert.equal(perf.code, 0, perf.stderr);
      const dry = await run(['chaos', 'run', 'cart-delay', '--dry-run']);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /✓ CRDs installed/);
    } finally {
      elsewhere.remove();
    }
  });

  it('a CLI killed mid-run leaves an orphan that `runs cleanup` removes', async () => {
    writePolicy('5m');
    let child: ChildProcess | undefined;
    kube.beforeCreate = () => {
      // Kill the CLI as soon as its object is being created: no chance to clean up.
      setImmediate(() => child?.kill('SIGKILL'));
    };
    const crashed = await cli(['chaos', 'run', 'cart-delay', '--yes'], tmp.dir, env, (c) => (child = c));
    assert.equal(crashed.code, null, 'killed');
    assert.equal(kube.list('networkchaos').length, 1, 'the fault is still there');
    const list = await cli(['runs', 'list'], tmp.dir, env);
    assert.match(list.stdout, /ORPHANED/);
    const again = await cli(['perf', 'run', 'smoke'], tmp.dir, env);
    assert.match(again.stderr, /1 earlier run\(s\) did not finish cleanly .*genai4dfx runs cleanup/);
    const clean = await cli(['runs', 'cleanup'], tmp.dir, env);
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /deleted 1 object\(s\) \(NetworkChaos\/dfx-cart-delay-[0-9a-f]{6}\), nothing left/);
    assert.equal(kube.list('networkchaos').length, 0);
    const after = await cli(['runs', 'list'], tmp.dir, env);
    assert.doesNotMatch(after.stdout, /ORPHANED/);
    assert.match(after.stdout, /aborted/);
  });
});
