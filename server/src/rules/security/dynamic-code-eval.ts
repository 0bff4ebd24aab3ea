import { defineRule } from '../../engine/define-rule';
import { stringShape } from '../lib/dynamic-string';
import { isFileConstantString } from '../lib/security-context';
import { namedArgs } from '../lib/syntax';

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
    if (ctx.language === 'java') {
      if (!JAVA_ENGINES.test(ctx.text)) return false;
      // `parse` is too common a name: only GroovyShell's counts.
      if (m.text('fn') === 'parse' && !/\bGroovyShell\b/.test(ctx.text)) return false;
    }
    const args = m.get('args');
    const code = args ? namedArgs(args).slice(-1)[0] : m.get('report');
    if (!code) return false;
    if (code.type === 'identifier' && isFileConstantString(code.text, ctx.text)) return false;
    // Python: exec(compile(...)) of a literal, and eval of a literal, are fixed code.
    return stringShape(code).dynamic;
  },
  message: (m) =>
    `${m.node.type === 'new_expression' ? `new ${m.node.childForFieldName('constructor')?.text ?? 'Function'}` : m.text('fn')} runs code built from a dynamic string: whoever controls that value runs code in this process; parse the data instead (JSON, a literal parser, an allow-listed lookup)`,
  description: `
A string that is not a constant is executed as code: JavaScript \`eval(x)\`, \`new Function(..., body)\`,
\`vm.runInNewContext\`/\`runInThisContext\`/\`runInContext\`/\`compileFunction\`, \`new vm.Script(x)\`; Python
\`eval(x)\`/\`exec(x)\`; Java \`ScriptEngine.eval\`, \`GroovyShell.evaluate\`/\`parse\`, SpEL/OGNL/MVEL/JEXL expression
parsing. Constant code (a literal, a local assigned only literals, a file-level constant) is not flagged.

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
