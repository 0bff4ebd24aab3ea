import { defineRule, type Report } from '../../engine/define-rule';
import { getIn } from '../../engine/yaml-ast';
import { isMultiReplica, podLabels, selectorMatches } from '../lib/k8s-pod';

const KINDS = new Set(['Deployment', 'StatefulSet']);

/** Without a PodDisruptionBudget a node drain may evict every replica at once. */
export default defineRule({
  id: 'k8s-missing-pdb',
  pillar: 'reliability',
  severity: 'info',
  kubernetes: true,
  title: 'Multi-replica workload without a PodDisruptionBudget in the same file',
  check: (ctx) => {
    const out: Report[] = [];
    const pdbs = ctx.objects.filter((o) => o.kind === 'PodDisruptionBudget');
    for (const w of ctx.workloads) {
      if (!KINDS.has(w.kind) || !isMultiReplica(ctx.objects, w)) continue;
      const labels = podLabels(w);
      if (pdbs.some((p) => p.namespace === w.namespace && selectorMatches(getIn(p.root, 'spec', 'selector'), labels))) continue;
      out.push({
        span: w.replicas?.span ?? w.kindSpan,
        message: `${w.kind} ${w.name} runs several replicas but no PodDisruptionBudget in this file selects its pods: a node drain or cluster upgrade may evict all of them at once; add a PodDisruptionBudget (e.g. maxUnavailable: 1) matching its pod labels, or suppress with a reason if one lives in another file`,
      });
    }
    return out;
  },
  description: `
A Deployment or StatefulSet with \`replicas\` of 2 or more (or managed by a HorizontalPodAutoscaler or KEDA
ScaledObject in the same file) for which **no PodDisruptionBudget in the same file** and namespace selects the pod
template's labels (\`matchLabels\` and \`matchExpressions\` are evaluated). The rule sees one file at a time: if your
PDBs live in a separate file, suppress it with that reason or keep each PDB next to its workload.

**Why it matters in production.** Voluntary disruptions (\`kubectl drain\`, node pool upgrades, the cluster
autoscaler removing a node, Karpenter consolidation) evict pods through the eviction API, which only holds back when a
PodDisruptionBudget says so. Without one, draining the nodes that happen to host all replicas takes the service down
even though it runs several: redundancy that vanishes during every cluster upgrade. StatefulSets (quorum systems) are
hit hardest, since losing a majority at once loses availability or data.

**How to fix.** Add a PDB next to the workload:

\`\`\`yaml
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: cart }
spec:
  maxUnavailable: 1
  selector:
    matchLabels: { app: cart }
\`\`\`

Prefer \`maxUnavailable\` over \`minAvailable\` equal to the replica count, which blocks drains forever.

**Links.** [Specifying a Disruption Budget](https://kubernetes.io/docs/tasks/run-application/configure-pdb/),
[Disruptions](https://kubernetes.io/docs/concepts/workloads/pods/disruptions/).
`,
});
