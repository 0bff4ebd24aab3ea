import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { ancestors, isTestPath } from '../lib/syntax';

/** The loop whose body holds `n` in the same function (a closure stops the search: its defers run when it returns). */
function loopOf(n: Node): Node | undefined {
  for (const p of ancestors(n)) {
    if (p.type === 'for_statement') return p;
    if (p.type === 'func_literal' || p.type === 'function_declaration' || p.type === 'method_declaration') return undefined;
  }
  return undefined;
}

/** `defer f.Close(); return err`: the defer runs once, when that return leaves the function. */
function returnsRightAway(defer: Node): boolean {
  for (let s = defer.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (s.type === 'return_statement') return true;
    if (s.type !== 'comment' && s.type !== 'expression_statement' && s.type !== 'defer_statement') return false;
  }
  return false;
}

/** A deferred closure that releases nothing is deliberate post-processing ("after the loop, append..."), not a leak. */
const RELEASES = /\.(Close|Unlock|RUnlock|Release|Done|Stop|Rollback|Shutdown|Cancel)\(|\bcancel\w*\(\)/;

/** `defer` runs when the function returns, not at the end of the iteration: resources pile up until then. */
export default defineRule({
  id: 'go-defer-in-loop',
  pillar: 'performance',
  severity: 'warning',
  languages: ['go'],
  title: 'defer inside a loop runs only when the function returns',
  local: true,
  triggers: ['defer'],
  query: '(defer_statement (call_expression function: (_) @callee)) @match',
  filter: (m, ctx) => {
    if (isTestPath(ctx.relativePath) || !loopOf(m.node) || returnsRightAway(m.node)) return false;
    const callee = m.get('callee');
    return callee?.type !== 'func_literal' || RELEASES.test(callee.text);
  },
  message: (m) =>
    `defer ${m.get('callee')?.type === 'func_literal' ? 'func() {...}' : m.text('callee')}(...) inside a loop runs only when the whole function returns, so every iteration's resource (file, response body, lock, rows) stays open until then; `
    + 'move the loop body into a function (or a func literal called per iteration) so the defer runs each time, or close explicitly',
  description: `
A \`defer\` statement sits inside the body of a \`for\` loop (not inside a function literal in that body).

**Why it matters in production.** Deferred calls run when the surrounding *function* returns, not when the loop
iteration ends. A loop that opens a file, a response body, database rows or takes a lock per iteration and defers
the close keeps all of them open until the loop is done: file-descriptor exhaustion (\`too many open files\`),
connection-pool starvation, memory growth proportional to the input, or a deadlock when the same mutex is locked
again on the next iteration. Each deferred call also allocates a record on the heap, which costs in a hot loop.

**How to fix.** Give each iteration its own function so the defer runs per iteration:

\`\`\`go
for _, name := range files {
	if err := process(name); err != nil { // process opens the file and defers f.Close()
		return err
	}
}
\`\`\`

or call a function literal per iteration (\`func() { f, _ := os.Open(n); defer f.Close(); ... }()\`), or close
explicitly at the end of the iteration (and on every \`continue\`). A \`defer\` inside such a function literal, or in a
goroutine started in the loop, is not flagged; nor is a defer followed by a \`return\` in the same block (it runs
once), a deferred closure that releases nothing (deliberate work after the loop), or a test file (cleanup at the end of
a test is usually what is meant there).

**Links.** [Go spec: Defer statements](https://go.dev/ref/spec#Defer_statements),
[staticcheck SA9001](https://staticcheck.dev/docs/checks/#SA9001), [revive defer rule](https://github.com/mgechev/revive/blob/master/RULES_DESCRIPTIONS.md#defer).
`,
});
