import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_ANALYZE_OPTIONS, Engine } from '../../server/src/engine/analyzer';
import { defineRule } from '../../server/src/engine/define-rule';
import { SourceDocument } from '../../server/src/engine/document';
import { languageForDocument, languageForPath, isPolicyPath } from '../../server/src/engine/languages';
import { ParseTimeoutError } from '../../server/src/engine/parser-pool';
import { LineIndex } from '../../server/src/engine/span';
import { getIn, scalarIn, yamlDocuments } from '../../server/src/engine/yaml-ast';
import { normalizeSettings, DEFAULT_SETTINGS } from '../../server/src/protocol/settings';
import { levelResolver } from '../../server/src/handlers/settings';
import { RULES } from '../../server/src/rules/index';
import { at, ROOT, sharedEngine } from '../helpers/engine';
import { JUNK, rng } from '../helpers/random';

const GO = 'package main\n\nimport "net/http"\n\nfunc f(u string) {\n\thttp.Get(u)\n\thttp.Get(u)\n}\n';

function ids(e: Engine, file: string, lang: Parameters<Engine['analyzeText']>[1], text: string): string[] {
  return e.analyzeText(file, lang, text).findings.map((f) => `${f.ruleId}@${f.span.startPos.line}:${f.span.startPos.character}`);
}

describe('engine', () => {
  let engine: Engine;
  before(async () => {
    engine = await sharedEngine();
  });

  it('loads every grammar and compiles every rule', () => {
    assert.equal(engine.pool.languages.size, 7);
    assert.deepEqual(engine.registry.errors, []);
    assert.ok(engine.registry.rules.length >= 1);
  });

  it('maps paths and editor language ids to grammars', () => {
    assert.equal(languageForPath('a/b.tsx'), 'tsx');
    assert.equal(languageForPath('x.mjs'), 'javascript');
    assert.equal(languageForPath('Makefile'), undefined);
    assert.equal(languageForDocument('typescriptreact', 'file:///a.tsx'), 'tsx');
    assert.equal(languageForDocument('dfx-policy', 'file:///.dfx.yaml'), 'yaml');
    assert.ok(isPolicyPath('/w/.dfx.yaml') && isPolicyPath('/w/team.dfx.yml') && !isPolicyPath('/w/deploy.yaml'));
  });

  describe('incremental parsing', () => {
    it('gives the same findings as a fresh parse after random edits, in every language', () => {
      const samples: [Parameters<Engine['analyzeText']>[1], string][] = [
        ['go', 'examples/shop/cart/handlers.go'],
        ['typescript', 'examples/shop/checkout/src/server.ts'],
        ['javascript', 'examples/shop/checkout/src/util.js'],
        ['python', 'examples/shop/recommender/app.py'],
        ['java', 'examples/shop/inventory/src/main/java/shop/inventory/InventoryClient.java'],
        ['yaml', 'examples/shop/k8s/cart.yaml'],
      ];
      const r = rng(7);
      for (const [lang, file] of samples) {
        let text = fs.readFileSync(path.join(ROOT, file), 'utf8');
        let reparses = 0;
        const doc = new SourceDocument('file:///x', lang, 1, text, (l, t, old) => {
          reparses += old ? 1 : 0;
          return engine.parse(l, t, old);
        });
        for (let i = 0; i < 150; i++) {
          const lines = new LineIndex(text);
          const s = r.int(text.length + 1);
          const e = Math.min(text.length, s + (r.next() < 0.4 ? r.int(15) : 0));
          const insert = r.next() < 0.4 ? '' : r.pick(JUNK);
          doc.update([{ range: { start: lines.positionAt(s), end: lines.positionAt(e) }, text: insert }], i + 2);
          text = text.slice(0, s) + insert + text.slice(e);
          assert.equal(doc.text, text);
        }
        assert.equal(reparses, 150, 'every change re-parsed with the old tree');
        const incremental = engine.analyzeTree(file, lang, doc.text, doc.tree!).findings.map((f) => `${f.ruleId}@${f.span.start}`);
        const fresh = engine.analyzeText(file, lang, text).findings.map((f) => `${f.ruleId}@${f.span.start}`);
        assert.deepEqual(incremental, fresh, lang);
        doc.dispose();
      }
    });

    it('handles multi-change updates and full replacements', () => {
      const doc = new SourceDocument('file:///y.go', 'go', 1, GO, (l, t, old) => engine.parse(l, t, old));
      const p = at(GO, 'http.Get');
      doc.update([
        { range: { start: p, end: { line: p.line, character: p.character + 4 } }, text: 'cli' },
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n' },
      ], 2);
      assert.equal(engine.analyzeTree('y.go', 'go', doc.text, doc.tree!).findings.filter((f) => f.ruleId === 'go-http-no-timeout').length, 1);
      doc.update([{ text: 'package main\n' }], 3);
      assert.equal(doc.text, 'package main\n');
      assert.equal(engine.analyzeTree('y.go', 'go', doc.text, doc.tree!).findings.length, 0);
      doc.dispose();
    });
  });

  describe('time budget', () => {
    it('stops a parse past its budget with ParseTimeoutError and keeps working', () => {
      const huge = 'package main\n' + 'func f() { a := []int{1, 2, 3}; _ = a }\n'.repeat(60_000);
      assert.throws(() => engine.parse('go', huge, null, 1), ParseTimeoutError);
      const after = engine.analyzeText('x.go', 'go', GO);
      assert.equal(after.findings.filter((f) => f.ruleId === 'go-http-no-timeout').length, 2);
      const r = engine.analyzeText('x.go', 'go', huge, { ...DEFAULT_ANALYZE_OPTIONS, maxFileSize: 1e9, parseBudgetMs: 1 });
      assert.equal(r.findings.length, 1);
      assert.match(r.findings[0]!.message, /budget/);
    });
  });

  describe('suppressions', () => {
    const text = (s: string): string => `package main\n\nimport "net/http"\n\nfunc f(u string) {\n${s}\n}\n`;
    const count = (t: string, id = 'go-http-no-timeout'): number => engine.analyzeText('s.go', 'go', t).findings.filter((f) => f.ruleId === id).length;

    it('dfx-ignore on the line above or the same line', () => {
      assert.equal(count(text('\t// dfx-ignore go-http-no-timeout: upstream is local\n\thttp.Get(u)')), 0);
      assert.equal(count(text('\thttp.Get(u) // dfx-ignore go-http-no-timeout')), 0);
      assert.equal(count(text('\t// dfx-ignore go-http-no-timeout: only the next line\n\thttp.Get(u)\n\thttp.Get(u)')), 1);
      assert.equal(count(text('\t// dfx-ignore some-other-rule\n\thttp.Get(u)')), 1);
    });

    it('dfx-ignore-file and several ids', () => {
      assert.equal(count(`// dfx-ignore-file go-http-no-timeout\n${text('\thttp.Get(u)\n\thttp.Get(u)')}`), 0);
      assert.equal(count(text('\t// dfx-ignore direct-clock-call, go-http-no-timeout: both\n\thttp.Get(u)')), 0);
    });

    it('a marker inside a string is not a suppression', () => {
      assert.equal(count(text('\thttp.Get("dfx-ignore go-http-no-timeout")')), 1);
    });

    it('YAML comments suppress findings in manifests (once Kubernetes rules exist)', () => {
      const k8s = RULES.find((r) => r.meta.kubernetes);
      if (!k8s) return;
      const manifest = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: a\n          image: a:latest\n';
      const all = engine.analyzeText('m.yaml', 'yaml', manifest).findings.filter((f) => !f.meta);
      assert.ok(all.length > 0);
      const ids2 = [...new Set(all.map((f) => f.ruleId))].join(', ');
      const suppressed = engine.analyzeText('m.yaml', 'yaml', `# dfx-ignore-file ${ids2}\n${manifest}`).findings.filter((f) => !f.meta);
      assert.deepEqual(suppressed, []);
    });

    it('an unused suppression and an unknown rule id are reported as hints', () => {
      const r = engine.analyzeText('s.go', 'go', text('\t// dfx-ignore go-http-no-timeout: stale\n\tx := 1\n\t// dfx-ignore go-http-no-timout\n\thttp.Get(u)'));
      const hints = r.findings.filter((f) => f.ruleId === 'dfx-unused-suppression');
      assert.equal(hints.length, 2);
      assert.ok(hints.every((h) => h.severity === 'hint' && h.unnecessary));
      assert.match(hints[1]!.message, /did you mean "go-http-no-timeout"/);
    });
  });

  describe('rule failures', () => {
    it('a rule that throws is skipped and reported; the others still run', async () => {
      const boom = defineRule({
        id: 'test-boom',
        pillar: 'reliability',
        severity: 'warning',
        languages: ['go'],
        title: 'throws',
        description: 'always throws',
        query: '(call_expression) @match',
        message: 'x',
        filter: () => {
          throw new Error('kaboom');
        },
      });
      const e = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), rules: [boom, ...RULES] });
      const r = e.analyzeText('x.go', 'go', GO);
      assert.deepEqual(r.failures.map((f) => f.ruleId), ['test-boom']);
      assert.match(r.failures[0]!.message, /kaboom/);
      assert.equal(r.findings.filter((f) => f.ruleId === 'go-http-no-timeout').length, 2);
      e.registry.dispose();
    });

    it('a query that does not compile is reported, not thrown', async () => {
      const bad = defineRule({ id: 'test-bad-query', pillar: 'security', severity: 'error', languages: ['go'], title: 'bad', description: 'bad', query: '(no_such_node) @match', message: 'x' });
      const reported: string[] = [];
      const e = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), rules: [bad, ...RULES], onCompileError: (x) => reported.push(`${x.ruleId}:${x.language}`) });
      // Queries compile per language on first use, and the failure is reported then.
      assert.deepEqual(reported, []);
      assert.ok(e.analyzeText('x.go', 'go', GO).findings.length > 0);
      assert.deepEqual(reported, ['test-bad-query:go']);
      assert.deepEqual(e.registry.errors.map((x) => x.ruleId), ['test-bad-query']);
      e.registry.dispose();
    });
  });

  describe('odd input', () => {
    it('empty, broken, binary-looking and unknown-construct text never throw', () => {
      for (const lang of ['go', 'typescript', 'tsx', 'javascript', 'python', 'java', 'yaml'] as const) {
        for (const t of ['', '\u0000\u0001\u0002', 'func (( {', '\uFFFD\uFFFD\uD800', '{{ .Values.x }}', ')))]]]}}}']) {
          assert.ok(Array.isArray(engine.analyzeText(`x.${lang}`, lang, t).findings));
        }
      }
    });

    it('a file over the size cap gets one info finding', () => {
      const r = engine.analyzeText('x.go', 'go', GO.repeat(10), { ...DEFAULT_ANALYZE_OPTIONS, maxFileSize: 100 });
      assert.equal(r.findings.length, 1);
      assert.equal(r.findings[0]!.severity, 'info');
      assert.match(r.findings[0]!.message, /over the .* cap/);
    });
  });

  describe('yaml model', () => {
    it('keeps exact positions for keys and values across documents, anchors and flow style', () => {
      const text = 'a: 1\nb:\n  c: "x"\n  d: [1, two]\n  e: &anc {k: v}\n  f: *anc\n---\nkind: Service\n';
      const tree = engine.parse('yaml', text);
      const docs = yamlDocuments(tree);
      assert.equal(docs.length, 2);
      assert.equal(scalarIn(docs[0]!.root, 'a'), 1);
      assert.equal(scalarIn(docs[0]!.root, 'b', 'c'), 'x');
      assert.equal(scalarIn(docs[0]!.root, 'b', 'd', 1), 'two');
      assert.equal(scalarIn(docs[0]!.root, 'b', 'f', 'k'), 'v');
      const c = getIn(docs[0]!.root, 'b', 'c')!;
      assert.deepEqual(c.span.startPos, at(text, '"x"'));
      assert.equal(scalarIn(docs[1]!.root, 'kind'), 'Service');
      tree.delete();
    });
  });

  describe('settings', () => {
    it('normalizeSettings never throws and falls back per field', () => {
      assert.deepEqual(normalizeSettings(undefined), { ...DEFAULT_SETTINGS, rules: {}, exclude: [...DEFAULT_SETTINGS.exclude] });
      const s = normalizeSettings({ enable: 'yes', maxFileSizeKb: -1, rules: { a: 'error', b: 'loud' }, exclude: ['x', 3], trace: 'debug' });
      assert.equal(s.enable, true);
      assert.equal(s.maxFileSizeKb, 1);
      assert.deepEqual(s.rules, { a: 'error' });
      assert.deepEqual(s.exclude, ['x']);
      assert.equal(s.trace, 'debug');
    });

    it('rule id beats pillar beats default; enable=false turns everything off', () => {
      const meta = RULES[0]!.meta;
      assert.equal(levelResolver(normalizeSettings({}))(meta), meta.severity);
      assert.equal(levelResolver(normalizeSettings({ rules: { [meta.pillar]: 'off' } }))(meta), 'off');
      assert.equal(levelResolver(normalizeSettings({ rules: { [meta.pillar]: 'off', [meta.id]: 'error' } }))(meta), 'error');
      assert.equal(levelResolver(normalizeSettings({ enable: false }))(meta), 'off');
    });
  });

  it('rules see paths relative to the project root, so a project under a folder named test is not all tests', () => {
    const code = 'package svc\n\nimport "time"\n\nfunc Expiry() time.Time { return time.Now().Add(time.Hour) }\n';
    const clock = (p: string, root?: string): number =>
      engine.analyzeText(p, 'go', code, { ...DEFAULT_ANALYZE_OPTIONS, ...(root ? { roots: ['/elsewhere', root] } : {}) }).findings.filter((f) => f.ruleId === 'direct-clock-call').length;
    assert.equal(clock('/home/u/test/shop/svc/expiry.go', '/home/u/test/shop'), 1);
    assert.equal(clock('file:///home/u/test/shop/svc/expiry.go', 'file:///home/u/test/shop'), 1);
    assert.equal(clock('/home/u/test/shop/svc/expiry_test.go', '/home/u/test/shop'), 0);
    assert.equal(clock('/home/u/test/shop/test/expiry.go', '/home/u/test/shop'), 0);
  });

  it('analyses the same text the same way twice (no state leaks between files)', () => {
    assert.deepEqual(ids(engine, 'a.go', 'go', GO), ids(engine, 'a.go', 'go', GO));
  });
});
