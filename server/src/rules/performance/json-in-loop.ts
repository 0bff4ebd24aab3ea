import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { ancestors, enclosingLoop, isTestPath, namedArgs } from '../lib/syntax';

const JS = `(call_expression function: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
  arguments: (arguments . (_) @arg) (#eq? @pkg "JSON") (#any-of? @fn "stringify" "parse")) @match`;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The variable an argument reads: `cfg`, `cfg.Limits`, `self.template` gives `cfg`/`self`; undefined for anything computed. */
function rootOf(arg: Node): string | undefined {
  if (arg.type === 'unary_expression' && arg.text.startsWith('&')) return rootOf(arg.namedChildren[0] ?? arg);
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[("[^"]*"|'[^']*'|\d+)\])*$/.test(arg.text)) return undefined;
  return arg.text.split(/[.[]/)[0];
}

/** True when nothing in the loop changes `root`: not its loop variable, not assigned, not mutated in place. */
function invariantIn(loop: Node, root: string): boolean {
  if (/^(this|self|_)$/.test(root)) return false;
  const body = loop.childForFieldName('body') ?? loop;
  const header = loop.text.slice(0, Math.max(0, body.startIndex - loop.startIndex));
  const id = escape(root);
  const clauses = loop.namedChildren.filter((c) => c.type === 'for_in_clause').map((c) => c.childForFieldName('left')?.text ?? '').join(' ');
  if (new RegExp(`\\b${id}\\b`).test(`${header} ${clauses}`)) return false;
  // A callback's parameters are its per-element values.
  if (/function|lambda|arrow/.test(loop.type) && new RegExp(`\\b${id}\\b`).test(loop.childForFieldName('parameters')?.text ?? loop.childForFieldName('parameter')?.text ?? '')) return false;
  const assigned = new RegExp(
    `\\b${id}((\\.[\\w$]+)|\\[[^\\]]*\\])*\\s*(:=|\\+=|-=|=(?!=))|\\b(let|const|var)\\s+${id}\\b|\\b${id}\\.(push|append|add|put|set|update|pop|remove|delete|splice|insert|extend|clear|setdefault)\\(|\\bappend\\(\\s*${id}\\b|&${id}\\b`,
  );
  return !assigned.test(body.text);
}

/** Inside a throw, an error value or a log line: it runs once on the way out, or only for diagnostics. */
function reportsOnce(n: Node, loop: Node): boolean {
  for (const p of ancestors(n)) {
    if (p.id === loop.id) return false;
    if (p.type === 'throw_statement' || p.type === 'raise_statement') return true;
    const callee = (p.childForFieldName('function') ?? p.childForFieldName('constructor') ?? p.childForFieldName('name'))?.text ?? '';
    if (/^(call_expression|call|new_expression|method_invocation|object_creation_expression)$/.test(p.type) && /Error|Exception|errors\.New|panic|(^|\.)(log|console|logger|print|warn|debug|info|Printf|Println)\b/i.test(callee)) return true;
  }
  return false;
}

/** Serialising the same value on every iteration repeats identical work (and garbage) n times. */
export default defineRule({
  id: 'json-in-loop',
  pillar: 'performance',
  severity: 'info',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Same value (de)serialised to/from JSON on every loop iteration',
  local: true,
  triggers: ['json.', 'JSON.', 'writeValueAs', 'readValue', 'toJson', 'fromJson'],
  query: {
    go: `(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
          arguments: (argument_list . (_) @arg) (#eq? @pkg "json") (#any-of? @fn "Marshal" "MarshalIndent" "Unmarshal")) @match`,
    python: `(call function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
              arguments: (argument_list . (_) @arg) (#eq? @pkg "json") (#any-of? @fn "dumps" "loads")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `(method_invocation object: (_) @pkg name: (identifier) @fn arguments: (argument_list . (_) @arg)
            (#match? @pkg "([Mm]apper|[Gg]son|[Jj]son)$") (#any-of? @fn "writeValueAsString" "writeValueAsBytes" "readValue" "readTree" "toJson" "fromJson")) @match`,
  },
  filter: (m, ctx) => {
    if (isTestPath(ctx.relativePath)) return false;
    const loop = enclosingLoop(m.node);
    if (loop && reportsOnce(m.node, loop)) return false;
    const arg = m.get('arg');
    const root = arg && rootOf(arg);
    return !!loop && !!root && invariantIn(loop, root) && namedArgs(m.node.childForFieldName('arguments')).length > 0;
  },
  message: (m) =>
    `${m.text('pkg')}.${m.text('fn')}(${m.text('arg')}) runs on every iteration but ${m.text('arg')} does not change in this loop: the same JSON is produced or parsed n times; do it once before the loop and reuse the result`,
  description: `
A JSON encode or decode call (\`json.Marshal\`/\`Unmarshal\`, \`json.dumps\`/\`loads\`, \`JSON.stringify\`/\`parse\`,
Jackson \`writeValueAsString\`/\`readValue\`, Gson \`toJson\`/\`fromJson\`) inside a loop, a comprehension or a
per-element callback, applied to a variable that the loop never changes: not the loop variable, not assigned, not
mutated in place (\`push\`, \`append\`, \`x.y = ...\`, \`&x\` passed somewhere). Only plain variables and field chains
(\`cfg\`, \`cfg.limits\`) are considered; \`this\`/\`self\` are left alone because methods may change them. Calls
inside a \`throw\`, an error value or a log line, and test files (benchmarks repeat work on purpose), are not flagged.

**Why it matters in production.** JSON encoding walks the whole value, escapes every string and allocates the
output; decoding allocates a fresh object graph. Doing it for an identical input per item (a config blob, a request
template, a header payload sent to each recipient) multiplies CPU and garbage by the item count, which shows up as GC
pauses and latency on large batches.

**How to fix.** Serialise once, before the loop, and reuse the bytes; or parse once and reuse the object (copy it
with \`structuredClone\`/\`copy.deepcopy\` if each iteration must modify its own):

\`\`\`ts
const body = JSON.stringify(template);
for (const r of recipients) await send(r, body);
\`\`\`

**Links.** [Go encoding/json](https://pkg.go.dev/encoding/json), [MDN JSON.stringify](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/JSON/stringify),
[Python json](https://docs.python.org/3/library/json.html), [Jackson ObjectMapper](https://fasterxml.github.io/jackson-databind/javadoc/2.17/com/fasterxml/jackson/databind/ObjectMapper.html).
`,
});
