import {
  CancellationTokenSource,
  CodeActionTriggerKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type TextDocumentEdit,
  type CreateFile,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import * as fs from 'node:fs';
import type { Node } from 'web-tree-sitter';
import { URI } from 'vscode-uri';
import { prepareAction, runAction, type ActionInput, type FileEdit } from '../ai/actions';
import { callAt, classNameOf, classOf, functionAt, nameOf } from '../ai/extract';
import { chooseProvider, type ProviderEnvironment } from '../ai/select';
import { AiError, type AiAction } from '../ai/types';
import type { Engine } from '../engine/analyzer';
import { LineIndex } from '../engine/span';
import { t } from '../l10n';
import type { Policy } from '../policy/types';
import { AI_KINDS, AiEnvironmentRequest, EditorModelRequest, PreviewPromptRequest, SHOW_FILE_COMMAND, type AiActionData, type PromptPreview } from '../protocol/ai';
import { normalizeAiSettings, type AiSettings } from '../protocol/settings';
import type { DocumentAnalysis, DocumentAnalyzer } from './analysis';
import { dataOf } from './convert';
import type { DocumentStore } from './documents';
import type { Logger } from './logger';

/** The policy that governs a document (the lead wires the real loader; undefined means the documented defaults). */
export type PolicyLookup = (uri: string) => Policy | undefined;

const TITLES: Record<AiAction, (name: string) => string> = {
  tests: (n) => t('DFX: Generate tests for {0}', n),
  retries: (n) => t('DFX: Add retries to {0}', n),
  threats: (n) => t('DFX: Write threat notes for {0}', n),
};

/**
 * The AI actions offered at a position: cheap (a tree lookup); the edit is computed on resolve. None when the request
 * carries diagnostics of another document version (the client's view is stale).
 */
export function aiCodeActions(a: DocumentAnalysis, params: CodeActionParams): CodeAction[] {
  const { context, textDocument, range } = params;
  if (context.diagnostics.some((d) => dataOf(d) && dataOf(d)?.version !== a.version)) return [];
  const wants = (kind: string): boolean => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const tree = a.doc.tree;
  if (!tree || a.doc.language === 'yaml') return [];
  const offset = a.doc.lineIndex.offsetAt(range.start);
  const node = tree.rootNode.descendantForIndex(offset);
  const fn = node && functionAt(node);
  if (!fn) return [];
  const name = ownerName(fn) ?? t('this function');
  const out: CodeAction[] = [];
  const data = (ai: AiAction): AiActionData => ({ ai, uri: textDocument.uri, version: a.version, offset });
  // The diagnostics that call for an action: outbound calls without a timeout (retries), security findings (threats),
  // testability findings (tests). Listing them ties the action to the diagnostic in the editor's quick fix menu.
  const calling = (re: RegExp): { diagnostics?: typeof context.diagnostics } => {
    const ds = context.diagnostics.filter((d) => re.test(dataOf(d)?.ruleId ?? ''));
    return ds.length ? { diagnostics: ds } : {};
  };
  const call = node && callAt(node);
  if (call && wants(AI_KINDS.retries)) out.push({ title: TITLES.retries(call.text.split('(')[0]?.trim() ?? t('this call')), kind: AI_KINDS.retries, data: data('retries'), ...calling(/no-timeout$|^outbound-call-no-retry$|^retry-loop-no-backoff$/) });
  if (wants(AI_KINDS.tests)) out.push({ title: TITLES.tests(name), kind: AI_KINDS.tests, data: data('tests'), ...calling(/^(direct-clock-call|direct-random-call|function-too-complex|network-in-unit-test)$/) });
  if (wants(AI_KINDS.threats)) out.push({ title: TITLES.threats(name), kind: AI_KINDS.threats, data: data('threats'), ...calling(/sql-string|tls|secret|injection|verify|deserial|weak-hash|jwt|cors|eval|insecure-random|trust-all/) });
  // The automatic light bulb (as the cursor moves) only gets the actions a diagnostic calls for: a bulb in every
  // function would be noise. Ctrl+. and the Refactor menu (invoked) get all of them.
  if (context.triggerKind === CodeActionTriggerKind.Automatic) return out.filter((x) => x.diagnostics?.length);
  return out;
}

/** `linePrice`, `Ledger.settle` for a method, `Ledger.Post` for a Go method (the receiver's type). */
function ownerName(fn: Node): string | undefined {
  const own = nameOf(fn);
  if (!own) return undefined;
  const recv = fn.type === 'method_declaration' ? fn.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type')?.text.replace(/^\*/, '').replace(/\[.*$/, '') : undefined;
  const cls = fn.type === 'method_declaration' && recv !== undefined ? recv : (() => {
    const c = classOf(fn);
    return c ? classNameOf(c) : undefined;
  })();
  return cls ? `${cls}.${own}` : own;
}

function isAiData(d: unknown): d is AiActionData {
  const x = d as Partial<AiActionData> | undefined;
  return !!x && typeof x.ai === 'string' && typeof x.uri === 'string' && typeof x.offset === 'number';
}

/** codeAction/resolve for the AI actions, and "Preview prompt". */
export function registerAiActions(connection: Connection, engine: Engine, analyzer: DocumentAnalyzer, documents: DocumentStore, log: Logger, policyFor: PolicyLookup, folders: readonly string[]): void {
  const settingsFor = async (uri: string): Promise<AiSettings> => {
    try {
      return normalizeAiSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: 'genai4dfx.ai' }));
    } catch {
      return normalizeAiSettings({});
    }
  };
  const environment = async (uri: string, s: AiSettings): Promise<ProviderEnvironment> => {
    if (s.provider === 'offline') return { trusted: true, editorModels: false };
    let env = { trusted: false, editorModels: false } as { trusted: boolean; editorModels: boolean; apiKey?: string };
    try {
      env = await connection.sendRequest(AiEnvironmentRequest, { uri });
    } catch {
      // A client that does not answer (another editor, a test) gets the offline provider.
    }
    return {
      ...env,
      editorTransport: (params, signal) => {
        const cts = new CancellationTokenSource();
        signal.addEventListener('abort', () => cts.cancel(), { once: true });
        return connection.sendRequest(EditorModelRequest, params, cts.token).finally(() => cts.dispose());
      },
    };
  };
  const inputFor = async (data: Pick<AiActionData, 'ai' | 'uri' | 'offset'>, s: AiSettings): Promise<ActionInput | string> => {
    const a = await analyzer.analyze(data.uri);
    const doc = documents.get(data.uri);
    if (!a || !doc?.tree) return t('the document is not open');
    const path = URI.parse(data.uri).fsPath;
    const root = folders.map((f) => URI.parse(f).fsPath).filter((f) => path.startsWith(f)).sort((x, y) => y.length - x.length)[0];
    return {
      action: data.ai,
      path,
      language: doc.language,
      text: doc.text,
      tree: doc.tree,
      offset: data.offset,
      findings: a.findings,
      policy: policyFor(data.uri),
      pool: engine.pool,
      threatTarget: s.threatNotes,
      ...(root ? { root } : {}),
    };
  };

  connection.onCodeActionResolve(async (action, token) => {
    if (!isAiData(action.data)) return action;
    const data = action.data;
    const doc = documents.get(data.uri);
    if (!doc || doc.version !== data.version) {
      void connection.window.showWarningMessage(t('The document changed since this action was offered: ask for it again.'));
      return action;
    }
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    let progress: { done(): void; token: { onCancellationRequested(f: () => void): unknown } } | undefined;
    try {
      const s = await settingsFor(data.uri);
      const input = await inputFor(data, s);
      if (typeof input === 'string') throw new AiError(input);
      const prepared = prepareAction(input);
      if (typeof prepared === 'string') throw new AiError(prepared);
      const provider = chooseProvider(s, await environment(data.uri, s));
      if (provider.id !== 'offline') {
        try {
          const p = await connection.window.createWorkDoneProgress();
          p.begin(`genai4dfx: ${prepared.title}`, undefined, t('asking {0}', provider.id === 'openai' ? s.model : t('the editor model')), true);
          p.token.onCancellationRequested(() => controller.abort());
          progress = p;
        } catch {
          // No progress support: cancellation still works through the request's token.
        }
      }
      const result = await runAction(prepared, provider, controller.signal);
      action.edit = toWorkspaceEdit(result.edits, (uri) => documents.get(uri));
      // Show the written file when it is another one (the new test file, THREATS.md).
      const other = result.edits.find((e) => URI.file(e.path).toString() !== data.uri);
      if (other) action.command = { title: t('Open'), command: SHOW_FILE_COMMAND, arguments: [URI.file(other.path).toString()] };
      log.info(result.summary);
      void connection.window.showInformationMessage(result.summary);
    } catch (e) {
      const msg = e instanceof AiError ? e.message : t('AI action failed: {0}', (e as Error).message);
      log.warn(msg);
      void connection.window.showErrorMessage(controller.signal.aborted ? t('genai4dfx: cancelled') : `genai4dfx: ${msg}`);
    } finally {
      progress?.done();
    }
    return action;
  });

  connection.onRequest(PreviewPromptRequest, async (p): Promise<PromptPreview> => {
    const s = await settingsFor(p.uri);
    const doc = documents.get(p.uri);
    if (!doc) return { provider: s.provider, messages: [], redactions: [], error: t('the document is not open') };
    const input = await inputFor({ ai: p.action, uri: p.uri, offset: doc.lineIndex.offsetAt(p.position) }, s);
    if (typeof input === 'string') return { provider: s.provider, messages: [], redactions: [], error: input };
    const prepared = prepareAction(input);
    if (typeof prepared === 'string') return { provider: s.provider, messages: [], redactions: [], error: prepared };
    let provider: string;
    try {
      provider = chooseProvider(s, await environment(p.uri, s)).id;
    } catch (e) {
      provider = t('none ({0})', (e as Error).message);
    }
    return { provider, messages: prepared.request.messages, redactions: prepared.redaction.redactions };
  });
}

/** File edits as one WorkspaceEdit (created files first), so the user can preview and undo it in one step. */
export function toWorkspaceEdit(edits: readonly FileEdit[], openDoc: (uri: string) => { version: number; lineIndex: LineIndex } | undefined): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const e of edits) {
    const uri = URI.file(e.path).toString();
    const open = openDoc(uri);
    if (e.create) documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    let lines = open?.lineIndex;
    if (!lines) {
      let text = '';
      try {
        text = e.create ? '' : fs.readFileSync(e.path, 'utf8');
      } catch {
        text = '';
      }
      lines = new LineIndex(text);
    }
    const idx = lines;
    documentChanges.push({
      textDocument: { uri, version: open && !e.create ? open.version : null },
      edits: e.changes.map((c) => ({ range: { start: idx.positionAt(c.start), end: idx.positionAt(c.end) }, newText: c.newText })),
    });
  }
  return { documentChanges };
}
