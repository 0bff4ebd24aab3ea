// The `genai4dfx` command: the language server's engine, without LSP. Wiring only: parsing arguments, checking and
// formatting live in cli/.
import { setLocale } from './l10n';
import * as fs from 'node:fs';
import { CHECK_USAGE, parseArgs, POLICY_USAGE, RULES_USAGE, USAGE, UsageError, type CheckOptions, type Command } from './cli/args';
import { failsOn, runCheck } from './cli/check';
import { formatPolicyText, policyFiles, validatePolicies } from './cli/policy-validate';
import { formatJson, formatRulesJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { formatRulesText, formatText, summaryLine } from './cli/format-text';
import { isRunsCommand } from './cli/runs-args';
import { TOOL } from './cli/tool';
import { Engine } from './engine/analyzer';

async function main(argv: readonly string[]): Promise<number> {
  // GENAI4DFX_LANG=zh-cn prints messages in Chinese; the default is English whatever LANG says, so CI logs stay stable.
  const locale = setLocale(process.env.GENAI4DFX_LANG);
  if (locale.error) process.stderr.write(`genai4dfx: ${locale.error}\n`);
  // Loaded on demand, from bundles of their own (scripts/build.mjs): the run engine (Kubernetes client, load generator)
  // and the AI actions (OpenAI client) are nine tenths of the CLI's code, and parsing them cost every `check` 75 ms.
  if (isRunsCommand(argv)) return (await import('./cli/runs')).runsMain(argv);
  if (argv[0] === 'ai') return (await import('./ai/cli-ai')).aiMain(argv);
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    return fail(e);
  }
  try {
    switch (command.kind) {
      case 'help':
        process.stdout.write(`${{ main: USAGE, check: CHECK_USAGE, rules: RULES_USAGE, policy: POLICY_USAGE }[command.topic]}\n`);
        return 0;
      case 'version':
        process.stdout.write(`${TOOL.name} ${TOOL.version}\n`);
        return 0;
      case 'rules': {
        const rules = (await Engine.create()).registry.metas();
        process.stdout.write(command.format === 'json' ? formatRulesJson(rules) : formatRulesText(rules));
        return 0;
      }
      case 'check':
        return await check(command.options);
      case 'policy-validate': {
        const files = policyFiles(command.files, process.cwd());
        const reports = validatePolicies(await Engine.create(), files, process.cwd());
        process.stdout.write(command.format === 'json' ? `${JSON.stringify({ version: 1, policies: reports }, null, 2)}\n` : formatPolicyText(reports));
        return reports.every((r) => r.valid) ? 0 : 1;
      }
    }
  } catch (e) {
    return fail(e);
  }
}

async function check(o: CheckOptions): Promise<number> {
  // Open the output first, so an unwritable path fails before a long scan rather than after it.
  let out: number | undefined;
  if (o.output !== undefined) {
    try {
      out = fs.openSync(o.output, 'w');
    } catch (e) {
      throw new UsageError(`cannot write --output ${o.output}: ${(e as Error).message}`);
    }
  }
  try {
    const t0 = performance.now();
    const engine = await Engine.create();
    const report = runCheck(engine, o, process.cwd(), performance.now() - t0);
    const text = o.format === 'json' ? formatJson(report) : o.format === 'sarif' ? formatSarif(report) : formatText(report, { quiet: o.quiet });
    if (out === undefined) process.stdout.write(text);
    else fs.writeSync(out, text);
    if (!o.quiet && (o.format !== 'text' || out !== undefined)) process.stderr.write(`${summaryLine(report)}\n`);
    return failsOn(report, o.failOn) ? 1 : 0;
  } finally {
    if (out !== undefined) fs.closeSync(out);
  }
}

/** Report an error on stderr: usage errors with a pointer to --help, anything else as an internal error (stack with GENAI4DFX_DEBUG=1). */
function fail(e: unknown): number {
  if (e instanceof UsageError) {
    process.stderr.write(`genai4dfx: ${e.message}\nRun 'genai4dfx --help' for usage.\n`);
  } else {
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(`genai4dfx: internal error: ${err.message}\n`);
    if (process.env.GENAI4DFX_DEBUG) process.stderr.write(`${err.stack ?? ''}\n`);
  }
  return 2;
}

// A closed pipe (`genai4dfx check | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = fail(e);
  },
);
