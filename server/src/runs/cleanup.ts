// Cleanup with verification: delete what a run created (by the recorded names and by the run's label), then poll until
// each object is gone; whatever a finalizer holds past the bound (or cannot be checked) is reported as a leftover.
import { t } from '../l10n';
import type { CleanupReport, ClusterOptions, ObjectRef, RunRecord } from './api';
import type { ChaosTiming } from './chaos-run';
import { Kube, type LiveObject, typeOf } from './kube/client';
import { ClusterError } from './kube/errors';
import { kubeconfigFor } from './kube/kubeconfig';
import { runSelector } from './manifests';
import type { RunJournal } from './record';

/**
 * Delete what a run created and verify it is gone: every recorded object, plus anything else carrying the run's label
 * (a create whose response was lost). Objects still there after the bound are leftovers, with their finalizers.
 */
export async function cleanupRun(kube: Kube, rec: RunRecord, timing: ChaosTiming, onGone?: (ref: ObjectRef) => void): Promise<CleanupReport> {
  const refs = new Map<string, ObjectRef>();
  const key = (r: ObjectRef): string => `${r.apiVersion}|${r.plural}|${r.namespace}|${r.name}`;
  for (const r of rec.created) refs.set(key(r), r);
  const types = new Map<string, ObjectRef>();
  for (const r of rec.created) types.set(`${r.apiVersion}|${r.plural}|${r.namespace}`, r);
  for (const r of types.values()) {
    try {
      for (const o of await kube.list(typeOf(r), r.namespace, runSelector(rec.id))) {
        const name = o.metadata?.name;
        if (name) refs.set(key({ ...r, name }), { ...r, name });
      }
    } catch {
      // Unreachable or forbidden: the recorded objects are still tried below, and reported if they cannot be.
    }
  }
  const deleted: ObjectRef[] = [];
  const leftovers: Array<ObjectRef & { reason: string }> = [];
  const pending: ObjectRef[] = [];
  for (const r of refs.values()) {
    try {
      await kube.delete(typeOf(r), r.namespace, r.name);
      pending.push(r);
    } catch (err) {
      leftovers.push({ ...r, reason: err instanceof ClusterError ? err.info.message : (err as Error).message });
    }
  }
  // Verify: poll until each is gone (finalizers recover the fault first), within the bound.
  const until = Date.now() + timing.cleanupTimeoutMs;
  let last = new Map<string, LiveObject>();
  const errors = new Map<string, string>();
  while (pending.length) {
    last = new Map();
    for (let i = pending.length - 1; i >= 0; i--) {
      const r = pending[i];
      if (!r) continue;
      let o: LiveObject | undefined;
      try {
        o = await kube.get(typeOf(r), r.namespace, r.name);
      } catch (err) {
        // Cannot tell: keep it pending, with why.
        o = { metadata: { name: r.name, finalizers: [] } };
        errors.set(key(r), err instanceof ClusterError ? err.info.message : (err as Error).message);
      }
      if (!o) {
        deleted.push(r);
        pending.splice(i, 1);
        onGone?.(r);
      } else last.set(key(r), o);
    }
    if (!pending.length || Date.now() > until) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(timing.pollMs, 1000)));
  }
  for (const r of pending) {
    const fin = last.get(key(r))?.metadata?.finalizers ?? [];
    const err = errors.get(key(r));
    leftovers.push({
      ...r,
      reason: err
        ? `could not verify it is gone: ${err}`
        : fin.length
        ? `still present after ${timing.cleanupTimeoutMs / 1000}s, held by finalizer(s) ${fin.join(', ')}; faults may still be injected. Check kubectl describe -n ${r.namespace} ${r.plural} ${r.name}; forcing (annotation chaos-mesh.chaos-mesh.org/cleanFinalizer=forced) may leave faults behind`
        : `still present after ${timing.cleanupTimeoutMs / 1000}s`,
    });
  }
  return { runId: rec.id, deleted, leftovers, clean: leftovers.length === 0 };
}

/** Clean up an orphaned run from its record: same context (the server must not have changed), delete, verify. */
export async function abortOrphan(rec: RunRecord, opts: ClusterOptions, timing: ChaosTiming): Promise<CleanupReport> {
  if (!rec.created.length) return { runId: rec.id, deleted: [], leftovers: [], clean: true };
  const k = kubeconfigFor({ context: opts.context ?? rec.context, ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}) });
  if (rec.server && k.server !== rec.server) {
    throw new Error(t('run {0} ran against {1}, but context {2} now points at {3}: refusing to delete there; pass --context for the cluster it ran on', rec.id, rec.server, k.context, k.server));
  }
  return cleanupRun(new Kube(k.kc, k.server), rec, timing);
}

/**
 * A run engine's cleanup step: delete and verify what the run created, saying `what` while it does, and record what
 * went and what stayed in the run's journal. With no cluster there is nothing to clean.
 */
export function journalledCleanup(kube: Kube | undefined, timing: ChaosTiming, what: string): (j: RunJournal) => Promise<CleanupReport> {
  return async (j) => {
    if (!kube) return { runId: j.rec.id, deleted: [], leftovers: [], clean: true };
    j.state('cleaning', what);
    const r = await cleanupRun(kube, j.rec, timing, (ref) => j.note('deleted', t('{0}/{1} deleted and gone', ref.kind, ref.name)));
    j.rec.deleted = r.deleted;
    j.rec.leftovers = r.leftovers;
    j.save();
    return r;
  };
}
