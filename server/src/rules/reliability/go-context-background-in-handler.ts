import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { ancestors } from '../lib/syntax';

interface Handler {
  /** The expression that yields the request's context. */
  requestContext: string;
}

/** The handler a node is in: a function with `*http.Request` (or a gin/echo/fiber context) parameter; none inside a goroutine. */
function handlerOf(node: Node): Handler | undefined {
  for (const p of ancestors(node)) {
    // Work handed to a goroutine outlives the request on purpose.
    if (p.type === 'go_statement') return undefined;
    if (!/^(function_declaration|method_declaration|func_literal)$/.test(p.type)) continue;
    const params = p.childForFieldName('parameters')?.namedChildren ?? [];
    // A net/http handler has both; a RoundTripper's RoundTrip(*http.Request) is client code, not a handler.
    const writer = params.some((q) => q.childForFieldName('type')?.text.replace(/\s+/g, '') === 'http.ResponseWriter');
    for (const param of params) {
      const name = param.childForFieldName('name')?.text;
      const type = param.childForFieldName('type')?.text.replace(/\s+/g, '') ?? '';
      if (!name) continue;
      if (type === '*http.Request' && writer) return { requestContext: `${name}.Context()` };
      if (type === '*gin.Context') return { requestContext: `${name}.Request.Context()` };
      if (type === 'echo.Context') return { requestContext: `${name}.Request().Context()` };
      if (type === '*fiber.Ctx') return { requestContext: `${name}.UserContext()` };
    }
  }
  return undefined;
}

/** A request handler that calls out with a fresh context loses the client's cancellation and deadline. */
export default defineRule({
  id: 'go-context-background-in-handler',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['go'],
  title: 'context.Background() in an HTTP handler',
  local: true,
  triggers: ['context.Background()', 'context.TODO()'],
  query: `
    (argument_list
      (call_expression
        function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        (#eq? @pkg "context")
        (#any-of? @fn "Background" "TODO")) @match)
  `,
  filter: (m) => handlerOf(m.node) !== undefined,
  message: (m) =>
    `context.${m.text('fn')}() in an HTTP handler: when the client disconnects or the server's deadline passes, this call keeps running (and holding a connection) for nobody; pass ${handlerOf(m.node)?.requestContext ?? 'r.Context()'} instead`,
  description: `
\`context.Background()\` or \`context.TODO()\` passed to a call inside an HTTP handler: a function with
\`http.ResponseWriter\` and \`*http.Request\` parameters (or gin's \`*gin.Context\`, echo's \`echo.Context\`, fiber's \`*fiber.Ctx\`), including
closures inside it. Code inside a \`go\` statement is not flagged: work handed to a goroutine is meant to outlive the
request (prefer \`context.WithoutCancel(r.Context())\` there to keep its values).

**Why it matters in production.** The request's context is cancelled when the client goes away and carries the
deadline set by the server or an upstream. A fresh context drops both: database queries and downstream calls keep
running after the caller has given up, holding pool connections exactly when the system is overloaded, which turns
a slowdown into an outage (no load shedding, retry storms pile on top of abandoned work).

**How to fix.** Derive from the request:

\`\`\`go
ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
defer cancel()
rows, err := s.db.QueryContext(ctx, query, id)
\`\`\`

**Links.** [net/http: Request.Context](https://pkg.go.dev/net/http#Request.Context),
[Go blog: Contexts and structs](https://go.dev/blog/context-and-structs),
[contextcheck linter](https://github.com/kkHAIKE/contextcheck).
`,
});
