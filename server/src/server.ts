// The genai4dfx language server: wiring only. Behaviour lives in handlers/ and engine/.
import { setLocale } from './l10n';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { Engine } from './engine/analyzer';
import { AI_KINDS } from './protocol/ai';
import { FIX_ALL_KIND, StatusNotification } from './protocol/messages';
import { DocumentAnalyzer } from './handlers/analysis';
import { aiCodeActions, registerAiActions } from './handlers/ai-actions';
import { registerCodeActions } from './handlers/code-actions';
import { registerDocumentDiagnostics } from './handlers/diagnostics';
import { DocumentStore } from './handlers/documents';
import { registerHover } from './handlers/hover';
import { Logger } from './handlers/logger';
import { registerPolicyCompletion } from './handlers/policy-completion';
import { policyHover, registerPolicyNavigation } from './handlers/policy-navigation';
import { registerStarterPolicy } from './handlers/policy-starter';
import { ServerPolicies } from './handlers/policy-store';
import { registerListRules } from './handlers/rules';
import { SettingsCache } from './handlers/settings';
import { registerWorkspaceDiagnostics } from './handlers/workspace-diagnostics';
import { DEFAULT_SETTINGS, normalizeSettings, type TraceLevel } from './protocol/settings';

const connection = createConnection(ProposedFeatures.all);
const log = new Logger(connection, (process.env.GENAI4DFX_TRACE as TraceLevel | undefined) ?? 'warn');
let documents: DocumentStore | undefined;

process.on('uncaughtException', (e) => log.error(`uncaught: ${e.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => log.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

connection.onInitialize(async (params): Promise<InitializeResult> => {
  const t0 = performance.now();
  // The client's display language: zh-cn loads the Chinese bundles, anything else stays English.
  const locale = setLocale(params.locale);
  if (locale.error) log.warn(locale.error);
  let engine: Engine;
  try {
    engine = await Engine.create({ onCompileError: (err) => log.error(`rule ${err.ruleId} has a query that does not compile for ${err.language}: ${err.message}`) });
  } catch (e) {
    throw new ResponseError(-32603, `genai4dfx could not start: ${(e as Error).message}`);
  }
  const caps = params.capabilities;
  const canPull = Boolean(caps.workspace?.configuration);
  const settings = new SettingsCache(connection, () => canPull);
  documents = new DocumentStore(engine, log, (uri) => settings.peek(uri)?.parseTimeoutMs ?? DEFAULT_SETTINGS.parseTimeoutMs);
  documents.listen(connection);
  const folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : [])).map((f) => f.uri);
  const policies = new ServerPolicies(engine, documents, log);
  const analyzer = new DocumentAnalyzer(connection, engine, documents, settings, log, folders, policies);
  registerDocumentDiagnostics(connection, engine, analyzer, log);
  const workspace = registerWorkspaceDiagnostics(connection, engine, documents, settings, log, folders, policies);
  const docs = documents;
  registerHover(connection, engine, analyzer, log, (uri, position) => policyHover(engine, docs, uri, position));
  registerCodeActions(connection, analyzer, log, aiCodeActions);
  registerAiActions(connection, engine, analyzer, documents, log, (uri) => policies.forUri(uri).loaded?.policy, folders);
  registerListRules(connection, engine);
  registerPolicyCompletion(connection, engine, documents, log);
  registerPolicyNavigation(connection, documents, log);
  registerStarterPolicy(connection, engine, settings, log);
  // A policy change (its editor, or the file on disk) re-applies to every open document: ask the client to re-pull.
  let refreshTimer: NodeJS.Timeout | undefined;
  policies.onDidChange(() => {
    workspace.invalidate();
    if (!caps.workspace?.diagnostics?.refreshSupport || refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      connection.languages.diagnostics.refresh().catch(() => undefined);
    }, 50);
  });

  // The log level is window-wide (genai4dfx.trace); GENAI4DFX_TRACE in the environment wins, for debugging.
  const refreshTrace = (): void => {
    if (!canPull || process.env.GENAI4DFX_TRACE) return;
    connection.workspace.getConfiguration('genai4dfx').then((raw) => {
      log.level = normalizeSettings(raw).trace;
    }, () => undefined);
  };
  connection.onDidChangeConfiguration(() => {
    refreshTrace();
    settings.clear();
    analyzer.clear();
    workspace.invalidate();
    if (caps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
  });
  connection.onInitialized(() => {
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'genai4dfx' });
    }
    workspace.watchFiles(caps);
    refreshTrace();
    void connection.sendNotification(StatusNotification, { state: 'ready', lastAnalysisMs: Math.round(performance.now() - t0), message: `${engine.registry.rules.length} rules loaded` });
  });
  connection.onShutdown(() => {
    if (refreshTimer) clearTimeout(refreshTimer);
    workspace.dispose();
    documents?.dispose();
    engine.registry.dispose();
  });

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: { identifier: 'genai4dfx', interFileDependencies: false, workspaceDiagnostics: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '['] },
      documentSymbolProvider: true,
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, ...Object.values(AI_KINDS)], resolveProvider: true },
    },
    serverInfo: { name: 'genai4dfx', version: process.env.GENAI4DFX_VERSION ?? '0.1.0' },
  };
});

connection.onExit(() => documents?.dispose());
connection.listen();
