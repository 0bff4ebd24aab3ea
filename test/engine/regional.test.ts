// Region re-analysis (Engine.analyzeTree with `incremental`): after an edit, the rules marked `local` re-run only on
// the changed top-level declarations and keep their other findings. That is only right if each local rule really
// depends on nothing outside its declaration, so this test edits every rule fixture and example at random (seeded)
// and after each edit compares the incremental findings with a full analysis of the same tree. A local rule's own
// fixtures get more edits, since they are where its findings (and so its mistakes) are.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { Engine, IncrementalState } from '../../server/src/engine/analyzer';
import { DEFAULT_ANALYZE_OPTIONS, topLevelRegion } from '../../server/src/engine/analyzer';
import { isQueryRule } from '../../server/src/engine/define-rule';
import { SourceDocument } from '../../server/src/engine/document';
import { LineIndex } from '../../server/src/engine/span';
import { languageForPath } from '../../server/src/engine/languages';
import type { Finding } from '../../server/src/engine/types';
import { RULES } from '../../server/src/rules/index';
import { ROOT, sharedEngine } from '../helpers/engine';
import { JUNK, rng } from '../helpers/random';

const seed = Number(process.env.REGION_SEED ?? 20261125);
const editsPerFile = Number(process.env.REGION_EDITS ?? 8);
const editsPerLocalFixture = Number(process.env.REGION_LOCAL_EDITS ?? 32);

/** Analysable files under a folder; under the rules, only fixtures (not the rules' own sources). */
function files(dir: string, fixturesOnly: boolean, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, fixturesOnly, out);
    else if (languageForPath(p) && (!fixturesOnly || e.name.includes('.fixture.'))) out.push(p);
  }
  return out;
}

/** Root children that are the import/package section: Go package and imports, Java package and imports, JS/TS and Python imports. */
const IMPORTS = /^(package_clause|package_declaration|import_declaration|import_statement|import_from_statement|future_import_statement)$/;

/** The node naming a top-level declaration: its `name`, through export/decorators, or its first declarator's or assignment's. */
function declaredName(top: Node): Node | undefined {
  let n = top;
  if (n.type === 'export_statement') n = n.childForFieldName('declaration') ?? n;
  if (n.type === 'decorated_definition') n = n.childForFieldName('definition') ?? n;
  const own = n.childForFieldName('name');
  if (own) return own;
  // lexical/variable declarations (JS/TS), var/const/type declarations (Go, incl. spec lists), Python assignments.
  for (const c of n.namedChildren.flatMap((c) => (/_list$/.test(c.type) ? c.namedChildren : [c]))) {
    const name = c.childForFieldName('name') ?? (c.type === 'assignment' ? c.childForFieldName('left') : null);
    if (name && /^[A-Za-z_$][\w$]*$/.test(name.text)) return name;
  }
  return undefined;
}

/** The import/package section: from the first import or package node through the last one right after it (comments between). */
function importSection(root: Node): { start: number; end: number } | undefined {
  let first: Node | undefined;
  let last: Node | undefined;
  for (const c of root.namedChildren) {
    if (IMPORTS.test(c.type)) {
      first ??= c;
      last = c;
    } else if (first && c.type !== 'comment') break;
  }
  return first && last ? { start: first.startIndex, end: last.endIndex } : undefined;
}

type Rng = ReturnType<typeof rng>;

/**
 * One random edit of `text` (`root` is its current tree): a whole top-level declaration deleted or rewritten, its
 * declared name changed (to a new name or one used elsewhere in the file), the import/package section deleted (what
 * other declarations' findings may depend on), or an edit inside a line: a deleted span, junk, a pasted piece of the file.
 */
function randomEdit(r: Rng, text: string, root: Node | undefined): { kind: string; start: number; end: number; insert: string } {
  const op = r.next();
  const top = root && root.childCount ? root.child(r.int(root.childCount)) : null;
  if (op < 0.15 && top) {
    const del = r.next() < 0.5;
    return { kind: del ? 'delete declaration' : 'rewrite declaration', start: top.startIndex, end: top.endIndex, insert: del ? '' : text.slice(top.startIndex, top.endIndex).replace(/\b([A-Za-z_]\w{2,})\b/, '$1X') };
  }
  const name = op < 0.27 && top ? declaredName(top) : undefined;
  if (name) {
    const words = text.match(/\b[A-Za-z_]\w{2,}\b/g) ?? [];
    const other = r.next() < 0.5 ? r.pick(words) : undefined;
    return { kind: `rename ${name.text}`, start: name.startIndex, end: name.endIndex, insert: other && other !== name.text ? other : `${name.text}X` };
  }
  const imports = op >= 0.27 && op < 0.32 && root ? importSection(root) : undefined;
  if (imports) return { kind: 'delete imports', ...imports, insert: '' };
  const lines = text.split('\n');
  const line = r.int(lines.length);
  const start = lines.slice(0, line).reduce((n, s) => n + s.length + 1, 0) + r.int((lines[line]?.length ?? 0) + 1);
  const from = r.int(text.length);
  if (op < 0.5) return { kind: 'delete span', start, end: Math.min(text.length, start + 1 + r.int(30)), insert: '' };
  if (op < 0.75) return { kind: 'insert junk', start, end: start, insert: r.pick(JUNK) };
  return { kind: 'paste', start, end: start, insert: text.slice(from, from + 1 + r.int(160)) };
}

function key(f: Finding): string {
  const fix = f.fix ? ` fix ${f.fix.changes.map((c) => `${c.start}-${c.end}:${c.newText}`).join('|')}` : '';
  return `${f.ruleId}@${f.span.start}-${f.span.end} ${f.span.startPos.line}:${f.span.startPos.character}-${f.span.endPos.line}:${f.span.endPos.character} ${f.severity} ${f.message}${fix}`;
}

describe('engine: region re-analysis after edits', function () {
  this.timeout(240_000);
  let engine: Engine;
  before(async () => {
    engine = await sharedEngine();
  });

  it('some rules are local, and each local rule has a query', () => {
    const local = RULES.filter((d) => isQueryRule(d.spec) && d.spec.local);
    assert.ok(local.length >= 1, `only ${local.length} local rules`);
  });

  it('the region is whole top-level declarations around the change', () => {
    const text = 'package a\n\nfunc f() {\n\tx()\n}\n\nfunc g() {\n\ty()\n}\n';
    const tree = engine.parse('go', text);
    try {
      const at = text.indexOf('y()');
      const r = topLevelRegion(tree, at, at + 1);
      assert.equal(text.slice(r.start, r.end), 'func g() {\n\ty()\n}');
    } finally {
      tree.delete();
    }
  });

  it('with lines, the region takes in declarations sharing a line with a changed one', () => {
    const text = 'package a\n\nvar a = 1; var b = 2\n\nfunc g() {\n\ty()\n}\n';
    const tree = engine.parse('go', text);
    try {
      const at = text.indexOf('1;');
      assert.equal(text.slice(...Object.values(topLevelRegion(tree, at, at + 1)) as [number, number]), 'var a = 1;');
      const r = topLevelRegion(tree, at, at + 1, new LineIndex(text));
      assert.equal(text.slice(r.start, r.end), 'var a = 1; var b = 2');
    } finally {
      tree.delete();
    }
  });

  it('a local rule whose file facts change re-runs over the whole file', () => {
    // js-fetch-no-timeout reads one fact of the whole file (axios.defaults.timeout): typing it at the top changes
    // the findings in every function below, none of which is in the edited region.
    const fns = Array.from({ length: 12 }, (_, i) => `export async function f${i}(u: string) {\n  return axios.get(u);\n}\n`).join('\n');
    const text = `import axios from 'axios';\n\n${fns}`;
    const doc = new SourceDocument('file:///t.ts', 'typescript', 1, text, (l, t, old) => engine.parse(l, t, old));
    try {
      const opts = { ...DEFAULT_ANALYZE_OPTIONS, editing: true };
      const count = (fs: Finding[]): number => fs.filter((f) => f.ruleId === 'js-fetch-no-timeout').length;
      const first = engine.analyzeTree('t.ts', 'typescript', doc.text, doc.tree!, opts, undefined, { key: 'k', changed: doc.takeChanges() });
      assert.equal(count(first.findings), 12);
      const pos = { line: 1, character: 0 };
      doc.update([{ range: { start: pos, end: pos }, text: 'axios.defaults.timeout = 2000;' }], 2);
      const inc = engine.analyzeTree('t.ts', 'typescript', doc.text, doc.tree!, opts, undefined, { key: 'k', changed: doc.takeChanges(), ...(first.state ? { previous: first.state } : {}) });
      assert.equal(inc.region, undefined, 'a full run');
      assert.equal(count(inc.findings), 0);
      // Typing elsewhere afterwards is a region run again, and agrees with a full analysis.
      const at = { line: 4, character: 2 };
      doc.update([{ range: { start: at, end: at }, text: ' ' }], 3);
      const again = engine.analyzeTree('t.ts', 'typescript', doc.text, doc.tree!, opts, undefined, { key: 'k', changed: doc.takeChanges(), ...(inc.state ? { previous: inc.state } : {}) });
      assert.ok(again.region, 'a region run');
      assert.equal(count(again.findings), 0);
    } finally {
      doc.dispose();
    }
  });

  it('drops a previous finding that covered a re-run declaration (it starts at the region and ends at its old end)', () => {
    // A newline typed inside `process` splits the statement in two (ASI): the region starts where the old finding
    // started and ends where it ended, so the old finding must go; only the re-run's finding on the new statement stays.
    const filler = Array.from({ length: 8 }, (_, i) => `const c${i} = ${i}\n`).join('');
    const text = `const a = 1\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'\n${filler}`;
    const doc = new SourceDocument('file:///t.ts', 'typescript', 1, text, (l, t, old) => engine.parse(l, t, old));
    try {
      const opts = { ...DEFAULT_ANALYZE_OPTIONS, editing: true };
      const tree0 = doc.tree;
      assert.ok(tree0);
      const first = engine.analyzeTree('t.ts', 'typescript', doc.text, tree0, opts, undefined, { key: 'k', changed: doc.takeChanges() });
      assert.equal(first.findings.filter((f) => f.ruleId === 'node-tls-verification-disabled').length, 1);
      const at = text.indexOf('process') + 'proce'.length;
      const pos = { line: 1, character: 'proce'.length };
      doc.update([{ range: { start: pos, end: pos }, text: '\n' }], 2);
      const tree = doc.tree;
      assert.ok(tree);
      const inc = engine.analyzeTree('t.ts', 'typescript', doc.text, tree, opts, undefined, { key: 'k', changed: doc.takeChanges(), ...(first.state ? { previous: first.state } : {}) });
      assert.ok(inc.region, 'a region run');
      const fresh = engine.analyzeTree('t.ts', 'typescript', doc.text, tree, opts);
      const spans = (fs: Finding[]): string[] => fs.filter((f) => f.ruleId === 'node-tls-verification-disabled').map((f) => `${f.span.start}-${f.span.end}`);
      assert.deepEqual(spans(inc.findings), spans(fresh.findings));
      assert.deepEqual(spans(inc.findings), [`${at + 1}-${doc.text.indexOf("'0'") + 3}`]);
    } finally {
      doc.dispose();
    }
  });

  it(`agrees with a full analysis after ${editsPerFile} random edits per file, ${editsPerLocalFixture} per local rule fixture (seed ${seed})`, () => {
    const r = rng(seed);
    const all = [...files(path.join(ROOT, 'server/src/rules'), true), ...files(path.join(ROOT, 'examples'), false)];
    const localIds = new Set(RULES.filter((d) => isQueryRule(d.spec) && d.spec.local).map((d) => d.meta.id));
    let regionRuns = 0;
    let compared = 0;
    const kinds = new Map<string, number>();
    for (const file of all) {
      const language = languageForPath(file);
      if (!language) continue;
      const edits = localIds.has(path.basename(file).split('.fixture.')[0] ?? '') ? editsPerLocalFixture : editsPerFile;
      let text = fs.readFileSync(file, 'utf8');
      const doc = new SourceDocument(file, language, 1, text, (l, t, old) => engine.parse(l, t, old));
      let state: IncrementalState | undefined;
      const opts = { ...DEFAULT_ANALYZE_OPTIONS, editing: true };
      let kind = 'open';
      try {
        for (let i = 0; i <= edits; i++) {
          if (i > 0) {
            const e = randomEdit(r, text, doc.tree?.rootNode);
            kind = e.kind;
            const pos = (o: number): { line: number; character: number } => {
              const before = text.slice(0, o).split('\n');
              return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
            };
            const range = { start: pos(e.start), end: pos(e.end) };
            text = text.slice(0, e.start) + e.insert + text.slice(e.end);
            doc.update([{ range, text: e.insert }], i + 1);
          }
          assert.equal(doc.text, text);
          const changed = doc.takeChanges();
          const tree = doc.tree;
          if (!tree) {
            state = undefined;
            continue;
          }
          const inc = engine.analyzeTree(file, language, text, tree, opts, undefined, { key: 'k', changed, ...(state ? { previous: state } : {}) });
          state = inc.state;
          if (!inc.region) continue;
          regionRuns++;
          const op = kind.startsWith('rename') ? 'rename' : kind;
          kinds.set(op, (kinds.get(op) ?? 0) + 1);
          // Against a full analysis of the same tree: an incremental parse of broken code may recover differently
          // from a fresh parse, which is not what this test is about.
          const fresh = engine.analyzeTree(file, language, text, tree, opts);
          const a = inc.findings.map(key);
          const b = fresh.findings.map(key);
          compared++;
          const only = (x: string[], y: string[]): string[] => x.filter((k) => !y.includes(k));
          assert.deepEqual(a, b, `${path.relative(ROOT, file)} after edit ${i} (${kind}, seed ${seed}): region ${inc.region.start}-${inc.region.end}\n`
            + `only incremental: ${only(a, b).join('\n')}\nonly fresh: ${only(b, a).join('\n')}`);
        }
      } finally {
        doc.dispose();
      }
    }
    assert.ok(regionRuns > all.length, `only ${regionRuns} region runs over ${all.length} files`);
    // Every kind of edit ran through a region analysis at least a few times.
    for (const k of ['delete declaration', 'rewrite declaration', 'rename', 'delete imports', 'delete span', 'insert junk', 'paste']) {
      assert.ok((kinds.get(k) ?? 0) >= 5, `only ${kinds.get(k) ?? 0} region analyses after "${k}"`);
    }
    console.log(`      ${compared} region analyses compared over ${all.length} files (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`);
  });
});
