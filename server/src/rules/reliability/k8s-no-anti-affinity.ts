import { defineRule, type Report } from '../../engine/define-rule';
import { getIn, pairOf } from '../../engine/yaml-ast';
import { isMultiReplica, podSpecSpan } from '../lib/k8s-pod';

/** Replicas the scheduler is free to pack onto one node or zone fail together. */
export default defineRule({
  id: 'k8s-no-anti-affinity',
  pillar: 'reliability',
  severity: 'info',
  kubernetes: true,
  title: 'Multi-replica workload with no pod anti-affinity or topology spread',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (!isMultiReplica(ctx.objects, w)) continue;
      if (getIn(w.podSpec, 'affinity', 'podAntiAffinity') || pairOf(w.podSpec, 'topologySpreadConstraints')) continue;
      out.push({
        span: w.replicas?.span ?? podSpecSpan(w),
        message: `${w.kind} ${w.name} runs several replicas with neither podAntiAffinity nor topologySpreadConstraints: the scheduler may place them on the same node or zone, which then takes them all down together; add a topologySpreadConstraint on kubernetes.io/hostname (and topology.kubernetes.io/zone)`,
      });
    }
    return out;
  },
  description: `
A Deployment, StatefulSet or ReplicaSet with \`replicas\` of 2 or more (or managed by an autoscaler in the same file)
whose pod spec has neither \`affinity.podAntiAffinity\` nor \`topologySpreadConstraints\`.

**Why it matters in production.** Replicas exist to survive the loss of one of them, but only if they do not share a
failure domain. Without spreading rules the scheduler optimises for bin-packing: on a small or busy cluster it often
puts several replicas on one node, and in one zone. One node failure, kernel panic, spot-instance reclaim or zone
outage then removes all of them. The scheduler's built-in default spreading is soft (\`ScheduleAnyway\`) and
ignored under pressure, and managed clusters may not enable it.

**How to fix.** Spread over nodes, and over zones in multi-zone clusters:

\`\`\`yaml
topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: ScheduleAnyway
    labelSelector: { matchLabels: { app: cart } }
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: ScheduleAnyway
    labelSelector: { matchLabels: { app: cart } }
\`\`\`

Use \`DoNotSchedule\` or \`requiredDuringScheduling…\` anti-affinity only when the cluster has room for it: a hard
rule leaves replicas Pending when nodes run out.

**Links.** [Pod Topology Spread Constraints](https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/),
[Affinity and anti-affinity](https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#affinity-and-anti-affinity).
`,
});
