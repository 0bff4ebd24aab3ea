import type { Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine/analyzer';
import { ListRulesRequest } from '../protocol/messages';

/** `genai4dfx/listRules`: the catalogue's metadata for the client's views. */
export function registerListRules(connection: Connection, engine: Engine): void {
  connection.onRequest(ListRulesRequest, () => engine.registry.metas());
}
