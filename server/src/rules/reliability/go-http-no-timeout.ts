import { defineRule } from '../../engine/define-rule';

/** Go's package-level helpers and a bare http.Client use a client with no timeout at all. */
export default defineRule({
  id: 'go-http-no-timeout',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['go'],
  title: 'Go HTTP call or client with no timeout',
  triggers: ['http.'],
  query: `
    (call_expression
      function: (selector_expression
        operand: (identifier) @pkg
        field: (field_identifier) @fn)
      (#eq? @pkg "http")
      (#any-of? @fn "Get" "Post" "Head" "PostForm")) @match
    (call_expression
      function: (selector_expression
        operand: (selector_expression
          operand: (identifier) @pkg
          field: (field_identifier) @client)
        field: (field_identifier) @fn)
      (#eq? @pkg "http")
      (#eq? @client "DefaultClient")) @match
    (composite_literal
      type: (qualified_type
        package: (package_identifier) @pkg
        name: (type_identifier) @type)
      body: (literal_value) @body
      (#eq? @pkg "http")
      (#eq? @type "Client")) @match
  `,
  filter: (m) => {
    const body = m.get('body');
    if (!body) return true;
    return !body.namedChildren.some((c) => c?.type === 'keyed_element' && /^\s*Timeout\s*:/.test(c.text));
  },
  message: (m) =>
    m.get('body')
      ? 'http.Client has no Timeout: a slow upstream will hang this goroutine forever; set Timeout (e.g. 10 * time.Second)'
      : `${m.node.text.split('(')[0]} uses http.DefaultClient, which has no timeout: a slow upstream will hang this goroutine; use an http.Client with Timeout`,
  description: `
Go's \`http.Get\`, \`http.Post\`, \`http.Head\`, \`http.PostForm\` and \`http.DefaultClient\` use a client whose
\`Timeout\` is zero, which means **no timeout**. So does an \`http.Client{}\` literal without \`Timeout\`.

**Why it matters in production.** When an upstream stops answering (a hung pod, a dropped connection behind a load
balancer), every request waits forever. Goroutines and file descriptors pile up until the service runs out of memory
or connections: a slow dependency becomes an outage of this service.

**How to fix.** Create one client with a timeout and reuse it:

\`\`\`go
var client = &http.Client{Timeout: 10 * time.Second}

resp, err := client.Get(url)
\`\`\`

For per-request deadlines, build the request with \`http.NewRequestWithContext(ctx, ...)\` and a context with a deadline.

**Links.** [The complete guide to Go net/http timeouts](https://blog.cloudflare.com/the-complete-guide-to-golang-net-http-timeouts/),
[net/http Client](https://pkg.go.dev/net/http#Client).
`,
});
