// Tidiness of the rule catalogue: the index matches the rule files, ids and folders match the metadata, every query
// compiles, the catalogue covers every pillar and language, fixtures and goldens are complete, and the generated docs
// are up to date.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Query } from 'web-tree-sitter';
import { DOCS_DIR, GENERATE_COMMAND, ruleDocs } from '../../scripts/gen-rule-docs';
import { Engine } from '../../server/src/engine/analyzer';
import type { RuleDefinition } from '../../server/src/engine/define-rule';
import { languageForPath, LANGUAGES, type LanguageId } from '../../server/src/engine/languages';
import { type FusedQuery, scanWords } from '../../server/src/engine/registry';
import { PILLARS } from '../../server/src/engine/types';
import { RULES } from '../../server/src/rules/index';
import { ROOT, sharedEngine } from '../helpers/engine';

const RULES_DIR = path.join(ROOT, 'server/src/rules');
const isRuleFile = (f: string): boolean => f.endsWith('.ts') && f !== 'index.ts' && !f.includes('.fixture.') && !f.includes('.fixed.');

/** `<pillar>/<id>` of every rule file on disk. */
function ruleFiles(): string[] {
  return PILLARS.flatMap((p) =>
    fs.existsSync(path.join(RULES_DIR, p)) ? fs.readdirSync(path.join(RULES_DIR, p)).filter(isRuleFile).map((f) => `${p}/${f.slice(0, -3)}`) : []);
}

/** Every fixture and golden next to a rule. */
function siblings(id: string, pillar: string, kind: 'fixture' | 'fixed'): string[] {
  return fs.readdirSync(path.join(RULES_DIR, pillar)).filter((f) => f.startsWith(`${id}.${kind}.`));
}

describe('rule registry', () => {
  const ids = RULES.map((r) => r.meta.id);

  it('each rules/<pillar>/index.ts imports exactly the rule files of its folder, sorted by id', () => {
    for (const pillar of PILLARS) {
      const file = path.join(RULES_DIR, pillar, 'index.ts');
      const index = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      const imported = [...index.matchAll(/from '\.\/([\w-]+)'/g)].map((m) => `${pillar}/${m[1] ?? ''}`);
      const files = ruleFiles().filter((f) => f.startsWith(`${pillar}/`));
      assert.deepEqual([...imported].sort(), files.sort(), `${pillar}/index.ts imports and rule files differ`);
      assert.deepEqual(imported, [...imported].sort(), `${pillar}/index.ts imports are not sorted by id`);
    }
    assert.deepEqual(ids, [...ids].sort(), 'RULES is not sorted by id');
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
  });

  it('every rule file exports a rule whose id is its file name and whose pillar is its folder', async () => {
    for (const file of ruleFiles()) {
      const [pillar, name] = file.split('/');
      const mod = (await import(path.join(RULES_DIR, `${file}.ts`))) as { default?: RuleDefinition };
      const rule = mod.default;
      assert.ok(rule?.meta, `${file}.ts has no default export from defineRule`);
      assert.equal(rule.meta.id, name, `${file}.ts: id differs from the file name`);
      assert.equal(rule.meta.pillar, pillar, `${file}.ts: pillar differs from the folder`);
      assert.ok(RULES.includes(rule), `${file}.ts is not in RULES`);
    }
  });

  it('every rule has a title, a description that says why and how to fix, and a message', () => {
    for (const { meta, spec } of RULES) {
      assert.ok(meta.title.trim(), `${meta.id}: empty title`);
      assert.ok(meta.description.length > 200, `${meta.id}: description is too short`);
      assert.match(meta.description, /\*\*Why it matters/, `${meta.id}: description has no "Why it matters" part`);
      assert.match(meta.description, /\*\*How to fix/, `${meta.id}: description has no "How to fix" part`);
      if ('message' in spec && typeof spec.message === 'string') assert.ok(spec.message.trim(), `${meta.id}: empty message`);
    }
  });

  it('every query compiles for every language its rule lists', async () => {
    const engine = await sharedEngine();
    assert.deepEqual(engine.registry.errors, []);
    for (const { meta } of RULES) {
      if (meta.kubernetes) continue;
      for (const lang of meta.languages) {
        const c = engine.registry.forLanguage(lang);
        const d = c.rules.find((r) => r.meta.id === meta.id);
        assert.ok(d, `${meta.id} has no compiled query for ${lang}`);
        assert.ok(c.fused?.rules.includes(d) || c.gated?.gates.has(d), `${meta.id}: no patterns for ${lang}`);
      }
    }
  });

  it('a rule subset is the full query copied with the other patterns disabled: the same matches, no compile', async () => {
    // The unit tests load the glue the bundles ship (test/helpers/tree-sitter-glue.cjs): without copy() this would test the fallback.
    assert.equal(typeof (Query.prototype as Query & { copy?: unknown }).copy, 'function');
    const engine = await Engine.create({ grammarDir: path.join(ROOT, 'grammars') });
    const text = fs.readFileSync(path.join(ROOT, 'examples/shop/cart/handlers.go'), 'utf8');
    const tree = engine.parse('go', text);
    // Each match as pattern index and capture node ids, for the patterns `keep` selects.
    const run = (q: FusedQuery, keep: (i: number) => boolean): string[] =>
      q.query.matches(tree.rootNode).filter((m) => keep(m.patternIndex)).map((m) => `${m.patternIndex}:${m.captures.map((c) => `${c.name}=${c.node.id}`).join(',')}`);
    try {
      const all = engine.registry.fused.get('go');
      assert.ok(all);
      // Rules that match in this file, and one that does not.
      const matched = [...new Set(all.query.matches(tree.rootNode).map((m) => all.patternRule[m.patternIndex]).filter((d): d is RuleDefinition => !!d))];
      assert.ok(matched.length >= 3, 'the example has findings of several rules');
      const subset = all.rules.filter((d) => matched.slice(0, 2).includes(d) || d === all.rules.find((x) => !matched.includes(x)));
      const own = engine.registry.fusedFor('go', subset, false);
      assert.ok(own && own !== all && own.query !== all.query);
      assert.deepEqual(own.rules, subset);
      assert.equal(own.patternRule, all.patternRule, 'a copy keeps the pattern indexes');
      const wanted = new Set(subset);
      const expected = run(all, (i) => wanted.has(all.patternRule[i]!));
      assert.ok(expected.length > 0);
      assert.deepEqual(run(own, () => true), expected);
      assert.deepEqual(run(all, (i) => wanted.has(all.patternRule[i]!)), expected, 'the full query is left as it was');
      assert.equal(engine.registry.fusedFor('go', subset, false), own, 'kept');
      // Index patterns: those of the types asked for (that the query has), no others.
      const types = all.index.slice(0, 2);
      assert.equal(types.length, 2);
      const indexed = engine.registry.fusedFor('go', subset, false, [...types, 'not_a_type']);
      assert.ok(indexed && indexed !== own);
      assert.deepEqual(indexed.index, types);
      const keep = (i: number): boolean => wanted.has(all.patternRule[i]!) || types.includes(all.indexType[i] ?? '');
      assert.ok(run(all, (i) => types.includes(all.indexType[i] ?? '')).length > 0);
      assert.deepEqual(run(indexed, () => true), run(all, keep));
      // Editor: sets are copies of the whole query (gated patterns included), from the first ask.
      const whole = engine.registry.fusedFor('go', engine.registry.forLanguage('go').rules, true);
      assert.ok(whole && whole !== all && !whole.index.length && whole.patternRule.every(Boolean));
      const other = whole.rules.slice(1, 4);
      const edited = engine.registry.fusedFor('go', other, true);
      assert.ok(edited && edited !== whole);
      const otherSet = new Set(other);
      assert.deepEqual(run(edited, () => true), run(whole, (i) => otherSet.has(whole.patternRule[i]!)));
      // Past the cap the least recently used set goes, and its copy is freed.
      const first = engine.registry.fusedFor('go', all.rules.slice(0, 1), false);
      assert.ok(first);
      let sets = 0;
      for (let i = 1; i < all.rules.length && sets < 64; i++) {
        for (let j = i + 1; j < all.rules.length && sets < 64; j++, sets++) engine.registry.fusedFor('go', all.rules.filter((_, k) => k === i || k === j), false);
      }
      assert.equal(sets, 64);
      assert.equal((first.query as unknown as Record<number, number>)[0], 0, 'evicted and deleted');
      assert.notEqual(engine.registry.fusedFor('go', all.rules.slice(0, 1), false), first);
    } finally {
      tree.delete();
      engine.registry.dispose();
    }
  });

  it('gated queries compiled as one batch match exactly as each rule compiled alone', async () => {
    // Without the build's query snapshots: with them, nothing compiles and there is no batch to test.
    const batched = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), snapshots: false });
    const alone = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), snapshots: false });
    const text = fs.readFileSync(path.join(ROOT, 'examples/shop/checkout/src/payments.ts'), 'utf8');
    const tree = batched.parse('typescript', text);
    // Each match at every call and new expression, as capture names and node ids.
    const nodes = tree.rootNode.descendantsOfType(['call_expression', 'new_expression']);
    const run = (q: Query | undefined): string[] =>
      nodes.flatMap((n) => (q?.matches(n, { maxStartDepth: 0 }) ?? []).map((m) => `${n.id}:${m.captures.map((c) => `${c.name}=${c.node.id}`).join(',')}`));
    try {
      const gated = [...(batched.registry.forLanguage('typescript').gated?.sources.keys() ?? [])];
      assert.ok(gated.length >= 10);
      const [first, ...rest] = gated as [RuleDefinition, ...RuleDefinition[]];
      let asked = 0;
      const q = batched.registry.gatedQuery('typescript', first, () => (asked++, rest));
      assert.equal(asked, 1);
      let total = 0;
      for (const d of gated) {
        const mine = batched.registry.gatedQuery('typescript', d, () => (asked++, []));
        assert.ok(mine, d.meta.id);
        if (d === first) assert.equal(mine, q);
        const expected = run(alone.registry.gatedQuery('typescript', d));
        assert.deepEqual(run(mine), expected, d.meta.id);
        total += expected.length;
      }
      assert.equal(asked, 1, 'the rest came from the batch, compiled once');
      assert.ok(total >= 5, 'the example has matches to compare');
      // A rule whose text does not compile: the batch falls back to one by one, and only that rule is left out.
      const broken = { ...first, meta: { ...first.meta, id: 'broken-rule' } } as RuleDefinition;
      const fresh = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), snapshots: false });
      const freshSources = fresh.registry.forLanguage('typescript').gated?.sources as Map<RuleDefinition, string>;
      freshSources.set(broken, '(call_expression (not_a_node_type)) @match');
      assert.equal(fresh.registry.gatedQuery('typescript', broken, () => gated.slice(0, 3)), undefined);
      assert.deepEqual(fresh.registry.errors.map((e) => e.ruleId), ['broken-rule']);
      assert.deepEqual(run(fresh.registry.gatedQuery('typescript', first)), run(alone.registry.gatedQuery('typescript', first)));
      fresh.registry.dispose();
    } finally {
      tree.delete();
      batched.registry.dispose();
      alone.registry.dispose();
    }
  });

  it('triggers are found in one pass exactly as a substring search finds them', async () => {
    const engine = await sharedEngine();
    // Overlapping and nested triggers of several rules, at the same and at neighbouring positions.
    const texts = ['', 'resp, err := http.Get(url)', 'xClient.Do(req) requests.get(u) await fetch(a)', 'Math.random() math/rand random.', 'MongoClient(uri, w=0) KafkaProducer'];
    for (const lang of ['go', 'python', 'typescript', 'java'] as const) {
      const scan = engine.registry.forLanguage(lang).triggerScan;
      assert.ok(scan, lang);
      const triggers = new Set(RULES.flatMap((r) => ('triggers' in r.spec && r.spec.languages.includes(lang) ? r.spec.triggers ?? [] : [])));
      for (const text of texts) {
        const starts: string[] = scanWords(scan, text).map(([, w]) => w);
        for (const t of triggers) assert.equal(starts.some((s) => s.startsWith(t)), text.includes(t), `${lang}: "${t}" in "${text}"`);
      }
    }
  });

  it('the catalogue covers every pillar, every language and Kubernetes', () => {
    assert.ok(RULES.length >= 12, `only ${RULES.length} rules`);
    for (const p of PILLARS) assert.ok(RULES.some((r) => r.meta.pillar === p), `no ${p} rule`);
    for (const { id } of LANGUAGES) {
      if (id === 'yaml') continue;
      assert.ok(RULES.some((r) => !r.meta.kubernetes && r.meta.languages.includes(id)), `no rule for ${id}`);
    }
    assert.ok(RULES.some((r) => r.meta.kubernetes), 'no Kubernetes rule');
  });

  it('every rule has a fixture per language, and goldens exactly when it is fixable', () => {
    for (const { meta } of RULES) {
      const fixtures = siblings(meta.id, meta.pillar, 'fixture');
      const covered = new Set<LanguageId | undefined>(fixtures.map((f) => languageForPath(f)));
      for (const lang of meta.languages) assert.ok(covered.has(lang), `${meta.id} has no ${lang} fixture`);
      const goldens = siblings(meta.id, meta.pillar, 'fixed');
      if (meta.fixable) {
        for (const f of fixtures) assert.ok(goldens.includes(f.replace('.fixture.', '.fixed.')), `${meta.id}: ${f} has no .fixed golden`);
      }
      for (const g of goldens) {
        assert.ok(meta.fixable, `${meta.id} is not fixable but has ${g}`);
        assert.ok(fixtures.includes(g.replace('.fixed.', '.fixture.')), `${g} has no matching fixture`);
      }
    }
  });

  it(`docs/rules is up to date (${GENERATE_COMMAND})`, () => {
    const want = ruleDocs();
    const stale: string[] = [];
    for (const [name, text] of want) {
      const file = path.join(DOCS_DIR, name);
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) stale.push(name);
    }
    const extra = fs.existsSync(DOCS_DIR) ? fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md') && !want.has(f)) : [];
    assert.deepEqual([...stale, ...extra], [], `docs/rules is out of date: run \`${GENERATE_COMMAND}\``);
  });
});
