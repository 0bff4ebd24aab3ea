import type { RunsApi } from '../../../server/src/runs/api';

/**
 * The run engine behind a lazy loader. The engine pulls in @kubernetes/client-node, whose undici needs
 * zlib.createZstdDecompress (Node >= 22.15): loaded at activation it would crash the whole extension on an older
 * extension host. Loaded on first use, an old host only loses runs, with a message that says why.
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
      throw new Error(`the run engine could not be loaded on Node ${process.versions.node} (${why}); runs need VS Code 1.101 or later (Node 22.15+)`);
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
 * The engine the extension uses. MERGE (once server/src/runs/service.ts is on main), replace the loader with:
 *
 *     () => (require('../../../server/src/runs/service') as typeof import('../../../server/src/runs/service')).createRuns()
 *
 * Keep it a require() inside the loader, not a top-level import: esbuild then initialises the engine (and
 * @kubernetes/client-node) only when the loader runs.
 */
export function createRunsApi(): RunsApi {
  return lazyRunsApi(() => {
    throw new Error('the run engine is not part of this build');
  });
}
