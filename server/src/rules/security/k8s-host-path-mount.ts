import { defineRule, type Report } from '../../engine/define-rule';
import { getIn, pairOf, scalarIn } from '../../engine/yaml-ast';
import { isTrue, scalarNode } from '../lib/k8s-pod';

/** Paths whose mount is a direct route to root on the node. */
const CRITICAL = /^\/(?:$|etc\b|root\b|proc\b|sys\b|var\/lib\/kubelet\b|var\/run\/docker\.sock|run\/containerd|var\/run\/containerd|var\/run\/crio|run\/crio)/;

/** A hostPath volume hands a pod the node's filesystem, outside every Kubernetes control. */
export default defineRule({
  id: 'k8s-host-path-mount',
  pillar: 'security',
  severity: 'warning',
  kubernetes: true,
  tags: ['pss-baseline'],
  title: 'Pod mounts a hostPath volume',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      const volumes = getIn(w.podSpec, 'volumes');
      for (const v of volumes?.kind === 'seq' ? volumes.items : []) {
        const hp = pairOf(v, 'hostPath');
        if (!hp) continue;
        const path = String(scalarIn(hp.value, 'path') ?? '?');
        const name = String(scalarIn(v, 'name') ?? '(unnamed)');
        const mounts = w.containers.flatMap((c) => {
          const vm = getIn(c.value, 'volumeMounts');
          return vm?.kind === 'seq' ? vm.items.filter((m) => scalarIn(m, 'name') === name) : [];
        });
        const readOnly = mounts.length > 0 && mounts.every((m) => isTrue(scalarNode(m, 'readOnly')));
        const critical = CRITICAL.test(path);
        const risk = readOnly
          ? `even read-only, it shows the pod the node's ${critical ? 'system files, credentials or other pods\' data' : 'files'} and ties it to that node`
          : critical
            ? 'this path gives control of the node (container runtime, kubelet or system files)'
            : 'the pod can read or plant files on the node, outside quotas and cleanup, and is tied to that node';
        out.push({
          span: hp.keySpan,
          message: `volume ${name} of ${w.kind} ${w.name} mounts hostPath ${path}: ${risk}; use emptyDir, a ConfigMap/Secret, or a PersistentVolumeClaim instead`,
        });
      }
    }
    return out;
  },
  description: `
A pod spec (of any workload) with a \`hostPath\` volume. The message names the path, says whether every mount of
it is \`readOnly\`, and says when it is one of the paths that hand over the node outright (\`/\`, \`/etc\`, \`/proc\`, \`/sys\`, \`/var/lib/kubelet\`, the Docker, containerd
or CRI-O socket). Level: **baseline**.

**Why it matters in production.** A hostPath volume bypasses every isolation Kubernetes provides: the pod reads and
writes the node's files directly, as whatever UID it runs as. Mounting the container runtime's socket is equivalent to
root on the node (start a privileged container through it); \`/etc\`, \`/var/lib/kubelet\` or \`/\` expose credentials
of the node and of every pod on it. Even harmless-looking paths tie the pod to one node's state, escape disk quotas and
are never cleaned up, so a rescheduled pod silently loses or duplicates its data.

**How to fix.** Scratch space: \`emptyDir\`. Configuration: a ConfigMap or Secret volume. Durable data: a
PersistentVolumeClaim. Node agents (log shippers, CSI drivers) that must read host paths should mount them
\`readOnly: true\`, the narrowest directory possible, from a dedicated namespace, with a suppression that says why.

**Links.** [Pod Security Standards: Baseline](https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline),
[Volumes: hostPath](https://kubernetes.io/docs/concepts/storage/volumes/#hostpath).
`,
});
