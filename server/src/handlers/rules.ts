import type { Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine/analyzer';
import { ruleText } from '../l10n';
import { ListRulesRequest } from '../protocol/messages';

/** `genai4dfx/listRules`: the catalogue's metadata for the client's views. */
export function registerListRules(connection: Connection, engine: Engine): void {
  // Titles in the client's language; descriptions (the rule docs) stay English.
  connection.onRequest(ListRulesRequest, () => engine.registry.metas().map((m) => ({ ...m, title: ruleText(m.id)?.title ?? m.title })));
}
