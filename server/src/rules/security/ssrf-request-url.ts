import type { Node } from 'web-tree-sitter';
import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { checkedInFunction, fromRequest } from '../lib/request-input';
import { goImportName, inProductionCode } from '../lib/security-context';
import { concatOperands } from '../lib/syntax';

/** Checks that bound where the call can go: an allow-list or a comparison of the parsed host. */
const VALIDATED = /(allow(ed)?_?(hosts|domains|urls|list)|ALLOWED_\w+|allowlist|whitelist|\.hostname\s*(!==?|===?|in\b)|\.host\s*(!==?|===?)|\.netloc\s*(!=|==|in\b)|\.Host\s*[!=]=|\.Hostname\(\)\s*[!=]=|getHost\(\)\s*\.equals|isAllowed\w*|is_allowed\w*|validate_?url|validateUrl)/i;

const JS = `
  (call_expression function: (identifier) @fn arguments: (arguments . (_) @report) (#any-of? @fn "fetch" "axios" "got")) @match
  (call_expression
    function: (member_expression object: (identifier) @obj property: (property_identifier) @fn)
    arguments: (arguments . (_) @report)
    (#any-of? @obj "axios" "got" "http" "https" "superagent" "request" "needle")
    (#any-of? @fn "get" "post" "put" "patch" "delete" "head" "request")) @match`;

/** A URL whose first piece is a literal with scheme and host (`"https://api.internal/" + path`) cannot change the host. */
function fixedHost(n: Node): boolean {
  const first = concatOperands(n)[0] ?? n;
  const text = first.type === 'template_string' || first.type === 'string' || /string_literal$/.test(first.type) ? first.text : '';
  return /^[fbru]*[`'"]https?:\/\/[^/'"`$?#{]+\//i.test(text);
}

function unsafe(m: RuleMatch, ctx: RuleContext): boolean {
  let url = m.get('report');
  // fetch(new Request(url, init)) / fetch(new URL(url)): only the URL, not the init object.
  if (url?.type === 'new_expression' && /^(Request|URL)$/.test(url.childForFieldName('constructor')?.text ?? '')) url = url.childForFieldName('arguments')?.namedChildren[0];
  if (!url || !inProductionCode(ctx) || fixedHost(url)) return false;
  if (ctx.language === 'go' && m.text('pkg') !== goImportName(ctx.text, 'net/http')) return false;
  return fromRequest(url, ctx.language) && !checkedInFunction(url, VALIDATED);
}

/** An outbound request to a URL the caller chose reaches internal services and cloud metadata from inside the network. */
export default defineRule({
  id: 'ssrf-request-url',
  pillar: 'security',
  severity: 'error',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Outbound request to a URL taken from the request (SSRF)',
  triggers: ['fetch', 'axios', 'got', 'http', 'requests', 'httpx', 'urlopen', 'URL', 'URI', 'getFor', 'postFor'],
  query: {
    go: `
      (call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        arguments: (argument_list . (_) @report)
        (#any-of? @fn "Get" "Head" "Post" "PostForm")) @match
      (call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        arguments: (argument_list . (_) . (_) @report)
        (#eq? @fn "NewRequest")) @match
      (call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        arguments: (argument_list . (_) . (_) . (_) @report)
        (#eq? @fn "NewRequestWithContext")) @match`,
    python: `
      (call function: (attribute object: [(identifier) (attribute)] @pkg attribute: (identifier) @fn) arguments: (argument_list . (_) @report)
        (#match? @pkg "^(requests|httpx|urllib\\\\.request|urllib3)$")
        (#any-of? @fn "get" "post" "put" "patch" "delete" "head" "options" "urlopen" "stream")) @match
      (call function: (identifier) @fn arguments: (argument_list . (_) @report) (#eq? @fn "urlopen")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (object_creation_expression type: (type_identifier) @fn arguments: (argument_list . (_) @report .) (#eq? @fn "URL")) @match
      (method_invocation object: (identifier) @obj name: (identifier) @fn arguments: (argument_list . (_) @report .)
        (#eq? @obj "URI") (#eq? @fn "create")) @match
      (method_invocation name: (identifier) @fn arguments: (argument_list . (_) @report)
        (#match? @fn "^(getForObject|getForEntity|postForObject|postForEntity|exchange)$")) @match`,
  },
  filter: (m, ctx) => unsafe(m, ctx),
  message: () =>
    'This outbound request goes to a URL taken from the request: a caller can point it at internal services or cloud metadata (169.254.169.254) and read the answer (SSRF); allow-list the hosts, or take only an id and build the URL yourself',
  description: `
An HTTP client is called with a URL read from the incoming request (query, form, path, header, body), directly or
through a local variable: Node \`fetch\`, axios, got, \`http(s).get/request\`; Python requests, httpx, \`urlopen\`; Go
\`http.Get/Post/Head\`, \`http.NewRequest(WithContext)\`; Java \`new URL(...)\`, \`URI.create(...)\`, Spring
\`RestTemplate.getForObject/exchange\`. URLs whose first piece fixes the scheme and host
(\`"https://api.internal/" + path\`) and handlers that compare the parsed host or use an allow-list are not flagged.
Test files are not checked.

**Why it matters in production.** The service runs inside your network: a URL like
\`http://169.254.169.254/latest/meta-data/iam/security-credentials/\` returns cloud credentials, and
\`http://admin.internal:8080/\` reaches services that trust the cluster network. Webhooks, URL previews and
"import from URL" features are the usual entry points.

**How to fix.** Take an identifier and build the URL from configuration, or check the host against an allow-list
after parsing (and block private and link-local addresses after DNS resolution):

\`\`\`python
url = urlparse(request.args["url"])
if url.scheme != "https" or url.hostname not in ALLOWED_HOSTS:
    abort(400)
\`\`\`

**Links.** [OWASP SSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html),
[CWE-918](https://cwe.mitre.org/data/definitions/918.html).
`,
});
