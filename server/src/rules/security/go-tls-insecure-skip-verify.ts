import { defineRule } from '../../engine/define-rule';

/** `InsecureSkipVerify: true` accepts any certificate for any host name. */
export default defineRule({
  id: 'go-tls-insecure-skip-verify',
  pillar: 'security',
  severity: 'error',
  languages: ['go'],
  title: 'Go TLS config skips certificate verification (InsecureSkipVerify)',
  local: true,
  triggers: ['InsecureSkipVerify'],
  query: `
    (keyed_element
      key: (literal_element (identifier) @key)
      value: (literal_element (true) @report)
      (#eq? @key "InsecureSkipVerify")) @match
    (assignment_statement
      left: (expression_list . (selector_expression field: (field_identifier) @key) .)
      right: (expression_list . (true) @report .)
      (#eq? @key "InsecureSkipVerify")) @match
  `,
  message:
    'InsecureSkipVerify: true turns off TLS certificate and host name checks: anyone on the network path can impersonate the server and read the traffic; remove it and trust the right CA via RootCAs',
  fixable: true,
  fix: (m) => {
    const value = m.get('report');
    return value && { title: 'Verify certificates (InsecureSkipVerify: false)', changes: [{ start: value.startIndex, end: value.endIndex, newText: 'false' }] };
  },
  description: `
A \`tls.Config\` with \`InsecureSkipVerify: true\` makes \`crypto/tls\` accept **any** certificate chain and any host
name: the connection is encrypted, but to whoever answers.

**Why it matters in production.** Anyone who can intercept the connection (a compromised sidecar or proxy, ARP/DNS
spoofing, a misrouted service) can present their own certificate, read tokens and payloads, and change responses.
The setting is usually added to get past a self-signed or internal certificate and then ships with the binary.

**How to fix.** Remove the field (it defaults to \`false\`) and trust the issuing CA explicitly:

\`\`\`go
pool := x509.NewCertPool()
pool.AppendCertsFromPEM(caPEM)
tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}
\`\`\`

If you really need custom verification (pinning, SPIFFE), keep \`InsecureSkipVerify\` and implement
\`VerifyPeerCertificate\` / \`VerifyConnection\`, and suppress this finding with a reason. The quick fix sets the field to
\`false\`.

**Links.** [crypto/tls Config](https://pkg.go.dev/crypto/tls#Config), [gosec G402](https://github.com/securego/gosec),
[CWE-295](https://cwe.mitre.org/data/definitions/295.html).
`,
});
