import { defineRule, type Report } from '../../engine/define-rule';
import { getIn } from '../../engine/yaml-ast';
import { isImagePlaceholder, imageRewrittenByTooling } from '../lib/k8s-pod';

/** The tag of an image reference (`undefined` when there is none); a registry port is not a tag. */
function tagOf(image: string): string | undefined {
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon === -1 ? undefined : last.slice(colon + 1);
}

/** `:latest` (or no tag) means a different image on every pull: unreviewed code reaches production and rollbacks are guesswork. */
export default defineRule({
  id: 'k8s-image-latest-tag',
  pillar: 'security',
  severity: 'warning',
  kubernetes: true,
  title: 'Container image uses the latest tag or no tag',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      for (const c of w.containers) {
        const image = getIn(c.value, 'image');
        if (image?.kind !== 'scalar' || typeof image.value !== 'string' || image.value.includes('@')) continue;
        const tag = tagOf(image.value);
        if (tag !== undefined && tag !== 'latest') continue;
        // Templated images are filled in later; kustomize `images:` and Skaffold artifacts set the tag that is deployed.
        if (isImagePlaceholder(image.value) || imageRewrittenByTooling(ctx, image.value)) continue;
        const what = tag ? 'uses the mutable :latest tag' : 'has no tag, so it pulls :latest';
        out.push({
          span: image.span,
          message: `image ${image.value} of container ${c.name} ${what}: each pull may run different, unreviewed code and a rollback cannot restore the old version; pin a version tag or a digest (@sha256:...)`,
        });
      }
    }
    return out;
  },
  description: `
A container image is referenced by the \`latest\` tag (\`cart:latest\`) or by no tag at all (\`cart\`, which means
\`latest\`), without a digest. Templated images (\`$(IMAGE)\`, \`\${IMAGE}\`) are skipped, and so are images that a
\`kustomization.yaml\` (\`images:\`) or \`skaffold.yaml\` (\`build.artifacts[].image\`) in the manifest's folder
or a parent folder rewrites: the tag written in the manifest is not the one deployed (judge the kustomization's
\`newTag\`, or Skaffold's tag policy, instead).

**Why it matters in production.** \`latest\` is a moving pointer, not a version. Which code runs depends on when each
node last pulled the image: replicas of one Deployment can run different builds, a node replacement silently upgrades
the service, and \`kubectl rollout undo\` goes back to the same tag and therefore not to the old code. Anyone who can
push to the repository can change what runs in production without a deployment, review or audit trail, which is why
supply-chain guidelines require immutable references. With \`latest\` the default \`imagePullPolicy\` is also
\`Always\`, so a registry outage stops pods from starting.

**How to fix.** Deploy an immutable version, ideally the digest your CI built and scanned:

\`\`\`yaml
image: registry.example.com/shop/cart:1.8.2
# or
image: registry.example.com/shop/cart@sha256:3f0c…
\`\`\`

**Links.** [Kubernetes: Container images](https://kubernetes.io/docs/concepts/containers/images/#image-names),
[Configuration best practices](https://kubernetes.io/docs/concepts/configuration/overview/#container-images),
[SLSA](https://slsa.dev/).
`,
});
