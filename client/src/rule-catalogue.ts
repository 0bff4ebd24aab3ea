import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RuleMeta } from '../../server/src/engine/types';
import { ListRulesRequest } from '../../server/src/protocol/messages';

/** The server's rule catalogue, fetched once per server start; the Rules view, the Findings view and "Show Rules" share it. */
export class RuleCatalogue implements vscode.Disposable {
  private rules: readonly RuleMeta[] = [];
  private index = new Map<string, RuleMeta>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  get all(): readonly RuleMeta[] {
    return this.rules;
  }

  byId(id: string): RuleMeta | undefined {
    return this.index.get(id);
  }

  /** Fetch the catalogue; on failure keep the last good one and log why. Resolves to whether it loaded. */
  async load(client: LanguageClient): Promise<boolean> {
    try {
      const rules = await client.sendRequest(ListRulesRequest);
      this.rules = [...rules].sort((a, b) => a.id.localeCompare(b.id));
      this.index = new Map(this.rules.map((r) => [r.id, r]));
      this.changed.fire();
      return true;
    } catch (e) {
      this.output.error(`could not list the rules (keeping the previous list): ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  clear(): void {
    if (!this.rules.length) return;
    this.rules = [];
    this.index = new Map();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
