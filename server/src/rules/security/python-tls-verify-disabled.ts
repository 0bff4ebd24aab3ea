import { defineRule } from '../../engine/define-rule';

/** `verify=False` turns off certificate checking in requests and httpx: anyone on the path can read and change the traffic. */
export default defineRule({
  id: 'python-tls-verify-disabled',
  pillar: 'security',
  severity: 'error',
  languages: ['python'],
  title: 'TLS certificate verification disabled (verify=False)',
  local: true,
  triggers: ['verify'],
  query: `
    (call
      function: (_) @fn
      arguments: (argument_list
        (keyword_argument name: (identifier) @key value: (false) @report))
      (#eq? @key "verify")) @match
    (assignment
      left: (attribute attribute: (identifier) @key) @fn
      right: (false) @report
      (#eq? @key "verify")) @match
  `,
  // verify= is a common keyword; only HTTP clients (requests, httpx, aiohttp-like sessions and their methods) count.
  filter: (m) =>
    m.node.type === 'assignment' ||
    /^(requests|httpx)\.|(^|\.)(get|post|put|delete|patch|head|options|request|send|stream|Session|Client|AsyncClient)$/.test(m.text('fn')),
  message: (m) =>
    m.node.type === 'assignment'
      ? `${m.text('fn')} = False disables TLS certificate verification for every request of this session: traffic can be intercepted and altered; remove it, or point verify at a CA bundle`
      : 'verify=False disables TLS certificate verification: anyone on the network path can intercept and alter this traffic; remove it, or pass verify="/path/to/ca-bundle.pem" for a private CA',
  fixable: true,
  fix: (m) => {
    const value = m.get('report');
    return value && { title: 'Verify TLS certificates (verify=True)', changes: [{ start: value.startIndex, end: value.endIndex, newText: 'True' }] };
  },
  description: `
Passing \`verify=False\` to \`requests\` or \`httpx\` (or setting \`session.verify = False\`) turns off TLS certificate
verification: the client accepts any certificate, including one presented by an attacker.

**Why it matters in production.** TLS without verification is encryption to an unknown party. Anyone who can
intercept the connection (a compromised proxy, a rogue pod on the same node, DNS spoofing) can read credentials and
payloads and change responses. It is usually added to get past a self-signed certificate in a test environment and
then ships to production. \`requests\` also logs an \`InsecureRequestWarning\`, which people then silence.

**How to fix.** Remove \`verify=False\` (the default verifies against the system/certifi bundle). For an internal CA,
point \`verify\` at its bundle:

\`\`\`python
requests.post(url, json=body, timeout=5, verify="/etc/ssl/certs/internal-ca.pem")
\`\`\`

The quick fix sets \`verify=True\`.

**Links.** [requests: SSL Cert Verification](https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification),
[Bandit B501 request_with_no_cert_validation](https://bandit.readthedocs.io/en/latest/plugins/b501_request_with_no_cert_validation.html),
[CWE-295](https://cwe.mitre.org/data/definitions/295.html).
`,
});
