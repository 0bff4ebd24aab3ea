// The implementation of RunsApi: ties guardrails, preflight, the load engines, the chaos engines and the audit record
// together. One instance serves the Runs view, the command palette and the CLI.
import { t } from '../l10n';
import { loadPolicyFile } from '../policy/index';
import type { Policy } from '../policy/types';
import { parseDuration } from '../policy/units';
import type {
  CleanupReport,
  ClusterOptions,
  KubeconfigSource,
  Preflight,
  PreflightCheck,
  RunEvent,
  RunHandle,
  RunRecord,
  RunRequest,
  RunsApi,
  Runnable,
  StartOptions,
} from './api';
import { prepareChaos, type ChaosTiming, type PreparedChaos } from './chaos-run';
import { abortOrphan } from './cleanup';
import { checkCluster, listContexts } from './kube/kubeconfig';
import { prepareK6Operator, prepareLocalK6, type PreparedK6 } from './k6-run';
import { executeLoad, findScenario, finishLoad, prepareLocalLoad, type PreparedLoad } from './perf-run';
import { newRecord, RunJournal } from './record';
import { isOrphan, isRunId, isTerminal, newRunId, readAll, readRecord, summarize, writeRecord } from './store';

/** A run refused before anything was created: the preflight says why. */
export class RunRefused extends Error {
  constructor(readonly preflight: Preflight) {
    const failed = preflight.checks.filter((c) => c.status === 'fail');
    super(`run refused: ${failed.map((c) => `${c.title}: ${c.detail}`).join('; ')}`);
  }
}

/** Knobs for tests (polling and cleanup bounds); the defaults suit real clusters. */
export type RunsOptions = Partial<ChaosTiming>;

interface Prepared {
  preflight: Preflight;
  load: PreparedLoad | undefined;
  chaos: PreparedChaos | undefined;
  k6: PreparedK6 | undefined;
}

interface Live {
  handle: RunHandle;
  controller: AbortController;
  cleanup: () => Promise<CleanupReport>;
}

/** Create the runs API. */
export function createRuns(options: RunsOptions = {}): RunsApi {
  const timing: ChaosTiming = { pollMs: 2000, cleanupTimeoutMs: 120_000, finishGraceMs: 120_000, liveWindowSec: 5, ...options };
  const live = new Map<string, Live>();

  async function prepare(given: RunRequest, runId: string): Promise<Prepared> {
    // The policy file, when named, is read again through the policy validator: a run never starts from a policy it
    // rejects, and runs what the validator parsed (whatever the caller parsed it with).
    const checked = given.policyPath !== undefined ? await policyCheck(given.policyPath) : undefined;
    if (checked && !checked.policy) {
      const preflight: Preflight = { ok: false, checks: [checked.check], objects: [], targets: [], context: undefined, server: undefined, namespace: undefined, confirmation: undefined, runId };
      return { preflight, load: undefined, chaos: undefined, k6: undefined };
    }
    const req: RunRequest = checked?.policy ? { ...given, policy: checked.policy } : given;
    let load: PreparedLoad | undefined;
    let chaos: PreparedChaos | undefined;
    let k6: PreparedK6 | undefined;
    if (req.kind === 'perf' || req.kind === 'under-load') {
      if (!req.scenario) throw new Error(t('{0} run needs a scenario name', req.kind));
      const sc = findScenario(req.policy, req.scenario);
      const engine = sc.engine ?? 'local';
      if (engine !== 'local' && req.kind === 'under-load') throw new Error(t('scenario "{0}" uses engine {1}: under load, the load must come from the embedded local engine (it streams the samples the steady-state check needs)', sc.name, engine));
      if (engine === 'k6') k6 = prepareLocalK6(req.policy, sc, runId);
      else if (engine === 'k6-operator') k6 = await prepareK6Operator(req, sc, runId, timing);
      else load = await prepareLocalLoad(req.policy, sc);
    }
    const first = checked ? [checked.check] : [];
    if (k6) return { preflight: { ...k6.preflight, checks: [...first, ...k6.preflight.checks] }, load: undefined, chaos: undefined, k6 };
    if (req.kind === 'chaos' || req.kind === 'under-load') {
      if (!req.experiment) throw new Error(t('{0} run needs an experiment name', req.kind));
      chaos = await prepareChaos(req, runId, timing, load?.thresholds);
    }
    const checks = [...first, ...(chaos?.preflight.checks ?? []), ...(load?.checks ?? [])];
    const preflight: Preflight = chaos
      ? { ...chaos.preflight, checks, ok: !checks.some((c) => c.status === 'fail') }
      : { ok: !checks.some((c) => c.status === 'fail'), checks, objects: [], targets: [], context: undefined, server: undefined, namespace: undefined, confirmation: undefined, runId };
    return { preflight, load, chaos, k6: undefined };
  }

  async function start(req: RunRequest, opts: StartOptions = {}): Promise<RunHandle> {
    if (req.dryRun) throw new Error(t('a dry run creates nothing: call preflight() (CLI: --dry-run prints the objects and the preflight)'));
    const runId = req.runId !== undefined && isRunId(req.runId) && !readRecord(req.root, req.runId) && !live.has(req.runId) ? req.runId : newRunId();
    const p = await prepare(req, runId);
    if (!p.preflight.ok) throw new RunRefused(p.preflight);
    const name = req.kind === 'perf' ? (req.scenario ?? '') : (req.experiment ?? '');
    const rec = newRecord({
      id: runId,
      kind: req.kind,
      name,
      experiment: req.experiment,
      scenario: req.scenario,
      engine: p.chaos?.engine ?? p.k6?.engine ?? 'local',
      loadEngine: p.load ? 'local' : undefined,
      who: req.who,
      policyPath: req.policyPath,
      context: p.preflight.context,
      server: p.preflight.server,
      namespace: p.preflight.namespace,
      dryRun: req.dryRun ?? false,
    });
    rec.preflight = p.preflight.checks;
    const j = new RunJournal(req.root, rec, (e: RunEvent) => opts.onEvent?.(e));
    // The audit record exists before anything is created.
    j.save();
    const controller = new AbortController();
    const onOuterAbort = (): void => controller.abort(new Error('aborted'));
    if (opts.signal?.aborted) onOuterAbort();
    else opts.signal?.addEventListener('abort', onOuterAbort, { once: true });

    let cleanupDone: Promise<CleanupReport> | undefined;
    const cleanup = (): Promise<CleanupReport> => {
      const c = p.chaos ?? p.k6;
      // Never rejects: what could not be deleted (or verified) ends in leftovers, and the record stays an orphan.
      cleanupDone ??= (c ? c.cleanup(j) : Promise.resolve({ runId, deleted: [], leftovers: [], clean: true })).catch(
        (e: unknown): CleanupReport => {
          rec.leftovers = rec.created.map((x) => ({ ...x, reason: t('cleanup failed: {0}', (e as Error).message) }));
          j.save();
          return { runId, deleted: [], leftovers: rec.leftovers, clean: false };
        },
      );
      return cleanupDone;
    };

    const done = (async (): Promise<RunRecord> => {
      try {
        rec.startedAt = new Date().toISOString();
        if (p.chaos) await p.chaos.execute(j, controller.signal, p.load);
        else if (p.k6) await p.k6.execute(j, controller.signal);
        else if (p.load?.plan) {
          j.state('running', t('load on {0}', p.load.plan.url));
          const res = await executeLoad(j, p.load.plan, controller.signal);
          if (controller.signal.aborted) {
            rec.verdict = 'aborted';
            rec.reason = reasonOf(controller.signal);
          } else finishLoad(j, p.load.thresholds, res);
        }
      } catch (e) {
        rec.verdict = 'error';
        rec.reason = (e as Error).message;
        j.note('error', rec.reason);
      }
      if (p.chaos || p.k6?.engine === 'k6-operator') {
        const report = await cleanup();
        if (!report.clean && rec.verdict !== 'error') {
          rec.verdict = 'error';
          const left = t('cleanup left {0}', report.leftovers.map((l) => `${l.kind}/${l.name} (${l.reason})`).join(', '));
          rec.reason = rec.reason ? `${rec.reason}; ${left}` : left;
        }
      }
      if (controller.signal.aborted && rec.verdict !== 'error') {
        rec.verdict = 'aborted';
        rec.reason ??= reasonOf(controller.signal);
      }
      if (rec.verdict === undefined) {
        rec.verdict = 'error';
        rec.reason ??= 'the run ended without a verdict';
      }
      rec.finishedAt = new Date().toISOString();
      const final = rec.verdict === 'pass' ? 'passed' : rec.verdict === 'fail' ? 'failed' : rec.verdict === 'aborted' ? 'aborted' : 'error';
      j.state(final, rec.reason ?? final);
      live.delete(runId);
      opts.signal?.removeEventListener('abort', onOuterAbort);
      const snapshot = structuredClone(rec);
      j.emit({ type: 'done', runId, record: snapshot });
      return snapshot;
    })();

    const handle: RunHandle = {
      id: runId,
      record: () => structuredClone(rec),
      done,
      abort: async (reason?: string) => {
        if (!controller.signal.aborted) controller.abort(new Error(reason ?? 'aborted by user'));
        await done;
        return cleanup();
      },
    };
    live.set(runId, { handle, controller, cleanup });
    return handle;
  }

  async function abortById(root: string, runId: string, opts: ClusterOptions = {}): Promise<CleanupReport> {
    const l = live.get(runId);
    if (l) return l.handle.abort('aborted by user');
    // A run of another process (the editor, another terminal): delete its objects; that process then sees them gone.
    return cleanupOrphan(root, runId, opts, true);
  }

  async function cleanupOrphan(root: string, runId: string, opts: ClusterOptions = {}, force = false): Promise<CleanupReport> {
    const rec = readRecord(root, runId);
    if (!rec) throw new Error(t('no run {0} in {1}/.dfx/runs', runId, root));
    if (live.has(runId)) return abortById(root, runId, opts);
    if (!force && !isTerminal(rec.state) && !isOrphan(rec)) throw new Error(t('run {0} is still running in process {1} on {2}: use `genai4dfx runs abort {3}` to stop it', runId, rec.pid, rec.host, runId));
    const report = await abortOrphan(rec, opts, timing);
    rec.deleted.push(...report.deleted.filter((d) => !rec.deleted.some((x) => x.kind === d.kind && x.name === d.name && x.namespace === d.namespace)));
    rec.leftovers = report.leftovers;
    if (isTerminal(rec.state)) {
      if (report.clean) rec.reason = t('{0}; leftovers cleaned up later', rec.reason ?? rec.state);
    } else {
      rec.state = report.clean ? 'aborted' : 'error';
      rec.verdict = report.clean ? 'aborted' : 'error';
      rec.reason = report.clean ? 'orphaned run cleaned up' : `orphaned run: cleanup left ${report.leftovers.length} object(s)`;
      rec.finishedAt = new Date().toISOString();
    }
    rec.timeline.push({ at: new Date().toISOString(), type: 'note', message: t('cleanup: deleted {0}, left {1}', report.deleted.length, report.leftovers.length) });
    writeRecord(root, rec);
    return report;
  }

  return {
    listContexts: (source?: KubeconfigSource, policy?: Policy) => listContexts(source, policy),
    checkContext: (opts) => checkCluster(opts),
    listRunnables,
    preflight: async (req) => (await prepare(req, req.runId !== undefined && isRunId(req.runId) ? req.runId : newRunId())).preflight,
    start,
    abort: abortById,
    history: (root) => readAll(root).map((r) => summarize(r, new Set(live.keys()))),
    read: (root, id) => readRecord(root, id),
    orphans: (root) => readAll(root).filter((r) => isOrphan(r, new Set(live.keys()))).map((r) => summarize(r, new Set(live.keys()))),
    cleanup: cleanupOrphan,
  };
}

/** The policy file through the validator: the policy to run and a preflight check, or a failed check with the errors. */
async function policyCheck(file: string): Promise<{ policy: Policy | undefined; check: PreflightCheck }> {
  const id = 'policy';
  const title = t('Policy valid');
  let r;
  try {
    r = await loadPolicyFile(file);
  } catch (e) {
    return { policy: undefined, check: { id, title, status: 'fail', detail: t('{0}: cannot be validated: {1}', file, (e as Error).message) } };
  }
  if (r.errors.length) {
    const where = r.errors.map((p) => `${file}:${p.span.startPos.line + 1}:${p.span.startPos.character + 1}: ${p.message}`);
    return { policy: undefined, check: { id, title, status: 'fail', detail: where.join('; '), fix: t('fix the policy (genai4dfx policy validate), then run again') } };
  }
  if (!r.policy) return { policy: undefined, check: { id, title, status: 'fail', detail: t('{0}: no such policy file', file) } };
  const warnings = r.problems.filter((p) => p.severity === 'warning').length;
  return { policy: r.policy, check: { id, title, status: 'pass', detail: warnings ? t('{0} ({1} warning(s))', file, warnings) : file } };
}

function reasonOf(signal: AbortSignal): string {
  const r: unknown = signal.reason;
  return r instanceof Error ? r.message : typeof r === 'string' ? r : 'aborted';
}

/** Experiments and scenarios of a policy, in policy order. */
export function listRunnables(policy: Policy): Runnable[] {
  const out: Runnable[] = [];
  for (const e of policy.chaos?.experiments ?? []) {
    const d = parseDuration(e.duration);
    out.push({
      kind: 'chaos',
      name: e.name,
      description: e.description,
      engine: e.engine,
      needsCluster: true,
      namespace: e.target?.namespace,
      durationMs: d.ok ? d.value : undefined,
      underLoad: e.underLoad,
      slos: e.hypothesis?.slos ?? [],
    });
  }
  for (const s of policy.perf?.scenarios ?? []) {
    const engine = s.engine ?? 'local';
    const d = s.duration !== undefined ? parseDuration(s.duration) : undefined;
    out.push({
      kind: 'perf',
      name: s.name,
      description: s.description,
      engine,
      needsCluster: engine === 'k6-operator',
      namespace: s.namespace,
      durationMs: d?.ok ? d.value : undefined,
      underLoad: undefined,
      slos: s.slos ?? [],
    });
  }
  return out;
}
