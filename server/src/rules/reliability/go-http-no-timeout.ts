import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import type { TextChange } from '../../engine/types';
import { goDuration, TIMEOUT_OPTION, timeoutMs } from '../lib/timeout';

/** The name `time` is imported as, and the change that imports it when the file does not. */
function timeImport(root: Node): { name: string; change?: TextChange } {
  const decls = root.namedChildren.filter((c) => c.type === 'import_declaration');
  const specs = decls.flatMap((d) => d.descendantsOfType('import_spec')).filter((s): s is Node => s !== null);
  const spec = specs.find((s) => s.childForFieldName('path')?.text === '"time"');
  if (spec) {
    const alias = spec.childForFieldName('name')?.text;
    return { name: alias && alias !== '.' && alias !== '_' ? alias : 'time' };
  }
  const lastSpec = specs.at(-1);
  const list = lastSpec?.parent?.type === 'import_spec_list' ? lastSpec : undefined;
  if (list) return { name: 'time', change: { start: list.endIndex, end: list.endIndex, newText: '\n\t"time"' } };
  const anchor = decls.at(-1) ?? root.namedChildren.find((c) => c.type === 'package_clause');
  const at = anchor?.endIndex ?? 0;
  return { name: 'time', change: { start: at, end: at, newText: decls.length ? '\nimport "time"' : '\n\nimport "time"' } };
}

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
  options: TIMEOUT_OPTION,
  fixable: true,
  fix: (m, ctx) => {
    const time = timeImport(m.node.tree.rootNode);
    const value = goDuration(timeoutMs(ctx.options)).replace(/time\./, `${time.name}.`);
    const changes: TextChange[] = time.change ? [time.change] : [];
    const body = m.get('body');
    if (body) {
      const first = body.namedChildren.find((c) => c.type !== 'comment');
      if (!first) {
        changes.push({ start: body.startIndex, end: body.endIndex, newText: `{Timeout: ${value}}` });
      } else if (first.startPosition.row === body.startPosition.row) {
        changes.push({ start: body.startIndex + 1, end: body.startIndex + 1, newText: `Timeout: ${value}, ` });
      } else {
        const indent = (/^[ \t]*/.exec(ctx.lines.lineText(first.startPosition.row))?.[0] ?? '\t');
        changes.push({ start: body.startIndex + 1, end: body.startIndex + 1, newText: `\n${indent}Timeout: ${value},` });
      }
      return { title: `Set Timeout: ${value}`, changes };
    }
    // http.Get(u) and http.DefaultClient.Do(r): call the same method on a client that has a timeout.
    const fn = m.node.childForFieldName('function');
    const receiver = fn?.childForFieldName('operand');
    if (!receiver) return undefined;
    changes.push({ start: receiver.startIndex, end: receiver.endIndex, newText: `(&http.Client{Timeout: ${value}})` });
    return { title: `Use an http.Client with Timeout: ${value}`, changes };
  },
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

The quick fix sets \`Timeout\` on the literal, or calls the same method on \`(&http.Client{Timeout: ...})\`, with the
rule's \`timeout\` option (default \`10s\`) and imports \`time\` if needed; hoist the client into a shared variable
afterwards so connections are reused.

For per-request deadlines, build the request with \`http.NewRequestWithContext(ctx, ...)\` and a context with a deadline.

**Links.** [The complete guide to Go net/http timeouts](https://blog.cloudflare.com/the-complete-guide-to-golang-net-http-timeouts/),
[net/http Client](https://pkg.go.dev/net/http#Client).
`,
});
