import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';

/** The calls of a builder chain, innermost first: `new OkHttpClient.Builder().a().b().build()` → [a, b, build]. */
function chain(build: Node): { root: Node | null; calls: Node[] } {
  const calls: Node[] = [];
  let n: Node | null = build;
  while (n?.type === 'method_invocation') {
    calls.unshift(n);
    n = n.childForFieldName('object');
  }
  return { root: n, calls };
}

const isZero = (args: Node | null | undefined): boolean => /^\(\s*(0L?\s*,[^)]*|Duration\.ZERO)\s*\)$/.test(args?.text ?? '');

/** OkHttp's defaults bound each connect, read and write to 10 s, but nothing bounds the whole call. */
export default defineRule({
  id: 'java-okhttp-no-timeout',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['java'],
  title: 'OkHttpClient with no call timeout, or a timeout set to zero',
  local: true,
  triggers: ['OkHttpClient'],
  query: `
    (object_creation_expression type: (type_identifier) @type arguments: (argument_list) @args (#eq? @type "OkHttpClient")) @match
    (method_invocation name: (identifier) @build (#eq? @build "build")) @match
  `,
  filter: (m) => {
    if (m.get('type')) return m.get('args')?.namedChildCount === 0;
    const { root, calls } = chain(m.node);
    // Only chains that start a fresh builder: client.newBuilder() keeps the parent client's timeouts.
    if (root?.type !== 'object_creation_expression' || !/^OkHttpClient\s*\.\s*Builder$/.test(root.childForFieldName('type')?.text ?? '')) return false;
    const timeouts = calls.filter((c) => /Timeout$/.test(c.childForFieldName('name')?.text ?? ''));
    return timeouts.some((c) => isZero(c.childForFieldName('arguments'))) || !timeouts.some((c) => c.childForFieldName('name')?.text === 'callTimeout');
  },
  message: (m) => {
    const zero = m.get('build') && /Timeout\s*\(\s*(0L?\s*,|Duration\.ZERO)/.test(m.node.text);
    return zero
      ? 'an OkHttp timeout is set to 0, which means no timeout at all: a silent server holds this call forever; use a finite value'
      : 'OkHttpClient without callTimeout: each connect/read/write is bounded (10 s by default) but the call as a whole is not, so a server that trickles bytes, or retries and redirects, can hold this thread indefinitely; set callTimeout (e.g. .callTimeout(Duration.ofSeconds(10)))';
  },
  description: `
An \`OkHttpClient\` created with \`new OkHttpClient()\` or a fresh \`new OkHttpClient.Builder()...build()\` chain that
sets no \`callTimeout\`, or a builder that sets a connect/read/write/call timeout to \`0\` (which disables it).
Chains from \`client.newBuilder()\` inherit the parent's settings and are not flagged.

OkHttp bounds each connect, read and write to 10 s by default, but the **call timeout defaults to none**: a server that
sends a byte every few seconds, or a chain of retries and redirects, keeps the call alive indefinitely.

**Why it matters in production.** Threads (or coroutines) waiting on a degraded upstream pile up, latency budgets are
blown, and callers time out without this service noticing. A zero timeout is worse: one silent connection hangs
forever.

**How to fix.**

\`\`\`java
OkHttpClient client = new OkHttpClient.Builder()
    .connectTimeout(Duration.ofSeconds(3))
    .readTimeout(Duration.ofSeconds(10))
    .callTimeout(Duration.ofSeconds(15))
    .build();
\`\`\`

Create one client and share it: every client has its own connection pool and threads.

**Links.** [OkHttp timeouts recipe](https://square.github.io/okhttp/recipes/#timeouts-kt-java),
[OkHttpClient.Builder.callTimeout](https://square.github.io/okhttp/5.x/okhttp/okhttp3/-ok-http-client/-builder/call-timeout.html).
`,
});
