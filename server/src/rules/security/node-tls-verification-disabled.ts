import { defineRule } from '../../engine/define-rule';

const ENV = 'NODE_TLS_REJECT_UNAUTHORIZED';

/** `rejectUnauthorized: false` and `NODE_TLS_REJECT_UNAUTHORIZED=0` make Node accept any TLS certificate. */
export default defineRule({
  id: 'node-tls-verification-disabled',
  pillar: 'security',
  severity: 'error',
  languages: ['typescript', 'tsx', 'javascript'],
  title: 'Node.js TLS certificate verification disabled',
  local: true,
  triggers: ['rejectUnauthorized', ENV, 'checkServerIdentity'],
  query: `
    (pair key: [(property_identifier) (string (string_fragment))] @key value: (false) @report
      (#match? @key "^['\\"]?rejectUnauthorized['\\"]?$")) @match
    (pair key: (property_identifier) @key value: (arrow_function body: [(undefined) (null) (statement_block . "{" . "}")]) @report
      (#eq? @key "checkServerIdentity")) @match
    (assignment_expression left: (member_expression property: (property_identifier) @key) right: (_) @value
      (#eq? @key "${ENV}")) @match
    (assignment_expression left: (subscript_expression index: (string (string_fragment) @key)) right: (_) @value
      (#eq? @key "${ENV}")) @match
  `,
  filter: (m) => !m.get('value') || /^(['"`]?)0\1$/.test(m.text('value')),
  message: (m) => {
    const what = m.get('value') ? `${ENV} = '0' turns off TLS certificate checks for every connection of this process`
      : m.text('key') === 'checkServerIdentity' ? 'checkServerIdentity that accepts every host turns off host name checks'
      : 'rejectUnauthorized: false turns off TLS certificate checks';
    return `${what}: anyone on the network path can impersonate the server and read the traffic; remove it and trust the right CA with the \`ca\` option or NODE_EXTRA_CA_CERTS`;
  },
  fixable: true,
  fix: (m) => {
    const value = m.get('report');
    if (value?.type !== 'false') return undefined;
    return { title: 'Verify certificates (rejectUnauthorized: true)', changes: [{ start: value.startIndex, end: value.endIndex, newText: 'true' }] };
  },
  description: `
Node.js verifies TLS certificates by default. Three things turn that off:
\`rejectUnauthorized: false\` in the options of \`https.Agent\`, \`https.request\`, \`tls.connect\`, database drivers
(\`ssl: { rejectUnauthorized: false }\`) or axios' \`httpsAgent\`; a \`checkServerIdentity\` that accepts every host; and
\`process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'\`, which disables verification for **every** TLS connection of the
process, including ones made by libraries.

**Why it matters in production.** A connection that accepts any certificate is encrypted to whoever answers. Anyone
who can intercept it (a compromised proxy or sidecar, DNS spoofing) can read card tokens, credentials and payloads and
change responses. These settings are typically added to get past a self-signed sandbox certificate and then ship.

**How to fix.** Remove the setting and trust the issuing CA instead:

\`\`\`ts
const agent = new https.Agent({ ca: fs.readFileSync('/etc/ssl/internal-ca.pem'), keepAlive: true });
\`\`\`

or start Node with \`NODE_EXTRA_CA_CERTS=/etc/ssl/internal-ca.pem\`. The quick fix sets \`rejectUnauthorized: true\`.

**Links.** [Node.js tls.connect options](https://nodejs.org/api/tls.html#tlsconnectoptions-callback),
[NODE_TLS_REJECT_UNAUTHORIZED](https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue),
[CWE-295](https://cwe.mitre.org/data/definitions/295.html).
`,
});
