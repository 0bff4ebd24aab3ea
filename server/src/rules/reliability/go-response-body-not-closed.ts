import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { enclosingStatement, escapeRe, indentAt, nextStatement } from '../lib/reliability';
import { enclosingFunction, enclosingLoop } from '../lib/syntax';

const CALL = `right: (expression_list . (call_expression function: (selector_expression operand: (_) @recv field: (field_identifier) @fn)) @call)`;

/** The function body after the assignment: where a Close, a hand-off or a return of the response would be. */
function rest(m: { node: Node }): string {
  const fn = enclosingFunction(m.node);
  return fn ? fn.text.slice(m.node.endIndex - fn.startIndex) : '';
}

/** An *http.Response whose Body is never closed keeps its connection out of the pool for good. */
export default defineRule({
  id: 'go-response-body-not-closed',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['go'],
  title: 'Go HTTP response body not closed',
  local: true,
  triggers: ['.Body', 'http.'],
  query: `
    (short_var_declaration left: (expression_list . (identifier) @resp) ${CALL}
      (#any-of? @fn "Get" "Post" "Head" "PostForm" "Do")) @match
    (assignment_statement left: (expression_list . (identifier) @resp) ${CALL}
      (#any-of? @fn "Get" "Post" "Head" "PostForm" "Do")) @match
  `,
  filter: (m) => {
    const resp = m.text('resp');
    if (resp === '_' || !enclosingFunction(m.node)) return false;
    const after = rest(m);
    const r = escapeRe(resp);
    // Without types, `x.Get`/`x.Do` is an HTTP call only for the http package or when the result's Body is used.
    if (m.text('recv') !== 'http' && !new RegExp(`\\b${r}\\.Body\\b`).test(after)) return false;
    if (new RegExp(`\\b${r}\\.Body\\.Close\\(`).test(after)) return false;
    // Handed on (the response or its Body returned or stored, the response passed to a helper): the caller owns the body.
    const v = `${r}(\\.Body)?`;
    if (new RegExp(`\\breturn\\s+([^\\n]*,\\s*)?&?${v}\\s*(,|$)|[(,]\\s*&?${r}\\s*[,)]|=\\s*&?${v}\\s*$|:\\s*${v}\\s*[,}]`, 'm').test(after)) return false;
    return true;
  },
  message: (m) =>
    `the body of the response from ${m.text('recv')}.${m.text('fn')} is never closed: the connection is never returned to the pool, so sockets and goroutines leak until the process runs out; add \`defer ${m.text('resp')}.Body.Close()\` after the error check`,
  fixable: true,
  fix: (m, ctx) => {
    const stmt = enclosingStatement(m.node);
    const check = stmt && nextStatement(stmt);
    // Certain only right before the error check that guards a nil response: `if err != nil { ... }`.
    // In a loop a defer would hold every body until the function returns: not a certain fix there.
    if (enclosingLoop(m.node)) return undefined;
    if (!check || check.type !== 'if_statement' || !/^\s*err\s*!=\s*nil\s*$/.test(check.childForFieldName('condition')?.text ?? '')) return undefined;
    if (check.childForFieldName('alternative')) return undefined;
    const indent = indentAt(ctx.text, check.startIndex);
    return {
      title: `Add defer ${m.text('resp')}.Body.Close()`,
      changes: [{ start: check.endIndex, end: check.endIndex, newText: `\n${indent}defer ${m.text('resp')}.Body.Close()` }],
    };
  },
  description: `
The \`*http.Response\` returned by \`http.Get\`, \`http.Post\`, \`client.Do\` and friends is used, but its \`Body\` is
never closed in the function, nor handed on (returned, stored, or passed to a helper).

Without types the rule treats \`x.Get\`/\`x.Do\` as an HTTP call only for the \`http\` package or when \`<resp>.Body\` is
read afterwards, so a cache's \`Get\` is not mistaken for one.

**Why it matters in production.** Until the body is closed (and read to the end) the client cannot reuse the
connection: every request opens a new TCP (and TLS) connection and leaks the old one with its two goroutines. Under
load this ends in \`too many open files\`, exhausted ephemeral ports and a steadily growing heap.

**How to fix.** Close the body once the error is checked (a nil error means a non-nil body):

\`\`\`go
resp, err := client.Do(req)
if err != nil {
	return err
}
defer resp.Body.Close()
\`\`\`

The quick fix inserts the \`defer\` right after an \`if err != nil { ... }\` that follows the call. Inside a loop, close
the body at the end of each iteration instead of deferring.

**Links.** [net/http: Client.Do](https://pkg.go.dev/net/http#Client.Do),
[bodyclose linter](https://github.com/timakin/bodyclose).
`,
});
