import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { inProductionCode } from '../lib/security-context';

/** True for a block with no statements but comments and a bare `return;`. */
function emptyBody(block: Node | undefined): boolean {
  return !!block && block.namedChildren.every((c) => /comment/.test(c.type) || (c.type === 'return_statement' && c.namedChildCount === 0));
}

/** True for a block whose only statement is `return true;`. */
function returnsTrue(block: Node | undefined): boolean {
  const stmts = block?.namedChildren.filter((c) => !/comment/.test(c.type)) ?? [];
  return stmts.length === 1 && stmts[0]?.type === 'return_statement' && stmts[0].namedChildren[0]?.type === 'true';
}

/** Library objects that accept every certificate or host. */
const TRUST_ALL_TYPES = /^(NoopHostnameVerifier|AllowAllHostnameVerifier|TrustAllStrategy|InsecureTrustManagerFactory)$/;

/** A TrustManager that checks nothing or a HostnameVerifier that says yes to everything turns TLS into plain text with extra steps. */
export default defineRule({
  id: 'java-tls-trust-all',
  pillar: 'security',
  severity: 'error',
  languages: ['java'],
  title: 'Java TLS trusts every certificate or host name',
  local: true,
  triggers: ['checkServerTrusted', 'HostnameVerifier', 'hostnameVerifier', 'TrustAllStrategy', 'InsecureTrustManagerFactory', 'ALLOW_ALL_HOSTNAME_VERIFIER', 'loadTrustMaterial'],
  query: `
    (method_declaration name: (identifier) @fn @report body: (block) @body (#eq? @fn "checkServerTrusted")) @match
    (method_declaration
      type: (boolean_type)
      name: (identifier) @fn @report
      parameters: (formal_parameters (formal_parameter type: (type_identifier) @t1) (formal_parameter type: (type_identifier) @t2))
      body: (block) @body
      (#eq? @fn "verify") (#eq? @t1 "String") (#eq? @t2 "SSLSession")) @match
    (method_invocation name: (identifier) @fn
      arguments: (argument_list (lambda_expression body: (true)) @report)
      (#any-of? @fn "setHostnameVerifier" "setDefaultHostnameVerifier" "hostnameVerifier" "setSSLHostnameVerifier")) @match
    (method_invocation name: (identifier) @fn
      arguments: (argument_list . (_) . (lambda_expression body: (true)) @report)
      (#eq? @fn "loadTrustMaterial")) @match
    (object_creation_expression type: (type_identifier) @type) @match
    (field_access object: (identifier) @type field: (identifier) @field (#any-of? @field "INSTANCE" "ALLOW_ALL_HOSTNAME_VERIFIER")) @match
  `,
  filter: (m, ctx) => {
    if (!inProductionCode(ctx)) return false;
    const type = m.text('type');
    if (type) return TRUST_ALL_TYPES.test(type) || (m.text('field') === 'ALLOW_ALL_HOSTNAME_VERIFIER');
    if (m.text('fn') === 'checkServerTrusted') return emptyBody(m.get('body'));
    if (m.text('fn') === 'verify') return returnsTrue(m.get('body'));
    return true;
  },
  message: (m) => {
    const fn = m.text('fn');
    const what = fn === 'checkServerTrusted' ? 'checkServerTrusted does nothing, so every certificate is trusted'
      : fn === 'verify' || /HostnameVerifier/.test(fn) || /HOSTNAME|Hostname/.test(m.node.text) ? 'this HostnameVerifier accepts every host name'
      : fn === 'loadTrustMaterial' ? 'this TrustStrategy trusts every certificate chain'
      : `${m.text('type')} trusts every certificate or host`;
    return `${what}: anyone on the network path can impersonate the server and read the traffic; use the default TrustManager and HostnameVerifier, and add private CAs to a trust store`;
  },
  description: `
TLS verification is switched off in Java: an \`X509TrustManager\` whose \`checkServerTrusted\` is empty, a
\`HostnameVerifier\` whose \`verify\` returns \`true\` (a class or a lambda given to \`setHostnameVerifier\`,
\`setDefaultHostnameVerifier\` or OkHttp's \`hostnameVerifier\`), Apache HttpClient \`NoopHostnameVerifier\`,
\`ALLOW_ALL_HOSTNAME_VERIFIER\`, \`TrustAllStrategy\` or a \`loadTrustMaterial\` strategy that returns \`true\`, and Netty's
\`InsecureTrustManagerFactory\`. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** A client that accepts any certificate, or any host name, talks TLS to whoever
answers. A compromised proxy, a rogue pod or DNS spoofing is enough to read credentials and payloads and to change
responses. These snippets are copied from answers about self-signed certificates and then ship.

**How to fix.** Delete the custom TrustManager/HostnameVerifier. For a private CA, load it into a trust store and
build the \`SSLContext\` from it:

\`\`\`java
KeyStore ts = KeyStore.getInstance("PKCS12");
ts.load(Files.newInputStream(Path.of("/etc/ssl/internal-ca.p12")), password);
TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
tmf.init(ts);
SSLContext ctx = SSLContext.getInstance("TLS");
ctx.init(null, tmf.getTrustManagers(), null);
\`\`\`

or pass \`-Djavax.net.ssl.trustStore=...\` to the JVM.

**Links.** [OWASP: Certificate and Public Key Pinning / TLS](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html),
[CWE-295](https://cwe.mitre.org/data/definitions/295.html), [Android: unsafe X509TrustManager](https://developer.android.com/privacy-and-security/risks/unsafe-trustmanager).
`,
});
