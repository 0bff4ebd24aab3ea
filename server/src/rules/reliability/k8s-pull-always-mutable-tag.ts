import { defineRule, type Report } from '../../engine/define-rule';
import { getIn } from '../../engine/yaml-ast';
import { describeContainer, imageRewrittenByTooling, isImagePlaceholder, parseImage, scalarNode } from '../lib/k8s-pod';

/** Always re-resolving a tag means every restart may run different code, and none can start while the registry is down. */
export default defineRule({
  id: 'k8s-pull-always-mutable-tag',
  pillar: 'reliability',
  severity: 'info',
  kubernetes: true,
  title: 'imagePullPolicy Always with a tag instead of a digest',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      for (const c of w.containers) {
        const policy = scalarNode(c.value, 'imagePullPolicy');
        const image = getIn(c.value, 'image');
        if (policy?.value !== 'Always' || image?.kind !== 'scalar' || typeof image.value !== 'string' || isImagePlaceholder(image.value)) continue;
        const ref = parseImage(image.value);
        // Untagged and :latest images are k8s-image-latest-tag's findings; a digest pins the content.
        if (ref.digest || ref.tag === undefined || ref.tag === 'latest' || imageRewrittenByTooling(ctx, image.value)) continue;
        out.push({
          span: policy.span,
          message: `${describeContainer(w, c)} pulls ${image.value} with imagePullPolicy: Always: the tag is re-resolved on every container start, so a re-pushed tag silently changes the code of restarted pods, and no pod can start while the registry is unreachable; pin the image by digest (@sha256:...) or use IfNotPresent with immutable tags`,
        });
      }
    }
    return out;
  },
  description: `
A container with \`imagePullPolicy: Always\` whose image is a tag without a digest (\`cart:1.8\`, \`cart:main\`).
Images with no tag or \`:latest\` are reported by k8s-image-latest-tag instead, a digest (\`@sha256:…\`) makes
\`Always\` harmless, and images a kustomization or Skaffold config rewrites are skipped (the written tag is not the
deployed one). Severity info: with a registry that enforces immutable tags the risk is only the registry
dependency.

**Why it matters in production.** \`Always\` makes the kubelet ask the registry what the tag points to on every
container start. Tags are mutable in most registries, so when a tag is re-pushed (a rebuilt \`1.8\`, a \`main\`
build) pods restarted after that run different code from their siblings: a rollout nobody triggered, and a rollback
that cannot go back. Every restart, reschedule and scale-out also needs the registry: during a registry outage or
rate-limit, crashed pods cannot come back and the autoscaler cannot add capacity.

**How to fix.** Deploy by digest (what CI built and scanned), or keep tags immutable and let the kubelet cache them:

\`\`\`yaml
image: registry.example.com/shop/cart:1.8.2@sha256:3f0c…
imagePullPolicy: IfNotPresent
\`\`\`

**Links.** [Kubernetes: Image pull policy](https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy),
[Configuration best practices: container images](https://kubernetes.io/docs/concepts/configuration/overview/#container-images).
`,
});
