// Arguments of the run commands: `chaos run NAME`, `perf run NAME`, `run NAME --under-load SCENARIO`,
// `runs list|show|abort|cleanup`.
import { UsageError } from './args';

export const RUNS_USAGE = `Usage:
  genai4dfx chaos run NAME [options]                  Run the chaos experiment NAME of the nearest .dfx.yaml
  genai4dfx chaos suggest [paths...] [--json]         Experiments that would prove the weak spots the findings and
                                                      manifests show, as snippets for chaos.experiments; refined by
                                                      an AI provider when one is configured (--provider)
  genai4dfx perf run NAME [options]                   Run the load scenario NAME
  genai4dfx run NAME --under-load SCENARIO [options]  Run experiment NAME while SCENARIO loads the service;
                                                      the SLOs are the steady state (a breach stops the fault early)
  genai4dfx runs list [--json]                        History of runs (.dfx/runs/), orphaned ones marked
  genai4dfx runs show ID [--json]                     One run: timeline, targets, SLO verdicts, what was created/deleted
  genai4dfx runs abort ID                             Delete what run ID created and verify it is gone
  genai4dfx runs cleanup [ID]                         Clean up orphaned runs (a crash, a closed editor), or one

Options:
      --context NAME      kubeconfig context (default: its current-context; never written back)
      --namespace NS      target namespace (default: the experiment's)
      --policy FILE       policy file (default: the nearest .dfx.yaml from the current folder)
      --kubeconfig FILES  kubeconfig file(s), separated like KUBECONFIG (default: KUBECONFIG or ~/.kube/config)
      --dry-run           print the preflight and the objects; create nothing
  -y, --yes               confirm the run without asking
      --confirm TOKEN     typed confirmation for a production context (its name)
      --json              print the result (or preflight) as JSON
      --provider P        suggest: auto|openai|offline (default auto: OpenAI-compatible when GENAI4DFX_AI_API_KEY
                          or OPENAI_API_KEY is set, else offline)
      --base-url URL      suggest: OpenAI-compatible base URL (Ollama: http://localhost:11434/v1)
      --model NAME        suggest: model name
  -h, --help              show this help

Exit status: 0 the SLOs held (or a dry run passed preflight), 1 they did not, 2 refused or error.`;

export interface RunsCliOptions {
  context: string | undefined;
  namespace: string | undefined;
  policy: string | undefined;
  kubeconfig: string | undefined;
  dryRun: boolean;
  yes: boolean;
  confirm: string | undefined;
  json: boolean;
  /** `chaos suggest`: AI settings as given (provider, baseUrl, model), normalized by normalizeAiSettings. */
  ai: Record<string, string>;
}

export type RunsCommand =
  | { kind: 'help' }
  | { kind: 'chaos'; name: string; o: RunsCliOptions }
  | { kind: 'perf'; name: string; o: RunsCliOptions }
  | { kind: 'under-load'; name: string; scenario: string; o: RunsCliOptions }
  | { kind: 'suggest'; paths: string[]; o: RunsCliOptions }
  | { kind: 'list'; o: RunsCliOptions }
  | { kind: 'show'; id: string; o: RunsCliOptions }
  | { kind: 'abort'; id: string; o: RunsCliOptions }
  | { kind: 'cleanup'; id: string | undefined; o: RunsCliOptions };

/** Whether argv is a run command (the CLI dispatches on the first word). */
export function isRunsCommand(argv: readonly string[]): boolean {
  return argv[0] === 'chaos' || argv[0] === 'perf' || argv[0] === 'run' || argv[0] === 'runs';
}

/** Parse a run command; throws UsageError. */
export function parseRunsArgs(argv: readonly string[]): RunsCommand {
  const o: RunsCliOptions = { context: undefined, namespace: undefined, policy: undefined, kubeconfig: undefined, dryRun: false, yes: false, confirm: undefined, json: false, ai: {} };
  const pos: string[] = [];
  let underLoad: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('-') || a === '-') {
      pos.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '--context':
        o.context = value();
        break;
      case '--namespace':
      case '-n':
        o.namespace = value();
        break;
      case '--policy':
        o.policy = value();
        break;
      case '--kubeconfig':
        o.kubeconfig = value();
        break;
      case '--dry-run':
        o.dryRun = true;
        break;
      case '-y':
      case '--yes':
        o.yes = true;
        break;
      case '--confirm':
        o.confirm = value();
        break;
      case '--json':
        o.json = true;
        break;
      case '--provider':
        o.ai.provider = value();
        break;
      case '--base-url':
        o.ai.baseUrl = value();
        break;
      case '--model':
        o.ai.model = value();
        break;
      case '--under-load':
        underLoad = value();
        break;
      default:
        throw new UsageError(`unknown option ${flag}\n\n${RUNS_USAGE}`);
    }
  }
  const [cmd, sub, arg, extra] = pos;
  if (cmd === 'chaos' && sub === 'suggest') return { kind: 'suggest', paths: pos.slice(2), o };
  const one = (what: string): string => {
    if (!arg) throw new UsageError(`${cmd} ${sub ?? ''} needs ${what}\n\n${RUNS_USAGE}`);
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    return arg;
  };
  if ((cmd === 'chaos' || cmd === 'perf') && sub === 'run') {
    if (underLoad !== undefined && cmd === 'perf') throw new UsageError('--under-load goes with `run NAME` or `chaos run NAME`');
    const name = one(cmd === 'chaos' ? 'an experiment name' : 'a scenario name');
    if (underLoad !== undefined) return { kind: 'under-load', name, scenario: underLoad, o };
    return { kind: cmd, name, o };
  }
  if (cmd === 'run') {
    const name = sub;
    if (!name) throw new UsageError(`run needs an experiment name\n\n${RUNS_USAGE}`);
    if (underLoad === undefined) throw new UsageError('run NAME needs --under-load SCENARIO (or use `chaos run NAME` / `perf run NAME`)');
    if (arg !== undefined) throw new UsageError(`unexpected argument "${arg}"`);
    return { kind: 'under-load', name, scenario: underLoad, o };
  }
  if (cmd === 'runs') {
    switch (sub) {
      case 'list':
        return { kind: 'list', o };
      case 'show':
        return { kind: 'show', id: one('a run id'), o };
      case 'abort':
        return { kind: 'abort', id: one('a run id'), o };
      case 'cleanup':
        return { kind: 'cleanup', id: arg, o };
      default:
        throw new UsageError(`runs ${sub ?? ''}: expected list, show, abort or cleanup\n\n${RUNS_USAGE}`);
    }
  }
  throw new UsageError(`${cmd ?? ''} ${sub ?? ''}: expected "${cmd ?? ''} run NAME"\n\n${RUNS_USAGE}`);
}
