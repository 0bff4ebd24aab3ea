import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGES } from '../../server/src/engine/languages';
import { StatusNotification } from '../../server/src/protocol/messages';
import { registerAiBridge } from './ai/bridge';
import { RuleCatalogue } from './rule-catalogue';
import { StatusItem } from './status';

/** Every editor language the server analyses, for the document selector and the status item. */
export const DOCUMENT_SELECTOR: { language: string; scheme: 'file' | 'untitled' }[] = LANGUAGES.flatMap((l) => l.editorIds).flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

/** A crash loop stops here: this many unexpected exits within RESTART_WINDOW_MS and the client gives up. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 3 * 60_000;

/** Context key the views' welcome content switches on. */
const RUNNING_CONTEXT_KEY = 'genai4dfx.serverRunning';

/** A Ctx whose language client is running: what enabled commands receive. */
export type ReadyCtx = Ctx & { readonly client: LanguageClient };

/**
 * Owns the language client and everything tied to it. Two disposal lists: extension-lifetime things (commands,
 * views, the output channel) and client-lifetime things (notification handlers, state listeners), which `stop()`
 * disposes so a restart never leaks listeners.
 */
export class Ctx {
  readonly output: vscode.LogOutputChannel;
  readonly status: StatusItem;
  readonly rules: RuleCatalogue;
  private currentClient: LanguageClient | undefined;
  private readonly extensionDisposables: vscode.Disposable[] = [];
  private clientDisposables: vscode.Disposable[] = [];
  /** Set while we stop the server on purpose, so the error handler does not restart it. */
  private stopping = false;
  private readonly crashes: number[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('genai4dfx', { log: true });
    this.status = new StatusItem(DOCUMENT_SELECTOR);
    this.rules = new RuleCatalogue(this.output);
    this.pushExtensionDisposable(this.output, this.status, this.rules);
  }

  get client(): LanguageClient | undefined {
    return this.currentClient;
  }

  isReady(): this is ReadyCtx {
    return this.currentClient?.state === State.Running;
  }

  pushExtensionDisposable(...disposables: vscode.Disposable[]): void {
    this.extensionDisposables.push(...disposables);
  }

  pushClientDisposable(...disposables: vscode.Disposable[]): void {
    this.clientDisposables.push(...disposables);
  }

  /** Create and start the language client; throws when the server cannot start. */
  async start(): Promise<void> {
    if (this.currentClient) return;
    const serverModule = this.extension.asAbsolutePath(path.join('dist', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      diagnosticPullOptions: { onChange: true, onSave: true },
      synchronize: { configurationSection: 'genai4dfx' },
      outputChannel: this.output,
      errorHandler: this.errorHandler(),
    };
    const client = new LanguageClient('genai4dfx', 'genai4dfx', serverOptions, clientOptions);
    this.currentClient = client;
    this.stopping = false;
    this.pushClientDisposable(
      client.onDidChangeState(({ newState }) => this.onState(client, newState)),
      client.onNotification(StatusNotification, (params) => this.status.update(params)),
      ...registerAiBridge(client, this.extension),
    );
    try {
      await client.start();
    } catch (e) {
      await this.stop();
      throw e;
    }
  }

  /** Stop the server and dispose everything that belongs to this client. */
  async stop(): Promise<void> {
    const client = this.currentClient;
    this.currentClient = undefined;
    this.stopping = true;
    for (const d of this.clientDisposables.splice(0)) d.dispose();
    this.rules.clear();
    this.status.stopped();
    void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, false);
    if (!client) return;
    try {
      await client.dispose(2000);
    } catch (e) {
      // A client that never started cannot stop cleanly; there is nothing left to clean up.
      this.output.debug(`stopping the language client: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    this.crashes.length = 0;
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    for (const d of this.extensionDisposables.splice(0).reverse()) d.dispose();
  }

  private onState(client: LanguageClient, state: State): void {
    const running = state === State.Running;
    void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, running);
    if (running) {
      this.status.running();
      // Also after the client restarted a crashed server by itself.
      void this.rules.load(client);
    } else if (state === State.Starting) {
      this.status.starting();
    } else {
      this.rules.clear();
      this.status.stopped();
    }
  }

  /** Like the default handler, but silent on deliberate stops and counting crashes over a window, not forever. */
  private errorHandler(): ErrorHandler {
    return {
      error: (_error, _message, count): ErrorHandlerResult => ({
        action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
      }),
      closed: (): CloseHandlerResult => {
        if (this.stopping) return { action: CloseAction.DoNotRestart, handled: true };
        const now = Date.now();
        this.crashes.push(now);
        while (this.crashes.length && (this.crashes[0] ?? now) < now - RESTART_WINDOW_MS) this.crashes.shift();
        if (this.crashes.length > MAX_RESTARTS) {
          return {
            action: CloseAction.DoNotRestart,
            message: vscode.l10n.t('The genai4dfx server stopped {0} times in the last 3 minutes and will not be restarted. See the output, then run "DFX: Restart Server".', this.crashes.length),
          };
        }
        this.output.warn(`the language server stopped unexpectedly; restarting (${this.crashes.length}/${MAX_RESTARTS})`);
        return { action: CloseAction.Restart, handled: true };
      },
    };
  }
}
