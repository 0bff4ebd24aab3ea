import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { enclosingLoop, isLiteralString, namedArgs } from '../lib/syntax';

const JS = `
  (new_expression constructor: (identifier) @fn (#eq? @fn "RegExp")) @match
  (call_expression function: (identifier) @fn (#eq? @fn "RegExp")) @match`;

/** Compiling a regular expression is orders of magnitude costlier than matching one; in a loop it is paid per element. */
export default defineRule({
  id: 'regex-compile-in-loop',
  pillar: 'performance',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Regular expression compiled inside a loop',
  triggers: ['regexp.', 're.compile', 'RegExp', 'Pattern.'],
  query: {
    go: `(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
          (#eq? @pkg "regexp") (#any-of? @fn "MustCompile" "Compile" "MustCompilePOSIX" "CompilePOSIX" "MatchString" "Match" "MatchReader")) @match`,
    python: `(call function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
              (#eq? @pkg "re") (#eq? @fn "compile")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `(method_invocation object: (identifier) @pkg name: (identifier) @fn
            (#eq? @pkg "Pattern") (#any-of? @fn "compile" "matches")) @match`,
  },
  filter: (m) => !!enclosingLoop(m.node) && !storedForLater(m.node),
  message: (m, ctx) => {
    const call = m.text('pkg') ? `${m.text('pkg')}.${m.text('fn')}` : m.node.type === 'new_expression' ? 'new RegExp' : 'RegExp()';
    const pattern = namedArgs(m.node.childForFieldName('arguments'))[0];
    const hoist = pattern && isLiteralString(pattern)
      ? `the pattern is constant: compile it once at ${ctx.language === 'go' ? 'package' : 'module'} level and reuse it`
      : 'compile the patterns once before the loop (or match with plain string functions when the pattern is built from data)';
    return `${call} compiles a regular expression on every iteration of this loop, which costs far more than matching; ${hoist}`;
  },
  description: `
A regular expression is compiled (\`regexp.MustCompile\`, \`re.compile\`, \`new RegExp\`, \`Pattern.compile\`,
\`Pattern.matches\`) inside the body of a loop, a comprehension, or a per-element callback such as \`.forEach\`,
\`.map\` or a Java stream \`.filter\`.

**Why it matters in production.** Compiling parses the pattern and builds an automaton: typically microseconds and
kilobytes of garbage, against nanoseconds for a match. Inside a loop over request data that cost is paid per element
and per request, and shows up as CPU and GC pressure under load. Python caches recently compiled patterns, which makes
the cost smaller but not zero (a cache lookup and hashing per call, and eviction once a program uses many patterns).

**How to fix.** Compile once and reuse:

\`\`\`go
var skuPattern = regexp.MustCompile(\`^[A-Z]{3}-\\d{4,6}$\`) // package level

compiled := make([]*regexp.Regexp, 0, len(rules))         // or once per call, before the loop
for _, r := range rules { compiled = append(compiled, regexp.MustCompile(r)) }
\`\`\`

When the pattern is just a user's search term, plain string functions (\`strings.Contains\`, \`includes\`,
\`str.startswith\`) are faster still and cannot be abused for regex denial of service. Loops that only *build* a list or
map of compiled patterns (append, push, a comprehension or \`.map\` that returns the compiled pattern) are not flagged.

**Links.** [Go regexp](https://pkg.go.dev/regexp#MustCompile), [Python re.compile](https://docs.python.org/3/library/re.html#re.compile),
[Java Pattern](https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/regex/Pattern.html),
[MDN RegExp](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/RegExp).
`,
});

/** True when the loop stores the compiled pattern for later (building a cache of compiled patterns is the fix, not the problem). */
function storedForLater(n: Node): boolean {
  const p = n.parent;
  if (!p) return false;
  if (p.type === 'arguments' || p.type === 'argument_list') {
    const callee = p.parent?.childForFieldName('function') ?? p.parent?.childForFieldName('name');
    return /(^|\.)(append|push|add|put|set|unshift|setdefault)$/.test(callee?.text ?? '');
  }
  if (/comprehension|generator_expression|arrow_function|lambda/.test(p.type)) return p.childForFieldName('body')?.id === n.id;
  if (p.type === 'pair') return /comprehension/.test(p.parent?.type ?? '');
  if (p.type === 'expression_list') return storedForLater(p);
  const target = p.childForFieldName('left');
  return /assignment/.test(p.type) && /index|subscript|array_access/.test((target?.type === 'expression_list' ? target.namedChildren[0] : target)?.type ?? '');
}
