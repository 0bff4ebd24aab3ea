import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine/analyzer';
import { isPolicyPath } from '../engine/languages';
import { completePolicy, type PolicyCompletion } from '../policy/service';
import type { DocumentStore } from './documents';
import type { Logger } from './logger';
import { policyRoot } from './policy-store';

const KIND: Record<PolicyCompletion['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  rule: CompletionItemKind.Reference,
  pillar: CompletionItemKind.Module,
  option: CompletionItemKind.Field,
  reference: CompletionItemKind.Reference,
};

/** Completion in `.dfx.yaml`: keys from the schema, enum values, rule ids with their docs, rule options, SLO names. */
export function registerPolicyCompletion(connection: Connection, engine: Engine, documents: DocumentStore, log: Logger): void {
  connection.onCompletion(({ textDocument, position }): CompletionItem[] => {
    try {
      const doc = documents.get(textDocument.uri);
      if (!doc || !isPolicyPath(textDocument.uri)) return [];
      const lines = doc.lineIndex;
      const offset = lines.offsetAt(position);
      const r = completePolicy(doc.text, offset, policyRoot(doc), engine.registry.metas());
      const range = { start: lines.positionAt(r.replaceStart), end: position };
      return r.items.map((c) => {
        const item: CompletionItem = { label: c.label, kind: KIND[c.kind], textEdit: { range, newText: c.insertText ?? c.label } };
        if (c.detail) item.detail = c.detail;
        if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
        if (c.sortText) item.sortText = c.sortText;
        if (c.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
        return item;
      });
    } catch (e) {
      log.error(`policy completion failed: ${(e as Error).message}`);
      return [];
    }
  });
}
