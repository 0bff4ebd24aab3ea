import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { inProductionCode } from '../lib/security-context';

/** True where a library implements a caller's explicit opt-out: an `if` on a verify/insecure flag, a `..._no_verify` function. */
function optedOut(node: Node): boolean {
  // `self.check_hostname = False` is a class that implements SSLContext setting its own defaults.
  const assignment = node.type === 'assignment' ? node : node.parent;
  if (/^self\./.test(assignment?.childForFieldName('left')?.text ?? '')) return true;
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'if_statement' && /verif|insecure|cert_reqs|check_hostname|ssl/i.test(p.childForFieldName('condition')?.text ?? '')) return true;
    if (p.type === 'function_definition') return /no_?verify|insecure|unverified/i.test(p.childForFieldName('name')?.text ?? '');
  }
  return false;
}

/** Python's ssl module and urllib3/aiohttp settings that make a client accept any certificate or any host. */
export default defineRule({
  id: 'python-ssl-unverified-context',
  pillar: 'security',
  severity: 'error',
  languages: ['python'],
  title: 'Python TLS context that skips certificate or host name checks',
  local: true,
  triggers: ['_create_unverified_context', 'CERT_NONE', 'check_hostname', 'verify_ssl'],
  query: `
    (call function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
      (#eq? @pkg "ssl") (#eq? @fn "_create_unverified_context")) @match
    (attribute object: (identifier) @pkg attribute: (identifier) @fn
      (#eq? @pkg "ssl") (#eq? @fn "_create_unverified_context")) @match
    (assignment left: (attribute attribute: (identifier) @key) right: (attribute object: (identifier) @pkg attribute: (identifier) @report)
      (#eq? @key "verify_mode") (#eq? @pkg "ssl") (#eq? @report "CERT_NONE")) @match
    (assignment left: (attribute attribute: (identifier) @key) right: (false) @report
      (#eq? @key "check_hostname")) @match
    (keyword_argument name: (identifier) @key value: [(attribute attribute: (identifier) @report) (string (string_content) @report)]
      (#eq? @key "cert_reqs") (#eq? @report "CERT_NONE")) @match
    (keyword_argument name: (identifier) @key value: (false) @report
      (#any-of? @key "verify_ssl" "check_hostname" "assert_hostname")) @match
  `,
  // The bare attribute pattern also sees `ssl._create_unverified_context` inside the call pattern: keep only the
  // assignment form (`ssl._create_default_https_context = ssl._create_unverified_context`).
  filter: (m, ctx) => inProductionCode(ctx) && !optedOut(m.node)
    && (m.node.type !== 'attribute' || (m.node.parent?.type === 'assignment' && m.node.parent.childForFieldName('right')?.id === m.node.id)),
  message: (m) => {
    const key = m.text('key');
    const what = m.text('fn') === '_create_unverified_context' ? 'ssl._create_unverified_context() accepts any certificate and any host'
      : key === 'check_hostname' || key === 'assert_hostname' ? `${key}=False accepts a valid certificate for any host`
      : key === 'verify_ssl' ? 'verify_ssl=False accepts any certificate'
      : 'CERT_NONE accepts any certificate';
    return `${what}: anyone on the network path can impersonate the server and read the traffic; use ssl.create_default_context() (with cafile= for a private CA)`;
  },
  fixable: true,
  fix: (m) => {
    const r = m.get('report');
    if (!r) return undefined;
    if (r.text === 'CERT_NONE' && r.type === 'identifier') return { title: 'Require certificates (CERT_REQUIRED)', changes: [{ start: r.startIndex, end: r.endIndex, newText: 'CERT_REQUIRED' }] };
    if (r.type === 'false' && /^(check_hostname|verify_ssl)$/.test(m.text('key'))) return { title: 'Turn verification back on', changes: [{ start: r.startIndex, end: r.endIndex, newText: 'True' }] };
    return undefined;
  },
  description: `
TLS verification is turned off through Python's \`ssl\` module or a client's TLS settings:
\`ssl._create_unverified_context()\` (or installing it as \`ssl._create_default_https_context\`),
\`ctx.verify_mode = ssl.CERT_NONE\`, \`ctx.check_hostname = False\`, urllib3 \`cert_reqs="CERT_NONE"\` /
\`assert_hostname=False\`, and aiohttp \`verify_ssl=False\`. (\`verify=False\` in requests/httpx is the rule
python-tls-verify-disabled.) Settings inside an \`if\` on a verify/insecure flag or a function named \`..._no_verify\`/\`insecure\` implement a
caller's explicit opt-out, and \`self.check_hostname = False\` is a class emulating SSLContext: neither is flagged. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** A client that accepts any certificate, or a valid certificate for any host, talks
to whoever answers: a compromised proxy, a rogue pod or DNS spoofing can read credentials and payloads and change
responses. Installing the unverified context as the default turns verification off for every library in the process.

**How to fix.** Use \`ssl.create_default_context()\`, which verifies certificates and host names; for a private CA,
pass its bundle:

\`\`\`python
ctx = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")
\`\`\`

The quick fix sets \`CERT_REQUIRED\` / \`True\` where the setting is a plain assignment or keyword.

**Links.** [Python ssl security considerations](https://docs.python.org/3/library/ssl.html#ssl-security),
[Bandit B323 unverified context](https://bandit.readthedocs.io/en/latest/plugins/b323_unverified_context.html),
[CWE-295](https://cwe.mitre.org/data/definitions/295.html).
`,
});
