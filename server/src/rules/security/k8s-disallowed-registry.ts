import { defineRule, type Report } from '../../engine/define-rule';
import { getIn } from '../../engine/yaml-ast';
import { describeContainer, imageRewrittenByTooling, isImagePlaceholder, parseImage } from '../lib/k8s-pod';

/** True when an allow-list entry (`registry`, `registry/path`, `*.domain`) covers the image. */
function allowed(entry: string, registry: string, repository: string): boolean {
  const e = entry.trim().replace(/\/+$/, '').replace(/^(index\.)?docker\.io\b/, 'docker.io');
  if (!e) return false;
  if (e.startsWith('*.')) return registry.endsWith(e.slice(1));
  const full = `${registry}/${repository}`;
  return full === e || full.startsWith(`${e}/`);
}

/** Images from registries nobody vetted bypass scanning, signing and the organisation's supply-chain controls. */
export default defineRule({
  id: 'k8s-disallowed-registry',
  pillar: 'security',
  severity: 'warning',
  kubernetes: true,
  tags: ['supply-chain'],
  title: 'Container image from a registry outside the allowed list',
  options: {
    allowedRegistries: {
      type: 'string[]',
      default: [],
      description: 'Registries (or registry/path prefixes, or *.domain) images may come from; empty allows any (policy security.allowedRegistries).',
    },
  },
  check: (ctx) => {
    const list = ctx.options['allowedRegistries'];
    const entries = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    if (!entries.length) return [];
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      for (const c of w.containers) {
        const image = getIn(c.value, 'image');
        if (image?.kind !== 'scalar' || typeof image.value !== 'string' || isImagePlaceholder(image.value)) continue;
        const ref = parseImage(image.value);
        if (entries.some((e) => allowed(e, ref.registry, ref.repository)) || imageRewrittenByTooling(ctx, image.value)) continue;
        out.push({
          span: image.span,
          message: `image ${image.value} of ${describeContainer(w, c)} comes from ${ref.registry}, which is not in allowedRegistries (${entries.join(', ')}): it bypasses the images your organisation scans and signs; mirror it into an allowed registry or add the registry to the policy`,
          data: { registry: ref.registry },
        });
      }
    }
    return out;
  },
  description: `
A container image (init containers included) whose registry is not in the rule's \`allowedRegistries\` option (from
\`.dfx.yaml\` \`security.allowedRegistries\` or the settings). Entries are a registry host
(\`registry.example.com\`), a registry and path prefix (\`ghcr.io/my-org\`, \`docker.io/library\`) or a domain wildcard
(\`*.dkr.ecr.eu-west-1.amazonaws.com\`). Images without a registry are Docker Hub's (\`nginx\` is
\`docker.io/library/nginx\`). With the default, an empty list, the rule is silent. Templated images (\`$(IMAGE)\`,
\`\${IMAGE}\`) are skipped, and so are images a kustomization (\`images:\`) or Skaffold config
(\`build.artifacts\`) in the manifest's folder or a parent rewrites.

**Why it matters in production.** A private registry or pull-through mirror is where an organisation scans, signs and
retains images. An image pulled straight from a public registry skips all of that: it can be replaced upstream
(typosquatting, a compromised maintainer account), disappear or be rate-limited (Docker Hub pull limits have stopped
many rollouts), and it is invisible to the vulnerability inventory.

**How to fix.** Mirror the image into an allowed registry and reference it there, pinned by digest:

\`\`\`yaml
image: registry.example.com/mirror/nginx:1.27.0@sha256:…
\`\`\`

Enforce the same list in the cluster with an admission policy (Kyverno, Gatekeeper or a ValidatingAdmissionPolicy).

**Links.** [Kubernetes: Container images](https://kubernetes.io/docs/concepts/containers/images/),
[SLSA](https://slsa.dev/), [Kyverno: restrict image registries](https://kyverno.io/policies/best-practices/restrict-image-registries/restrict-image-registries/).
`,
});
