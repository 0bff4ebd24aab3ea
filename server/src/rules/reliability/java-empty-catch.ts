import { defineRule } from '../../engine/define-rule';

/** An empty catch block makes a failure vanish: no log, no metric, no retry. */
export default defineRule({
  id: 'java-empty-catch',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['java'],
  title: 'Empty catch block swallows an exception',
  local: true,
  triggers: ['catch'],
  query: `
    (catch_clause
      (catch_formal_parameter (catch_type) @type name: (identifier) @name)
      body: (block) @body) @match
  `,
  // A comment in the block or a variable named `ignored`/`expected` documents that ignoring it is deliberate.
  filter: (m) => m.get('body')?.namedChildCount === 0 && !/^(ignored?|expected)$/.test(m.text('name')),
  message: (m) =>
    `empty catch block swallows ${m.text('type')}: the failure disappears without a trace and callers carry on with bad state; log it, rethrow it (wrapped if needed), or name the variable \`ignored\` and comment why it is safe`,
  description: `
A \`catch\` block with nothing in it: the exception is caught and dropped.

**Why it matters in production.** The failure leaves no log line, no metric and no trace span, and the code after the
\`try\` runs as if the operation had succeeded. In the example this rule was written for, a failed stock release
(\`SQLException\`) silently leaves items reserved forever; on-call engineers later find inconsistent data with
nothing to explain it. Swallowing \`InterruptedException\` also loses the thread's interrupt flag, so shutdowns hang.

**How to fix.** Handle the failure, or at least make it visible:

\`\`\`java
} catch (SQLException e) {
    log.warn("release of {} x{} failed; it will expire with the reservation TTL", sku, qty, e);
}
\`\`\`

Rethrow (wrapped in an unchecked exception if needed) when the caller must know. For \`InterruptedException\`, call
\`Thread.currentThread().interrupt()\`. If ignoring really is correct, name the variable \`ignored\` or \`expected\`, or
say why in a comment: such blocks are not flagged.

**Links.** [Effective Java, Item 77: Don't ignore exceptions](https://www.oreilly.com/library/view/effective-java-3rd/9780134686097/),
[Error Prone: EmptyCatch](https://errorprone.info/bugpattern/EmptyCatch), [CWE-1069](https://cwe.mitre.org/data/definitions/1069.html).
`,
});
