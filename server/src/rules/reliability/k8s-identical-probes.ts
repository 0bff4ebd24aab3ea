import { defineRule, type Report } from '../../engine/define-rule';
import { pairOf } from '../../engine/yaml-ast';
import { describeContainer, isLongRunning, sameValue } from '../lib/k8s-pod';

/** When liveness equals readiness, a pod that should only be taken out of rotation is killed instead. */
export default defineRule({
  id: 'k8s-identical-probes',
  pillar: 'reliability',
  severity: 'warning',
  kubernetes: true,
  title: 'Liveness and readiness probes are identical',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (!isLongRunning(w)) continue;
      for (const c of w.containers) {
        if (c.init) continue;
        const liveness = pairOf(c.value, 'livenessProbe');
        const readiness = pairOf(c.value, 'readinessProbe');
        if (!liveness?.value || !readiness?.value || !sameValue(liveness.value, readiness.value)) continue;
        out.push({
          span: liveness.keySpan,
          message: `${describeContainer(w, c)} has a livenessProbe identical to its readinessProbe: when it is slow or a dependency is down, Kubernetes restarts it instead of only holding traffic back, and restarts cascade across replicas; make liveness a cheaper check with a higher failureThreshold`,
        });
      }
    }
    return out;
  },
  description: `
A container of a long-running workload whose \`livenessProbe\` and \`readinessProbe\` are the same (same handler,
endpoint and timings; key order and quoting do not matter). Probes that share an endpoint but differ in thresholds or
timings are not flagged: a liveness probe on the same endpoint with a higher \`failureThreshold\` is a sound pattern.

**Why it matters in production.** The two probes answer different questions. Readiness asks "should this pod get
traffic now?" and may fail while the pod is busy or a dependency is down; liveness asks "is this process beyond
recovery?" and a failure kills it. When they are identical, every readiness failure is also a liveness failure: a
database blip or a load spike that should have shed traffic for a few seconds instead restarts every replica at
once, turning a partial degradation into a full outage, and the restarts (cold caches, reconnect storms) prolong it.

**How to fix.** Keep readiness as it is; point liveness at an endpoint that checks only the process itself and give it
more slack:

\`\`\`yaml
readinessProbe:
  httpGet: { path: /ready, port: http }    # may check dependencies
  periodSeconds: 5
livenessProbe:
  httpGet: { path: /livez, port: http }    # process only
  periodSeconds: 10
  failureThreshold: 6
\`\`\`

**Links.** [Configure Liveness, Readiness and Startup Probes](https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/),
[Kubernetes: Container probes](https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes).
`,
});
