import { defineRule, type Report } from '../../engine/define-rule';
import { scalarIn } from '../../engine/yaml-ast';
import { appendToMap, isFalse, isTrue, podSpecSpan, scalarNode } from '../lib/k8s-pod';

/** A pod on the default service account rarely calls the API, yet gets a token an attacker can use against it. */
export default defineRule({
  id: 'k8s-sa-token-automount',
  pillar: 'security',
  severity: 'info',
  kubernetes: true,
  fixable: true,
  tags: ['hardening', 'cis-5.1.6'],
  title: 'Pod mounts a service account token it does not need',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (!w.podSpec) continue;
      const setting = scalarNode(w.podSpec, 'automountServiceAccountToken');
      if (isFalse(setting)) continue;
      const sa = String(scalarIn(w.podSpec, 'serviceAccountName') ?? scalarIn(w.podSpec, 'serviceAccount') ?? 'default');
      // A dedicated service account exists to call the API; only the default one is flagged.
      if (sa !== 'default') continue;
      const saObject = ctx.objects.find((o) => o.kind === 'ServiceAccount' && o.name === 'default' && o.namespace === w.namespace);
      if (!setting && saObject && isFalse(scalarNode(saObject.root, 'automountServiceAccountToken'))) continue;
      // An explicit `true` was somebody's choice: no automatic fix.
      const change = setting ? undefined : appendToMap(ctx, w.podSpec, ['automountServiceAccountToken: false']);
      out.push({
        span: setting?.span ?? podSpecSpan(w),
        message: `${w.kind} ${w.name} runs as the default service account and ${isTrue(setting) ? 'sets automountServiceAccountToken: true' : 'does not set automountServiceAccountToken: false'}: every container gets an API token an attacker can use from a compromised pod; set automountServiceAccountToken: false (or use a dedicated service account if the pod calls the Kubernetes API)`,
        ...(change ? { fix: { title: 'Set automountServiceAccountToken: false', changes: [change] } } : {}),
      });
    }
    return out;
  },
  description: `
A pod (of any workload kind) that runs as the namespace's \`default\` service account (no \`serviceAccountName\`, or
\`default\`) and does not set \`automountServiceAccountToken: false\`, so Kubernetes mounts an API token into every
container at \`/var/run/secrets/kubernetes.io/serviceaccount/token\`. Pods with a dedicated service account are not
flagged (it exists to call the API), nor are pods whose \`default\` ServiceAccount in the same file disables
automounting. Not part of the Pod Security Standards; CIS Kubernetes Benchmark 5.1.6.

**Why it matters in production.** Most application pods never talk to the Kubernetes API, but the mounted token lets
anyone with code execution in the pod (an RCE, an SSRF that reads files, a malicious dependency) authenticate to the
API server as the service account. Any RoleBinding someone later grants to \`default\` — a common shortcut — silently
extends to every such pod, and the token is also a ready-made credential for lateral movement.

**How to fix.** When the field is absent the quick fix adds it to the pod spec (an explicit \`true\` is left to you):

\`\`\`yaml
spec:
  automountServiceAccountToken: false
\`\`\`

If the pod does call the API, give it its own ServiceAccount with least-privilege RBAC instead.

**Links.** [Configure Service Accounts for Pods](https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting),
[Service account tokens: good practices](https://kubernetes.io/docs/concepts/security/service-accounts/),
[CIS Kubernetes Benchmark](https://www.cisecurity.org/benchmark/kubernetes).
`,
});
