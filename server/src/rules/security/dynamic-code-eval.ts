import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { inProductionCode, isFileConstantString } from '../lib/security-context';
import { concatOperands, enclosingFunction, isConstantName, isLiteralString, namedArgs } from '../lib/syntax';

const JS = `
  (call_expression function: (identifier) @fn arguments: (arguments . (_) @report) (#eq? @fn "eval")) @match
  (new_expression constructor: (identifier) @fn arguments: (arguments) @args (#eq? @fn "Function")) @match
  (call_expression
    function: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
    arguments: (arguments . (_) @report)
    (#eq? @pkg "vm")
    (#any-of? @fn "runInNewContext" "runInThisContext" "runInContext" "compileFunction")) @match
  (new_expression
    constructor: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
    arguments: (arguments . (_) @report)
    (#eq? @pkg "vm") (#eq? @fn "Script")) @match`;

/** Engines whose `eval`/`evaluate`/`parseExpression` run code, by the type names a Java file must mention. */
const JAVA_ENGINES = /\b(ScriptEngine|GroovyShell|SpelExpressionParser|ExpressionParser|MVEL|Ognl|JexlEngine)\b/;

/** Reading request, process or message input. */
const INPUT_ACCESS = /\b(req|request|ctx|event|message|msg)\.(args|form|values|query|body|params|GET|POST|json|data|payload|getParameter)\b|\bgetParameter\(|\bsys\.argv\b|\bprocess\.argv\b|\binput\(/;
const ASSIGNMENTS = ['assignment', 'variable_declarator', 'assignment_expression', 'local_variable_declaration'];

/** The parts spliced into a string: `+` operands, template and f-string substitutions, the values of a `%` format. */
function splicedParts(n: Node): Node[] {
  if (n.type === 'template_string' || n.type === 'string' || n.type === 'concatenated_string') {
    return n.descendantsOfType(['template_substitution', 'interpolation']).flatMap((s) => s.namedChildren.slice(0, 1));
  }
  if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '%') return [n.childForFieldName('right')].filter((x): x is Node => !!x);
  return concatOperands(n);
}

/**
 * True when the code string can carry data from outside: a parameter of the function (or of one enclosing it),
 * request or message input, or a string spliced from those. Code a library generates from its own locals (a
 * template compiler, emscripten glue, \`compile(f.read(), ...)\`) is left alone.
 */
function fromOutside(n: Node, text: string, follow: boolean): boolean {
  if (isLiteralString(n) || isConstantName(n) || (n.type === 'identifier' && isFileConstantString(n.text, text))) return false;
  if (n.type === 'parenthesized_expression') return n.namedChildren.some((c) => fromOutside(c, text, follow));
  if (/^(binary_expression|binary_operator|template_string|string|concatenated_string)$/.test(n.type)) {
    const parts = splicedParts(n);
    return (parts.length > 1 || parts[0]?.id !== n.id) && parts.some((p) => fromOutside(p, text, follow));
  }
  if (n.type !== 'identifier') return INPUT_ACCESS.test(n.text);
  const fn = enclosingFunction(n);
  if (!fn) return false;
  // A parameter of this function or of an enclosing one (a callback inside a handler).
  const name = new RegExp(`(^|[^\\w$])${n.text.replace(/\$/g, '\\$')}([^\\w$]|$)`);
  for (let f: Node | undefined = fn; f; f = enclosingFunction(f)) {
    const params = f.childForFieldName('parameters') ?? f.childForFieldName('parameter');
    if (params && name.test(params.text)) return true;
  }
  if (!follow) return false;
  const values = fn.descendantsOfType(ASSIGNMENTS).flatMap((a) => {
    if (a.endIndex > n.startIndex) return [];
    const target = a.childForFieldName('left') ?? a.childForFieldName('name') ?? a.childForFieldName('declarator')?.childForFieldName('name');
    const value = a.childForFieldName('right') ?? a.childForFieldName('value') ?? a.childForFieldName('declarator')?.childForFieldName('value');
    return target?.text === n.text && value ? [value] : [];
  });
  return values.some((v) => fromOutside(v, text, false));
}

/** Code assembled at run time and executed: whoever controls the data controls the process. */
export default defineRule({
  id: 'dynamic-code-eval',
  pillar: 'security',
  severity: 'error',
  languages: ['python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Code evaluated from a dynamic string (eval, exec, new Function, ScriptEngine)',
  triggers: ['eval', 'exec(', 'Function(', 'vm.', 'evaluate', 'parseExpression'],
  query: {
    python: `
      (call function: (identifier) @fn arguments: (argument_list . (_) @report) (#any-of? @fn "eval" "exec")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation
        object: (_) @pkg
        name: (identifier) @fn
        arguments: (argument_list . (_) @report)
        (#any-of? @fn "eval" "evaluate" "parseExpression" "parse" "compileExpression")) @match`,
  },
  filter: (m, ctx) => {
    if (!inProductionCode(ctx)) return false;
    if (ctx.language === 'java') {
      if (!JAVA_ENGINES.test(ctx.text)) return false;
      // `parse` is too common a name: only GroovyShell's counts.
      if (m.text('fn') === 'parse' && !/\bGroovyShell\b/.test(ctx.text)) return false;
    }
    const args = m.get('args');
    const code = args ? namedArgs(args).slice(-1)[0] : m.get('report');
    return !!code && fromOutside(code, ctx.text, true);
  },
  message: (m) =>
    `${m.node.type === 'new_expression' ? `new ${m.node.childForFieldName('constructor')?.text ?? 'Function'}` : m.text('fn')} runs code built from a dynamic string: whoever controls that value runs code in this process; parse the data instead (JSON, a literal parser, an allow-listed lookup)`,
  description: `
A string that is not a constant is executed as code: JavaScript \`eval(x)\`, \`new Function(..., body)\`,
\`vm.runInNewContext\`/\`runInThisContext\`/\`runInContext\`/\`compileFunction\`, \`new vm.Script(x)\`; Python
\`eval(x)\`/\`exec(x)\`; Java \`ScriptEngine.eval\`, \`GroovyShell.evaluate\`/\`parse\`, SpEL/OGNL/MVEL/JEXL expression
parsing, when the string can carry outside data: a parameter of the function, request or message input, or a string
spliced from those (a local is followed to its assignments once). Constant code and code a library generates from its
own locals (template compilers, emscripten glue, \`exec(compile(f.read(), ...))\`) are not flagged. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** If any part of the string comes from a request, a message, a file or a database,
an attacker runs arbitrary code with the service's permissions: reads secrets and environment variables, opens
connections, or changes data. Node's \`vm\` module is not a security sandbox. Dynamic code also defeats static
analysis, bundlers and CSP.

**How to fix.** Do not evaluate data. Parse it (\`JSON.parse\`, \`ast.literal_eval\` for Python literals), look names
up in an allow-listed map of functions, or use a purpose-built, sandboxed expression language with no access to
the host (for SpEL, \`SimpleEvaluationContext\`).

\`\`\`python
value = ast.literal_eval(text)   # instead of eval(text)
\`\`\`
\`\`\`ts
const handler = HANDLERS[name]; // instead of eval(name + '()')
\`\`\`

**Links.** [OWASP Code Injection](https://owasp.org/www-community/attacks/Code_Injection),
[CWE-95](https://cwe.mitre.org/data/definitions/95.html), [Node.js vm is not a security mechanism](https://nodejs.org/api/vm.html#vm-executing-javascript).
`,
});
