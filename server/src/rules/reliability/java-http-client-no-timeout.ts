import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { javaDuration, TIMEOUT_OPTION, timeoutMs } from '../lib/timeout';

/** `Duration` when the file imports java.time.Duration (or java.time.*), else the qualified name: no import edit needed. */
function durationType(text: string): string {
  return /^\s*import\s+java\.time\.(Duration|\*)\s*;/m.test(text) ? 'Duration' : 'java.time.Duration';
}

/** The methods called on a builder chain that starts at `start`, outermost last. */
function chain(start: Node): { names: string[]; end: Node } {
  const names: string[] = [];
  let end = start;
  for (let p = start.parent; p?.type === 'method_invocation' && p.childForFieldName('object')?.id === end.id; p = p.parent) {
    names.push(p.childForFieldName('name')?.text ?? '');
    end = p;
  }
  return { names, end };
}

/** java.net.http.HttpClient has no connect timeout by default. */
export default defineRule({
  id: 'java-http-client-no-timeout',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['java'],
  title: 'Java HttpClient with no connect timeout',
  triggers: ['HttpClient'],
  query: `
    (method_invocation
      object: [(identifier) (field_access)] @cls
      name: (identifier) @fn
      (#match? @cls "(^|\\\\.)HttpClient$")
      (#any-of? @fn "newHttpClient" "newBuilder")) @match
  `,
  filter: (m) => {
    if (m.text('fn') === 'newHttpClient') return true;
    // Only a builder chain we can see end to end: one kept in a variable may be configured later.
    const { names } = chain(m.node);
    return names.at(-1) === 'build' && !names.includes('connectTimeout');
  },
  message: (m) =>
    `${m.text('fn') === 'newHttpClient' ? 'HttpClient.newHttpClient()' : 'This HttpClient builder'} sets no connectTimeout: connecting to an unreachable host waits for the OS TCP timeout (minutes), holding this thread; use HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)) and set HttpRequest.timeout(...) per request`,
  options: TIMEOUT_OPTION,
  fixable: true,
  fix: (m, ctx) => {
    const timeout = javaDuration(timeoutMs(ctx.options), durationType(ctx.text));
    const title = `Set connectTimeout(${timeout})`;
    if (m.text('fn') === 'newHttpClient') {
      const name = m.node.childForFieldName('name');
      const args = m.node.childForFieldName('arguments');
      if (!name || !args) return undefined;
      return { title, changes: [{ start: name.startIndex, end: args.endIndex, newText: `newBuilder().connectTimeout(${timeout}).build()` }] };
    }
    // Insert before the final .build(), on its own line when the chain is written one call per line.
    const { end } = chain(m.node);
    const build = end.childForFieldName('name');
    const receiver = end.childForFieldName('object');
    if (!build || !receiver) return undefined;
    const between = ctx.text.slice(receiver.endIndex, build.startIndex);
    const dot = receiver.endIndex + between.lastIndexOf('.');
    const newline = /\n[ \t]*\.?$/.exec(between.slice(0, between.lastIndexOf('.') + 1));
    const sep = newline ? newline[0].replace(/\.$/, '') : '';
    return { title, changes: [{ start: dot, end: dot, newText: `.connectTimeout(${timeout})${sep}` }] };
  },
  description: `
\`java.net.http.HttpClient.newHttpClient()\` and a \`HttpClient.newBuilder()...build()\` chain without
\`.connectTimeout(...)\` create a client with **no connect timeout**; requests have no response timeout either unless
each \`HttpRequest\` sets \`.timeout(...)\`.

**Why it matters in production.** When a dependency's host is unreachable (a dead node, a black-holed IP after a
failover, a firewall dropping SYNs), \`send\` blocks until the operating system gives up on the TCP handshake —
often more than two minutes. Request threads pile up behind a dependency that is simply down, and the service stops
answering its own health checks.

**How to fix.** Build one client with a connect timeout and reuse it; give every request a timeout too:

\`\`\`java
private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(3))
        .build();

HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
\`\`\`

The quick fix adds \`.connectTimeout(...)\` with the rule's \`timeout\` option (default \`10s\`). Builders kept in a variable and configured later are not flagged.

**Links.** [HttpClient.Builder.connectTimeout](https://docs.oracle.com/en/java/javase/21/docs/api/java.net.http/java/net/http/HttpClient.Builder.html#connectTimeout(java.time.Duration)),
[HttpRequest.Builder.timeout](https://docs.oracle.com/en/java/javase/21/docs/api/java.net.http/java/net/http/HttpRequest.Builder.html#timeout(java.time.Duration)).
`,
});
