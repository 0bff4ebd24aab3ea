import { defineRule, type Report } from '../../engine/define-rule';
import { isTrue, scalarNode } from '../lib/k8s-pod';

const WHY: Record<string, string> = {
  hostNetwork: "it sees every interface of the node, can bind its ports and reach services that trust the node's address",
  hostPID: "it sees every process on the node and can read their environment, memory and open files",
  hostIPC: 'it shares System V shared memory and semaphores with every process on the node',
};

/** Host namespaces take away the isolation a container exists for. */
export default defineRule({
  id: 'k8s-host-namespaces',
  pillar: 'security',
  severity: 'warning',
  kubernetes: true,
  tags: ['pss-baseline'],
  title: "Pod shares the node's network, PID or IPC namespace",
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      for (const field of Object.keys(WHY)) {
        const v = scalarNode(w.podSpec, field);
        if (!v || !isTrue(v)) continue;
        out.push({
          span: v.span,
          message: `${w.kind} ${w.name} sets ${field}: true: ${WHY[field]}; remove it (expose ports through a Service, use a sidecar or an API instead of host access)`,
        });
      }
    }
    return out;
  },
  description: `
A pod spec (of any workload) with \`hostNetwork: true\`, \`hostPID: true\` or \`hostIPC: true\`; each one is reported
on its own line. Level: **baseline**.

**Why it matters in production.**
- **hostNetwork** puts the pod on the node's network stack: it can bind any node port (and collide with other pods on
  the same port, so two replicas cannot share a node), sniff node traffic, reach the kubelet and cloud metadata
  endpoints that trust the node address, and bypasses NetworkPolicies.
- **hostPID** shows every process on the node: with enough privilege a compromised container can read other pods'
  environment variables (secrets) from \`/proc\`, signal them or attach to them.
- **hostIPC** shares the node's IPC namespace, so shared-memory segments of other workloads are readable and writable.

**How to fix.** Remove the field. Expose ports with a Service (NodePort/LoadBalancer) or \`hostPort\` if you must;
node-level agents (CNI, monitoring) that truly need host namespaces belong in a separate, restricted namespace with a
suppression that says why.

**Links.** [Pod Security Standards: Baseline](https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline),
[Pod spec: hostNetwork, hostPID, hostIPC](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#hostname-and-name-resolution).
`,
});
