import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import type { LanguageId } from '../../engine/languages';
import { ancestors, enclosingFunction, isTestPath } from '../lib/syntax';

const LOOPS = /^(for_statement|for_in_statement|while_statement|do_statement|enhanced_for_statement)$/;
/** Test-framework functions whose callback is a test body or a hook. */
const TEST_CALLS = /^(it|test|describe|beforeEach|afterEach|beforeAll|afterAll|before|after|t\.Run|b\.Run|s\.Run|suite\.Run|It|Describe)$|\.(only|skip|each\(.*\))$/;

const JS = `
  (await_expression (call_expression function: (identifier) @fn arguments: (arguments . (_) @delay)
    (#any-of? @fn "sleep" "delay" "wait" "setTimeout" "setTimeoutPromise" "pause"))) @match
  (new_expression constructor: (identifier) @ctor
    arguments: (arguments . [(arrow_function) (function_expression)] @executor)
    (#eq? @ctor "Promise")) @match`;

/** The callee text of the call whose argument list holds `fn`. */
function calleeOf(fn: Node): string {
  const call = fn.parent?.type === 'arguments' || fn.parent?.type === 'argument_list' ? fn.parent.parent : undefined;
  return call?.childForFieldName('function')?.text ?? '';
}

/** True when `n` runs in a test body or test helper, once: not in a polling loop, a fake server handler, a mock or a goroutine. */
function inTestBody(n: Node, language: LanguageId): boolean {
  const fn = enclosingFunction(n);
  if (!fn) return false;
  for (const p of ancestors(n)) {
    if (p.id === fn.id) break;
    if (LOOPS.test(p.type)) return false;
  }
  switch (fn.type) {
    case 'function_declaration':
      return true;
    case 'method_declaration':
      // Java test methods; in Go only suite tests (methods on a fake are simulating latency).
      return language === 'java' || /^Test/.test(fn.childForFieldName('name')?.text ?? '');
    case 'function_definition':
      return ![...ancestors(fn)].some((p) => p.type === 'function_definition');
    case 'func_literal':
    case 'arrow_function':
    case 'function_expression':
    case 'function':
      return TEST_CALLS.test(calleeOf(fn));
    default:
      return language !== 'java' && fn.type === 'method_definition';
  }
}

/** A JS `new Promise((resolve) => setTimeout(resolve, ms))`: the executor's only effect is a timer. */
function isTimerPromise(m: { get(n: string): Node | undefined }): boolean {
  const ex = m.get('executor');
  if (!ex) return false;
  const body = ex.childForFieldName('body');
  const call = body?.type === 'call_expression' ? body : body?.namedChildren.length === 1 ? body.namedChildren[0]?.namedChildren[0] : undefined;
  return call?.type === 'call_expression' && call.childForFieldName('function')?.text === 'setTimeout';
}

const isZero = (d: Node | undefined): boolean => !!d && /^0+(\.0*)?$/.test(d.text);

/** A fixed sleep in a test is either too short (flaky on a slow CI machine) or too long (a slow suite), usually both. */
export default defineRule({
  id: 'sleep-in-test',
  pillar: 'testability',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Test sleeps for a fixed time',
  triggers: ['Sleep(', 'sleep(', 'setTimeout', 'delay(', 'wait(', 'pause('],
  // Tests only: the rest of a project is skipped before its sleeps are matched (the filter checks the same).
  when: (_text, _options, file) => isTestPath(file.relativePath),
  query: {
    go: `(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
          arguments: (argument_list . (_) @delay) (#eq? @pkg "time") (#eq? @fn "Sleep")) @match`,
    python: `
      (call function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
        arguments: (argument_list . (_) @delay)
        (#any-of? @pkg "time" "asyncio") (#eq? @fn "sleep")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation object: (_) @pkg name: (identifier) @fn arguments: (argument_list . (_) @delay)
        (#match? @pkg "^(Thread|TimeUnit\\\\.[A-Z]+|[A-Z]+)$") (#eq? @fn "sleep")) @match`,
  },
  filter: (m, ctx) => {
    if (!isTestPath(ctx.relativePath) || isZero(m.get('delay'))) return false;
    if (m.get('ctor') && !isTimerPromise(m)) return false;
    // Fake timers make setTimeout instant: the sleep is simulated.
    if (ctx.language !== 'go' && ctx.language !== 'python' && ctx.language !== 'java' && /\buseFakeTimers\(/.test(ctx.text)) return false;
    return inTestBody(m.node, ctx.language);
  },
  message: (m, ctx) =>
    `${m.get('ctor') ? 'a setTimeout promise' : m.node.text.replace(/^await\s+/, '').split('(')[0]} waits a fixed time in a test: too short and the test fails on a busy CI machine, too long and the suite crawls; ${ADVICE[ctx.language]}`,
  description: `
A test waits a fixed time: Go \`time.Sleep\`, JavaScript/TypeScript \`await sleep(ms)\` / \`await delay(ms)\` /
\`await setTimeout(ms)\` / \`await new Promise((r) => setTimeout(r, ms))\`, Python \`time.sleep\` / \`asyncio.sleep\`,
Java \`Thread.sleep\` / \`TimeUnit.SECONDS.sleep\`. Only test files are checked.

Not flagged: sleeps inside a loop (a poll with a bound is the fix), inside a fake server handler, mock, goroutine or
lambda (simulating a slow dependency is legitimate), \`sleep(0)\` (a yield), and JS files that use fake timers.

**Why it matters.** The sleep guesses how long something asynchronous takes. On a loaded CI runner the guess is
sometimes wrong and the test fails for no reason (a flaky test, which teaches everyone to press "re-run"); on a fast
machine the test still waits the full time, so the suite gets slower with every sleep added. Flaky, slow suites are
run less often and trusted less, so regressions slip through.

**How to fix.** Wait for the event itself, with a bounded timeout:

- Go: receive from a channel or \`sync.WaitGroup\`; poll with \`require.Eventually(t, cond, 5*time.Second, 10*time.Millisecond)\`; use \`testing/synctest\` or a fake clock for timers.
- JS/TS: await the promise or event (\`once(emitter, 'ready')\`); \`vi.waitFor\` / \`waitFor\` from Testing Library; fake timers (\`vi.useFakeTimers()\`, \`jest.useFakeTimers()\`).
- Python: \`threading.Event().wait(timeout)\`, \`asyncio.wait_for\`, polling helpers with a deadline, freezegun/time-machine for time.
- Java: \`CountDownLatch.await(timeout)\`, Awaitility (\`await().atMost(5, SECONDS).until(...)\`).

**Links.** [Google Testing Blog: Flaky tests](https://testing.googleblog.com/2016/05/flaky-tests-at-google-and-how-we.html),
[Awaitility](https://github.com/awaitility/awaitility), [testify Eventually](https://pkg.go.dev/github.com/stretchr/testify/require#Eventually),
[Vitest vi.waitFor](https://vitest.dev/api/vi.html#vi-waitfor).
`,
});

const ADVICE: Partial<Record<LanguageId, string>> = {
  go: 'wait on a channel or WaitGroup, or poll with a deadline (require.Eventually)',
  python: 'wait on an Event/Future with a timeout, or poll with a deadline',
  typescript: 'await the event or promise itself, poll with a bound (waitFor), or use fake timers',
  tsx: 'await the UI state with waitFor/findBy*, or use fake timers',
  javascript: 'await the event or promise itself, poll with a bound (waitFor), or use fake timers',
  java: 'wait on a CountDownLatch/Future with a timeout, or poll with Awaitility',
};
