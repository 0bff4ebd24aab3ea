import { ResponseError, type Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine/analyzer';
import { t } from '../l10n';
import { gatherFacts, starterPolicy } from '../policy/starter';
import { StarterPolicyRequest } from '../protocol/messages';
import type { Logger } from './logger';
import { uriPath } from './policy-store';
import type { SettingsCache } from './settings';

/** `genai4dfx/starterPolicy`: scan a folder and return a starter `.dfx.yaml` (the client writes it). */
export function registerStarterPolicy(connection: Connection, engine: Engine, settings: SettingsCache, log: Logger): void {
  connection.onRequest(StarterPolicyRequest, async ({ folderUri }) => {
    const root = uriPath(folderUri);
    if (!root) throw new ResponseError(-32602, `not a local folder: ${folderUri}`);
    const s = await settings.get(folderUri);
    const facts = gatherFacts(root, engine, { exclude: s.exclude });
    const namespaces = [...new Set(facts.workloads.map((w) => w.namespace ?? 'default'))];
    const workloads = namespaces.length ? t('{0} Kubernetes workload(s) in {1}', facts.workloads.length, namespaces.join(', ')) : t('{0} Kubernetes workload(s)', facts.workloads.length);
    const summary = `${facts.languages.join(', ') || t('no languages found')}; ${workloads}`;
    log.info(`starter policy for ${root}: ${summary} (${facts.scanned} files looked at)`);
    return { text: starterPolicy(facts), summary };
  });
}
