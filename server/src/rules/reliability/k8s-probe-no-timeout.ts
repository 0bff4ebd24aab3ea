import { defineRule, type Report } from '../../engine/define-rule';
import { pairOf } from '../../engine/yaml-ast';
import { describeContainer, isLongRunning } from '../lib/k8s-pod';

const PROBES = ['livenessProbe', 'readinessProbe'] as const;
/** Handlers whose answer depends on the application being responsive (a TCP accept is done by the kernel). */
const APP_HANDLERS = ['httpGet', 'exec', 'grpc'];

/** A 1 s timeout with the default three strikes turns one slow patch (GC, load) into a restart or an empty endpoint list. */
export default defineRule({
  id: 'k8s-probe-no-timeout',
  pillar: 'reliability',
  severity: 'info',
  kubernetes: true,
  title: 'Probe keeps the 1-second default timeout and default failure threshold',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (!isLongRunning(w)) continue;
      for (const c of w.containers) {
        if (c.init) continue;
        for (const probe of PROBES) {
          const p = pairOf(c.value, probe);
          if (p?.value?.kind !== 'map' || !APP_HANDLERS.some((h) => pairOf(p.value, h))) continue;
          if (pairOf(p.value, 'timeoutSeconds') || pairOf(p.value, 'failureThreshold')) continue;
          const effect = probe === 'livenessProbe' ? 'the container is restarted' : 'the pod is taken out of its Service, and under load all replicas can go at once';
          out.push({
            span: p.keySpan,
            message: `${probe} of ${describeContainer(w, c)} sets neither timeoutSeconds nor failureThreshold: a response slower than the 1 s default three times in a row (a GC pause, a load spike) and ${effect}; set timeoutSeconds from the endpoint's measured p99 and a failureThreshold you chose`,
          });
        }
      }
    }
    return out;
  },
  description: `
A \`livenessProbe\` or \`readinessProbe\` of a long-running workload that checks the application (\`httpGet\`,
\`exec\` or \`grpc\`) and sets neither \`timeoutSeconds\` nor \`failureThreshold\`, so it runs with Kubernetes'
defaults: a 1-second timeout and three failures. \`tcpSocket\` probes (answered by the kernel's accept queue) and
probes that set either field (someone thought about the timing) are not flagged. Severity info: the defaults are fine
for a fast, dedicated health endpoint, which is why the rule only asks that the choice be explicit.

**Why it matters in production.** A health endpoint that answers in 5 ms at rest can take over a second during a
garbage-collection pause, a CPU-throttled burst or a traffic spike, exactly when the service is busiest. With the
defaults, three such probes in a row (30 seconds for liveness at the default period) restart the container, dropping
its in-flight requests and shifting load to the remaining replicas, which then slow down and fail their probes too.
For readiness the same timeout empties the Service's endpoints under load. \`exec\` probes that start a shell or a
client binary routinely take longer than a second on a loaded node.

**How to fix.** Measure the health endpoint's latency under load and set the timing explicitly:

\`\`\`yaml
livenessProbe:
  httpGet: { path: /livez, port: http }
  timeoutSeconds: 3
  periodSeconds: 10
  failureThreshold: 6
\`\`\`

**Links.** [Configure Liveness, Readiness and Startup Probes](https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes),
[Probe API reference](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Probe).
`,
});
