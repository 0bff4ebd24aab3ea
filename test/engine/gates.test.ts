// Text gates (server/src/engine/gates.ts): a pattern whose positive text predicate names words runs only at the
// nodes of its root type that hold one of them. Sound only if every match holds a word, so: the pattern splitter must
// agree with tree-sitter on every rule, the gates are checked on hand-written patterns, and the gated engine must
// report exactly what the ungated one reports on every fixture, every example and generated service code.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Query } from 'web-tree-sitter';
import { Engine } from '../../server/src/engine/analyzer';
import { isQueryRule } from '../../server/src/engine/define-rule';
import { GateOccurrences, patternGates, requiredWords } from '../../server/src/engine/gates';
import { languageForPath } from '../../server/src/engine/languages';
import { querySource } from '../../server/src/engine/registry';
import type { Finding } from '../../server/src/engine/types';
import { RULES } from '../../server/src/rules/index';
import { buildSpecCorpus, listFiles } from '../bench/corpus';
import { ROOT, sharedEngine } from '../helpers/engine';

const key = (f: Finding): string => `${f.ruleId}@${f.span.start}-${f.span.end}: ${f.message}`;

describe('text gates', () => {
  it('split every rule query into the patterns tree-sitter counts, and gate only single-rooted ones', async () => {
    const engine = await sharedEngine();
    let gated = 0;
    for (const d of RULES) {
      if (!isQueryRule(d.spec)) continue;
      for (const lang of d.spec.languages) {
        const src = querySource(d.spec, lang);
        if (!src) continue;
        const q = new Query(engine.pool.language(lang), src);
        try {
          const patterns = patternGates(src);
          assert.equal(patterns.length, q.patternCount(), `${d.meta.id} (${lang}): pattern count`);
          patterns.forEach((p, i) => {
            if (!p.words) return;
            gated++;
            assert.ok(q.isPatternRooted(i), `${d.meta.id} (${lang}) pattern ${i} is gated but has several roots`);
            assert.ok(p.root && new RegExp(`^\\s*\\(+\\s*${p.root}\\b`).test(p.text), `${d.meta.id} (${lang}) pattern ${i}: root ${p.root}`);
            // Each pattern text compiles on its own to the same single pattern.
            const alone = new Query(engine.pool.language(lang), p.text);
            assert.equal(alone.patternCount(), 1);
            alone.delete();
          });
        } finally {
          q.delete();
        }
      }
    }
    assert.ok(gated > 200, `only ${gated} patterns gated`);
  });

  it('gate on words every match must hold, and on nothing else', () => {
    const gate = (src: string): string[] | undefined => patternGates(src)[0]?.words;
    assert.deepEqual(gate('(call function: (identifier) @f (#eq? @f "eval")) @match'), ['eval']);
    assert.deepEqual(gate('((call function: (identifier) @f) @match (#any-of? @f "exec" "eval"))'), ['exec', 'eval']);
    assert.deepEqual(gate('(call function: (identifier) @f (#match? @f "^(readFile|writeFile)Sync$")) @match'), ['readFile', 'writeFile']);
    // #eq? holds when its capture matched nothing: an optional or alternative capture cannot gate.
    assert.equal(gate('(call function: (identifier)? @f (#eq? @f "eval")) @match'), undefined);
    assert.equal(gate('(call function: [(identifier) @f (attribute)] (#eq? @f "eval")) @match'), undefined);
    // #any-of? and #match? fail on a missing capture, so they gate wherever it is.
    assert.deepEqual(gate('(call function: [(identifier) @f (attribute attribute: (identifier) @f)] (#any-of? @f "eval" "exec")) @match'), ['eval', 'exec']);
    // Negative predicates, captures compared with captures, short words and several roots do not gate.
    assert.equal(gate('(call function: (identifier) @f (#not-eq? @f "eval")) @match'), undefined);
    assert.equal(gate('(call function: (identifier) @f arguments: (_ (identifier) @g) (#eq? @f @g)) @match'), undefined);
    assert.equal(gate('(call function: (identifier) @f (#any-of? @f "Do" "exec")) @match'), undefined);
    assert.equal(gate('((comment) @c . (function_definition) @match (#match? @c "nolint"))'), undefined);
    assert.equal(gate('(call function: (identifier) @f (#eq? @f "eval"))+ @match'), undefined);
    assert.equal(gate('(_ (identifier) @f (#eq? @f "eval")) @match'), undefined);
    // The most selective predicate wins; comments, strings with brackets and fields do not confuse the split.
    const two = patternGates(`
      ; a comment with (parens) and "quotes"
      (call function: (attribute object: (identifier) @o attribute: (identifier) @f)
        (#eq? @o "os") (#any-of? @f "system" "popen")) @match
      (string) @match (#match? @match "\\\\(\\\\[")`);
    assert.equal(two.length, 2);
    assert.deepEqual(two[0]?.words, ['system', 'popen']);
    assert.equal(two[0]?.root, 'call');
    assert.equal(two[1]?.words, undefined);
  });

  it('derive the words a regex requires', () => {
    assert.deepEqual(requiredWords('^(get|post)$'), ['get', 'post']);
    assert.deepEqual(requiredWords('^exec(Sync|File)?$'), ['exec']);
    assert.deepEqual(requiredWords('ab?cd'), ['cd']);
    assert.deepEqual(requiredWords('x[abc]yz'), ['yz']);
    assert.deepEqual(requiredWords('\\.(get|post)\\('), ['get', 'post']);
    assert.equal(requiredWords('^(foo|)$'), undefined);
    assert.equal(requiredWords('^\\w+$'), undefined);
    assert.equal(requiredWords('a|.*'), undefined);
    // Every string the regex matches contains one of the words.
    for (const [re, samples] of [['^(?:Math|crypto)\\.random(Int)?$', ['Math.random', 'crypto.randomInt']], ['Sync$', ['readFileSync']]] as const) {
      const words = requiredWords(re) ?? [];
      for (const s of samples) {
        assert.ok(new RegExp(re).test(s));
        assert.ok(words.some((w) => s.includes(w)), `${s} holds none of ${words.join(', ')}`);
      }
    }
  });

  it('find the rules whose words lie inside a node', () => {
    const text = 'a.fetch(x); b.exec(y); fetchAll()';
    const hits = [...text.matchAll(/(?=(fetch|exec))/g)].map((m): [number, string] => [m.index, m[1] ?? '']);
    const wordsAt = new Map([['fetch', ['fetch']], ['exec', ['exec']]]);
    const occ = new GateOccurrences(hits, wordsAt, [['F', new Map([['call', ['fetch']]])], ['E', new Map([['call', ['exec']]])]] as const);
    const inside = (s: string): string[] => [...occ.rulesIn('call', text.indexOf(s), () => text.indexOf(s) + s.length)].sort();
    assert.deepEqual(inside('a.fetch(x)'), ['F']);
    assert.deepEqual(inside('b.exec(y)'), ['E']);
    assert.deepEqual(inside('a.fetch(x); b.exec(y)'), ['E', 'F']);
    assert.deepEqual(inside('(x)'), []);
    assert.ok(occ.none('new'));
    assert.deepEqual([...occ.rules()].sort(), ['E', 'F']);
  });

  it('run a pattern at the innermost node only when its word sits in an identifier no node of its type can enclose', () => {
    const inner = (src: string): boolean => !!patternGates(src)[0]?.innermost;
    // The word is an identifier right under the root, or under nodes of other types.
    assert.ok(inner('(method_invocation object: (identifier) @o name: (identifier) @f (#eq? @o "URI") (#eq? @f "create")) @match'));
    assert.ok(inner('(call_expression function: (member_expression object: (identifier) @p property: (property_identifier) @f) (#eq? @p "Math") (#eq? @f "random")) @match'));
    assert.ok(inner('(call_expression function: [(identifier) @f (member_expression property: (property_identifier) @f)] (#any-of? @f "fetch" "request")) @match'));
    // Not when a node on the way may be of the root type (a wildcard, or the type itself), when the capture is the
    // root or no identifier, or when one of several items with the capture is not pinned.
    assert.ok(!inner('(call_expression function: (_ (identifier) @f) (#eq? @f "fetch")) @match'));
    assert.ok(!inner('(call_expression function: (call_expression function: (identifier) @f) (#eq? @f "fetch")) @match'));
    assert.ok(!inner('((identifier) @f (#eq? @f "fetch")) @match'));
    assert.ok(!inner('(call function: (attribute) @f (#match? @f "requests\\.get")) @match'));
    assert.ok(!inner('(call_expression function: [(identifier) @f (_ (identifier) @f)] (#any-of? @f "fetch" "request")) @match'));
    assert.ok(!inner('(call_expression arguments: (arguments (string) @s) (#match? @s "http://")) @match'));
  });

  it('give each occurrence to the innermost node of its type that holds it', () => {
    //            0         1         2         3         4
    //            0123456789012345678901234567890123456789012345
    const text = 'send(build(URI.create(u)), URI.create(v)) URIx';
    const hits: [number, string][] = [...text.matchAll(/URI/g)].map((m) => [m.index, 'URI']);
    const occ = new GateOccurrences(hits, new Map([['URI', ['URI']]]), [['S', new Map([['call', ['URI']]]), new Set(['call'])]] as const);
    // Calls in query order (outer first): send(...), build(...), URI.create(u), URI.create(v).
    const spans: [number, number][] = [[0, 41], [5, 25], [11, 24], [27, 40]];
    const nodes = spans.map(([start]) => [{ startIndex: start }, 'call'] as const);
    const got = occ.innermost(nodes, (i) => (spans[i] as [number, number])[1]);
    assert.deepEqual([...got.keys()].sort(), [2, 3]);
    assert.deepEqual([...(got.get(2) ?? [])], ['S']);
    // The word after the last call lies in no call; rulesIn leaves innermost-only rules to innermost().
    assert.deepEqual([...occ.rulesIn('call', 0, () => 41)], []);
    assert.ok(!occ.none('call'));
    assert.deepEqual(occ.types(), ['call']);
    assert.deepEqual([...occ.rules()], ['S'], 'innermost-only rules count too');
  });

  it('report exactly what running every pattern in the fused pass reports', async function () {
    this.timeout(300_000);
    const gated = await sharedEngine();
    const plain = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), gates: false });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfx-gates-'));
    try {
      buildSpecCorpus(ROOT, dir, Number(process.env.GATES_CORPUS_MB ?? 1));
      const all = [
        ...listFiles(path.join(ROOT, 'server/src/rules')).filter((p) => p.includes('.fixture.')),
        ...listFiles(path.join(ROOT, 'examples')),
        ...listFiles(dir),
      ];
      let findings = 0;
      for (const p of all) {
        const lang = languageForPath(p);
        if (!lang) continue;
        const text = fs.readFileSync(p, 'utf8');
        const a = plain.analyzeText(p, lang, text).findings.map(key);
        const b = gated.analyzeText(p, lang, text).findings.map(key);
        assert.deepEqual(b, a, p);
        findings += a.length;
      }
      assert.ok(findings > 1000, `only ${findings} findings compared`);
    } finally {
      plain.registry.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
