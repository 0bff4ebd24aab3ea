import { defineRule, type Report } from '../../engine/define-rule';
import { pairOf, scalarIn } from '../../engine/yaml-ast';

/** Kinds whose pods run until stopped; Jobs and CronJobs run to completion and need no probes. */
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod']);

/** Without probes Kubernetes can neither hold traffic back from a pod that is not ready nor restart one that hangs. */
export default defineRule({
  id: 'k8s-missing-probes',
  pillar: 'reliability',
  severity: 'warning',
  kubernetes: true,
  title: 'Kubernetes container without liveness or readiness probe',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (!LONG_RUNNING.has(w.kind)) continue;
      // A bare Pod that does not restart is a one-off task.
      if (w.kind === 'Pod' && /^(Never|OnFailure)$/.test(String(scalarIn(w.podSpec, 'restartPolicy')))) continue;
      for (const c of w.containers) {
        if (c.init) continue;
        const missing = ['readinessProbe', 'livenessProbe'].filter((p) => !pairOf(c.value, p));
        if (!missing.length) continue;
        const why = [
          missing.includes('readinessProbe') ? 'traffic reaches it before it is ready and while it is overloaded' : '',
          missing.includes('livenessProbe') ? 'a hung process is never restarted' : '',
        ].filter(Boolean).join(', and ');
        out.push({
          span: c.nameSpan,
          message: `container ${c.name} of ${w.kind} ${w.name} has no ${missing.join(' and no ')}: ${why}; add ${missing.length > 1 ? 'both probes' : `a ${missing[0]}`} (e.g. httpGet on a health endpoint)`,
          data: { missing },
        });
      }
    }
    return out;
  },
  description: `
A container of a long-running workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, or a restarting Pod) has no
\`readinessProbe\`, no \`livenessProbe\`, or neither. The message says which. Init containers, Jobs and CronJobs
are exempt: they run to completion.

**Why it matters in production.**
- Without a **readiness** probe a pod receives traffic as soon as its process starts, before caches are warm or
  connections are open, and keeps receiving it while it is overloaded or its dependencies are down. Every rollout
  and restart produces a burst of errors.
- Without a **liveness** probe a deadlocked or wedged process (its port still open) is never restarted: the pod looks
  \`Running\` while serving nothing, until a human notices.

**How to fix.** Point both at cheap endpoints; readiness may check dependencies, liveness should not:

\`\`\`yaml
readinessProbe:
  httpGet: { path: /ready, port: http }
  periodSeconds: 5
  failureThreshold: 3
livenessProbe:
  httpGet: { path: /healthz, port: http }
  initialDelaySeconds: 10
  periodSeconds: 10
\`\`\`

For slow starters add a \`startupProbe\` rather than a long \`initialDelaySeconds\`.

**Links.** [Configure Liveness, Readiness and Startup Probes](https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/).
`,
});
