import { MarkupKind, SymbolKind, type Connection, type DocumentSymbol, type Hover, type Location } from 'vscode-languageserver/node';
import type { Engine } from '../engine/analyzer';
import { isPolicyPath } from '../engine/languages';
import { definitionInPolicy, hoverPolicy, policySymbols, type PolicySymbol } from '../policy/service';
import { toRange } from './convert';
import type { DocumentStore } from './documents';
import type { Logger } from './logger';
import { policyRoot } from './policy-store';

const SYMBOL: Record<PolicySymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  slo: SymbolKind.Constant,
  experiment: SymbolKind.Event,
  scenario: SymbolKind.Function,
  rule: SymbolKind.Property,
  override: SymbolKind.Array,
  key: SymbolKind.Field,
};

/** Hover in a `.dfx.yaml`: the documentation of a key, a rule id, a level or the SLO a reference names. Undefined elsewhere. */
export function policyHover(engine: Engine, documents: DocumentStore, uri: string, position: { line: number; character: number }): Hover | null | undefined {
  if (!isPolicyPath(uri)) return undefined;
  const doc = documents.get(uri);
  if (!doc) return null;
  const h = hoverPolicy(policyRoot(doc), doc.lineIndex.offsetAt(position), engine.registry.metas());
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(h.span) } : null;
}

/** Outline (document symbols) and go to definition (an SLO or scenario reference → its `name:`) for `.dfx.yaml`. */
export function registerPolicyNavigation(connection: Connection, documents: DocumentStore, log: Logger): void {
  connection.onDocumentSymbol(({ textDocument }): DocumentSymbol[] => {
    try {
      const doc = documents.get(textDocument.uri);
      if (!doc || !isPolicyPath(textDocument.uri)) return [];
      const convert = (s: PolicySymbol): DocumentSymbol => ({
        name: s.name,
        ...(s.detail ? { detail: s.detail } : {}),
        kind: SYMBOL[s.kind],
        range: toRange(s.span),
        selectionRange: toRange(s.selectionSpan),
        children: s.children.map(convert),
      });
      return policySymbols(policyRoot(doc)).map(convert);
    } catch (e) {
      log.error(`policy outline failed: ${(e as Error).message}`);
      return [];
    }
  });
  connection.onDefinition(({ textDocument, position }): Location[] => {
    try {
      const doc = documents.get(textDocument.uri);
      if (!doc || !isPolicyPath(textDocument.uri)) return [];
      const span = definitionInPolicy(policyRoot(doc), doc.lineIndex.offsetAt(position));
      return span ? [{ uri: textDocument.uri, range: toRange(span) }] : [];
    } catch (e) {
      log.error(`policy definition failed: ${(e as Error).message}`);
      return [];
    }
  });
}
