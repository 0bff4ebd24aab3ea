import { defineRule, type Report } from '../../engine/define-rule';
import { getIn, scalarIn } from '../../engine/yaml-ast';
import { describeContainer, isFalse, isTrue, scalarNode, securitySpan, setSecurityField } from '../lib/k8s-pod';

/** A setuid binary or file capability in the image can make a compromised process root inside the container. */
export default defineRule({
  id: 'k8s-privilege-escalation',
  pillar: 'security',
  severity: 'warning',
  kubernetes: true,
  fixable: true,
  tags: ['pss-restricted'],
  title: 'Container allows privilege escalation',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (scalarIn(w.podSpec, 'os', 'name') === 'windows') continue;
      for (const c of w.containers) {
        const setting = scalarNode(c.value, 'securityContext', 'allowPrivilegeEscalation');
        if (isFalse(setting)) continue;
        // Privileged or CAP_SYS_ADMIN containers always escalate, and the API rejects `false` for them: other rules say so.
        if (isTrue(scalarNode(c.value, 'securityContext', 'privileged'))) continue;
        const add = getIn(c.value, 'securityContext', 'capabilities', 'add');
        if (add?.kind === 'seq' && add.items.some((i) => i.kind === 'scalar' && /^(CAP_)?SYS_ADMIN$/.test(String(i.value)))) continue;
        const how = isTrue(setting) ? 'sets allowPrivilegeEscalation: true' : 'does not set allowPrivilegeEscalation: false';
        // An explicit `true` was somebody's choice (e.g. an image that needs file capabilities): no automatic fix.
        const change = setting ? undefined : setSecurityField(ctx, c.value, 'allowPrivilegeEscalation', 'false');
        out.push({
          span: setting?.span ?? securitySpan(c),
          message: `${describeContainer(w, c)} ${how}: a setuid binary in the image lets a compromised process gain more privileges than it started with; set securityContext.allowPrivilegeEscalation: false`,
          ...(change ? { fix: { title: 'Set allowPrivilegeEscalation: false', changes: [change] } } : {}),
        });
      }
    }
    return out;
  },
  description: `
A container (init containers included) whose \`securityContext.allowPrivilegeEscalation\` is not \`false\`. The
field defaults to \`true\`. Privileged containers and containers that add \`SYS_ADMIN\` are left to
k8s-privileged-container and k8s-added-capabilities: they escalate regardless, and the API rejects \`false\` for them.
Windows pods (\`spec.os.name: windows\`) are exempt, as in the Pod Security Standards. Level: **restricted**.

**Why it matters in production.** Unless \`allowPrivilegeEscalation\` is \`false\`, the kernel's \`no_new_privs\`
flag is not set, so a process can gain privileges through setuid/setgid binaries (\`su\`, \`sudo\`, \`ping\` in many
base images) or file capabilities. An attacker who gets code execution in the container, through a dependency or a
deserialization bug, can turn an unprivileged foothold into root in the container, the first step of most container
escapes. Setting it costs nothing for a normal service.

**How to fix.** When the field is absent the quick fix adds it (creating the \`securityContext\` when needed); an
explicit \`true\` is left to you, since someone chose it (images that bind low ports through a file capability, such
as ingress-nginx, need it until the image changes):

\`\`\`yaml
securityContext:
  allowPrivilegeEscalation: false
\`\`\`

**Links.** [Pod Security Standards: Restricted](https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted),
[Configure a Security Context](https://kubernetes.io/docs/tasks/configure-pod-container/security-context/),
[no_new_privs](https://docs.kernel.org/userspace-api/no_new_privs.html).
`,
});
