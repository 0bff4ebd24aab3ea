// A real LSP client for tests and the bench: spawns the built server (dist/server.js) and speaks JSON-RPC over its stdio.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../../server/src/protocol/messages';
import { ROOT } from './engine';

/** A running server and a typed client connection to it. */
export class TestClient {
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  /** What `workspace/configuration` answers for the genai4dfx section. */
  settings: Record<string, unknown> = {};
  exited: Promise<number | null>;
  private readonly versions = new Map<string, number>();

  private constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  }

  /** Spawn dist/server.js over stdio and run initialize/initialized. */
  static async start(opts: { rootUri?: string | null; capabilities?: Record<string, unknown>; env?: NodeJS.ProcessEnv; locale?: string } = {}): Promise<{ client: TestClient; init: InitializeResult }> {
    const proc = spawn(process.execPath, [path.join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, conn);
    proc.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
    conn.onNotification(StatusNotification, (p) => {
      client.statuses.push(p);
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => client.settings));
    conn.onRequest(RegistrationRequest.type, () => undefined);
    conn.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    conn.onError(() => undefined);
    conn.listen();
    const died = client.exited.then((code) => {
      throw new Error(`the server exited (${code}) before answering initialize: ${client.logs.join('')}`);
    });
    const init = await Promise.race([died, conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      ...(opts.locale ? { locale: opts.locale } : {}),
      rootUri: opts.rootUri ?? null,
      workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'root' }] : null,
      capabilities: opts.capabilities ?? {
        workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } },
        window: { workDoneProgress: true },
      },
    })]);
    died.catch(() => undefined);
    await conn.sendNotification(InitializedNotification.type, {});
    return { client, init };
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Send incremental changes; returns the new version. */
  async change(uri: string, changes: { range: Range; text: string }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async replaceAll(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri }, contentChanges: [{ text }] } as never);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const r: DocumentDiagnosticReport = await this.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return r.kind === 'full' ? r.items : [];
  }

  async report(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(CodeAction | Command)[]> {
    return (await this.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } })) ?? [];
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** shutdown + exit, then wait for the process to end; returns its exit code. */
  async stop(): Promise<number | null> {
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }

  /** Kill without a goodbye (tests of an abrupt disconnect, and cleanup). */
  kill(): void {
    this.proc.kill('SIGKILL');
    this.conn.dispose();
  }
}

/** Apply LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: Position): number => {
    let o = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) o += (lines[i]?.length ?? 0) + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
