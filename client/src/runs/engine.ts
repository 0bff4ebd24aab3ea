import * as l10n from '@vscode/l10n';
import type { RunsApi } from '../../../server/src/runs/api';

/**
 * The run engine behind a lazy loader. The engine pulls in @kubernetes/client-node and undici: loaded at activation,
 * any failure there (client-node 2's own undici 8 crashes on Node 20, for one) would take the whole extension down,
 * diagnostics included. Loaded on first use, a failure only costs the runs, with a message that says why.
 */
export function lazyRunsApi(load: () => RunsApi): RunsApi {
  let engine: RunsApi | undefined;
  const get = (): RunsApi => {
    if (engine) return engine;
    try {
      engine = load();
      return engine;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(l10n.t('the run engine could not be loaded on Node {0}: {1}', process.versions.node, why));
    }
  };
  return {
    listContexts: (...a) => get().listContexts(...a),
    checkContext: (...a) => get().checkContext(...a),
    listRunnables: (...a) => get().listRunnables(...a),
    preflight: (...a) => get().preflight(...a),
    start: (...a) => get().start(...a),
    abort: (...a) => get().abort(...a),
    history: (...a) => get().history(...a),
    read: (...a) => get().read(...a),
    orphans: (...a) => get().orphans(...a),
    cleanup: (...a) => get().cleanup(...a),
  };
}

/**
 * The engine the extension uses: server/src/runs/service, loaded on first use. A require() inside the loader, not a
 * top-level import: esbuild then initialises the engine (and @kubernetes/client-node) only when the loader runs.
 */
export function createRunsApi(): RunsApi {
  return lazyRunsApi(() => (require('../../../server/src/runs/service') as typeof import('../../../server/src/runs/service')).createRuns());
}
