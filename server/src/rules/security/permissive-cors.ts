import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { goImportName, inProductionCode, stringContent } from '../lib/security-context';
import { enclosingFunction, namedArgs } from '../lib/syntax';

/** The file turns on credentialed CORS somewhere (cookies and Authorization headers are sent cross-origin). */
const CREDENTIALS = /(Allow-Credentials['"]\s*,\s*['"]?true|allowCredentials\s*\(\s*true|setAllowCredentials\s*\(\s*true|AllowCredentials\s*(:|\(\))|allowCredentials\s*=\s*"true"|credentials\s*:\s*true|supports_credentials\s*=\s*True|allow_credentials\s*=\s*True|CORS_ALLOW_CREDENTIALS\s*=\s*True)/;
/** A header value that echoes the request's Origin. */
const REFLECTED = /(headers\.origin|headers\[['"]origin['"]\]|Header\.Get\(\s*"Origin"\s*\)|headers\.get\(\s*['"]origin['"]|getHeader\(\s*"Origin"\s*\)|META\[['"]HTTP_ORIGIN['"]\])/i;
const ANY = /^(\*|\.\*|\^\.\*\$?)$/;

const JS = `
  (call_expression function: (identifier) @fn arguments: (arguments) @args (#eq? @fn "cors")) @match
  (call_expression
    function: (member_expression property: (property_identifier) @fn)
    arguments: (arguments . (string (string_fragment) @header) . (_) @value)
    (#any-of? @fn "setHeader" "header" "set" "append")
    (#match? @header "^[Aa]ccess-[Cc]ontrol-[Aa]llow-[Oo]rigin$")) @match`;

/** What is too open about this match, or undefined when it is fine. */
function problem(m: RuleMatch, ctx: RuleContext): string | undefined {
  const creds = CREDENTIALS.test(ctx.text);
  const value = m.get('value');
  if (m.get('header') && value) {
    // Hand-written headers: credentials must be allowed by the same handler.
    const scoped = CREDENTIALS.test(enclosingFunction(m.node)?.text ?? ctx.text);
    if (ANY.test(stringContent(value)) && scoped) return 'Access-Control-Allow-Origin * together with Allow-Credentials';
    if (REFLECTED.test(value.text) && scoped) return 'Access-Control-Allow-Origin echoes the request Origin together with Allow-Credentials, so every site can make credentialed requests';
    return undefined;
  }
  const fn = m.text('fn');
  if (ctx.language === 'go') {
    if (fn === 'AllowAll') return m.text('pkg') === goImportName(ctx.text, 'github.com/rs/cors') ? 'cors.AllowAll() accepts every origin' : undefined;
    if (fn === 'AllowAllOrigins') return 'AllowAllOrigins: true accepts every origin';
    if (fn === 'AllowedOrigins' || fn === 'AllowOriginFunc') return `${fn} accepts every origin${creds ? ' while AllowCredentials is on' : ''}`;
  }
  if (ctx.language === 'python') {
    if (/^CORS_(ORIGIN_)?ALLOW_ALL(_ORIGINS)?$/.test(fn)) return `${fn} = True accepts every origin`;
    if (fn === 'CORS') {
      const kws = namedArgs(m.get('args')).filter((a) => a.type === 'keyword_argument');
      const origins = kws.find((a) => /^(origins|resources)$/.test(a.childForFieldName('name')?.text ?? ''));
      if (!origins) return creds ? 'CORS(app, supports_credentials=True) with no origins reflects every origin with credentials' : 'CORS(app) with no origins accepts every origin';
      if (!/["']\*["']/.test(origins.text)) return undefined;
      return creds ? 'CORS origins "*" with supports_credentials=True reflects every origin with credentials' : 'CORS origins "*" accepts every origin';
    }
    if (fn === 'CORSMiddleware') {
      const text = m.get('args')?.text ?? '';
      if (!/allow_origins\s*=\s*\[\s*["']\*["']|allow_origin_regex\s*=\s*r?["']\.\*/.test(text)) return undefined;
      return /allow_credentials\s*=\s*True/.test(text) ? 'CORSMiddleware allows every origin with credentials' : 'CORSMiddleware allows every origin';
    }
  }
  if (ctx.language === 'java') {
    if (fn === 'CrossOrigin') {
      const args = m.get('args');
      const origins = args ? namedArgs(args).find((a) => a.type === 'string_literal' || /^(origins|value|originPatterns)$/.test(a.childForFieldName('key')?.text ?? '')) : undefined;
      if (!args || !namedArgs(args).length) return '@CrossOrigin with no origins accepts every origin';
      if (!origins) return '@CrossOrigin with no origins accepts every origin';
      return /"\*"/.test(origins.text) ? '@CrossOrigin("*") accepts every origin' : undefined;
    }
    return creds ? `${fn}("*") with allowCredentials(true) lets every site make credentialed requests` : `${fn}("*") accepts every origin`;
  }
  if (fn === 'cors') {
    const opts = namedArgs(m.get('args'))[0];
    if (!opts) return 'cors() with no options accepts every origin';
    if (opts.type !== 'object') return undefined;
    const origin = opts.namedChildren.find((p) => p.type === 'pair' && /^['"]?origin['"]?$/.test(p.childForFieldName('key')?.text ?? ''));
    const v = origin?.childForFieldName('value');
    if (!origin) return 'cors() with no origin option accepts every origin';
    if (v?.type === 'true') return 'cors({ origin: true }) reflects every origin';
    if (!v || !ANY.test(stringContent(v))) return undefined;
    return /credentials\s*:\s*true/.test(opts.text) ? 'cors({ origin: "*", credentials: true })' : 'cors({ origin: "*" }) accepts every origin';
  }
  return undefined;
}

/** CORS that admits every origin lets any web page read responses a user's browser can get. */
export default defineRule({
  id: 'permissive-cors',
  pillar: 'security',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'CORS allows every origin (or every origin with credentials)',
  triggers: ['cors', 'CORS', 'Cors', 'CrossOrigin', 'Access-Control-Allow-Origin', 'access-control-allow-origin', 'allowedOrigin', 'AllowedOrigin'],
  query: {
    go: `
      (keyed_element (literal_element (identifier) @fn) (literal_element (true))
        (#eq? @fn "AllowAllOrigins")) @match
      (keyed_element (literal_element (identifier) @fn)
        (literal_element (composite_literal body: (literal_value (literal_element (interpreted_string_literal) @origin))))
        (#eq? @fn "AllowedOrigins") (#eq? @origin "\\"*\\"")) @match
      (keyed_element (literal_element (identifier) @fn)
        (literal_element (func_literal body: (block (statement_list . (return_statement (expression_list (true))) .))))
        (#eq? @fn "AllowOriginFunc")) @match
      (call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        (#eq? @fn "AllowAll")) @match
      (call_expression
        function: (selector_expression field: (field_identifier) @fn)
        arguments: (argument_list . (interpreted_string_literal) @header . (_) @value)
        (#any-of? @fn "Set" "Add")
        (#match? @header "^\\"[Aa]ccess-[Cc]ontrol-[Aa]llow-[Oo]rigin\\"$")) @match`,
    python: `
      (call function: [(identifier) @fn (attribute attribute: (identifier) @fn)] arguments: (argument_list) @args
        (#eq? @fn "CORS")) @match
      (call arguments: (argument_list . (identifier) @fn) @args (#eq? @fn "CORSMiddleware")) @match
      (assignment left: (identifier) @fn right: (true) (#match? @fn "^CORS_(ORIGIN_)?ALLOW_ALL(_ORIGINS)?$")) @match
      (assignment
        left: (subscript subscript: (string (string_content) @header))
        right: (_) @value
        (#match? @header "^[Aa]ccess-[Cc]ontrol-[Aa]llow-[Oo]rigin$")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (marker_annotation name: (identifier) @fn (#eq? @fn "CrossOrigin")) @match
      (annotation name: (identifier) @fn arguments: (annotation_argument_list) @args (#eq? @fn "CrossOrigin")) @match
      (method_invocation name: (identifier) @fn arguments: (argument_list . (string_literal) @origin .)
        (#any-of? @fn "allowedOrigins" "allowedOriginPatterns" "addAllowedOrigin" "addAllowedOriginPattern")
        (#eq? @origin "\\"*\\"")) @match
      (method_invocation name: (identifier) @fn
        arguments: (argument_list . (string_literal) @header . (_) @value)
        (#any-of? @fn "setHeader" "addHeader")
        (#match? @header "^\\"[Aa]ccess-[Cc]ontrol-[Aa]llow-[Oo]rigin\\"$")) @match`,
  },
  filter: (m, ctx) => inProductionCode(ctx) && problem(m, ctx) !== undefined,
  message: (m, ctx) =>
    `${problem(m, ctx) ?? 'CORS accepts every origin'}: any web page can read what a visitor's browser can fetch from this API; list the allowed origins explicitly (and never combine a wildcard or reflected origin with credentials)`,
  description: `
Cross-origin resource sharing is configured to admit every origin: Express \`cors()\` with no \`origin\` (its default is
\`*\`) or \`origin: true\` (reflects any origin); Go gin-contrib \`AllowAllOrigins: true\`, rs/cors \`cors.AllowAll()\`,
\`AllowedOrigins: []string{"*"}\` or an \`AllowOriginFunc\` that returns true together with \`AllowCredentials\`;
Flask-CORS \`CORS(app)\` with no origins, Starlette/FastAPI \`CORSMiddleware\` with \`allow_origins=["*"]\` and
\`allow_credentials=True\`, django-cors-headers \`CORS_ALLOW_ALL_ORIGINS = True\`; Spring \`@CrossOrigin\` with no origins or
\`"*"\`, \`allowedOrigins("*")\`/\`allowedOriginPatterns("*")\` with \`allowCredentials(true)\`; and a hand-written
\`Access-Control-Allow-Origin\` of \`*\` or the echoed request \`Origin\` in a file that also allows credentials (a
hand-written \`*\` without credentials, typical of public assets, is not flagged). For a truly public API, suppress
the finding with a comment saying so. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** The browser's same-origin policy is what stops a malicious page from reading your
API's responses with the visitor's cookies or network position. A wildcard lets any page read anything reachable
without credentials (including internal APIs reachable from the user's machine); a reflected origin with credentials
lets any page act as the logged-in user and read their data.

**How to fix.** List the origins that need access, from configuration:

\`\`\`ts
app.use(cors({ origin: ['https://shop.example.com'], credentials: true }));
\`\`\`
\`\`\`go
cors.New(cors.Options{AllowedOrigins: []string{"https://shop.example.com"}, AllowCredentials: true})
\`\`\`
\`\`\`java
@CrossOrigin(origins = "https://shop.example.com")
\`\`\`

**Links.** [MDN: CORS](https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS),
[PortSwigger: CORS misconfigurations](https://portswigger.net/web-security/cors),
[CWE-942](https://cwe.mitre.org/data/definitions/942.html).
`,
});
