import { defineRule } from '../../engine/define-rule';
import { isTestPath } from '../lib/syntax';
import { isSecretName, literalText, looksLikeSecretValue, mayHoldSecret, parseSecretPatterns, secretFormat, secretNameOf, type SecretPattern } from '../lib/secrets';

const STRINGS = {
  go: '[(interpreted_string_literal) (raw_string_literal)] @match',
  python: '(string) @match',
  typescript: '[(string) (template_string)] @match',
  tsx: '[(string) (template_string)] @match',
  javascript: '[(string) (template_string)] @match',
  java: '(string_literal) @match',
};

const KIND: Record<string, string> = {
  'private-key': 'A private key', 'aws-access-key-id': 'An AWS access key id', 'github-token': 'A GitHub token',
  'slack-token': 'A Slack token', 'slack-webhook': 'A Slack webhook URL', 'stripe-key': 'A Stripe live key',
  'google-api-key': 'A Google API key', jwt: 'A JWT',
};

/** The user's `name=regex` detectors, parsed once per options object; malformed entries are ignored here (the policy validation reports them). */
const parsed = new WeakMap<readonly string[], SecretPattern[]>();
function extra(option: unknown): SecretPattern[] {
  if (!Array.isArray(option) || !option.length) return [];
  const list = option as readonly string[];
  let p = parsed.get(list);
  if (!p) parsed.set(list, (p = parseSecretPatterns(list).patterns));
  return p;
}

interface Hit {
  what: string;
  name?: string;
}

/** The contents between a literal's quotes, read from the source text (no tree calls); a superset of literalText's. */
const QUOTED = /^[A-Za-z]*("""|'''|"|'|`)([\s\S]*)\1$/;

/** What makes this literal a secret, if anything: its format first, then the name it is bound to. */
function classify(node: Parameters<typeof literalText>[0], text: string, path: string, option: unknown): Hit | undefined {
  // Every string of every file comes here: reject on the source text first, and only ask the tree about a candidate.
  const quoted = QUOTED.exec(text.slice(node.startIndex, node.endIndex))?.[2];
  if (quoted === undefined || quoted.length < 6) return undefined;
  const test = isTestPath(path);
  const patterns = extra(option);
  if (!patterns.length && !secretFormat(quoted) && (test || !looksLikeSecretValue(quoted))) return undefined;
  const value = literalText(node);
  if (value === undefined || value.length < 6) return undefined;
  const format = secretFormat(value, patterns);
  // Test keys, JWTs and temporary (ASIA) AWS keys in tests are fixtures; long-lived service tokens are still leaks there.
  if (format && !(test && (/^(jwt|private-key)$/.test(format.kind) || /^ASIA/.test(value.slice(format.start))))) {
    return { what: KIND[format.kind] ?? `A secret (${format.kind})` };
  }
  if (test || !looksLikeSecretValue(value)) return undefined;
  const name = secretNameOf(node);
  if (!name || !isSecretName(name)) return undefined;
  if (value.toLowerCase().includes(name.toLowerCase())) return undefined;
  return { what: 'A hard-coded secret', name };
}

/** Credentials written into source code end up in git history, images and logs, and cannot be rotated without a release. */
export default defineRule({
  id: 'hard-coded-secret',
  pillar: 'security',
  severity: 'error',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Hard-coded secret (password, API key, token, private key)',
  // No triggers: user patterns can match any text. Without them, a file needs a secret's format or name somewhere.
  when: (text, options) => extra(options.patterns).length > 0 || mayHoldSecret(text),
  query: STRINGS,
  local: true,
  options: {
    patterns: {
      type: 'string[]',
      default: [],
      description: 'Extra secret formats, each written name=regex (e.g. "acme-token=acme_[a-z0-9]{32}"); the policy fills it from security.secretPatterns.',
    },
  },
  filter: (m, ctx) => classify(m.node, ctx.text, ctx.relativePath || ctx.path, ctx.options.patterns) !== undefined,
  message: (m, ctx) => {
    const hit = classify(m.node, ctx.text, ctx.relativePath || ctx.path, ctx.options.patterns);
    const where = hit?.name ? ` is assigned to ${hit.name}` : ' is written in the source';
    return `${hit?.what ?? 'A secret'}${where}: everyone with the repository, an image or a log can use it, and rotating it needs a release; revoke it and load it from the environment or a secret manager`;
  },
  data: (m) => ({ kind: secretFormat(literalText(m.node) ?? '')?.kind ?? 'secret-assignment' }),
  description: `
A credential is written into the source: a string whose format is unmistakable (AWS access key id \`AKIA…\`, GitHub
token \`ghp_…\`/\`github_pat_…\`, Slack token \`xox…\` or webhook, Stripe live key, Google API key, a PEM private key
with its body, a JWT), or a string assigned to a variable, field, key or argument named like a secret (\`password\`,
\`dbPassword\`, \`API_KEY\`, \`client_secret\`, \`auth_token\`, \`Authorization\`) whose value looks real.

To keep false alarms rare, values that are placeholders are skipped: templates and references (\`\${VAR}\`,
\`{{ .Values.x }}\`, \`<your-key>\`), env var and config key names (\`DB_PASSWORD\`, \`spring.datasource.password\`), empty or
short strings, prose, URLs without credentials, values containing \`example\`, \`changeme\`, \`dummy\`, \`fake\`, \`test\`…,
and values with too little variety (a named value needs two character classes, or 16+ random-looking characters).
In test files (\`_test.go\`, \`*.test.ts\`, \`test_*.py\`, \`*Test.java\`, \`test/\`, \`testdata/\`) only long-lived service
credentials are reported (AWS \`AKIA\`, GitHub, Slack, Stripe, Google): test keys, JWTs and named values there are fixtures.

**Why it matters in production.** Source code is copied everywhere: every clone, CI log, container image layer and
package carries the secret, and git history keeps it after the line is deleted. Leaked cloud keys are found by
scanners within minutes of a push. A hard-coded credential is also the same in every environment and cannot be
rotated without a new release.

**How to fix.** Revoke the secret first (it is already exposed), then read it at run time:

\`\`\`go
password := os.Getenv("DB_PASSWORD")
\`\`\`
\`\`\`ts
const apiKey = process.env.PAYMENTS_API_KEY;
\`\`\`

or mount it from a secret manager (Kubernetes Secret, Vault, AWS Secrets Manager). Add your own token formats with the
\`patterns\` option (\`name=regex\`), or \`security.secretPatterns\` in \`.dfx.yaml\`.

**Links.** [OWASP Secrets Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html),
[CWE-798](https://cwe.mitre.org/data/definitions/798.html), [gitleaks rules](https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml).
`,
});
