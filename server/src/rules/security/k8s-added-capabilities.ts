import { defineRule, type Report } from '../../engine/define-rule';
import { getIn } from '../../engine/yaml-ast';
import { describeContainer } from '../lib/k8s-pod';

/** Capabilities the baseline standard allows to be added (the container runtime's default set). */
/** Capabilities that are known routes to escaping the container or controlling the node. */
const ESCAPE = new Set(['ALL', 'SYS_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_BOOT', 'DAC_READ_SEARCH', 'NET_ADMIN', 'NET_RAW', 'BPF', 'PERFMON', 'SYSLOG', 'MAC_ADMIN', 'MAC_OVERRIDE']);
const BASELINE = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

/** Every added capability is a slice of root; only binding a low port is harmless enough for the restricted level. */
export default defineRule({
  id: 'k8s-added-capabilities',
  pillar: 'security',
  severity: 'warning',
  kubernetes: true,
  tags: ['pss-restricted'],
  title: 'Container adds Linux capabilities beyond NET_BIND_SERVICE',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      for (const c of w.containers) {
        const add = getIn(c.value, 'securityContext', 'capabilities', 'add');
        for (const item of add?.kind === 'seq' ? add.items : []) {
          if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
          const cap = item.value.toUpperCase().replace(/^CAP_/, '');
          if (cap === 'NET_BIND_SERVICE') continue;
          const level = BASELINE.has(cap) ? 'the restricted Pod Security level allows only NET_BIND_SERVICE' : 'even the baseline Pod Security level forbids it';
          out.push({
            span: item.span,
            message: `${describeContainer(w, c)} adds capability ${item.value}: ${ESCAPE.has(cap) ? `it hands a compromised process ${cap === 'ALL' ? 'every root power' : 'a root power'} that is a known route to escaping the container or controlling the node` : 'it widens what a compromised process may do beyond the runtime defaults'}, and ${level}; remove it (and drop: [ALL]), or grant it to a narrowly scoped helper container`,
          });
        }
      }
    }
    return out;
  },
  description: `
A container (init containers included) whose \`securityContext.capabilities.add\` lists anything other than
\`NET_BIND_SERVICE\` (with or without the \`CAP_\` prefix). Level: **restricted**; the message says when a capability
(\`SYS_ADMIN\`, \`NET_ADMIN\`, \`SYS_PTRACE\`, \`ALL\`…) is outside even the **baseline** level's allowed set.

**Why it matters in production.** Capabilities split root's powers into pieces, and several pieces are as good as
root: \`SYS_ADMIN\` can mount filesystems and is behind most container escapes, \`SYS_PTRACE\` reads other processes'
memory, \`NET_ADMIN\` and \`NET_RAW\` let a pod rewrite routing or spoof traffic on the node's network, \`DAC_OVERRIDE\`
ignores file permissions. An attacker who gets code execution inherits all of them.

**How to fix.** Drop everything and add back only what the process needs; binding ports below 1024 is the one common
need, and even that can go by listening on a high port:

\`\`\`yaml
securityContext:
  capabilities:
    drop: [ALL]
    add: [NET_BIND_SERVICE]
\`\`\`

**Links.** [Pod Security Standards](https://kubernetes.io/docs/concepts/security/pod-security-standards/),
[capabilities(7)](https://man7.org/linux/man-pages/man7/capabilities.7.html).
`,
});
