import { defineRule, type Report } from '../../engine/define-rule';
import { getIn, pairOf } from '../../engine/yaml-ast';

const RESOURCES = ['cpu', 'memory'] as const;

/** Containers without requests and limits are scheduled blind and can take a node's memory or CPU from their neighbours. */
export default defineRule({
  id: 'k8s-missing-resource-limits',
  pillar: 'performance',
  severity: 'warning',
  kubernetes: true,
  title: 'Kubernetes container without resource requests or limits',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      // A LimitRange in the same namespace gives every container defaults.
      if (ctx.objects.some((o) => o.kind === 'LimitRange' && o.namespace === w.namespace)) continue;
      for (const c of w.containers) {
        if (c.init) continue;
        const resources = pairOf(c.value, 'resources');
        const has = (kind: 'limits' | 'requests', r: string): boolean => getIn(resources?.value, kind, r) !== undefined;
        // A missing request defaults to the limit, so it only matters when the limit is missing too.
        const missing = [
          ...RESOURCES.filter((r) => !has('requests', r) && !has('limits', r)).map((r) => `requests.${r}`),
          ...RESOURCES.filter((r) => !has('limits', r)).map((r) => `limits.${r}`),
        ];
        if (!missing.length) continue;
        out.push({
          span: resources?.keySpan ?? c.nameSpan,
          message: `container ${c.name} of ${w.kind} ${w.name} has no resources.${missing.join(', ')}: the scheduler places it blind and it can starve its neighbours or be OOM-killed at random; set resources.requests and resources.limits for cpu and memory`,
          data: { missing },
        });
      }
    }
    return out;
  },
  description: `
A container (of any workload, Jobs and CronJobs included; init containers exempt) is missing
\`resources.limits.cpu\`, \`resources.limits.memory\`, or a request that no limit stands in for (a missing request
defaults to the limit). The message lists what is missing. A \`LimitRange\` in the same file and namespace, which gives
defaults, silences the rule.

**Why it matters in production.**
- Without **requests** the scheduler does not know what the pod needs: it packs pods onto nodes that cannot hold them,
  and the pod is first in line for eviction (BestEffort QoS) when the node runs short.
- Without a **memory limit** one leaking container can take all of a node's memory, and the kernel OOM killer then picks
  victims among its innocent neighbours.
- Without a **CPU limit** a busy container can starve others on the node; some teams deliberately run without CPU
  limits to avoid throttling. If that is your policy, set CPU requests and turn this rule's CPU part off with a
  suppression.

Capacity planning, autoscaling (HPA on CPU utilisation needs requests) and load-test results are only meaningful when
requests and limits are set.

**How to fix.** Set both, from observed usage (e.g. p95 from your metrics plus headroom):

\`\`\`yaml
resources:
  requests: { cpu: 200m, memory: 256Mi }
  limits: { cpu: "1", memory: 512Mi }
\`\`\`

**Links.** [Resource Management for Pods and Containers](https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/),
[Pod Quality of Service classes](https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/),
[LimitRange](https://kubernetes.io/docs/concepts/policy/limit-range/).
`,
});
