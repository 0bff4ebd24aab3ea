import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';

/** Receivers and methods that only log. */
const LOG_RECEIVER = /(^|\.)(log|logger|debug|out|err)$/i;
const LOG_METHOD = /^(debug|info|warn|warning|error|trace|fine|finer|finest|severe|config|log|logTrace|println|print|printf|printStackTrace)$/;

/**
 * True when the caught error is handed on rather than swallowed: passed to a call that is not logging
 * (\`future.completeExceptionally(t)\`, \`onError(t)\`), wrapped (\`new X(t)\`), assigned (\`failure = t\`) or returned.
 */
function handedOn(body: Node, name: string): boolean {
  return body.descendantsOfType('identifier').some((id) => {
    if (id.text !== name) return false;
    const p = id.parent;
    if (!p) return false;
    if (p.type === 'return_statement' || (p.type === 'assignment_expression' && p.childForFieldName('right')?.id === id.id)) return true;
    if (p.type !== 'argument_list') return false;
    const call = p.parent;
    if (call?.type === 'object_creation_expression') return true;
    if (call?.type !== 'method_invocation') return false;
    const receiver = call.childForFieldName('object')?.text ?? '';
    return !LOG_METHOD.test(call.childForFieldName('name')?.text ?? '') && !LOG_RECEIVER.test(receiver);
  });
}

/** Catching Throwable or Error also catches OutOfMemoryError and StackOverflowError, which the code cannot recover from. */
export default defineRule({
  id: 'java-catch-throwable',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['java'],
  title: 'catch (Throwable) or catch (Error) without rethrow',
  local: true,
  triggers: ['Throwable', 'Error'],
  query: `
    (catch_clause
      (catch_formal_parameter (catch_type (type_identifier) @type) name: (identifier) @name)
      body: (block) @body
      (#match? @type "^(Throwable|Error|java\\\\.lang\\\\.(Throwable|Error))$")) @match
  `,
  filter: (m) => {
    const body = m.get('body');
    // An empty block is java-empty-catch's; a block that rethrows (or propagates) only observes the error on its way up.
    if (!body || body.namedChildCount === 0 || /^(ignored?|expected)$/.test(m.text('name'))) return false;
    if (/\bthrow\b|\b(propagate|throwIfUnchecked|throwIfInstanceOf|rethrow|sneakyThrow)\s*\(/.test(body.text)) return false;
    return !handedOn(body, m.text('name'));
  },
  message: (m) =>
    `catch (${m.text('type')} ${m.text('name')}) also catches OutOfMemoryError, StackOverflowError and other JVM errors, then carries on in a broken state; catch Exception (or the specific exceptions you expect), or rethrow ${m.text('name')} after logging`,
  description: `
A \`catch (Throwable t)\` or \`catch (Error e)\` (alone or in a multi-catch) that swallows what it caught: the block
only logs it, or ignores it. Blocks that \`throw\`, call \`Throwables.propagate\`/\`throwIfUnchecked\`, or hand the
error on (\`future.completeExceptionally(t)\`, \`listener.onError(t)\`, \`new Failure(t)\`, \`failure = t\`,
\`return failed(t)\`) are not flagged, and empty blocks are left to \`java-empty-catch\`. A variable named \`ignored\` or \`expected\` marks a deliberate
swallow, as in \`java-empty-catch\`.

**Why it matters in production.** \`Error\` covers \`OutOfMemoryError\`, \`StackOverflowError\`,
\`LinkageError\` and \`InternalError\`: conditions after which the JVM's state is undefined. Catching and continuing
keeps a half-dead instance in the load balancer, serving errors or corrupt results, instead of crashing and being
replaced by a healthy one. It also hides \`AssertionError\` from tests and \`ThreadDeath\` from thread shutdown.

**How to fix.** Catch \`Exception\` (or narrower); if a top-level loop must log everything, rethrow errors:

\`\`\`java
} catch (Exception e) {
    log.error("job {} failed", jobId, e);
}
\`\`\`

**Links.** [SEI CERT ERR08-J](https://wiki.sei.cmu.edu/confluence/display/java/ERR08-J.+Do+not+catch+NullPointerException+or+any+of+its+ancestors),
[java.lang.Error](https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Error.html),
[CWE-396](https://cwe.mitre.org/data/definitions/396.html).
`,
});
