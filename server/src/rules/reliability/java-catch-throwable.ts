import { defineRule } from '../../engine/define-rule';

/** Catching Throwable or Error also catches OutOfMemoryError and StackOverflowError, which the code cannot recover from. */
export default defineRule({
  id: 'java-catch-throwable',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['java'],
  title: 'catch (Throwable) or catch (Error) without rethrow',
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
    if (!body || body.namedChildCount === 0) return false;
    return !/\bthrow\b|\b(propagate|throwIfUnchecked|throwIfInstanceOf|rethrow|sneakyThrow)\s*\(/.test(body.text);
  },
  message: (m) =>
    `catch (${m.text('type')} ${m.text('name')}) also catches OutOfMemoryError, StackOverflowError and other JVM errors, then carries on in a broken state; catch Exception (or the specific exceptions you expect), or rethrow ${m.text('name')} after logging`,
  description: `
A \`catch (Throwable t)\` or \`catch (Error e)\` (alone or in a multi-catch) whose block does not rethrow.
Blocks that \`throw\` (including wrapping) or call \`Throwables.propagate\`/\`throwIfUnchecked\` are not flagged, and
empty blocks are left to \`java-empty-catch\`.

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
