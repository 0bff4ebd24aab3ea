import type { Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine/analyzer';
import { SourceDocument } from '../engine/document';
import { languageForDocument } from '../engine/languages';
import type { Logger } from './logger';

/**
 * The open documents the engine understands, each with its incrementally parsed tree.
 * Documents in other languages are not tracked, so every handler returns nothing for them.
 */
export class DocumentStore {
  private readonly docs = new Map<string, SourceDocument>();
  private readonly listeners: ((uri: string) => void)[] = [];

  constructor(private readonly engine: Engine, private readonly log: Logger, private readonly parseBudget: (uri: string) => number) {}

  get(uri: string): SourceDocument | undefined {
    return this.docs.get(uri);
  }

  /** Called with the URI of a document that changed or closed. */
  onDidChange(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  /** Register the text synchronisation handlers on the connection. */
  listen(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument: t }) => {
      const language = languageForDocument(t.languageId, t.uri);
      if (!language) return;
      this.docs.get(t.uri)?.dispose();
      this.docs.set(t.uri, new SourceDocument(t.uri, language, t.version, t.text, (l, text, old) => this.engine.parse(l, text, old, this.parseBudget(t.uri))));
      this.emit(t.uri);
    });
    connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
      const doc = this.docs.get(t.uri);
      if (!doc) return;
      try {
        doc.update(contentChanges, t.version);
      } catch (e) {
        this.log.error(`could not apply a change to ${t.uri}: ${(e as Error).message}`);
      }
      this.emit(t.uri);
    });
    connection.onDidCloseTextDocument(({ textDocument: t }) => {
      this.docs.get(t.uri)?.dispose();
      this.docs.delete(t.uri);
      this.emit(t.uri);
    });
  }

  dispose(): void {
    for (const d of this.docs.values()) d.dispose();
    this.docs.clear();
  }

  private emit(uri: string): void {
    for (const l of this.listeners) l(uri);
  }
}
