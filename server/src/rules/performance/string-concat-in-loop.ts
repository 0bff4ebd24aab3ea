import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import type { LanguageId } from '../../engine/languages';
import { isGeneratorScript } from '../lib/file-kind';
import { ancestors, enclosingFunction, isTestPath } from '../lib/syntax';

const LOOPS = /^(for_statement|while_statement|do_statement|enhanced_for_statement|for_in_statement)$/;

/** The statement loop around `n` within its function (the accumulation happens across its iterations). */
function loopOf(n: Node): Node | undefined {
  for (const p of ancestors(n)) {
    if (LOOPS.test(p.type)) return p;
    if (/function|method|lambda|func_literal|constructor|class/.test(p.type)) return undefined;
  }
  return undefined;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `v` is declared as a string in the function (or a Go/Java parameter), as an offset in the file; -1 when it is not. */
function stringDeclaration(fn: Node, v: string, language: LanguageId): number {
  const id = escape(v);
  const decl = {
    go: new RegExp(`\\bvar\\s+${id}\\s+string\\b|\\b${id}\\s*:?=\\s*("|\`|fmt\\.Sprint|strings\\.)|[(,]\\s*${id}\\s+string\\b`),
    java: new RegExp(`\\bString\\s+${id}\\s*[=;,)]`),
    python: new RegExp(`(^|\\n)\\s*${id}\\s*(:\\s*str\\s*)?=\\s*([rbuf]*["']|str\\()`),
  }[language as 'go' | 'java' | 'python'];
  const m = decl?.exec(fn.text);
  return m ? fn.startIndex + m.index : -1;
}

/** `s += x` on a string copies the whole string every time: quadratic in the number of iterations. */
export default defineRule({
  id: 'string-concat-in-loop',
  pillar: 'performance',
  severity: 'info',
  languages: ['go', 'python', 'java'],
  title: 'String built with += inside a loop',
  triggers: ['+='],
  query: {
    go: '(assignment_statement left: (expression_list . (identifier) @var .) operator: "+=") @match',
    python: '(augmented_assignment left: (identifier) @var operator: "+=") @match',
    java: '(assignment_expression left: (identifier) @var operator: "+=") @match',
  },
  filter: (m, ctx) => {
    if (isTestPath(ctx.relativePath) || isGeneratorScript(ctx.text)) return false;
    const loop = loopOf(m.node);
    const fn = loop && enclosingFunction(loop);
    if (!loop || !fn) return false;
    const at = stringDeclaration(fn, m.text('var'), ctx.language);
    // Declared inside the loop, the string is rebuilt per iteration and stays short.
    return at !== -1 && at < loop.startIndex;
  },
  message: (m, ctx) =>
    `${m.text('var')} += ... inside a loop copies the whole string on every iteration, so building it costs O(n²) time and garbage; `
    + { go: 'use a strings.Builder (or bytes.Buffer) and call WriteString', java: 'use a StringBuilder (or StringJoiner / Collectors.joining)', python: "collect the parts in a list and ''.join() them once" }[ctx.language as 'go' | 'java' | 'python'],
  description: `
A string variable declared before a loop is extended with \`+=\` inside it (Go, Java, Python). Test files and Go generator
programs (\`//go:build ignore\`) are not checked.

**Why it matters in production.** Strings are immutable: each \`s += part\` allocates a new string and copies
everything built so far. For n iterations that is O(n²) bytes copied and n garbage strings; with a few thousand
rows (a CSV export, a generated SQL \`IN\` list, a report) it turns milliseconds into seconds and shows up as GC
pressure. Java's compiler does not optimise \`+=\` across loop iterations; CPython sometimes resizes in place, but
only as an implementation detail (PyPy and other runtimes do not), which PEP 8 warns not to rely on.

JavaScript and TypeScript are deliberately not covered: V8 and other engines represent concatenations as ropes, so
\`+=\` in a loop is linear there.

**How to fix.** Append to a builder and produce the string once:

\`\`\`go
var b strings.Builder
for _, r := range rows { b.WriteString(r.ID); b.WriteByte(',') }
out := b.String()
\`\`\`
\`\`\`java
StringBuilder sb = new StringBuilder();
for (Row r : rows) sb.append(r.id()).append(',');
\`\`\`
\`\`\`python
out = ",".join(r.id for r in rows)
\`\`\`

**Links.** [Go strings.Builder](https://pkg.go.dev/strings#Builder),
[Java StringBuilder](https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/StringBuilder.html),
[PEP 8: string concatenation](https://peps.python.org/pep-0008/#programming-recommendations),
[SpotBugs SBSC_USE_STRINGBUFFER_CONCATENATION](https://spotbugs.readthedocs.io/en/stable/bugDescriptions.html#sbsc-method-concatenates-strings-using-in-a-loop-sbsc-use-stringbuffer-concatenation).
`,
});
