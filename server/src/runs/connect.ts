// The cluster step of an in-cluster run's preflight, shared by chaos and k6-operator runs: the kubeconfig context
// (never a silent localhost), the context guardrails, and for a production context the policy allows, the typed
// confirmation.
import type { Guardrails } from '../policy/types';
import { t } from '../l10n';
import type { Preflight, RunRequest } from './api';
import { checkConfirmation, checkContext } from './guardrails';
import { Kube } from './kube/client';
import { ClusterError } from './kube/errors';
import { kubeconfigFor } from './kube/kubeconfig';

/** Adds the context checks to `pf` (and its context, server and confirmation); the client when the context loaded. */
export function connectCluster(req: RunRequest, pf: Preflight, g: Guardrails | undefined): Kube | undefined {
  let kube: Kube | undefined;
  try {
    const k = kubeconfigFor({ ...(req.context !== undefined ? { context: req.context } : {}), ...(req.kubeconfig ? { kubeconfig: req.kubeconfig } : {}) });
    pf.context = k.context;
    pf.server = k.server;
    kube = new Kube(k.kc, k.server);
    pf.checks.push({ id: 'kubeconfig', title: t('Cluster context'), status: 'pass', detail: `${k.context} → ${k.server}` });
  } catch (err) {
    const info = err instanceof ClusterError ? err.info : { message: (err as Error).message, nextStep: '' };
    pf.checks.push({ id: 'kubeconfig', title: t('Cluster context'), status: 'fail', detail: info.message, fix: info.nextStep });
  }
  if (pf.context !== undefined) {
    const c = checkContext(pf.context, pf.server, g);
    pf.checks.push(c.check);
    if (c.production && g?.allowProduction) {
      pf.confirmation = { required: true, token: pf.context, reason: c.production };
      if (!req.dryRun) {
        const conf = checkConfirmation(pf.context, c.production, req.confirmation);
        if (conf) pf.checks.push(conf);
      }
    }
  }
  return kube;
}
