import { didYouMean } from '../engine/suppressions';
import type { RuleLevel, Severity } from '../engine/types';
import { DEFAULT_SETTINGS } from '../protocol/settings';

/** Output formats of `check`. */
export type CheckFormat = 'text' | 'json' | 'sarif';
/** The lowest severity that makes `check` exit 1, or `none`. */
export type FailOn = Severity | 'none';

/** Everything `genai4dfx check` was asked to do. */
export interface CheckOptions {
  paths: string[];
  format: CheckFormat;
  output: string | undefined;
  failOn: FailOn;
  /** Rule id or pillar → level, in the order given (a rule id wins over its pillar whatever the order). */
  rules: Map<string, RuleLevel>;
  maxFileSizeKb: number;
  /** Extra exclude globs, on top of the defaults. */
  exclude: string[];
  quiet: boolean;
  /** Ignore `.dfx.yaml` policies (built-in defaults and --rule only). */
  noPolicy: boolean;
}

/** A parsed command line. */
export type Command =
  | { kind: 'help'; topic: 'main' | 'check' | 'rules' | 'policy' }
  | { kind: 'policy-validate'; files: string[]; format: 'text' | 'json' }
  | { kind: 'version' }
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'rules'; format: 'text' | 'json' };

/** A command line that cannot be run: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: genai4dfx <command> [options]

Flags DFX problems (performance, security, reliability, testability) in Go, TypeScript/TSX, JavaScript, Python,
Java and Kubernetes YAML.

Commands:
  check [paths...]     Analyse files and folders (default: .)
  rules                List the rule catalogue
  policy validate [f]  Check a .dfx.yaml policy (default: the one governing .)
  ai tests|retries|threats FILE:LINE
                       Generate tests, add retries or write threat notes (offline unless a key is set)
  chaos run NAME       Run a chaos experiment of the nearest .dfx.yaml (see 'genai4dfx runs --help')
  perf run NAME        Run a load scenario
  run NAME --under-load SCENARIO
                       Run an experiment under load, the SLOs as steady state
  runs list|show|abort|cleanup
                       Run history (.dfx/runs/), abort and clean up runs
  help [command]       Show help

Options:
  -h, --help           Show help
  -v, --version        Print the version

Run 'genai4dfx help check' for the options of check.`;

export const CHECK_USAGE = `Usage: genai4dfx check [paths...] [options]

Analyses the given files and folders (default: the current folder). In folders, .gitignore files, the default
excludes, vendored folders (vendor, node_modules, third_party, dist, build) and generated-code markers apply; a file
named on the command line is analysed even if it would be excluded.
Default excludes: ${DEFAULT_SETTINGS.exclude.join(' ')}

Options:
  -f, --format text|json|sarif   Output format (default: text)
  -o, --output FILE              Write the report to FILE instead of stdout
      --fail-on LEVEL            Exit 1 when a finding is at or above LEVEL: error, warning, info, hint or none
                                 (default: error)
      --rule ID=LEVEL            Set a rule's (or a whole pillar's) level: off, hint, info, warning or error;
                                 repeatable, e.g. --rule go-http-no-timeout=error --rule testability=off
      --exclude GLOB             Leave out paths matching GLOB (relative to each folder); repeatable
      --max-file-size-kb N       Skip files larger than N KiB (default: ${DEFAULT_SETTINGS.maxFileSizeKb})
      --no-policy                Ignore .dfx.yaml policies (the nearest one above each file governs it;
                                 --rule overrides it)
  -q, --quiet                    Print findings only: no skipped files, notes or summary
  -h, --help                     Show this help

Exit status: 0 no findings at or above --fail-on, 1 findings at or above it, 2 usage or internal error.`;

export const RULES_USAGE = `Usage: genai4dfx rules [--format text|json]

Lists every rule: id, pillar, default severity, languages and title.`;

export const POLICY_USAGE = `Usage: genai4dfx policy validate [files...] [--format text|json]

Parses and validates .dfx.yaml policies and prints every problem as path:line:col severity message (the same
diagnostics the editor shows). A folder stands for the policy that governs it (the nearest .dfx.yaml at or above it);
default: the current folder.

Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error or no policy found.`;

const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'hint', 'none'];

/** Parse the arguments after `genai4dfx`; throws UsageError with a message that says what is wrong. */
export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  switch (first) {
    case undefined:
      throw new UsageError(`no command given\n\n${USAGE}`);
    case '-h':
    case '--help':
      return { kind: 'help', topic: 'main' };
    case '-v':
    case '--version':
    case 'version':
      return { kind: 'version' };
    case 'help': {
      const topic = rest[0];
      if (topic === undefined) return { kind: 'help', topic: 'main' };
      if (topic === 'check' || topic === 'rules' || topic === 'policy') return { kind: 'help', topic };
      throw new UsageError(`no help for "${topic}"${didYouMean(topic, ['check', 'rules', 'policy'])}`);
    }
    case 'check':
      return parseCheck(rest);
    case 'rules':
      return parseRules(rest);
    case 'policy':
      return parsePolicy(rest);
    default:
      if (first.startsWith('-')) throw new UsageError(`unknown option ${first}${didYouMean(first, ['--help', '--version'])}`);
      throw new UsageError(`unknown command "${first}"${didYouMean(first, ['check', 'rules', 'policy', 'help'])}`);
  }
}

const CHECK_FLAGS = ['--format', '--output', '--fail-on', '--rule', '--exclude', '--max-file-size-kb', '--no-policy', '--quiet', '--help'];

function parseCheck(argv: readonly string[]): Command {
  const o: CheckOptions = {
    paths: [],
    format: 'text',
    output: undefined,
    failOn: 'error',
    rules: new Map(),
    maxFileSizeKb: DEFAULT_SETTINGS.maxFileSizeKb,
    exclude: [],
    quiet: false,
    noPolicy: false,
  };
  const it = options(argv, CHECK_FLAGS, { '-f': '--format', '-o': '--output', '-q': '--quiet', '-h': '--help' });
  for (const { flag, value, positional } of it) {
    if (positional !== undefined) {
      o.paths.push(positional);
      continue;
    }
    switch (flag) {
      case '--help':
        return { kind: 'help', topic: 'check' };
      case '--quiet':
        o.quiet = true;
        break;
      case '--no-policy':
        o.noPolicy = true;
        break;
      case '--format':
        o.format = oneOf(flag, value(), ['text', 'json', 'sarif']);
        break;
      case '--output':
        o.output = value();
        break;
      case '--fail-on':
        o.failOn = oneOf(flag, value(), FAIL_ON);
        break;
      case '--rule': {
        const v = value();
        const m = /^([\w-]+)=(\w+)$/.exec(v);
        if (!m?.[1] || !m[2]) throw new UsageError(`--rule wants ID=LEVEL (e.g. go-http-no-timeout=error), got "${v}"`);
        o.rules.set(m[1], oneOf(`--rule ${m[1]}`, m[2], LEVELS));
        break;
      }
      case '--exclude':
        o.exclude.push(value());
        break;
      case '--max-file-size-kb': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1) throw new UsageError(`--max-file-size-kb wants a positive whole number of KiB, got "${v}"`);
        o.maxFileSizeKb = n;
        break;
      }
    }
  }
  if (!o.paths.length) o.paths.push('.');
  return { kind: 'check', options: o };
}

function parseRules(argv: readonly string[]): Command {
  let format: 'text' | 'json' = 'text';
  for (const { flag, value, positional } of options(argv, ['--format', '--help'], { '-f': '--format', '-h': '--help' })) {
    if (positional !== undefined) throw new UsageError(`rules takes no arguments, got "${positional}"`);
    if (flag === '--help') return { kind: 'help', topic: 'rules' };
    if (flag === '--format') format = oneOf(flag, value(), ['text', 'json']);
  }
  return { kind: 'rules', format };
}

function parsePolicy(argv: readonly string[]): Command {
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help' || sub === undefined) {
    if (sub === undefined) throw new UsageError(`policy wants a subcommand: validate\n\n${POLICY_USAGE}`);
    return { kind: 'help', topic: 'policy' };
  }
  if (sub !== 'validate') throw new UsageError(`unknown policy subcommand "${sub}"${didYouMean(sub, ['validate'])}`);
  let format: 'text' | 'json' = 'text';
  const files: string[] = [];
  for (const { flag, value, positional } of options(rest, ['--format', '--help'], { '-f': '--format', '-h': '--help' })) {
    if (positional !== undefined) files.push(positional);
    else if (flag === '--help') return { kind: 'help', topic: 'policy' };
    else if (flag === '--format') format = oneOf(flag, value(), ['text', 'json']);
  }
  return { kind: 'policy-validate', files: files.length ? files : ['.'], format };
}

interface Arg {
  flag: string;
  /** The flag's value (`--flag v` or `--flag=v`); throws when it is missing. */
  value: () => string;
  positional: string | undefined;
}

/** Split argv into flags (long, short aliases, `--flag=value`) and positionals; `--` ends the flags. */
function* options(argv: readonly string[], known: readonly string[], aliases: Record<string, string>): Generator<Arg> {
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (onlyPositionals || a === '-' || !a.startsWith('-')) {
      yield { flag: '', value: () => '', positional: a };
      continue;
    }
    if (a === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 && a.startsWith('--') ? a.slice(0, eq) : a;
    const flag = aliases[name] ?? name;
    if (!known.includes(flag)) throw new UsageError(`unknown option ${name}${didYouMean(name, known)}`);
    const inline = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    yield { flag, value, positional: undefined };
  }
}

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${flag}: "${v}" is not one of ${allowed.join(', ')}${didYouMean(v, allowed)}`);
}
