import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { itemLoop } from '../lib/loops';
import { isGeneratorScript } from '../lib/file-kind';
import { enclosingFunction, isTestPath, namedArgs } from '../lib/syntax';

/** Signs that the function caps its concurrency: a semaphore, errgroup.SetLimit, a worker pool, p-limit/p-map. */
const LIMITED = /SetLimit\(|semaphore\.|Semaphore\(|make\(chan struct\{\}, |<-\s*sem\b|\bsem\w*\s*<-|\.Acquire\(|\.acquire\(|async with sem|pLimit|p-limit|pMap|p-map|limit\(\s*(async\s*)?\(|\.add\(\s*(async\s*)?\(|concurrency:/;
/** Work that is worth fanning out: I/O. A Promise.all over pure computations is not a fan-out. */
const IO = /\bawait\b|fetch\(|axios|\.query\(|\.get\(|\.post\(|\.put\(|request\(|\.send\(|\.exec\(/;

const JS = `
      (call_expression function: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
        arguments: (arguments . (call_expression function: (member_expression object: (_) @list property: (property_identifier) @map)
          arguments: (arguments . (_) @cb)))
        (#eq? @pkg "Promise") (#any-of? @fn "all" "allSettled") (#any-of? @map "map" "flatMap")) @match`;

/** The array being mapped in `Promise.all(xs.map(cb))`, when it is not a literal list. */
function mappedCallback(m: { get(n: string): Node | undefined }): Node | undefined {
  const cb = m.get('cb');
  const list = m.get('list');
  if (!cb || !list || list.type === 'array') return undefined;
  return cb;
}

/** Starting one goroutine, thread or request per item lets input size decide the concurrency. */
export default defineRule({
  id: 'unbounded-fan-out',
  pillar: 'performance',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Concurrency grows with the input (goroutine, thread or promise per item, no limit)',
  triggers: ['go ', 'go\t', 'Promise.', 'gather(', 'Thread('],
  query: {
    go: '(go_statement) @match',
    python: `
      (call function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
        arguments: (argument_list (list_splat [(list_comprehension) (generator_expression)] @comp))
        (#eq? @pkg "asyncio") (#eq? @fn "gather")) @match
      (call function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
        (#eq? @pkg "threading") (#eq? @fn "Thread")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: '(object_creation_expression type: (type_identifier) @fn (#eq? @fn "Thread")) @match',
  },
  filter: (m, ctx) => {
    if (isTestPath(ctx.relativePath) || isGeneratorScript(ctx.text)) return false;
    const fn = enclosingFunction(m.node);
    if (fn && LIMITED.test(fn.text)) return false;
    if (m.get('comp') || m.get('cb')) {
      const cb = m.get('comp') ?? mappedCallback(m);
      if (!cb) return false;
      // asyncio.gather(*[f(x) for x in range(4)]): a fixed count.
      if (/\bin\s+range\(\s*\d+\s*\)/.test(cb.text)) return false;
      return ctx.language === 'python' || (/^async\b/.test(cb.text) || IO.test(cb.text));
    }
    // A goroutine or thread per item of a collection loop (a fixed worker pool loops over a count, not over items).
    const loop = itemLoop(m.node);
    if (!loop) return false;
    if (ctx.language === 'go') {
      const range = loop.namedChildren.find((c) => c.type === 'range_clause');
      if (range?.childForFieldName('right')?.type === 'composite_literal') return false;
    }
    return m.node.type !== 'object_creation_expression' || namedArgs(m.node.childForFieldName('arguments')).length > 0;
  },
  message: (m, ctx) => {
    const what = { go: 'a goroutine', python: m.get('comp') ? 'a coroutine' : 'a thread', java: 'a thread' }[ctx.language as 'go'] ?? 'a promise';
    const fix = {
      go: 'bound it with errgroup.SetLimit, a semaphore channel or a fixed pool of workers reading from a channel',
      python: 'bound it with an asyncio.Semaphore or a fixed-size executor/worker pool',
      java: 'submit to a bounded ExecutorService (fixed pool) instead',
    }[ctx.language as 'go'] ?? 'cap the concurrency (p-limit, p-map with { concurrency }, or batches)';
    return `this starts ${what} per item, so the input size decides how many run at once: a large batch exhausts memory, file descriptors, the connection pool or the upstream's rate limit; ${fix}`;
  },
  description: `
Work is started concurrently once per item with nothing capping how many run at the same time:

- Go: a \`go\` statement inside a loop over a collection (\`range\` over a slice, map or channel, or up to \`len(...)\`).
- JavaScript/TypeScript: \`Promise.all(items.map(async (x) => ...))\` / \`Promise.allSettled\` over a non-literal array
  whose callback does I/O.
- Python: \`asyncio.gather(*[fetch(x) for x in items])\`, \`threading.Thread(...)\` created per item of a loop.
- Java: \`new Thread(...)\` per item of a loop.

Not flagged when the function shows a limit (a semaphore, \`errgroup.SetLimit\`, a buffered channel used as a semaphore,
\`asyncio.Semaphore\`, p-limit/p-map, a \`concurrency:\` option), fixed worker pools (\`for i := 0; i < workers; i++\`),
literal lists and \`range(4)\`, test files and Go generator programs (\`//go:build ignore\`).

**Why it matters in production.** Concurrency then equals the input size. A request with 10 items is fine; an import
of 50,000 starts 50,000 goroutines/threads/requests at once: memory spikes, file descriptors and ephemeral ports run
out, the database pool queues (and times out) everything, and the upstream answers with 429s or falls over. Threads in
Java and Python cost around a megabyte of stack each.

**How to fix.** Cap the concurrency at a number sized for the slowest shared resource:

\`\`\`go
g, ctx := errgroup.WithContext(ctx)
g.SetLimit(16)
for _, id := range ids {
	g.Go(func() error { return fetch(ctx, id) })
}
return g.Wait()
\`\`\`

JS/TS: \`pMap(items, fetchOne, { concurrency: 16 })\` or \`p-limit\`; Python: an \`asyncio.Semaphore(16)\` around the
call, or \`ThreadPoolExecutor(max_workers=16)\`; Java: a fixed \`ExecutorService\` (or a \`Semaphore\` with virtual
threads).

**Links.** [errgroup.SetLimit](https://pkg.go.dev/golang.org/x/sync/errgroup#Group.SetLimit),
[p-map](https://github.com/sindresorhus/p-map), [asyncio.Semaphore](https://docs.python.org/3/library/asyncio-sync.html#asyncio.Semaphore),
[Java Executors.newFixedThreadPool](https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/concurrent/Executors.html#newFixedThreadPool(int)).
`,
});
