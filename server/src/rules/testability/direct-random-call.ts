import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import type { LanguageId } from '../../engine/languages';
import { basename } from 'node:path';
import { textHas } from '../lib/file-kind';
import { enclosingFunction, functionName, inEntryPoint, isInjectedDefault, isTestPath, namedArgs } from '../lib/syntax';

const importsMathRand = textHas(/"math\/rand(\/v2)?"/);

const GO_FNS = ['Intn', 'Int', 'Int31', 'Int31n', 'Int63', 'Int63n', 'Float32', 'Float64', 'Perm', 'Shuffle', 'Uint32', 'Uint64', 'IntN', 'N', 'Int64', 'Int64N', 'Int32N', 'UintN', 'Uint64N']
  .map((f) => `"${f}"`).join(' ');
const PY_FNS = ['random', 'randint', 'choice', 'choices', 'shuffle', 'uniform', 'randrange', 'sample', 'gauss', 'getrandbits', 'triangular']
  .map((f) => `"${f}"`).join(' ');
const JS = `(call_expression function: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
  (#eq? @pkg "Math") (#eq? @fn "random")) @match`;
/** Secrets are the security pillar's business (insecure-random-token); randomness in adapters and retry jitter is not business logic. */
const SKIP_CONTEXT = /token|secret|passw|salt|nonce|otp|api_?key|challenge|\bid\b|[a-z_]I[dD]\b|_id\b|uuid|guid|boundary|unique|expando|\btemp|\btmp|atomic|suffix|filename/i;
/** Files that implement randomness or retry policies themselves. */
const ADAPTER_FILE = /^(rand|random|jitter|backoff|retry)[\w.-]*\.\w+$|Random\w*\.java$/i;
const ADAPTER = /rand|jitter|backoff|shuffle|sample|seed|uuid|nonce|retry|delay/i;

/** Business logic that draws random numbers itself cannot be tested deterministically. */
export default defineRule({
  id: 'direct-random-call',
  pillar: 'testability',
  severity: 'hint',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Business logic draws random numbers directly',
  triggers: ['rand.', 'random', 'Random'],
  query: {
    go: `(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
          (#eq? @pkg "rand") (#any-of? @fn ${GO_FNS})) @match`,
    python: `(call function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
              (#eq? @pkg "random") (#any-of? @fn ${PY_FNS})) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation object: (identifier) @pkg name: (identifier) @fn
        (#any-of? @pkg "Math" "ThreadLocalRandom") (#any-of? @fn "random" "current")) @match
      (object_creation_expression type: (type_identifier) @fn (#eq? @fn "Random")) @match`,
  },
  filter: (m, ctx) => {
    const { node } = m;
    if (ctx.language === 'go' && !importsMathRand(ctx.text)) return false;
    // ThreadLocalRandom.current() draws nothing until .nextX() is called on it.
    if (m.text('fn') === 'current' && !/^next|^ints|^longs|^doubles/.test(node.parent?.type === 'method_invocation' ? node.parent.childForFieldName('name')?.text ?? '' : '')) return false;
    // new Random(seed) is already deterministic.
    if (node.type === 'object_creation_expression' && namedArgs(node.childForFieldName('arguments')).length > 0) return false;
    if (isTestPath(ctx.relativePath) || inEntryPoint(node, ctx.language) || isInjectedDefault(node)) return false;
    const fn = enclosingFunction(node);
    if (!fn || ADAPTER.test(functionName(fn)) || ADAPTER_FILE.test(basename(ctx.relativePath))) return false;
    const statement = statementText(node);
    // The name the statement declares or assigns (`const jitter = ...`, `randomByte = ...`) says what the value is for.
    const target = /^\s*(?:(?:const|let|var|final|[\w<>[\], ]+\s)\s*)?([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=[^=]/.exec(statement)?.[1] ?? '';
    return !ADAPTER.test(target) && !SKIP_CONTEXT.test(statement) && !SKIP_CONTEXT.test(functionName(fn));
  },
  message: (m, ctx) => `${m.node.text.split('(')[0]} draws a random number inside business logic: tests cannot reproduce or assert on the outcome (A/B buckets, sampling, retries, shuffles); ${ADVICE[ctx.language]}`,
  description: `
Business logic draws random numbers from the global source: Go \`math/rand\` (\`rand.Intn\`, \`rand.Float64\`,
\`rand.Shuffle\`, ...), JavaScript/TypeScript \`Math.random()\`, Python \`random.random/randint/choice/shuffle/...\`,
Java \`Math.random()\`, \`new Random()\`, \`ThreadLocalRandom.current()\`.

**Why it matters.** Code whose result depends on a random draw (traffic splitting, sampling, load-balancer choice,
promotions, shuffled recommendations) gives a different answer on every test run. Tests either avoid asserting the
interesting outcome, or assert statistically and become flaky; the rare branch (the 1% bucket) is never exercised on
purpose, and a failure seen once cannot be reproduced.

**How to fix.** Make randomness an input: inject a source (\`*rand.Rand\`, a \`random.Random\` instance, a
\`java.util.random.RandomGenerator\`, a \`rng: () => number\` parameter) created at the edge of the program, and pass a
seeded or fixed source in tests.

\`\`\`go
type Sampler struct{ rng *rand.Rand } // main: rand.New(rand.NewSource(time.Now().UnixNano())); tests: rand.NewSource(1)
func (s *Sampler) Keep(rate float64) bool { return s.rng.Float64() < rate }
\`\`\`

**Not flagged:** test files, entry points (\`main\`, \`init\`, \`__main__\`), module-level initialisation, seeded
\`new Random(seed)\`, injectable defaults (\`rng = Math.random\`, \`rng ?? Math.random\`), functions, files and variables whose name
says they are the random adapter or retry jitter (\`rand*\`, \`*jitter*\`, \`*backoff*\`, \`*shuffle*\`, \`*delay*\`), and
values for tokens, passwords, salts and nonces (insecure-random-token covers those) or for identifiers and names
(ids, UUIDs, multipart boundaries, temporary file names), which only need to be distinct. \`crypto/rand\`, \`secrets\` and
\`crypto.randomUUID\` are never flagged.

**Links.** [Go math/rand.New](https://pkg.go.dev/math/rand#New), [Python random.Random](https://docs.python.org/3/library/random.html#random.Random),
[Java RandomGenerator](https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/random/RandomGenerator.html),
[seedrandom (JS)](https://github.com/davidbau/seedrandom).
`,
});

const ADVICE: Partial<Record<LanguageId, string>> = {
  go: 'inject a *rand.Rand (seeded in tests) and draw from it',
  python: 'inject a random.Random instance (seeded in tests) and draw from it',
  typescript: 'pass a generator in (e.g. `rng: () => number = Math.random`) and call it',
  tsx: 'pass a generator in (a prop or context defaulting to Math.random) and call it',
  javascript: 'pass a generator in (e.g. `rng = Math.random` as a parameter) and call it',
  java: 'inject a RandomGenerator (new Random(seed) in tests) and draw from it',
};

/** The text of the statement around `n` (for the names it assigns to). */
function statementText(n: Node): string {
  let s = n;
  while (s.parent && !/block|statement_list|module|program|class_body/.test(s.parent.type)) s = s.parent;
  return s.text.length > 300 ? s.text.slice(0, 300) : s.text;
}
