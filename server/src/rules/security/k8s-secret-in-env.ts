import { defineRule, type Report } from '../../engine/define-rule';
import { getIn, pairOf, scalarIn, type YScalar } from '../../engine/yaml-ast';
import { describeContainer } from '../lib/k8s-pod';

/** Variable names that hold secrets… */
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SIGNING_?KEY|ENCRYPTION_?KEY|CREDENTIALS?|DSN|CONNECTION_?STRING)/i;
/** …unless they name where the secret is, or something about it. */
const NOT_SECRET_NAME = /(_|^)(FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|PORT|NAME|REF|ID|KEY_?ID|TTL|EXPIRY|EXPIRES?|EXPIRATION|TIMEOUT|LENGTH|SIZE|HEADER|ENABLED|DISABLED|TYPE|MODE|FIELD|PARAM|ISSUER|AUDIENCE|SCOPES?|INTERVAL|LIFETIME|ALGORITHM|VERSION|POLICY|REGION|USER|USERNAME|LOCATION|MOUNT|PROVIDER|ROTATION)$/i;
/** Values that are secrets whatever the variable is called. */
const SECRET_FORMAT = /^(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\w{40,}|glpat-[\w-]{20,}|xox[abprs]-[\w-]{10,}|sk_live_\w{16,}|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*|eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,})$|[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/;
/** Placeholders and references that are not the secret itself. */
const PLACEHOLDER = /^\s*$|\$\(|\$\{|\{\{|^<.*>$|^(x+|\*+|\.+|-+|none|null|nil|todo|tbd|redacted|replace[_-]?me|changeit|change[_-]?me|your[_-].*)$/i;

function secretReason(name: string, value: YScalar): string | undefined {
  if (typeof value.value !== 'string') return undefined;
  const v = value.value;
  if (PLACEHOLDER.test(v)) return undefined;
  if (SECRET_FORMAT.test(v)) return 'its value has the format of a credential';
  if (!SECRET_NAME.test(name) || NOT_SECRET_NAME.test(name)) return undefined;
  // Paths, booleans spelled as strings and numbers are configuration, not secrets; a 1-2 character value is a flag.
  if (v.startsWith('/') || /^(true|false|yes|no|on|off|enabled?|disabled?|\d+)$/i.test(v) || v.length < 3) return undefined;
  return 'its name says it holds a secret and its value is a literal';
}

/** A secret written into the manifest is in git, in `kubectl get -o yaml` and in every copy of the repository. */
export default defineRule({
  id: 'k8s-secret-in-env',
  pillar: 'security',
  severity: 'warning',
  kubernetes: true,
  tags: ['secrets'],
  title: 'Secret written as a literal environment variable',
  check: (ctx) => {
    const out: Report[] = [];
    for (const w of ctx.workloads) {
      for (const c of w.containers) {
        const env = getIn(c.value, 'env');
        for (const e of env?.kind === 'seq' ? env.items : []) {
          const name = scalarIn(e, 'name');
          const value = pairOf(e, 'value')?.value;
          if (typeof name !== 'string' || value?.kind !== 'scalar') continue;
          const reason = secretReason(name, value);
          if (!reason) continue;
          out.push({
            span: value.span,
            message: `env ${name} of ${describeContainer(w, c)} is set to a literal secret (${reason}): anyone who can read this file or the pod spec can read it; store it in a Secret and use valueFrom.secretKeyRef`,
          });
        }
      }
    }
    return out;
  },
  description: `
An \`env\` entry of a container with a literal \`value\` that is a secret: either the variable is named like one
(\`*PASSWORD*\`, \`*SECRET*\`, \`*TOKEN*\`, \`*API_KEY*\`, \`*PRIVATE_KEY*\`, \`*CREDENTIALS*\`, \`*DSN*\`…, but not
\`*_FILE\`, \`*_PATH\`, \`*_URL\`, \`*_NAME\`, \`*_TTL\`… which describe a secret rather than hold it) and the value is a
real-looking string, or the value has a credential's format whatever the name (AWS access key id, GitHub/GitLab/Slack
tokens, Stripe live keys, private key blocks, JWTs, URLs with a password). Placeholders (\`$(VAR)\`, \`\${VAR}\`,
\`<password>\`, \`changeme\`, \`xxx\`), paths, numbers and booleans are not flagged, and the message never repeats the
value. Not part of the Pod Security Standards (tagged \`secrets\`).

**Why it matters in production.** The manifest lives in git, so the secret is in every clone, fork, CI log and backup,
forever (rotating it is the only remedy). In the cluster, anyone with \`get\` on the workload, which is far more people
than have access to Secrets, reads it from the pod spec; it also shows up in \`kubectl describe\`, audit logs and
GitOps UIs.

**How to fix.** Put the value in a Secret (created from a vault, Sealed Secrets, External Secrets or SOPS, not from a
committed file) and reference it:

\`\`\`yaml
env:
  - name: DB_PASSWORD
    valueFrom:
      secretKeyRef: { name: cart-db, key: password }
\`\`\`

**Links.** [Kubernetes: Secrets as environment variables](https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables),
[Good practices for Kubernetes Secrets](https://kubernetes.io/docs/concepts/security/secrets-good-practices/),
[OWASP Secrets Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html).
`,
});
