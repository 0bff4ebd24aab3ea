// Compiles every query of the rule catalogue and saves it beside the grammars (server/src/engine/query-snapshot.ts),
// so the CLI and the server restore them instead of compiling. Bundled and run by scripts/build.mjs after the grammars
// are copied: `node dist/snapshot-queries.js <grammar dir>`. Prints what it wrote, or why it wrote nothing (then every
// query compiles at run time, as before).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../server/src/engine/analyzer';
import { Query } from 'web-tree-sitter';
import { QUERY_SNAPSHOT_FILE, snapshotFile } from '../server/src/engine/query-snapshot';
import { ALIAS_QUERY } from '../server/src/policy/parse';

(async () => {
  const grammarDir = path.resolve(process.argv[2] ?? 'grammars');
  const out = path.join(grammarDir, QUERY_SNAPSHOT_FILE);
  fs.rmSync(out, { force: true });
  const t0 = performance.now();
  const engine = await Engine.create({ grammarDir, snapshots: false });
  try {
    // The rule queries, and the policy parser's (it runs on every .dfx.yaml).
    const queries: [string, Query][] = [...engine.registry.everyQuery(), ['yaml', new Query(engine.pool.language('yaml'), ALIAS_QUERY)]];
    const file = snapshotFile(queries, (lang) => engine.pool.language(lang as never), engine.registry.ruleSources());
    const text = JSON.stringify(file);
    fs.writeFileSync(out, text);
    console.log(`query snapshots: ${queries.length} queries, ${Math.round(text.length / 1024)} KB in ${path.relative(process.cwd(), out)} (${Math.round(performance.now() - t0)} ms)`);
  } catch (e) {
    console.warn(`query snapshots: none written, every query will compile at run time: ${(e as Error).message}`);
  } finally {
    engine.registry.dispose();
  }
})();
