import { defineRule, type Report } from '../../engine/define-rule';
import { scalarIn } from '../../engine/yaml-ast';
import { describeContainer, isTrue, scalarNode, securitySpan } from '../lib/k8s-pod';

/** A writable root filesystem lets an intruder drop tools and persist changes into the running container. */
export default defineRule({
  id: 'k8s-writable-root-fs',
  pillar: 'security',
  severity: 'info',
  kubernetes: true,
  tags: ['hardening'],
  title: 'Container root filesystem is writable',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      if (scalarIn(w.podSpec, 'os', 'name') === 'windows') continue;
      for (const c of w.containers) {
        const ro = scalarNode(c.value, 'securityContext', 'readOnlyRootFilesystem');
        if (isTrue(ro)) continue;
        out.push({
          span: ro?.span ?? securitySpan(c),
          message: `${describeContainer(w, c)} ${ro ? 'sets readOnlyRootFilesystem: false' : 'does not set readOnlyRootFilesystem: true'}: an intruder can write tools and modify binaries in the running container; set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app writes (/tmp, caches)`,
        });
      }
    }
    return out;
  },
  description: `
A container (init containers included) whose \`securityContext.readOnlyRootFilesystem\` is not \`true\`. Windows pods
are exempt. Not part of the Pod Security Standards (tagged \`hardening\`); it is in the CIS Kubernetes Benchmark and
the NSA/CISA Kubernetes Hardening Guide. There is no quick fix: the app may write to its filesystem, and making it
read-only without an \`emptyDir\` for those paths would crash it.

**Why it matters in production.** With a writable root filesystem an attacker who gets code execution can download
and run tools, replace binaries or configuration the app reads later, and hide persistence inside the container. A
read-only root also stops the slow failure where an app writes logs or caches into the container layer until the
node's disk fills and pods are evicted.

**How to fix.** Make the root read-only and give the app explicit scratch space:

\`\`\`yaml
securityContext:
  readOnlyRootFilesystem: true
volumeMounts:
  - { name: tmp, mountPath: /tmp }
# in the pod spec:
volumes:
  - { name: tmp, emptyDir: { sizeLimit: 100Mi } }
\`\`\`

**Links.** [Configure a Security Context](https://kubernetes.io/docs/tasks/configure-pod-container/security-context/),
[NSA/CISA Kubernetes Hardening Guide](https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF).
`,
});
