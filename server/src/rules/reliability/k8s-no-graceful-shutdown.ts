import { defineRule, type Report } from '../../engine/define-rule';
import { getIn, pairOf } from '../../engine/yaml-ast';

/** Kinds whose pods serve behind Services and are replaced on every rollout. */
const SERVING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** SIGTERM arrives while the pod is still in the Service's endpoints: without a pause, requests in flight are dropped. */
export default defineRule({
  id: 'k8s-no-graceful-shutdown',
  pillar: 'reliability',
  severity: 'info',
  kubernetes: true,
  title: 'Serving workload with no preStop hook and no termination grace period',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (!SERVING.has(w.kind) || pairOf(w.podSpec, 'terminationGracePeriodSeconds')) continue;
      const app = w.containers.filter((c) => !c.init);
      if (app.some((c) => getIn(c.value, 'lifecycle', 'preStop'))) continue;
      const serving = app.find((c) => getIn(c.value, 'ports')?.kind === 'seq');
      if (!serving) continue;
      out.push({
        span: serving.nameSpan,
        message: `${w.kind} ${w.name} serves on container ${serving.name} but has no preStop hook and no terminationGracePeriodSeconds: on every rollout or scale-down the pod gets SIGTERM while load balancers still send it traffic, and requests in flight fail; add lifecycle.preStop (e.g. sleep 5-10 s) and set terminationGracePeriodSeconds to cover draining`,
      });
    }
    return out;
  },
  description: `
A Deployment, StatefulSet, DaemonSet or ReplicaSet with a container that declares \`ports\` (it serves traffic),
where no container has a \`lifecycle.preStop\` hook and the pod spec does not set \`terminationGracePeriodSeconds\`:
nobody has thought about shutdown. Workers without ports, Jobs and CronJobs are not flagged. Reported on the first
container with ports.

**Why it matters in production.** When a pod is deleted (rollout, scale-down, node drain), Kubernetes sends SIGTERM
and removes the pod from the Service endpoints *at the same time*. kube-proxy, ingress controllers and cloud load
balancers learn about the removal a few seconds later, and keep sending new connections meanwhile. An app that exits
on SIGTERM (the default for most runtimes) refuses them, so every deployment causes a burst of 502/503s and reset
connections. An app that drains gracefully still needs the grace period (30 s by default) to cover its longest
request, or the kubelet SIGKILLs it mid-request.

**How to fix.** Delay the SIGTERM until the endpoints are updated, and give draining enough time:

\`\`\`yaml
spec:
  terminationGracePeriodSeconds: 45
  containers:
    - name: cart
      lifecycle:
        preStop:
          sleep: { seconds: 10 }   # Kubernetes 1.30+; or exec: { command: ["sleep", "10"] }
\`\`\`

and make the app stop accepting, finish in-flight requests and close its connections on SIGTERM.

**Links.** [Pod termination](https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination),
[Container lifecycle hooks](https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/),
[Google Cloud: terminating with grace](https://cloud.google.com/blog/products/containers-kubernetes/kubernetes-best-practices-terminating-with-grace).
`,
});
