// The three AI actions, independent of LSP: prepare a request (prompt + offline generator), run it on a provider,
// validate the answer (tree-sitter, then a compiler where there is one), retry a model once with the errors, and return
// the file edits. Nothing is written here: the caller turns the edits into one WorkspaceEdit.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tree } from 'web-tree-sitter';
import type { LanguageId } from '../engine/languages';
import type { ParserPool } from '../engine/parser-pool';
import type { Finding, TextChange } from '../engine/types';
import { t } from '../l10n';
import type { Policy } from '../policy/types';
import { callAt, describeFunction, functionAt, type FunctionInfo } from './extract';
import { cannotTest, casesFor, planTests } from './gen-tests';
import { planRetries, retrySpec } from './gen-retries';
import { threatComment, threatMarkdown, threatModel } from './gen-threats';
import { mergeInto } from './merge';
import { detectFramework, findUp, retryLibrary } from './project';
import { receiverHint, receiverOf } from './receiver';
import { testLayout } from './layout';
import { buildMessages, codeOf, repairMessage } from './prompts';
import { envFileValues, redact, type Redacted } from './redact';
import { AiError, type AiAction, type AiProvider, type AiRequest, type ProviderId } from './types';
import { compile, syntaxProblems, type CompanionFile } from './validate';

/** Where an action runs: the document, the cursor and what the server knows about it. */
export interface ActionInput {
  action: AiAction;
  /** File system path of the document. */
  path: string;
  language: LanguageId;
  text: string;
  tree: Tree;
  /** Cursor offset. */
  offset: number;
  findings: readonly Finding[];
  policy: Policy | undefined;
  pool: ParserPool;
  /** Threat notes as a comment above the function, or a section of THREATS.md at the project root. */
  threatTarget: 'comment' | 'file';
  /** Project root (workspace folder) for THREATS.md and .env lookup; default: the document's folder. */
  root?: string;
  /** Compile generated code where a compiler exists (tests turn it off for speed in some cases). */
  compile?: boolean;
}

/** One file an action changes: changes against its current text, or a new file. */
export interface FileEdit {
  path: string;
  /** True when the file does not exist yet: `changes` is one insert at 0 of the whole content. */
  create: boolean;
  changes: TextChange[];
}

/** What an action produced. */
export interface ActionResult {
  edits: FileEdit[];
  /** One line for the user: what was done and how it was checked. */
  summary: string;
  provider: ProviderId;
  model?: string;
}

/** How each retry library is used idiomatically, for the model (the offline generator writes the same shapes). */
const LIBRARY_IDIOM: Record<string, string> = {
  cockatiel: "wrap(retry(handleWhen(isTransient), { maxAttempts: <retries, not attempts>, backoff: new ExponentialBackoff({ initialDelay, maxDelay }) }), timeout(ms, TimeoutStrategy.Aggressive)).execute(() => call), imported from 'cockatiel'",
  'p-retry': 'pRetry(() => call, { retries, factor, minTimeout, maxTimeout, randomize: true })',
  tenacity: 'tenacity.Retrying(stop=stop_after_attempt(n), wait=wait_random_exponential(multiplier, max), retry=retry_if_exception(...))',
  resilience4j: 'Retry.of(name, RetryConfig.custom().maxAttempts(n).intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initialMs, multiplier, 0.5, maxMs)).retryExceptions(IOException.class, TimeoutException.class).build()) and retry.executeCallable(...), keeping the method\'s throws clause',
  'backoff/v4': 'backoff.Retry(op, backoff.WithMaxRetries(b, retries)) (or backoff.RetryWithData) with b := backoff.NewExponentialBackOff() set from the policy, backoff.Permanent for errors not worth retrying, import "github.com/cenkalti/backoff/v4"',
};

/** A prepared action: the request (for the provider, and for "Preview prompt") and how to turn an answer into edits. */
export interface PreparedAction {
  request: AiRequest;
  redaction: Redacted;
  title: string;
  /** Turn an answer's text into edits and validate them; problems mean "do not offer". */
  accept: (answer: string, fromModel: boolean) => Promise<{ edits: FileEdit[]; problems: string[]; checked: string }>;
}

function read(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** Apply changes in order (inserts at one offset keep their order, as LSP applies them). */
export function apply(text: string, changes: readonly TextChange[]): string {
  let out = text;
  const order = changes.map((c, i) => ({ c, i })).sort((a, b) => b.c.start - a.c.start || b.i - a.i);
  for (const { c } of order) out = out.slice(0, c.start) + c.newText + out.slice(c.end);
  return out;
}

/** The values of the project's .env files, to redact wherever they appear. */
function envSecrets(file: string, root: string | undefined): string[] {
  const dirs = new Set([path.dirname(file), ...(root ? [root] : [])]);
  const env = findUp(file, ['.env']);
  if (env) dirs.add(path.dirname(env));
  const out: string[] = [];
  for (const d of dirs) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(d).filter((n) => /^\.env(\..+)?$/.test(n));
    } catch {
      continue;
    }
    for (const n of names) out.push(...envFileValues(read(path.join(d, n)) ?? ''));
  }
  return out;
}

/** Find the function (or call) under the cursor and prepare the action; a string is why it is not possible here. */
export function prepareAction(input: ActionInput): PreparedAction | string {
  const node = input.tree.rootNode.descendantForIndex(input.offset);
  const fnNode = node && functionAt(node);
  if (!fnNode) return 'put the cursor inside a function';
  const f = describeFunction(fnNode, input.language);
  // Offsets now: the tree may be replaced while a model answers.
  const fnStart = fnNode.startIndex;
  const fnEnd = fnNode.endIndex;
  const rel = input.root ? path.relative(input.root, input.path) : path.basename(input.path);
  const secrets = envSecrets(input.path, input.root);
  const whole = input.text.split('\n').length <= 400;
  const source = whole ? input.text : fnNode.text;
  const redaction = redact(source, secrets);
  const base = { language: input.language, file: rel, code: redaction.text };
  if (input.action === 'tests') return prepareTests(input, f, base, redaction);
  if (input.action === 'retries') {
    const call = node && callAt(node);
    if (!call) return 'put the cursor on an outbound call';
    const spec = retrySpec(input.policy);
    const library = retryLibrary(input.path, input.language);
    const extra = `Retry policy: ${spec.maxAttempts} attempts, ${spec.initialDelayMs} ms initial delay doubling (x${spec.multiplier}) up to ${spec.maxDelayMs} ms, full jitter, ${spec.perAttemptTimeoutMs} ms per attempt.${library ? ` The project depends on ${library}: use it${LIBRARY_IDIOM[library] ? ` (${LIBRARY_IDIOM[library]})` : ''}.` : ' The project has no retry library: inline a small helper.'}\nThe call to wrap: ${call.text.split('\n')[0]} (line ${call.startPosition.row + 1}) in function ${f.name}.`;
    const request: AiRequest = {
      action: 'retries',
      language: input.language,
      messages: buildMessages('retries', { ...base, code: redact(fnNode.text, secrets).text, target: `function ${f.name}`, extra }),
      offline: () => {
        const plan = planRetries(call, input.language, input.text, spec, library);
        if (typeof plan === 'string') throw new AiError(plan);
        return JSON.stringify(plan);
      },
    };
    return {
      request,
      redaction,
      title: t('Add retries to {0}', call.text.split('(')[0] ?? ''),
      accept: async (answer, fromModel) => {
        const changes: TextChange[] = fromModel ? [{ start: fnStart, end: fnEnd, newText: codeOf(answer).replace(/\n$/, '') }] : (JSON.parse(answer) as TextChange[]);
        const after = apply(input.text, changes);
        return { edits: [{ path: input.path, create: false, changes }], ...(await check(input, path.basename(input.path), after, [])) };
      },
    };
  }
  // threats
  const model = threatModel(f, input.language, input.findings);
  const indent = /^[ \t]*/.exec(input.text.slice(input.text.lastIndexOf('\n', fnNode.startIndex - 1) + 1))?.[0] ?? '';
  const anchor = commentAnchor(fnNode);
  const request: AiRequest = {
    action: 'threats',
    language: input.language,
    messages: buildMessages('threats', { ...base, target: `function ${f.name} (lines ${fnNode.startPosition.row + 1}-${fnNode.endPosition.row + 1})`, extra: `Findings of genai4dfx rules in it: ${input.findings.filter((x) => !x.meta && x.span.startPos.line >= fnNode.startPosition.row && x.span.startPos.line <= fnNode.endPosition.row).map((x) => `${x.ruleId} at line ${x.span.startPos.line + 1}`).join('; ') || 'none'}.` }),
    offline: () => (input.threatTarget === 'file' ? threatMarkdown(model, rel) : threatComment(model, input.language, indent)),
  };
  return {
    request,
    redaction,
    title: t('Write threat notes for {0}', f.name || t('this function')),
    accept: async (answer, fromModel) => {
      let notes = fromModel ? codeOf(answer) : answer;
      if (input.threatTarget === 'file') {
        const file = path.join(input.root ?? path.dirname(input.path), 'THREATS.md');
        const existing = read(file);
        if (fromModel) notes = `## ${f.name} (${rel})\n\n${notes.split('\n').map((l) => l.replace(/^\s*(\/\/|#)\s?/, '')).join('\n')}`;
        const text = existing === undefined ? `# Threat notes\n\n${notes}` : `${existing.endsWith('\n') ? '' : '\n'}\n${notes}`;
        return { edits: [{ path: file, create: existing === undefined, changes: [{ start: existing?.length ?? 0, end: existing?.length ?? 0, newText: text }] }], problems: [], checked: 'Markdown' };
      }
      const c = input.language === 'python' ? '#' : '//';
      const lines = notes.replace(/\n$/, '').split('\n').map((l) => (l.trim().startsWith(c) ? `${indent}${l.trim()}` : `${indent}${c} ${l.trim()}`));
      const change: TextChange = { start: anchor, end: anchor, newText: `${lines.join('\n')}\n${indent}` };
      const after = apply(input.text, [change]);
      const problems = syntaxProblems(input.pool, input.language, after);
      return { edits: [{ path: input.path, create: false, changes: [change] }], problems, checked: 'parsed' };
    },
  };
}

/** Where a comment above a function goes: before its decorators/annotations/export keyword. */
function commentAnchor(fn: import('web-tree-sitter').Node): number {
  let n = fn;
  while (n.parent && /^(export_statement|decorated_definition)$/.test(n.parent.type)) n = n.parent;
  const mods = n.children.find((c) => c?.type === 'modifiers');
  return mods && mods.startIndex < n.startIndex + 1 ? mods.startIndex : n.startIndex;
}

function prepareTests(input: ActionInput, f: FunctionInfo, base: { language: string; file: string; code: string }, redaction: Redacted): PreparedAction | string {
  const receiver = receiverOf(f, input.language, input.path);
  const why = cannotTest(f, input.language, receiver);
  const layout = testLayout(input.path, input.language, input.root);
  const testPath = layout.testPath;
  const framework = detectFramework(input.path, input.language, input.policy?.testability?.frameworks?.[input.language === 'tsx' ? 'typescript' : (input.language as 'go')]);
  const existing = read(testPath);
  const relTest = path.relative(path.dirname(input.path), testPath);
  const hint = typeof receiver === 'string' ? '' : receiverHint(receiver, f);
  const importLine = layout.pyModule ? ` It imports the code under test as \`from ${layout.pyModule} import ...\`.` : '';
  // A long file is sent as the function alone: a method then also needs its class's constructor to build an instance.
  const ctorContext = input.text.split('\n').length > 400 && typeof receiver !== 'string' && receiver.kind === 'instance' && receiver.ctor.signature ? `\nConstructor of ${receiver.className}: ${redact(receiver.ctor.signature).text}` : '';
  const extra = `Framework: ${framework}. Test file: ${relTest}${importLine}${hint ? `\n${hint}` : ''}${ctorContext}${existing === undefined ? ' (new)' : ' (exists; keep everything in it and add to it):\n```\n' + redact(existing).text + '\n```'}`;
  const owner = f.className && f.name !== '__init__' && f.name !== 'constructor' ? `${f.className}.` : '';
  const request: AiRequest = {
    action: 'tests',
    language: input.language,
    messages: buildMessages('tests', { ...base, target: `${f.className ? 'method' : 'function'} ${owner}${f.name}`, extra }),
    offline: () => {
      if (why || typeof receiver === 'string') throw new AiError(why ?? String(receiver));
      // Guards over state the generator cannot see (fields, other calls) leave no case it can be sure of: say so
      // rather than write an empty suite.
      const { cases, unbuilt } = casesFor(f, receiver);
      if (!cases.length) {
        throw new AiError(unbuilt.length
          ? t('no test case of {0} is certain offline: it needs values for {1} that the generator cannot build; use the AI variant', `${owner}${f.name}`, unbuilt.join(', '))
          : t('no test case of {0} is certain offline: its checks depend on state the generator cannot model; use the AI variant', `${owner}${f.name}`));
      }
      const plan = planTests(f, { language: input.language, framework, sourcePath: input.path, sourceText: input.text, existing: existing ?? '', testPath, receiver, ...(layout.pyModule ? { pyModule: layout.pyModule } : {}) });
      if (existing === undefined) return JSON.stringify([{ start: 0, end: 0, newText: plan.newFile(plan.imports, plan.code) }]);
      return JSON.stringify(mergeInto(existing, plan.imports, plan.code, input.language).changes);
    },
  };
  return {
    request,
    redaction,
    title: t('Generate tests for {0} ({1})', f.name, framework),
    accept: async (answer, fromModel) => {
      const changes: TextChange[] = fromModel
        ? [{ start: 0, end: existing?.length ?? 0, newText: codeOf(answer) }]
        : (JSON.parse(answer) as TextChange[]);
      const after = apply(existing ?? '', changes);
      // A model rewrites the whole file: it must keep every test that was there.
      const dropped = fromModel && existing !== undefined ? testNames(existing).filter((n) => !after.includes(n)) : [];
      if (dropped.length) return { edits: [], problems: [`the answer removed existing tests: ${dropped.slice(0, 5).join(', ')}; keep the whole file and only add`], checked: 'parsed' };
      // The tests import the source: compile them together, in the same relative layout.
      const common = commonDir(testPath, input.path);
      const testRel = path.relative(common, testPath);
      const companions: CompanionFile[] = [{ relPath: path.relative(common, input.path), text: input.text }];
      return { edits: [{ path: testPath, create: existing === undefined, changes }], ...(await check(input, testRel, after, companions)) };
    },
  };
}

/** Names of the tests in a test file (Go/Python/Java functions, JS/TS it/test titles), to check none is lost. */
function testNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\bfunc (Test\w+)|\bdef (test_\w+)|@Test[\s\S]{0,200}?\bvoid (\w+)\s*\(|\b(?:it|test)\(\s*(['"`])(.*?)\4/g)) {
    const n = m[1] ?? m[2] ?? m[3] ?? m[5];
    if (n) out.add(n);
  }
  return [...out];
}

function commonDir(a: string, b: string): string {
  let d = path.dirname(a);
  while (!`${b}`.startsWith(d.endsWith(path.sep) ? d : d + path.sep) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

async function check(input: ActionInput, rel: string, text: string, companions: CompanionFile[]): Promise<{ problems: string[]; checked: string }> {
  const problems = syntaxProblems(input.pool, input.language, text);
  if (problems.length || input.compile === false) return { problems, checked: 'parsed' };
  return compile(input.language, rel, text, companions, path.dirname(input.path));
}

/** Run a prepared action on a provider: validate, give a model one more try with the errors, never return broken code. */
export async function runAction(prepared: PreparedAction, provider: AiProvider, signal: AbortSignal): Promise<ActionResult> {
  const req = prepared.request;
  let messages = req.messages;
  for (let attempt = 1; ; attempt++) {
    const answer = await provider.complete({ ...req, messages }, signal);
    const fromModel = provider.id !== 'offline';
    const r = await prepared.accept(answer.text, fromModel);
    if (!r.problems.length) {
      return { edits: r.edits, summary: `${prepared.title}: ${r.checked}${answer.model ? ` (${answer.provider}: ${answer.model})` : ` (${answer.provider})`}`, provider: answer.provider, ...(answer.model ? { model: answer.model } : {}) };
    }
    if (!fromModel || attempt >= 2) {
      const why = fromModel
        ? t('{0} failed: the model\'s code does not pass the checks after a second try, so nothing was inserted:', prepared.title)
        : t('{0} failed: the generated code does not pass the checks, so nothing was inserted:', prepared.title);
      throw new AiError(`${why}\n${r.problems.slice(0, 5).join('\n')}`);
    }
    messages = [...messages, { role: 'assistant', content: answer.text }, repairMessage(r.problems)];
  }
}
