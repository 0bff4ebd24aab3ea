import { defineRule, type Report } from '../../engine/define-rule';
import type { K8sObject, K8sWorkload } from '../../engine/kubernetes';
import { scalarIn } from '../../engine/yaml-ast';

/** An autoscaler (HPA or KEDA ScaledObject) in the same file that manages this workload's replica count. */
function autoscaled(objects: readonly K8sObject[], w: K8sWorkload): boolean {
  return objects.some((o) =>
    (o.kind === 'HorizontalPodAutoscaler' || o.kind === 'ScaledObject') &&
    o.namespace === w.namespace &&
    scalarIn(o.root, 'spec', 'scaleTargetRef', 'name') === w.name &&
    (scalarIn(o.root, 'spec', 'scaleTargetRef', 'kind') ?? 'Deployment') === w.kind);
}

/** One replica means every node drain, rollout hiccup or crash is an outage. */
export default defineRule({
  id: 'k8s-single-replica',
  pillar: 'reliability',
  severity: 'warning',
  kubernetes: true,
  title: 'Kubernetes workload runs a single replica',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (!w.scalable || autoscaled(ctx.objects, w)) continue;
      const what = `${w.kind} ${w.name}`;
      const advice = 'a node drain, eviction or crash takes it offline; run replicas: 2 or more (with a PodDisruptionBudget), or scale it with an HPA';
      if (!w.replicas) out.push({ span: w.kindSpan, message: `${what} sets no replicas, so it runs a single pod: ${advice}` });
      else if (w.replicas.value === 1) out.push({ span: w.replicas.span, message: `${what} runs a single replica: ${advice}` });
    }
    return out;
  },
  description: `
A Deployment, StatefulSet or ReplicaSet with \`replicas: 1\`, or with no \`replicas\` field at all (which defaults to
1), and no HorizontalPodAutoscaler or KEDA ScaledObject in the same file managing it.

**Why it matters in production.** With one pod there is no redundancy: a node drain during a cluster upgrade, an
eviction under memory pressure, a crash loop or a failed liveness probe all make the service unavailable until a new
pod is scheduled, pulled and ready, which is often tens of seconds to minutes. A Deployment rollout with a single
replica also briefly depends on one new pod coming up healthy.

**How to fix.** Run at least two replicas, spread them, and protect them during voluntary disruptions:

\`\`\`yaml
spec:
  replicas: 2
  template:
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector: { matchLabels: { app: cart } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
spec: { minAvailable: 1, selector: { matchLabels: { app: cart } } }
\`\`\`

Workloads that cannot run more than one instance (a leader without election, a single-writer StatefulSet) should
say so with a suppression and a reason. \`replicas: 0\` (deliberately scaled down) is not flagged.

**Links.** [Kubernetes: Running multiple instances of your app](https://kubernetes.io/docs/tutorials/kubernetes-basics/scale/scale-intro/),
[PodDisruptionBudget](https://kubernetes.io/docs/concepts/workloads/pods/disruptions/).
`,
});
