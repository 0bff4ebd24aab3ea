import { defineRule, type RuleMatch } from '../../engine/define-rule';
import { inProductionCode } from '../lib/security-context';
import type { LanguageId } from '../../engine/languages';
import type { Fix } from '../../engine/types';

/** The TLS version a spelling stands for (SSLv3 as 0.3), or undefined when it names none. */
function versionOf(text: string): number | undefined {
  const m = /(?:VersionTLS|TLSv|TLS_)(1)[._]?([0-3])?(?:_method)?$|(?:VersionSSL|SSLv|PROTOCOL_SSLv)([23])0?(?:_method)?$|PROTOCOL_TLSv(1)(?:_([0-3]))?$/.exec(text);
  if (!m) return undefined;
  if (m[3]) return Number(m[3]) / 10;
  return Number(`${m[1] ?? m[4]}.${m[2] ?? m[5] ?? '0'}`);
}

function minimum(option: unknown): number {
  return option === '1.3' ? 1.3 : 1.2;
}

/** The same spelling for the minimum version, when the replacement is certain. */
function spell(text: string, min: number, language: LanguageId): string | undefined {
  const minor = min === 1.3 ? '3' : '2';
  if (language === 'go') return text.replace(/Version(TLS1[0-3]|SSL30)$/, `VersionTLS1${minor}`);
  if (language === 'python') return /TLSVersion\./.test(text) ? text.replace(/\w+$/, `TLSv1_${minor}`) : undefined;
  if (/_method['"]$/.test(text)) return text.replace(/(TLSv1(_[0-3])?|SSLv3)_method/, `TLSv1_${minor}_method`);
  if (/^(['"])(TLSv1(\.[0-3])?|SSLv3)\1$/.test(text)) return text.replace(/(TLSv1(\.[0-3])?|SSLv3)/, `TLSv1.${minor}`);
  return undefined;
}

const JS = `
  (pair key: (property_identifier) @key value: (string) @report
    (#any-of? @key "minVersion" "maxVersion" "secureProtocol")) @match
  (assignment_expression left: (member_expression property: (property_identifier) @key) right: (string) @report
    (#any-of? @key "DEFAULT_MIN_VERSION" "DEFAULT_MAX_VERSION")) @match`;

/** TLS 1.0 and 1.1 (and SSLv3) are deprecated (RFC 8996): allowing them permits downgrade to broken ciphers. */
export default defineRule({
  id: 'weak-tls-version',
  pillar: 'security',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'TLS 1.0/1.1 or SSL allowed',
  local: true,
  triggers: ['VersionTLS1', 'VersionSSL', 'TLSv1', 'SSLv3', 'SSLv2', 'TLS_1_'],
  options: {
    minVersion: {
      type: 'string',
      default: '1.2',
      description: 'Lowest TLS version allowed, "1.2" or "1.3"; the policy fills it from security.minTlsVersion.',
    },
  },
  query: {
    go: `
      (keyed_element (literal_element (identifier) @key)
        (literal_element (selector_expression operand: (identifier) @pkg field: (field_identifier) @ver) @report)
        (#any-of? @key "MinVersion" "MaxVersion") (#eq? @pkg "tls")) @match
      (assignment_statement
        left: (expression_list (selector_expression field: (field_identifier) @key))
        right: (expression_list (selector_expression operand: (identifier) @pkg field: (field_identifier) @ver) @report)
        (#any-of? @key "MinVersion" "MaxVersion") (#eq? @pkg "tls")) @match`,
    python: `
      (attribute object: (identifier) @pkg attribute: (identifier) @ver
        (#eq? @pkg "ssl") (#match? @ver "^PROTOCOL_(TLSv1|SSLv)")) @match
      (attribute object: (attribute object: (identifier) @pkg attribute: (identifier) @cls) attribute: (identifier) @ver
        (#eq? @pkg "ssl") (#eq? @cls "TLSVersion")) @match
      (attribute object: (identifier) @cls attribute: (identifier) @ver (#eq? @cls "TLSVersion")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation
        name: (identifier) @fn
        arguments: (argument_list [(string_literal) @report (array_creation_expression (array_initializer (string_literal) @report))])
        (#any-of? @fn "getInstance" "setEnabledProtocols" "setProtocols")) @match
      (field_access object: (identifier) @cls field: (identifier) @report
        (#eq? @cls "TlsVersion")) @match`,
  },
  filter: (m, ctx) => {
    if (!inProductionCode(ctx)) return false;
    // Python: a protocol constant as a lookup-table key or in a comparison is not a setting.
    if (ctx.language === 'python' && !/^(argument_list|keyword_argument|assignment)$/.test(m.node.parent?.type ?? '')) return false;
    if (ctx.language === 'python' && m.node.parent?.type === 'assignment' && m.node.parent.childForFieldName('right')?.id !== m.node.id) return false;
    const v = versionOf((m.get('report') ?? m.node).text.replace(/^['"]|['"]$/g, ''));
    return v !== undefined && v < minimum(ctx.options.minVersion);
  },
  message: (m, ctx) => {
    const min = minimum(ctx.options.minVersion);
    const what = (m.get('report') ?? m.node).text;
    return `${what} allows a TLS version below ${min.toFixed(1)}: TLS 1.0/1.1 and SSL are deprecated (RFC 8996) and open the door to downgrade attacks; require TLS ${min.toFixed(1)} or later`;
  },
  fixable: true,
  fix: (m, ctx) => fixFor(m, ctx.language, minimum(ctx.options.minVersion)),
  description: `
A TLS client or server allows a protocol version below the minimum (TLS 1.2 by default; set the \`minVersion\` option
to \`"1.3"\` to require 1.3): Go \`tls.Config{MinVersion: tls.VersionTLS10}\` (or a \`MaxVersion\` that caps below it), Node
\`minVersion: 'TLSv1'\`, \`secureProtocol: 'TLSv1_method'\`, \`tls.DEFAULT_MIN_VERSION\`, Python \`ssl.PROTOCOL_TLSv1\`,
\`ssl.TLSVersion.TLSv1_1\`, Java \`SSLContext.getInstance("TLSv1")\`, \`setEnabledProtocols(new String[] {"TLSv1", ...})\`,
OkHttp \`TlsVersion.TLS_1_0\`. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** TLS 1.0 and 1.1 were deprecated by RFC 8996 (2021): they rely on SHA-1 and CBC
constructions with known attacks (BEAST, POODLE on SSLv3, Lucky13), fail PCI DSS, and browsers and cloud load
balancers have dropped them. A service that still accepts them lets an attacker force a downgrade.

**How to fix.** Require TLS 1.2 or later (Go's default for clients since 1.18 and servers since 1.22):

\`\`\`go
cfg := &tls.Config{MinVersion: tls.VersionTLS12}
\`\`\`
\`\`\`python
ctx = ssl.create_default_context()
ctx.minimum_version = ssl.TLSVersion.TLSv1_2
\`\`\`

The quick fix rewrites the version to the minimum where the replacement is certain.

**Links.** [RFC 8996: Deprecating TLS 1.0 and 1.1](https://www.rfc-editor.org/rfc/rfc8996),
[OWASP Transport Layer Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html),
[CWE-327](https://cwe.mitre.org/data/definitions/327.html).
`,
});

function fixFor(m: RuleMatch, language: LanguageId, min: number): Fix | undefined {
  const node = m.get('report') ?? m.node;
  // Java: only SSLContext.getInstance names one protocol; a protocol list may need the entry removed, not changed.
  if (language === 'java' && (m.text('fn') !== 'getInstance' || node.parent?.type !== 'argument_list')) return undefined;
  const text = language === 'python' && m.get('cls') ? m.node.text : node.text;
  const target = language === 'python' ? m.node : node;
  const replacement = spell(text, min, language);
  if (!replacement || replacement === text) return undefined;
  return { title: `Require TLS ${min.toFixed(1)}`, changes: [{ start: target.startIndex, end: target.endIndex, newText: replacement }] };
}
