import { defineRule, type Report } from '../../engine/define-rule';
import { getIn } from '../../engine/yaml-ast';

/** Where each kind keeps its rolling update settings. */
const STRATEGY: Record<string, string> = { Deployment: 'strategy', StatefulSet: 'updateStrategy', DaemonSet: 'updateStrategy' };

/** A rolling update that may take down every pod at once is a recreate with extra steps. */
export default defineRule({
  id: 'k8s-rolling-update-unavailable',
  pillar: 'reliability',
  severity: 'warning',
  kubernetes: true,
  title: 'Rolling update may take every replica down at once',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      const field = STRATEGY[w.kind];
      if (!field) continue;
      const mu = getIn(w.root, 'spec', field, 'rollingUpdate', 'maxUnavailable');
      if (mu?.kind !== 'scalar') continue;
      const replicas = typeof w.replicas?.value === 'number' ? w.replicas.value : undefined;
      const pct = typeof mu.value === 'string' ? /^(\d+(?:\.\d+)?)%$/.exec(mu.value.trim()) : null;
      let all = false;
      if (pct) all = Number(pct[1]) >= 100;
      // A count only matters when there is more than one pod to lose (one replica is k8s-single-replica's finding).
      else if (typeof mu.value === 'number' && replicas !== undefined && replicas >= 2) all = mu.value >= replicas;
      if (!all) continue;
      out.push({
        span: mu.span,
        message: `${w.kind} ${w.name} allows maxUnavailable: ${mu.raw}${replicas !== undefined && !pct ? ` with ${replicas} replicas` : ''}: a rollout may stop every pod before new ones are ready, so each deployment is an outage; use maxUnavailable: 0 or 1 (or 25%) with maxSurge for capacity`,
      });
    }
    return out;
  },
  description: `
A Deployment (\`spec.strategy.rollingUpdate\`), StatefulSet or DaemonSet (\`spec.updateStrategy.rollingUpdate\`)
whose \`maxUnavailable\` is \`100%\` or more, or a count at least \`spec.replicas\` when that is 2 or more. Percentages
below 100% round down and always leave a pod, so they are not flagged; a workload with one replica is
k8s-single-replica's finding.

**Why it matters in production.** \`maxUnavailable\` is how many pods the controller may take down before their
replacements are ready. When it covers every replica, a rollout can terminate all old pods at once: the service is
down until new pods pull their image, start and pass readiness, and a bad release (crash loop, failing readiness) has
nothing left serving while you roll back. This is usually a copy-paste from a dev environment or an attempt to speed
up deployments.

**How to fix.** Keep capacity during rollouts and use surge for speed:

\`\`\`yaml
strategy:
  type: RollingUpdate
  rollingUpdate:
    maxUnavailable: 0
    maxSurge: 25%
\`\`\`

If downtime during deploys is acceptable (e.g. a singleton that must not run twice), say so with \`type: Recreate\`.

**Links.** [Deployments: rolling update](https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment),
[StatefulSet: maxUnavailable](https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#maximum-unavailable-pods),
[DaemonSet rolling update](https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/).
`,
});
