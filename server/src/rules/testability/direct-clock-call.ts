import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import type { LanguageId } from '../../engine/languages';
import { enclosingFunction, functionName, inEntryPoint, isInjectedDefault, isTestPath, namedArgs } from '../lib/syntax';

const JS = `
  (call_expression function: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
    (#eq? @pkg "Date") (#eq? @fn "now")) @match
  (new_expression constructor: (identifier) @fn (#eq? @fn "Date")) @match`;

/** Reading the wall clock inside business logic makes time-dependent behaviour untestable. */
export default defineRule({
  id: 'direct-clock-call',
  pillar: 'testability',
  severity: 'hint',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Business logic reads the system clock directly',
  local: true,
  triggers: ['time.Now', 'now(', 'today(', 'time()', 'Date', 'currentTimeMillis'],
  query: {
    go: `(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
          (#eq? @pkg "time") (#eq? @fn "Now")) @match`,
    python: `(call function: (attribute object: (_) @pkg attribute: (identifier) @fn)
              (#match? @pkg "^(\\\\w+\\\\.)?(datetime|date)$|^time$") (#any-of? @fn "now" "utcnow" "today" "time")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation object: (identifier) @pkg name: (identifier) @fn
        (#match? @pkg "^(System|Instant|LocalDateTime|LocalDate|LocalTime|ZonedDateTime|OffsetDateTime)$")
        (#any-of? @fn "currentTimeMillis" "now")) @match
      (object_creation_expression type: (type_identifier) @fn (#eq? @fn "Date")) @match`,
  },
  filter: (m, ctx) => {
    const { node } = m;
    if (isTestPath(ctx.relativePath)) return false;
    const pair = `${m.text('pkg').replace(/^\w+\.(?=date)/, '')}.${m.text('fn')}`;
    if (/^(time\.(now|utcnow|today)|(datetime|date)\.time|System\.now|date\.(now|utcnow))$/.test(pair)) return false;
    const args = namedArgs(node.childForFieldName('arguments'));
    const constructs = node.type === 'new_expression' || node.type === 'object_creation_expression';
    // new Date(x) is not "now"; Instant.now(clock) already uses an injected clock.
    if (constructs ? args.length > 0 : args.some((a) => /clock/i.test(a.text))) return false;
    if (isInjectedDefault(node) || inEntryPoint(node, ctx.language)) return false;
    const fn = enclosingFunction(node);
    if (!fn || /^([nN]ow|[tT]oday|utc_?now|current_?[tT]ime(_?[mM]illis)?|millis|instant|clock)$/.test(functionName(fn))) return false;
    return !(ctx.language === 'go' && measuresLatency(node, fn));
  },
  message: (m, ctx) => `${m.node.text} reads the system clock inside business logic: tests cannot control time, so expiry and scheduling logic stays untested; ${ADVICE[ctx.language]}`,
  description: `
Business logic reads the current time straight from the system clock: Go \`time.Now()\`, JavaScript/TypeScript
\`Date.now()\` and \`new Date()\`, Python \`datetime.now()\`, \`datetime.utcnow()\`, \`date.today()\` and \`time.time()\`,
Java \`System.currentTimeMillis()\`, \`Instant.now()\`, \`LocalDateTime.now()\` and friends, \`new Date()\`.

**Why it matters.** Code whose result depends on "now" (expiry, discounts, reservations, caching, scheduling) can only
be tested at whatever time the test happens to run. Tests either skip the interesting cases (the day an offer
expires, a DST change, a leap day, end of month) or become flaky and slow (\`sleep\` until a TTL passes). Bugs in
exactly these edge cases then reach production.

**How to fix.** Make time an input. Take a clock (or the current time) as a parameter or a field, default it to the
real clock at the edge of the program, and pass a fixed or fake clock in tests:

\`\`\`go
type server struct{ now func() time.Time } // main: &server{now: time.Now}; tests: a fixed time
expires := s.now().Add(48 * time.Hour)
\`\`\`
\`\`\`java
Instant expiresAt = Instant.now(clock).plus(ttl); // clock injected; Clock.fixed(...) in tests
\`\`\`

**Not flagged:** test files (\`_test.go\`, \`*.test.ts\`, \`test_*.py\`, \`*Test.java\`, files under \`test/\`), the
program entry point (\`main\`, \`init\`, \`if __name__ == "__main__":\`), module-level initialisation, clock adapters
(functions named \`now\`, \`clock\`, ...), injectable fallbacks (\`now ?? Date.now()\`, \`now or datetime.now()\`,
default parameter values), calls that take a clock (\`Instant.now(clock)\`), Go \`start := time.Now()\` later read
by \`time.Since(start)\`, and monotonic timers (\`performance.now()\`, \`time.monotonic()\`, \`System.nanoTime()\`).

**Links.** [java.time.Clock](https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/time/Clock.html),
[time-machine (Python)](https://pypi.org/project/time-machine/), [Jest fake timers](https://jestjs.io/docs/timer-mocks),
[Go: testing time-dependent code](https://pkg.go.dev/testing/synctest).
`,
});

const ADVICE: Partial<Record<LanguageId, string>> = {
  go: 'inject the clock (e.g. a `now func() time.Time` field set to time.Now in main) and call it',
  python: 'pass the current time or a clock in (e.g. a `now=datetime.now` parameter), or freeze time in tests with time-machine/freezegun',
  typescript: 'pass a clock in (e.g. `now: () => number = Date.now`) and call it',
  tsx: 'pass a clock in (e.g. a `now` prop or context defaulting to Date.now) and call it',
  javascript: 'pass a clock in (e.g. `now = Date.now` as a parameter) and call it',
  java: 'inject a java.time.Clock and use Instant.now(clock) / clock.millis()',
};

/** `start := time.Now()` later read by `time.Since(start)`: a latency measurement, not business time. */
function measuresLatency(n: Node, fn: Node): boolean {
  const decl = n.parent?.parent;
  if (decl?.type !== 'short_var_declaration' && decl?.type !== 'assignment_statement') return false;
  const name = decl.childForFieldName('left')?.text ?? '';
  return /^\w+$/.test(name) && new RegExp(`time\\.Since\\(\\s*${name}\\s*\\)`).test(fn.text);
}
