import { defineRule, type Report } from '../../engine/define-rule';
import { scalarIn } from '../../engine/yaml-ast';
import { describeContainer, effectiveSecurity, isTrue, securitySpan, setSecurityField } from '../lib/k8s-pod';

/** Root in a container is root on the host's kernel: one escape bug away from the node. */
export default defineRule({
  id: 'k8s-run-as-root',
  pillar: 'security',
  severity: 'warning',
  kubernetes: true,
  fixable: true,
  tags: ['pss-restricted'],
  title: 'Container may run as root',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (scalarIn(w.podSpec, 'os', 'name') === 'windows') continue;
      for (const c of w.containers) {
        const user = effectiveSecurity(w, c, 'runAsUser');
        const nonRoot = effectiveSecurity(w, c, 'runAsNonRoot');
        const who = describeContainer(w, c);
        if (user?.node.value === 0) {
          out.push({
            span: user.node.span,
            message: `${who} runs as root (runAsUser: 0${user.from === 'pod' ? ' in the pod securityContext' : ''}): a container escape or a writable host mount gives an attacker root on the node; run as a non-zero UID and set runAsNonRoot: true`,
          });
          continue;
        }
        if (isTrue(nonRoot?.node) || (typeof user?.node.value === 'number' && user.node.value > 0)) continue;
        // An explicit runAsNonRoot: false (here or in the pod) was somebody's choice: no automatic fix.
        const change = nonRoot ? undefined : setSecurityField(ctx, c.value, 'runAsNonRoot', 'true');
        out.push({
          span: nonRoot?.node.span ?? securitySpan(c),
          message: `${who} ${nonRoot ? 'sets runAsNonRoot: false' : 'does not set runAsNonRoot: true or a non-zero runAsUser'}, so it runs as root when the image's USER is root (most base images): set securityContext.runAsNonRoot: true and build the image with a non-root USER`,
          ...(change ? { fix: { title: 'Set runAsNonRoot: true (the image must run as a non-root USER)', changes: [change] } } : {}),
        });
      }
    }
    return out;
  },
  description: `
A container (init containers included) that runs as root or may: \`runAsUser: 0\`, or neither
\`runAsNonRoot: true\` nor a non-zero \`runAsUser\` in its own or the pod's \`securityContext\` (the container's value
wins). Then the UID comes from the image's \`USER\`, which is root in most base images. Windows pods are exempt.
Level: **restricted** (the standard asks for \`runAsNonRoot: true\`; a numeric non-zero \`runAsUser\` is accepted here
because it cannot be root).

**Why it matters in production.** Containers share the node's kernel. A process running as UID 0 can write to any
host path mounted into the pod, keeps root-owned capabilities, and turns any container-escape vulnerability (runc,
kernel, misconfigured mount) into root on the node and from there every pod and secret on it. Running as a non-root
UID removes that whole class of escalation for the cost of a \`USER\` line in the Dockerfile.

**How to fix.** Build the image with a non-root user (\`USER 10001\`) and require it:

\`\`\`yaml
securityContext:
  runAsNonRoot: true
  runAsUser: 10001   # optional when the image sets a numeric USER
\`\`\`

When neither level sets \`runAsNonRoot\`, the quick fix adds \`runAsNonRoot: true\` to the container (an explicit
\`false\` is left to you). With it the kubelet refuses to start a container whose image would run as
root (\`CreateContainerConfigError\`), so check the image's \`USER\` first.

**Links.** [Pod Security Standards: Restricted](https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted),
[Configure a Security Context](https://kubernetes.io/docs/tasks/configure-pod-container/security-context/).
`,
});
