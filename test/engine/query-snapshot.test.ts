// Query snapshots (server/src/engine/query-snapshot.ts): queries saved from WASM memory and restored analyse exactly as
// compiled ones, and a snapshot that does not fit (damaged bytes, another grammar) is never used: those queries compile.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Query } from 'web-tree-sitter';
import { Engine } from '../../server/src/engine/analyzer';
import { languageForPath } from '../../server/src/engine/languages';
import { QuerySnapshots, saveQuery, snapshotFile, type SnapshotFile } from '../../server/src/engine/query-snapshot';
import { listFiles } from '../bench/corpus';
import { ROOT } from '../helpers/engine';

/** Every fixture and example the catalogue has, with its language. */
const CORPUS = [...listFiles(path.join(ROOT, 'server/src/rules')), ...listFiles(path.join(ROOT, 'examples'))]
  .filter((f) => /\.(fixture|fixed)\./.test(f) || f.startsWith(path.join(ROOT, 'examples')))
  .map((f) => [f, languageForPath(f)] as const)
  .filter((x): x is readonly [string, NonNullable<ReturnType<typeof languageForPath>>] => !!x[1]);

/** Every finding of the corpus, as text; the editor's path too (compile: true runs the whole query). */
function findings(engine: Engine): string[] {
  return CORPUS.flatMap(([f, lang]) => {
    const text = fs.readFileSync(f, 'utf8');
    const scan = engine.analyzeText(f, lang, text).findings;
    const edit = engine.analyzeText(f, lang, text, { ...engineDefaults(), editing: true }).findings;
    return [...scan, ...edit].map((x) => `${path.relative(ROOT, f)} ${x.ruleId} ${x.span.start}-${x.span.end} ${x.message}`);
  });
}

const engineDefaults = () => ({ maxFileSize: 2 * 1024 * 1024, parseBudgetMs: 3000, queryBudgetMs: 5000, level: (m: { severity: 'error' | 'warning' | 'info' | 'hint' }) => m.severity });

describe('query snapshots', function () {
  this.timeout(120_000);
  let compiled: Engine;
  let file: SnapshotFile;
  let expected: string[];

  before(async () => {
    assert.equal(typeof (Query as unknown as { wasm?: unknown }).wasm, 'function', 'the unit tests run the glue the bundles ship');
    compiled = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), snapshots: false });
    file = snapshotFile(compiled.registry.everyQuery(), (lang) => compiled.pool.language(lang as never));
    expected = findings(compiled);
    assert.ok(expected.length > 500);
  });
  after(() => compiled.registry.dispose());

  it('restored queries find exactly what compiled ones find, and none is compiled', async () => {
    const snapshots = QuerySnapshots.of(file);
    assert.ok(snapshots);
    const restored = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), snapshots });
    try {
      assert.deepEqual(findings(restored), expected);
      const queries = restored.registry.everyQuery();
      assert.ok(queries.length > 100);
      assert.equal(snapshots.restoredCount, queries.length, 'every query the registry holds came from the snapshots');
      assert.ok(Object.keys(file.queries).length >= 6, 'every language has its queries saved');
    } finally {
      restored.registry.dispose();
    }
  });

  it('damaged bytes or another grammar are never restored: those queries compile and find the same', async () => {
    const damaged: SnapshotFile = { ...file, queries: {} };
    for (const [lang, byKey] of Object.entries(file.queries)) {
      damaged.queries[lang] = Object.fromEntries(Object.entries(byKey).map(([k, b64], i) => {
        const bytes = Buffer.from(b64, 'base64');
        // Cut short, one word longer, the capture count changed (the accessors then disagree with what was saved), or
        // a count no file could hold (nothing may be allocated for it).
        const bad = i % 4 === 0 ? bytes.subarray(0, bytes.length - 5) : i % 4 === 1 ? Buffer.concat([bytes, Buffer.alloc(4)]) : Buffer.from(bytes);
        if (i % 4 === 2) bad.writeUInt32LE(bad.readUInt32LE(4) + 1, 4);
        if (i % 4 === 3) bad.writeUInt32LE(0xfffffff0, 4 * 4);
        return [k, bad.toString('base64')];
      }));
    }
    const regrammared: SnapshotFile = { ...file, grammars: Object.fromEntries(Object.entries(file.grammars).map(([l, s]) => [l, { ...s, states: s.states + 1 }])) };
    for (const f of [damaged, regrammared]) {
      const snapshots = QuerySnapshots.of(f);
      const engine = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), snapshots });
      try {
        assert.deepEqual(findings(engine), expected);
        assert.equal(snapshots?.restoredCount, 0);
      } finally {
        engine.registry.dispose();
      }
    }
  });

  it('gate readings are used by the build that wrote them only, and find the same', async () => {
    const before = process.env.GENAI4DFX_BUILD;
    try {
      process.env.GENAI4DFX_BUILD = 'build-a';
      const withGates = snapshotFile(compiled.registry.everyQuery(), (lang) => compiled.pool.language(lang as never), compiled.registry.ruleSources());
      assert.equal(withGates.build, 'build-a');
      assert.ok(Object.keys(withGates.gates ?? {}).length > 100);
      for (const [build, used] of [['build-a', true], ['build-b', false]] as const) {
        process.env.GENAI4DFX_BUILD = build;
        const snapshots = QuerySnapshots.of(withGates);
        const engine = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), snapshots });
        try {
          assert.deepEqual(findings(engine), expected);
          assert.equal((snapshots?.gatesRead ?? 0) > 100, used, build);
          if (!used) assert.equal(snapshots?.gatesRead, 0);
        } finally {
          engine.registry.dispose();
        }
      }
    } finally {
      if (before === undefined) delete process.env.GENAI4DFX_BUILD;
      else process.env.GENAI4DFX_BUILD = before;
    }
  });

  it('a query saves to the same bytes after a restore, and a file from another format is not loaded', () => {
    const [lang, query] = compiled.registry.everyQuery()[0] as [string, Query];
    const language = compiled.pool.language(lang as never);
    const snapshots = QuerySnapshots.of(file);
    const again = snapshots?.restore(lang, language, (query as unknown as { source: string }).source);
    assert.ok(again);
    assert.deepEqual(saveQuery(again, language), saveQuery(query, language));
    again.delete();
    const dir = fs.mkdtempSync(path.join(ROOT, '.test-output-snapshot-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ ...file, format: 999 }));
      fs.writeFileSync(path.join(dir, 'b.json'), '{ not json');
      assert.equal(QuerySnapshots.load(path.join(dir, 'a.json')), undefined);
      assert.equal(QuerySnapshots.load(path.join(dir, 'b.json')), undefined);
      assert.equal(QuerySnapshots.load(path.join(dir, 'missing.json')), undefined);
      fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(file));
      assert.ok(QuerySnapshots.load(path.join(dir, 'c.json')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
