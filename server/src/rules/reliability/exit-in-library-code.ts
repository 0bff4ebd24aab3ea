import type { Node } from 'web-tree-sitter';
import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { ancestors, enclosingFunction, functionName, inEntryPoint, isTestPath } from '../lib/syntax';

/** Folders and names of entry points: command-line tools, scripts, build configuration. */
const ENTRY_PATH = /(^|[\\/])(bin|cmd|cli|scripts?|tools?|examples?|hack|benchmarks?)[\\/]|(^|[\\/])(cli|bin|main|__main__|setup|manage|conftest|noxfile|fabfile|gulpfile|Gruntfile)\.[a-z]+$|\.config\.[cm]?[jt]s$|(^|[\\/_-])(workers?|reloader|daemon|supervisor|(pre|post)?install)\.[a-z]+$/i;
/** Functions that are a program's entry point by name (console_scripts `cli()`, `run_main`). */
const ENTRY_NAME = /^(main|cli|_?main_\w*|\w+_main|\w+_cli|cli_\w+|run_cli)$/i;

/** Files that are programs rather than libraries, by what they contain. */
function isProgram(ctx: RuleContext): boolean {
  const t = ctx.text;
  switch (ctx.language) {
    case 'go':
      // Code generators (package gen, triegen, generator) run at build time as programs.
      return /^package\s+(main|\w*gen|generator)\b/m.test(t) || /"github\.com\/(spf13\/cobra|urfave\/cli|alecthomas\/kingpin)/.test(t);
    case 'python':
      return /__name__\s*==\s*["']__main__["']|^main\(\)/m.test(t) || /^\s*(import|from)\s+(argparse|click|typer|optparse|docopt|fire)\b/m.test(t);
    case 'java':
      return /\bstatic\s+void\s+main\s*\(/.test(t);
    default:
      return t.startsWith('#!') || /require\.main\s*===?\s*module|import\.meta\.main|process\.argv|\.listen\(|^(void\s+|await\s+)?main\(\)/m.test(t)
        || /(from\s+|require\(\s*)['"](commander|yargs|meow|cac|minimist|@oclif\/core|clipanion|sade)['"]/.test(t);
  }
}

/** Inside a `process.on('SIGTERM', ...)`-style handler, where exiting is the point. */
function inProcessHandler(node: Node): boolean {
  for (const p of ancestors(node)) {
    if (p.type !== 'call_expression') continue;
    if (/^process\.(on|once|addListener)$/.test(p.childForFieldName('function')?.text ?? '')) return true;
  }
  return false;
}

/** A function whose name or doc comment says it exits (grpclog.Fatal, cobra.CheckErr, "It calls os.Exit(1)"): exiting is its contract. */
function documentedExit(node: Node): boolean {
  const fn = enclosingFunction(node);
  if (!fn) return false;
  if (/fatal|exit|die|abort|^fail|checkerr|usage/i.test(functionName(fn)) || ENTRY_NAME.test(functionName(fn))) return true;
  // A forked child must leave with os._exit; an exit in a signal handler is the handler's job.
  if (/\bos\.fork\(\)|\bfork\(\)/.test(fn.text)) return true;
  if (fn.type === 'lambda' && /^signal\.signal\b/.test(fn.parent?.parent?.text ?? '')) return true;
  let doc = '';
  for (let c = fn.previousNamedSibling; c?.type === 'comment'; c = c.previousNamedSibling) doc = c.text + doc;
  if (/\b(exit|fatal)/i.test(doc)) return true;
  // `case ExitOnError:`: the caller chose exiting as the error mode.
  for (const p of ancestors(node)) {
    if (p.id === fn.id) break;
    if (/case/.test(p.type) && /^case\s+[^:]*exit/i.test(p.text)) return true;
  }
  return false;
}

const WHAT: Record<string, string> = {
  go: 'return an error and let package main decide',
  python: 'raise an exception and let the entry point decide',
  java: 'throw an exception and let main decide',
};

/** Library code that ends the whole process takes the decision away from the program that uses it. */
export default defineRule({
  id: 'exit-in-library-code',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['go', 'python', 'java', 'typescript', 'tsx', 'javascript'],
  title: 'Process exit in library code',
  triggers: ['Fatal', 'Exit', 'exit', 'quit', 'halt'],
  query: {
    go: `(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
          (#match? @pkg "^(log|os)$") (#match? @fn "^(Fatal|Fatalf|Fatalln|Exit)$")) @match`,
    // Predicates apply to a whole pattern, so each shape is its own pattern rather than an alternation.
    python: `(call function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
               (#match? @pkg "^(sys|os)$") (#match? @fn "^(exit|_exit)$")) @match
             (call function: (identifier) @fn (#any-of? @fn "exit" "quit")) @match`,
    java: `(method_invocation object: (identifier) @pkg name: (identifier) @fn (#eq? @pkg "System") (#eq? @fn "exit")) @match
           (method_invocation object: (method_invocation name: (identifier) @pkg) name: (identifier) @fn
             (#eq? @pkg "getRuntime") (#any-of? @fn "exit" "halt")) @match`,
    typescript: `(call_expression function: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
                  (#eq? @pkg "process") (#any-of? @fn "exit" "abort")) @match`,
    tsx: `(call_expression function: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
           (#eq? @pkg "process") (#any-of? @fn "exit" "abort")) @match`,
    javascript: `(call_expression function: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
                  (#eq? @pkg "process") (#any-of? @fn "exit" "abort")) @match`,
  },
  filter: (m: RuleMatch, ctx) => {
    if (m.text('pkg') === 'os' && m.text('fn') !== 'Exit' && m.text('fn') !== '_exit') return false;
    if (m.text('pkg') === 'log' && m.text('fn') === 'Exit') return false;
    if (isTestPath(ctx.relativePath) || ENTRY_PATH.test(ctx.relativePath) || isProgram(ctx)) return false;
    if (inEntryPoint(m.node, ctx.language) || documentedExit(m.node)) return false;
    return !/^(typescript|tsx|javascript)$/.test(ctx.language) || !inProcessHandler(m.node);
  },
  message: (m, ctx) => {
    const call = m.node.text.split('(')[0] ?? 'exit';
    const what = WHAT[ctx.language] ?? 'throw an error and let the program\'s entry point decide';
    return `${call} in library code ends the whole process: deferred cleanups, in-flight requests and buffered logs are dropped and the caller cannot recover or shut down gracefully; ${what}`;
  },
  description: `
Code that is not a program's entry point ends the process: Go \`log.Fatal*\`/\`os.Exit\` outside \`package main\`,
Python \`sys.exit\`/\`os._exit\`/\`exit()\` outside \`if __name__ == "__main__":\` and \`main()\`, Node \`process.exit\`
outside a CLI, Java \`System.exit\`/\`Runtime.halt\` outside \`main\`.

Not flagged: test files; \`main\` functions and \`__main__\` blocks; files that are programs (Go \`package main\`, a
code generator package such as \`gen\`/\`triegen\`/\`generator\`, or a cobra/urfave CLI, Python files with a \`__main__\` block or that import argparse/click/typer, Java classes with a
\`main\` method, JS files with a shebang, \`require.main === module\`, \`process.argv\`, a CLI parser or a
\`.listen(\` call, or a top-level \`main()\` call); files under \`bin/\`, \`cmd/\`, \`cli/\`, \`scripts/\`, \`tools/\`, \`examples/\`; JS exits inside
\`process.on('SIGTERM', ...)\` handlers; and functions whose name or doc comment says they exit (\`Fatal\`,
\`CheckErr\`, \`usage\`, "calls os.Exit", "will call log.Fatal") or that exit in a \`case ExitOnError:\` branch the
caller chose, since exiting is then the documented contract; functions named like entry
points (\`cli\`, \`run_main\`); exits in a function that forks (the child must \`os._exit\`) or in a
\`signal.signal\` handler; and process-lifecycle modules (\`worker\`, \`reloader\`, \`daemon\`, \`supervisor\`).

**Why it matters in production.** \`os.Exit\` and \`log.Fatal\` skip deferred functions; \`process.exit\` drops
pending writes and open requests; a library that exits turns one bad input into a crash of the whole service, with
no chance for the caller to retry, degrade or drain connections, and often with the reason lost with the buffered logs.

**How to fix.** Return (or throw) an error that says what failed, and let the entry point decide to exit:

\`\`\`go
func LoadConfig(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load config %s: %w", path, err)
	}
	...
}
\`\`\`

**Links.** [Go: log.Fatal](https://pkg.go.dev/log#Fatal) ("calls os.Exit(1)", so deferred calls do not run),
[Node.js: process.exit()](https://nodejs.org/api/process.html#processexitcode),
[unicorn/no-process-exit](https://github.com/sindresorhus/eslint-plugin-unicorn/blob/main/docs/rules/no-process-exit.md).
`,
});
