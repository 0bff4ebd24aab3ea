// The edits to web-tree-sitter's glue (scripts/tree-sitter-patches.cjs), which the unit tests load as the bundles do
// (test/helpers/tree-sitter-glue.cjs): what they change must read exactly as the unedited glue reads it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Edit, type Node, type Tree } from 'web-tree-sitter';
import { ROOT, sharedEngine } from '../helpers/engine';

/** Every node of a tree with the start position the tree cursor reads for it (a WASM call of its own). */
function everyNode(tree: Tree): [Node, { row: number; column: number }][] {
  const out: [Node, { row: number; column: number }][] = [];
  const c = tree.walk();
  try {
    for (;;) {
      out.push([c.currentNode, c.startPosition]);
      if (c.gotoFirstChild()) continue;
      while (!c.gotoNextSibling()) if (!c.gotoParent()) return out;
    }
  } finally {
    c.delete();
  }
}

describe('web-tree-sitter glue edits', () => {
  it("a node keeps its start position as two numbers: it reads as the cursor's, goes back to WASM intact and follows an edit", async () => {
    const engine = await sharedEngine();
    const text = fs.readFileSync(path.join(ROOT, 'examples/shop/checkout/src/payments.ts'), 'utf8');
    const tree = engine.parse('typescript', text);
    try {
      const nodes = everyNode(tree);
      assert.ok(nodes.length > 500);
      for (const [node, expected] of nodes) {
        assert.deepEqual(node.startPosition, expected);
        // marshalNode hands the position back to WASM: a node's own descendant lookup at its start finds it again.
        assert.equal(node.descendantForPosition(node.startPosition)?.startIndex, node.startIndex);
      }
      // Insert "abc" at the start of line 2: nodes starting later on that line move right, later lines keep columns.
      const lineStart = text.indexOf('\n') + 1;
      const edit = new Edit({
        startIndex: lineStart,
        oldEndIndex: lineStart,
        newEndIndex: lineStart + 3,
        startPosition: { row: 1, column: 0 },
        oldEndPosition: { row: 1, column: 0 },
        newEndPosition: { row: 1, column: 3 },
      });
      for (const [node, before] of nodes.filter(([n]) => n.startIndex >= lineStart).slice(0, 200)) {
        const index = node.startIndex;
        node.edit(edit);
        assert.equal(node.startIndex, index + 3);
        assert.deepEqual(node.startPosition, before.row === 1 ? { row: 1, column: before.column + 3 } : before);
      }
      // Text is read from the parsed string without a position (the callback takes only the index).
      const first = tree.rootNode.firstChild;
      assert.ok(first && first.text.length > 5 && text.slice(first.startIndex, first.endIndex) === first.text);
    } finally {
      tree.delete();
    }
  });
});
