import type { Node, Tree } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import type { LanguageId } from '../../engine/languages';
import { isGeneratorScript } from '../lib/file-kind';
import { hoistOutOfLoop } from '../lib/hoist';
import { concatOperands, enclosingLoop, isConstantName, isLiteralString, isTestPath, namedArgs } from '../lib/syntax';

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
  // Tests and Go generator programs run once over small inputs: the cost does not matter there.
  filter: (m, ctx) => !isTestPath(ctx.relativePath) && !isGeneratorScript(ctx.text) && flagged(m.node),
  fixable: true,
  fix: (m, ctx) => {
    if (!hoistable(m.node, ctx.language)) return undefined;
    return hoistOutOfLoop(m.node, ctx.text, ctx.language, {
      base: 'pattern',
      type: 'Pattern',
      title: 'Compile the pattern once before the loop ({{name}})',
      candidates: candidates(m.node.tree, ctx.language),
    });
  },
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
map of compiled patterns (append, push, a comprehension or \`.map\` that returns the compiled pattern) are not flagged, nor are test files and Go generator programs (\`//go:build ignore\`).

The quick fix hoists a constant pattern inside a function: it declares it once before the outermost loop
(\`pattern := regexp.MustCompile(...)\`, \`pattern = re.compile(...)\`, \`const pattern = new RegExp(...)\`,
\`Pattern pattern = Pattern.compile(...)\`) and uses the variable in the loop. It is offered for Go \`MustCompile\`,
Python \`re.compile\`, Java \`Pattern.compile\` and JS \`RegExp\` without the stateful \`g\`/\`y\` flags, when
the pattern and flags are literals or constants.

**Links.** [Go regexp](https://pkg.go.dev/regexp#MustCompile), [Python re.compile](https://docs.python.org/3/library/re.html#re.compile),
[Java Pattern](https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/regex/Pattern.html),
[MDN RegExp](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/RegExp).
`,
});

/** The first target of `a, b := ...` (the pattern), or the node itself. */
function single(n: Node | null): Node | null {
  return n?.type === 'expression_list' ? n.namedChildren[0] ?? null : n;
}

/** Compiled in a loop and not stored for later. */
function flagged(n: Node): boolean {
  return !!enclosingLoop(n) && !storedForLater(n);
}

const CALL_TYPES: Partial<Record<LanguageId, string[]>> = {
  go: ['call_expression'], python: ['call'], java: ['method_invocation'],
  typescript: ['new_expression', 'call_expression'], tsx: ['new_expression', 'call_expression'], javascript: ['new_expression', 'call_expression'],
};
const hoistables = new WeakMap<Tree, Node[]>();

/** Every compile in the file the fix would hoist, in source order (computed once per tree). */
function candidates(tree: Tree, language: LanguageId): Node[] {
  let list = hoistables.get(tree);
  if (!list) {
    list = tree.rootNode.descendantsOfType(CALL_TYPES[language] ?? []).filter((n) => hoistable(n, language) && flagged(n));
    hoistables.set(tree, list);
  }
  return list;
}

/** `re.I | re.M`, `Pattern.CASE_INSENSITIVE`: flags made of constants. */
const constantFlags = (n: Node): boolean => concatOperands(n, ['|']).every(isConstantName);

/** A compile whose pattern and flags are constant and whose result has no state, so compiling it once is the same. */
function hoistable(n: Node, language: LanguageId): boolean {
  const args = namedArgs(n.childForFieldName('arguments'));
  const [pattern, flags, ...rest] = args;
  if (!pattern || !isLiteralString(pattern) || rest.length) return false;
  const callee = n.type === 'method_invocation'
    ? `${n.childForFieldName('object')?.text ?? ''}.${n.childForFieldName('name')?.text ?? ''}`
    : (n.childForFieldName('function') ?? n.childForFieldName('constructor'))?.text ?? '';
  switch (language) {
    case 'go':
      return /^regexp\.MustCompile(POSIX)?$/.test(callee) && !flags;
    case 'python':
      return callee === 're.compile' && (!flags || constantFlags(flags));
    case 'java':
      return callee === 'Pattern.compile' && (!flags || constantFlags(flags));
    default:
      // A RegExp with the g or y flag keeps lastIndex between calls: sharing one across iterations changes results.
      return callee === 'RegExp' && (!flags || (isLiteralString(flags) && !/[gy]/.test(flags.text.slice(1, -1))));
  }
}

/** True when the loop stores the compiled pattern for later (building a cache of compiled patterns is the fix, not the problem). */
function storedForLater(n: Node): boolean {
  const p = n.parent;
  if (!p) return false;
  if (p.type === 'arguments' || p.type === 'argument_list') {
    const callee = p.parent?.childForFieldName('function') ?? p.parent?.childForFieldName('name');
    return /(^|\.)(append|push|add|put|set|unshift|setdefault|add[A-Z]\w*)$/.test(callee?.text ?? '');
  }
  // `re, err := regexp.Compile(p)` ... `m[k] = re`: a variable that the loop then stores.
  const variable = single(p.childForFieldName('left') ?? p.childForFieldName('name'));
  if (variable?.type === 'identifier' && /declaration|declarator|assignment/.test(p.type) && !/augmented/.test(p.type)) {
    const loop = enclosingLoop(n);
    const v = variable.text;
    if (loop && new RegExp(`\\]\\s*=\\s*${v}\\b|\\b(append|push|add|put|set|setdefault)\\([^)]*\\b${v}\\b`).test(loop.text)) return true;
  }
  if (/comprehension|generator_expression|arrow_function|lambda/.test(p.type)) return p.childForFieldName('body')?.id === n.id;
  if (p.type === 'pair') return /comprehension/.test(p.parent?.type ?? '');
  if (p.type === 'expression_list') return storedForLater(p);
  const target = p.childForFieldName('left');
  return /assignment/.test(p.type) && /index|subscript|array_access/.test((target?.type === 'expression_list' ? target.namedChildren[0] : target)?.type ?? '');
}
