import { defineRule, type Report } from '../../engine/define-rule';
import { describeContainer, isTrue, scalarNode } from '../lib/k8s-pod';

/** A privileged container has every capability and every host device: it is the node. */
export default defineRule({
  id: 'k8s-privileged-container',
  pillar: 'security',
  severity: 'error',
  kubernetes: true,
  tags: ['pss-baseline'],
  title: 'Privileged container',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      for (const c of w.containers) {
        const privileged = scalarNode(c.value, 'securityContext', 'privileged');
        if (!isTrue(privileged) || !privileged) continue;
        out.push({
          span: privileged.span,
          message: `${describeContainer(w, c)} is privileged: it has all capabilities and every host device, so a compromise of it is a compromise of the node; remove privileged: true and add only the capabilities it needs`,
        });
      }
    }
    return out;
  },
  description: `
A container (init containers included) with \`securityContext.privileged: true\`. Level: **baseline**.

**Why it matters in production.** A privileged container runs with all Linux capabilities, sees every device under
\`/dev\`, is not confined by seccomp or AppArmor, and can mount the host's filesystems. Escaping to the node is a
documented one-liner, after which an attacker holds the kubelet's credentials and every secret of every pod on that
node. Privileged pods are also the usual cause of "it works on this node" incidents, because they depend on the
host's kernel modules and devices.

**How to fix.** Find out what the container actually needs and grant only that: a single capability
(\`capabilities.add: [NET_ADMIN]\`), a device plugin for hardware, or a CSI driver for storage. Node agents that truly
need it (CNI plugins, storage drivers) belong in a dedicated, locked-down namespace with a suppression that says why.

\`\`\`yaml
securityContext:
  privileged: false
  capabilities:
    drop: [ALL]
    add: [NET_BIND_SERVICE]
\`\`\`

**Links.** [Pod Security Standards: Baseline](https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline),
[Configure a Security Context](https://kubernetes.io/docs/tasks/configure-pod-container/security-context/).
`,
});
