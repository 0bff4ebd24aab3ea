// The run commands of the CLI, on the same RunsApi as the Runs view: the guardrails, preflight, audit record and
// cleanup are the engine's, so the CLI obeys them too. Exit 0 SLOs held, 1 not, 2 refused or error.
import * as path from 'node:path';
import * as readline from 'node:readline/promises';
import { stringify } from 'yaml';
import type { KubeconfigSource, Preflight, RunEvent, RunKind, RunRecord, RunRequest, RunSummary } from '../runs/api';
import { ClusterError } from '../runs/kube/errors';
import { loadRunPolicy, PolicyRejected, type RunPolicy } from '../runs/run-policy';
import { createRuns, RunRefused, type RunsOptions } from '../runs/service';
import { suggestExperiments, workloadsOf, type Workload } from '../runs/suggest';
import { refineSuggestions } from '../runs/suggest-ai';
import { chooseProvider, cliEnvironment } from '../ai/select';
import { normalizeAiSettings } from '../protocol/settings';
import { Engine } from '../engine/analyzer';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { runCheck } from './check';
import * as fs from 'node:fs';
import { UsageError } from './args';
import { parseRunsArgs, RUNS_USAGE, type RunsCliOptions } from './runs-args';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Ask a question on a terminal; undefined when not interactive. */
  ask: ((q: string) => Promise<string>) | undefined;
}

/** Run a run command; returns the exit code. */
export async function runsMain(argv: readonly string[], opts: RunsOptions = {}): Promise<number> {
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    ask: process.stdin.isTTY && process.stderr.isTTY ? ask : undefined,
  };
  let cmd;
  try {
    cmd = parseRunsArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`genai4dfx: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (cmd.kind === 'help') {
    io.out(`${RUNS_USAGE}\n`);
    return 0;
  }
  const api = createRuns(opts);
  try {
    switch (cmd.kind) {
      case 'chaos':
      case 'perf':
      case 'under-load': {
        // Runs act on a cluster: a policy the validator rejects refuses the run (the editor shows the same problems).
        const loaded = await policyOf(cmd.o, io);
        const req: RunRequest = {
          kind: cmd.kind as RunKind,
          ...(cmd.kind === 'perf' ? { scenario: cmd.name } : { experiment: cmd.name }),
          ...(cmd.kind === 'under-load' ? { scenario: cmd.scenario } : {}),
          policy: loaded.policy,
          policyPath: loaded.path,
          root: loaded.root,
          ...(cmd.o.context !== undefined ? { context: cmd.o.context } : {}),
          ...(cmd.o.namespace !== undefined ? { namespace: cmd.o.namespace } : {}),
          ...(cmd.o.kubeconfig !== undefined ? { kubeconfig: kubeconfigOf(cmd.o.kubeconfig) } : {}),
        };
        return await run(api, req, cmd.o, io);
      }
      case 'suggest':
        return await suggest(cmd.paths.length ? cmd.paths : ['.'], cmd.o, io);
      case 'list': {
        const root = await rootOf(cmd.o, io);
        const list = api.history(root);
        if (cmd.o.json) io.out(`${JSON.stringify(list, null, 2)}\n`);
        else if (!list.length) io.out(`no runs in ${path.join(root, '.dfx', 'runs')}\n`);
        else for (const r of list) io.out(`${summaryLine(r)}\n`);
        return 0;
      }
      case 'show': {
        const rec = api.read(await rootOf(cmd.o, io), cmd.id);
        if (!rec) {
          io.err(`genai4dfx: no run ${cmd.id} (genai4dfx runs list shows them)\n`);
          return 2;
        }
        io.out(cmd.o.json ? `${JSON.stringify(rec, null, 2)}\n` : report(rec));
        return 0;
      }
      case 'abort':
      case 'cleanup': {
        const root = await rootOf(cmd.o, io);
        const ids = cmd.kind === 'abort' || cmd.id !== undefined ? [cmd.kind === 'abort' ? cmd.id : (cmd.id ?? '')] : api.orphans(root).map((r) => r.id);
        if (!ids.length) {
          io.out('no orphaned runs\n');
          return 0;
        }
        let clean = true;
        const reports = [];
        for (const id of ids) {
          const r = await api.cleanup(root, id, { ...(cmd.o.context !== undefined ? { context: cmd.o.context } : {}), ...(cmd.o.kubeconfig !== undefined ? { kubeconfig: kubeconfigOf(cmd.o.kubeconfig) } : {}) });
          reports.push(r);
          clean &&= r.clean;
          if (!cmd.o.json) {
            io.out(`${id}: deleted ${r.deleted.length} object(s)${r.deleted.length ? ` (${r.deleted.map((d) => `${d.kind}/${d.name}`).join(', ')})` : ''}${r.clean ? ', nothing left' : ''}\n`);
            for (const l of r.leftovers) io.out(`  LEFT ${l.kind}/${l.name} in ${l.namespace}: ${l.reason}\n`);
          }
        }
        if (cmd.o.json) io.out(`${JSON.stringify(reports, null, 2)}\n`);
        return clean ? 0 : 2;
      }
    }
  } catch (e) {
    if (e instanceof PolicyRejected) {
      if (cmd.o.json) io.out(`${JSON.stringify({ refused: true, policy: e.file, problems: e.problems.map((p) => ({ line: p.span.startPos.line + 1, column: p.span.startPos.character + 1, code: p.code, message: p.message })) }, null, 2)}\n`);
      for (const l of e.locations()) io.err(`${l}\n`);
      io.err(`genai4dfx: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ClusterError) io.err(`genai4dfx: ${e.info.message}\n  next: ${e.info.nextStep}\n`);
    else io.err(`genai4dfx: ${(e as Error).message}\n`);
    if (io.env.GENAI4DFX_DEBUG) io.err(`${(e as Error).stack ?? ''}\n`);
    return 2;
  }
}

async function run(api: ReturnType<typeof createRuns>, req: RunRequest, o: RunsCliOptions, io: Io): Promise<number> {
  const orphans = api.orphans(req.root);
  if (orphans.length && !o.json) io.err(`note: ${orphans.length} earlier run(s) did not finish cleanly (${orphans.map((r) => r.id).join(', ')}): genai4dfx runs cleanup\n`);

  const pf = await api.preflight({ ...req, dryRun: true });
  if (o.dryRun) {
    if (o.json) io.out(`${JSON.stringify(pf, null, 2)}\n`);
    else {
      io.out(checklist(pf));
      for (const obj of pf.objects) io.out(`---\n${stringify(obj)}`);
    }
    return pf.ok ? 0 : 2;
  }
  if (!pf.ok) {
    if (o.json) io.out(`${JSON.stringify({ refused: true, preflight: pf }, null, 2)}\n`);
    else io.err(`${checklist(pf)}run refused by preflight\n`);
    return 2;
  }
  // Confirmation: --yes, or asked on a terminal; production needs the context name typed.
  let confirmed = o.yes;
  let confirmation = o.confirm;
  const inCluster = req.kind !== 'perf';
  if (!o.json && inCluster) io.err(checklist(pf));
  if (inCluster && pf.confirmation?.required && confirmation === undefined && io.ask) {
    confirmation = (await io.ask(`"${pf.context ?? ''}" is production (${pf.confirmation.reason}). Type the context name to run: `)).trim();
  }
  if (inCluster && !confirmed && io.ask && req.policy.chaos?.guardrails?.requireConfirmation !== false) {
    const a = await io.ask(`Run ${req.experiment ?? ''} on ${pf.context ?? ''}/${pf.namespace ?? ''}, hitting ${pf.targets.length} pod(s)? [y/N] `);
    confirmed = /^y(es)?$/i.test(a.trim());
    if (!confirmed) {
      io.err('not confirmed: nothing created\n');
      return 2;
    }
  }
  let handle;
  try {
    handle = await api.start(
      { ...req, runId: pf.runId, confirmed, ...(confirmation !== undefined ? { confirmation } : {}) },
      { onEvent: (e) => (o.json ? undefined : io.err(eventLine(e))) },
    );
  } catch (e) {
    if (e instanceof RunRefused) {
      if (o.json) io.out(`${JSON.stringify({ refused: true, preflight: e.preflight }, null, 2)}\n`);
      else io.err(`${checklist(e.preflight)}run refused by preflight\n`);
      return 2;
    }
    throw e;
  }
  const h = handle;
  const onSig = (): void => {
    io.err('\ninterrupted: stopping the run and cleaning up…\n');
    void h.abort('interrupted (SIGINT)');
  };
  process.once('SIGINT', onSig);
  process.once('SIGTERM', onSig);
  const rec = await h.done;
  process.off('SIGINT', onSig);
  process.off('SIGTERM', onSig);
  io.out(o.json ? `${JSON.stringify(rec, null, 2)}\n` : report(rec));
  return rec.verdict === 'pass' ? 0 : rec.verdict === 'fail' ? 1 : 2;
}

/** `chaos suggest`: the same analysis as `check`, then experiments for what it found. */
async function suggest(paths: string[], o: RunsCliOptions, io: Io): Promise<number> {
  const engine = await Engine.create();
  const report = runCheck(engine, { paths, format: 'json', output: undefined, failOn: 'none', rules: new Map(), maxFileSizeKb: DEFAULT_SETTINGS.maxFileSizeKb, exclude: [], quiet: true, noPolicy: false }, io.cwd, 0);
  const workloads: Workload[] = [];
  for (const f of report.files) {
    if (!/\.ya?ml$/i.test(f.path)) continue;
    try {
      workloads.push(...workloadsOf(fs.readFileSync(path.resolve(io.cwd, f.path), 'utf8'), f.path));
    } catch {
      // unreadable now: skip
    }
  }
  const findings = report.findings.map((f) => ({ ruleId: f.ruleId, path: f.path, line: f.range.start.line, message: f.message }));
  const offline = suggestExperiments(findings, workloads);
  const settings = normalizeAiSettings(o.ai);
  const provider = chooseProvider(settings, cliEnvironment(io.env));
  const refined = await refineSuggestions(offline, findings, workloads, provider, AbortSignal.timeout(settings.timeoutMs * (settings.maxRetries + 2)));
  if (refined.fallback) io.err(`note: ${refined.fallback}\n`);
  else if (refined.source !== 'offline' && !o.json) io.err(`note: refined by ${refined.model ?? refined.source}; every experiment was checked by the policy validator\n`);
  const list = refined.suggestions;
  if (o.json) io.out(`${JSON.stringify(list, null, 2)}\n`);
  else if (!list.length) io.out('no experiments to suggest: no single-replica workloads, missing probes or limits, or clients without timeouts found\n');
  else {
    for (const s of list) {
      io.out(`# ${s.title}${s.targetIsGuess ? ' (set target.labels: no workload matched this file)' : ''}\n# ${s.why}\n${s.snippet}\n\n`);
    }
    io.out(`Add these under chaos.experiments in .dfx.yaml (and the namespaces under chaos.guardrails.allowedNamespaces).\n`);
  }
  return 0;
}

function policyOf(o: RunsCliOptions, io: Io): Promise<RunPolicy> {
  return loadRunPolicy(io.cwd, o.policy);
}

/** Where the history is: the policy's folder; a broken policy still has one (history and cleanup must work then). */
async function rootOf(o: RunsCliOptions, io: Io): Promise<string> {
  try {
    return (await policyOf(o, io)).root;
  } catch (e) {
    return e instanceof PolicyRejected ? path.dirname(e.file) : io.cwd;
  }
}

function kubeconfigOf(list: string): KubeconfigSource {
  return { files: list.split(path.delimiter).filter(Boolean) };
}

async function ask(q: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(q);
  } finally {
    rl.close();
  }
}

const MARK = { pass: '✓', fail: '✗', warn: '!', skip: '-' } as const;

/** The preflight as a checklist. */
export function checklist(pf: Preflight): string {
  const lines = [`preflight${pf.context ? ` on ${pf.context} (${pf.server ?? ''})` : ''}${pf.namespace ? `, namespace ${pf.namespace}` : ''}:`];
  for (const c of pf.checks) {
    lines.push(`  ${MARK[c.status]} ${c.title}: ${c.detail}`);
    if (c.fix && c.status !== 'pass') lines.push(`      fix: ${c.fix}`);
  }
  if (pf.targets.length) lines.push(`  targets: ${pf.targets.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function eventLine(e: RunEvent): string {
  switch (e.type) {
    case 'state':
      return `[${e.state}] ${e.message}\n`;
    case 'target':
      return `  target ${e.target.id}: ${e.target.phase}\n`;
    case 'sample':
      return `  t=${e.sample.t.toFixed(0)}s ${e.sample.rps.toFixed(0)} req/s p50 ${e.sample.p50.toFixed(1)}ms p95 ${e.sample.p95.toFixed(1)}ms p99 ${e.sample.p99.toFixed(1)}ms errors ${e.sample.errors}\n`;
    case 'slo':
      return e.live ? `  SLO breach: ${e.verdict.slo} ${e.verdict.metric} ${e.verdict.observed} (want ${e.verdict.threshold})\n` : '';
    case 'timeline':
      return e.entry.type === 'phase' || e.entry.type === 'injected' || e.entry.type === 'recovered' ? '' : `  ${e.entry.type}: ${e.entry.message}\n`;
    case 'log':
      return `  ${e.level}: ${e.message}\n`;
    default:
      return '';
  }
}

function summaryLine(r: RunSummary): string {
  return `${r.id}  ${r.kind.padEnd(10)} ${r.name.padEnd(24)} ${(r.verdict ?? r.state).padEnd(8)}${r.orphaned ? ' ORPHANED' : ''}  ${r.context ?? 'local'}${r.namespace ? `/${r.namespace}` : ''}  ${r.reason ?? ''}`;
}

/** A run's report as text. */
export function report(rec: RunRecord): string {
  const l: string[] = [`run ${rec.id}: ${rec.kind} ${rec.name} → ${(rec.verdict ?? rec.state).toUpperCase()}${rec.reason ? ` (${rec.reason})` : ''}`];
  if (rec.context) l.push(`  context ${rec.context} (${rec.server ?? ''}), namespace ${rec.namespace ?? ''}`);
  if (rec.load) {
    const s = rec.load;
    l.push(`  load: ${s.requests} requests in ${(s.durationMs / 1000).toFixed(1)}s, ${s.rps.toFixed(1)} req/s, errors ${(s.errorRate * 100).toFixed(2)}%, latency p50 ${s.latency.p50.toFixed(1)}ms p95 ${s.latency.p95.toFixed(1)}ms p99 ${s.latency.p99.toFixed(1)}ms max ${s.latency.max.toFixed(1)}ms`);
  }
  for (const v of rec.slos) l.push(`  ${v.passed ? '✓' : '✗'} ${v.slo} ${v.metric}: ${v.observed} (want ${v.threshold})`);
  for (const t of rec.targets) l.push(`  target ${t.id}: ${t.phase}${t.injectedAt ? ` injected ${t.injectedAt}` : ''}${t.recoveredAt ? ` recovered ${t.recoveredAt}` : ''}`);
  if (rec.created.length) l.push(`  created: ${rec.created.map((c) => `${c.kind}/${c.name}`).join(', ')}`);
  if (rec.deleted.length) l.push(`  deleted (verified gone): ${rec.deleted.map((c) => `${c.kind}/${c.name}`).join(', ')}`);
  for (const x of rec.leftovers) l.push(`  LEFT ${x.kind}/${x.name}: ${x.reason}`);
  if (rec.stoppedEarly) l.push('  the fault was stopped early: the steady state broke');
  l.push(`  record: .dfx/runs/${rec.id}.json`);
  return `${l.join('\n')}\n`;
}
