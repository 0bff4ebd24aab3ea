// `genai4dfx ai <tests|retries|threats> FILE:LINE[:COL]`: the AI actions from the command line, with the key from
// GENAI4DFX_AI_API_KEY / OPENAI_API_KEY. Prints what would change, or writes it with --write. cli.ts hands it every
// `genai4dfx ai ...` (aiMain); everything here is independent of the check command's arguments.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../engine/analyzer';
import { languageForPath } from '../engine/languages';
import { LineIndex } from '../engine/span';
import { normalizeAiSettings } from '../protocol/settings';
import type { Policy } from '../policy/types';
import { apply, prepareAction, runAction } from './actions';
import { chooseProvider, cliEnvironment } from './select';
import { AiError, type AiAction } from './types';

export const AI_USAGE = `genai4dfx ai <tests|retries|threats> FILE:LINE[:COL] [options]

  Generate tests for the function at FILE:LINE, add retries to the call there, or write its threat notes.
  The result is checked (tree-sitter, and tsc/javac/python3 where installed) before anything is printed or written.

  --provider auto|openai|offline   who answers (default auto: OpenAI-compatible when a key is set, else offline)
  --base-url URL                   OpenAI-compatible base URL (Ollama: http://localhost:11434/v1)
  --model NAME                     model name (default gpt-4o-mini)
  --threats-file                   threat notes go to THREATS.md instead of a comment
  --write                          write the files instead of printing them
  --preview                        print the (redacted) prompt that would be sent, and exit

  The API key comes from GENAI4DFX_AI_API_KEY or OPENAI_API_KEY, never from a file.`;

/** `genai4dfx ai ...` (argv[0] is `ai`): usage, or the action under the policy governing the target file (its retry defaults and test frameworks). */
export async function aiMain(argv: readonly string[]): Promise<number> {
  if (argv.length < 3 || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${AI_USAGE}\n`);
    return argv.length < 3 ? 2 : 0;
  }
  const file = (argv[2] ?? '').replace(/:\d+(:\d+)?$/, '');
  const { loadPolicyFor } = await import('../policy/index');
  const policy = fs.existsSync(file) ? (await loadPolicyFor(path.resolve(file))).policy : undefined;
  return runAiCommand(argv.slice(1), await Engine.create(), (s) => process.stdout.write(s), () => policy);
}

/** Run the `ai` command; returns the exit code (0 done, 1 the action failed, 2 usage). */
export async function runAiCommand(argv: readonly string[], engine: Engine, out: (s: string) => void, policyFor: (file: string) => Policy | undefined = () => undefined, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = [...argv];
  const action = args.shift() as AiAction | undefined;
  const target = args.shift();
  const raw: Record<string, unknown> = {};
  let write = false;
  let preview = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new AiError(`${a} needs a value`);
      return v;
    };
    if (a === '--provider') raw.provider = value();
    else if (a === '--base-url') raw.baseUrl = value();
    else if (a === '--model') raw.model = value();
    else if (a === '--threats-file') raw.threatNotes = 'file';
    else if (a === '--write') write = true;
    else if (a === '--preview') preview = true;
    else {
      out(`unknown option ${a}\n\n${AI_USAGE}\n`);
      return 2;
    }
  }
  const m = target && /^(.*?):(\d+)(?::(\d+))?$/.exec(target);
  if (!action || !['tests', 'retries', 'threats'].includes(action) || !m) {
    out(`${AI_USAGE}\n`);
    return 2;
  }
  const file = path.resolve(m[1] ?? '');
  const language = languageForPath(file);
  if (!language || language === 'yaml') {
    out(`${file}: not a Go, TypeScript, JavaScript, Python or Java file\n`);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    out(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const lines = new LineIndex(text);
  const line = Number(m[2]) - 1;
  const col = m[3] ? Number(m[3]) - 1 : /^\s*/.exec(lines.lineText(line))?.[0].length ?? 0;
  const settings = normalizeAiSettings(raw);
  const tree = engine.parse(language, text);
  try {
    const prepared = prepareAction({
      action, path: file, language, text, tree, offset: lines.offsetAt({ line, character: col }),
      findings: engine.analyzeText(file, language, text).findings, policy: policyFor(file), pool: engine.pool,
      threatTarget: settings.threatNotes, root: process.cwd(),
    });
    if (typeof prepared === 'string') {
      out(`${file}:${line + 1}: ${prepared}\n`);
      return 1;
    }
    const provider = chooseProvider(settings, cliEnvironment(env));
    if (preview) {
      out(`provider: ${provider.id}\nredacted: ${prepared.redaction.redactions.map((r) => `${r.kind} (line ${r.line})`).join(', ') || 'nothing'}\n\n${prepared.request.messages.map((x) => `--- ${x.role}\n${x.content}`).join('\n\n')}\n`);
      return 0;
    }
    const result = await runAction(prepared, provider, AbortSignal.timeout(settings.timeoutMs * (settings.maxRetries + 2)));
    for (const e of result.edits) {
      const before = e.create ? '' : fs.readFileSync(e.path, 'utf8');
      const after = apply(before, e.changes);
      if (write) {
        fs.mkdirSync(path.dirname(e.path), { recursive: true });
        fs.writeFileSync(e.path, after);
        out(`wrote ${path.relative(process.cwd(), e.path) || e.path}\n`);
      } else {
        out(`=== ${path.relative(process.cwd(), e.path) || e.path}${e.create ? ' (new)' : ''}\n${after}${after.endsWith('\n') ? '' : '\n'}`);
      }
    }
    out(`${result.summary}\n`);
    return 0;
  } catch (e) {
    out(`${e instanceof AiError ? e.message : `AI action failed: ${(e as Error).message}`}\n`);
    return 1;
  } finally {
    tree.delete();
  }
}
