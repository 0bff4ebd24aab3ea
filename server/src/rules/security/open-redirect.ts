import type { Node } from 'web-tree-sitter';
import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { checkedInFunction, fromRequest } from '../lib/request-input';
import { inProductionCode } from '../lib/security-context';
import { concatOperands } from '../lib/syntax';

/** Checks that make a redirect target safe: an allow-list, a same-site check, URL parsing of the host. */
const VALIDATED = /(url_has_allowed_host_and_scheme|is_safe_url|isSafe\w*|safe_?url|allow(ed)?_?(hosts|origins|list|redirects)|ALLOWED_\w+|allowlist|whitelist|isRelative\w*|is_relative|isLocal\w*|startsWith\(\s*['"]\/['"]\)|startswith\(\s*['"]\/['"]\)|HasPrefix\([^,]+,\s*"\/"\)|\.hostname\s*[!=]==?|\.host\s*[!=]==?|\.netloc|\.Host\s*[!=]=|getHost\(\)\s*\.equals|UriComponentsBuilder)/;

const JS = `
  (call_expression
    function: (member_expression object: (_) @obj property: (property_identifier) @fn)
    arguments: (arguments (_) @report .)
    (#any-of? @fn "redirect" "location")) @match`;

/** A target that starts with a literal local path (`/orders/` + id) stays on this site. */
function localPath(n: Node): boolean {
  const first = concatOperands(n)[0] ?? n;
  const text = first.type === 'template_string' || first.type === 'string' || /string_literal$/.test(first.type) ? first.text.slice(1) : '';
  return /^(redirect:)?\/(?![\/\\])/.test(text.replace(/^[fbru]*["']/i, ''));
}

function unsafe(m: RuleMatch, ctx: RuleContext): boolean {
  const t = m.get('report');
  if (!t || !inProductionCode(ctx) || localPath(t)) return false;
  if (/^(typescript|tsx|javascript)$/.test(ctx.language) && !/^(res|response|reply|ctx|c)$/.test(m.text('obj'))) return false;
  return fromRequest(t, ctx.language) && !checkedInFunction(t, VALIDATED);
}

/** A redirect to a URL taken from the request sends users wherever an attacker's link says, with this site's credibility. */
export default defineRule({
  id: 'open-redirect',
  pillar: 'security',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Redirect to a URL taken from the request (open redirect)',
  triggers: ['edirect', 'location('],
  query: {
    go: `
      (call_expression
        function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        arguments: (argument_list (_) (_) (_) @report (_))
        (#eq? @pkg "http") (#eq? @fn "Redirect")) @match
      (call_expression
        function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        arguments: (argument_list (_) (_) @report .)
        (#any-of? @pkg "c" "ctx") (#eq? @fn "Redirect")) @match`,
    python: `
      (call function: [(identifier) @fn (attribute attribute: (identifier) @fn)] arguments: (argument_list . (_) @report)
        (#any-of? @fn "redirect" "HttpResponseRedirect" "HttpResponsePermanentRedirect" "RedirectResponse")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation name: (identifier) @fn arguments: (argument_list . (_) @report .) (#eq? @fn "sendRedirect")) @match
      (object_creation_expression type: (type_identifier) @fn arguments: (argument_list . (_) @report)
        (#any-of? @fn "RedirectView")) @match
      (return_statement (binary_expression left: (string_literal) @fn) @report
        (#eq? @fn "\\"redirect:\\"")) @match`,
  },
  filter: (m, ctx) => unsafe(m, ctx),
  message: () =>
    'Redirect target comes from the request: a link to this site can send users to a phishing page that looks trusted; redirect only to relative paths or to hosts on an allow-list',
  description: `
A response redirects to a URL read from the request (query string, form, path, header), directly or through a local
variable: Express/Koa \`res.redirect(req.query.next)\`, \`res.location(...)\`; Flask/Django/Starlette \`redirect(...)\`,
\`HttpResponseRedirect\`, \`RedirectResponse\`; Go \`http.Redirect(w, r, r.URL.Query().Get("next"), ...)\`, gin/echo
\`c.Redirect(code, c.Query("next"))\`; Servlet \`response.sendRedirect(request.getParameter("url"))\`, Spring
\`"redirect:" + url\` and \`new RedirectView(url)\` with \`@RequestParam\` values. Targets that start with a literal local
path (\`"/orders/" + id\`) and handlers that check the target (an allow-list, \`url_has_allowed_host_and_scheme\`,
\`startsWith("/")\`, comparing the parsed host) are not flagged. Test files are not checked.

**Why it matters in production.** \`https://shop.example.com/login?next=https://evil.example\` looks like your site in
an email; after login the user lands on a copy that asks for their card or password again. Open redirects also
defeat OAuth \`redirect_uri\` checks and SSRF filters that trust your domain.

**How to fix.** Redirect only to relative paths of this site, or to hosts on an allow-list:

\`\`\`python
target = request.args.get("next", "/")
if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.host}):
    target = "/"
return redirect(target)
\`\`\`
\`\`\`ts
const next = String(req.query.next ?? '/');
res.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
\`\`\`

**Links.** [OWASP Unvalidated Redirects and Forwards Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html),
[CWE-601](https://cwe.mitre.org/data/definitions/601.html).
`,
});
