// ancestors() descends once from the root instead of calling `.parent` level by level; parentOf() reads the same path.
// Both must give exactly what tree-sitter's own `.parent` chain gives, on real files and on broken code (ERROR and
// zero-width MISSING nodes), and the one-entry memo must never hand out nodes of another tree.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node, Tree } from 'web-tree-sitter';
import type { Engine } from '../../server/src/engine/analyzer';
import { languageForPath, type LanguageId } from '../../server/src/engine/languages';
import { literalText } from '../../server/src/rules/lib/secrets';
import { ancestors, isLiteralString, parentOf } from '../../server/src/rules/lib/syntax';
import { ROOT, sharedEngine } from '../helpers/engine';

function everyNode(tree: Tree): Node[] {
  const out: Node[] = [];
  const c = tree.walk();
  try {
    for (;;) {
      out.push(c.currentNode);
      if (c.gotoFirstChild()) continue;
      while (!c.gotoNextSibling()) if (!c.gotoParent()) return out;
    }
  } finally {
    c.delete();
  }
}

const parentChain = (n: Node): number[] => {
  const ids: number[] = [];
  for (let p = n.parent; p; p = p.parent) ids.push(p.id);
  return ids;
};

const BROKEN: [LanguageId, string][] = [
  ['go', 'package x\nfunc f() {\n\tfor i := 0; i < 3; i++ {\n\t\tx := g(i,\n\t}\n}\n'],
  ['typescript', 'export function f(a: number) {\n  for (const x of a) { g(x, \n}\n'],
  ['python', 'def f(a):\n    for x in a:\n        g(x,\n'],
  ['java', 'class A { void f() { for (int i = 0; i < 3; i++) { g(i } } }\n'],
];

describe('ancestors and parentOf', () => {
  let engine: Engine;
  before(async () => {
    engine = await sharedEngine();
  });

  const sources: [string, LanguageId, string][] = [];
  for (const dir of ['examples/shop/cart', 'examples/shop/recommender', 'examples/shop/checkout/src', 'examples/shop/inventory/src/main/java/shop/inventory']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir))) {
      const language = languageForPath(f);
      if (language && language !== 'yaml') sources.push([`${dir}/${f}`, language, fs.readFileSync(path.join(ROOT, dir, f), 'utf8')]);
    }
  }
  for (const [language, text] of BROKEN) sources.push([`broken ${language}`, language, text]);

  for (const [name, language, text] of sources) {
    it(`equal the .parent chain for every node of ${name}`, () => {
      const tree = engine.parse(language, text, null, 5000);
      try {
        const nodes = everyNode(tree);
        assert.ok(nodes.length > 10);
        for (const n of nodes) {
          const path = ancestors(n);
          assert.deepEqual(path.map((p) => p.id), parentChain(n), `${n.type} at ${n.startIndex}`);
          // Asked again (the memo) and walked up through the path (parentOf from the path).
          assert.equal(ancestors(n), path);
          assert.equal(parentOf(n)?.id, n.parent?.id);
          for (const p of path) assert.equal(parentOf(p)?.id, p.parent?.id, `parent of ${p.type} above ${n.type}`);
          // An ancestor's own ancestors come from the same path (a sample: the .parent chains are slow to build).
          if (n.startIndex % 7 === 0) for (const p of path) assert.deepEqual(ancestors(p).map((a) => a.id), parentChain(p), `ancestors of ${p.type} above ${n.type}`);
        }
      } finally {
        tree.delete();
      }
    });
  }

  it('never answers from another tree, even when node ids repeat', () => {
    const text = 'package x\nfunc f() { g(1) }\n';
    const a = engine.parse('go', text, null, 5000);
    const b = engine.parse('go', text, null, 5000);
    try {
      const na = a.rootNode.descendantsOfType('int_literal')[0]!;
      const nb = b.rootNode.descendantsOfType('int_literal')[0]!;
      ancestors(na);
      const pb = ancestors(nb);
      assert.ok(pb.length > 0 && pb.every((p) => p.tree === b));
      assert.equal(parentOf(nb)?.tree, b);
    } finally {
      a.delete();
      b.delete();
    }
  });
});

describe('string literals', () => {
  it('an interpolated f-string has no literal text; a brace or an f alone does not make one interpolated', async () => {
    const engine = await sharedEngine();
    const text = 'a = f"tok {v}"\nb = "tok {v}"\nc = f"tok"\nd = rf\'x{{y}}\'\ne = "plain"\n';
    const tree = engine.parse('python', text);
    try {
      const strings = tree.rootNode.descendantsOfType('string');
      assert.deepEqual(strings.map((s) => literalText(s)), [undefined, 'tok {v}', 'tok', 'x{{y}}', 'plain']);
      assert.deepEqual(strings.map((s) => isLiteralString(s)), [false, true, true, true, true]);
    } finally {
      tree.delete();
    }
  });
});
