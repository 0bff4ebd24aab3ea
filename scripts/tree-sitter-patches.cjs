// Edits to web-tree-sitter's glue, shared by the build (scripts/build.mjs, for every bundle) and by the unit tests
// (test/helpers/tree-sitter-glue.cjs, which run the engine from source): both run the glue that ships.
'use strict';

/**
 * Edits to web-tree-sitter's JavaScript glue, which runs for every node a query match or a rule touches. Each was
 * measured with a CPU profile of `genai4dfx check` over the bench corpus (0.27.2) and kept only if the scan got faster
 * with identical findings. The build fails if a text is not found (a new version: re-measure, re-check).
 *
 * - getValue/setValue: a string switch per call, almost all for "i32" (220 ms of 4.4 s): the i32 case first.
 * - Node's handle lived in an element, `this[0]` (plus a class field `[0] = 0`): an elements store allocated for every
 *   new Node (258 ms; the Node constructor still cost 153 ms self after the field went). It is a named property now,
 *   and the constructor sets every field once, in one order, so all Nodes share one shape.
 * - `#match?` built a named closure (`__name`, a defineProperty) on every predicate test (42 ms).
 * The last two together: 3.91 -> 3.64 s (median of five interleaved runs on the bench corpus).
 * - The parse callback copied each 10 KB chunk of text into WASM memory a character at a time through a DataView
 *   (28 ms per scan of the spec corpus): Node's Buffer writes the same UTF-16 units (little-endian, as WASM is) natively.
 * - Query.copy() over ts_query_copy, which the WASM exports but the glue does not wrap: a copy whose patterns outside a
 *   file's active rules are disabled replaces compiling that subset (RuleRegistry.fusedFor). Only the WASM pointer
 *   differs from the original; the parsed predicates and capture names are shared, as neither is ever changed.
 * - Query snapshots (server/src/engine/query-snapshot.ts): `Query.wasm()` hands out the module (its heap, malloc and the
 *   ts_query_* exports), and a query can be built from a restored TSQuery instead of ts_query_new: the caller sets
 *   `Query.restoring` to a function of the language's address that returns the query's, for exactly the next
 *   construction. Compiling the catalogue's queries cost about 150 ms of every CLI run (the analysis of the grammar's
 *   parse states); a restore takes microseconds.
 * - A Node keeps its start position as two numbers, not an object, and is built from plain arguments instead of an
 *   options object: two fewer allocations for each of about a million nodes a scan of the spec corpus unmarshals
 *   (unmarshalNode allocated 123 MB of a warm scan's 729 MB). `startPosition` is a getter (and setter, for
 *   Node.edit); `text` passes no position to a text callback that takes only the index, as the one for a parsed
 *   string does. 2.62 -> 2.60 s (median of eight interleaved runs). test/engine/glue.test.ts checks the positions.
 */
const TREE_SITTER_PATCHES = [
  [
    'var Query = class {\n  static {\n    __name(this, "Query");\n  }\n',
    'var Query = class {\n  static {\n    __name(this, "Query");\n  }\n  static wasm() {\n    return C;\n  }\n',
  ],
  [
    '    const address = C._ts_query_new(\n      language[0],\n',
    '    const restore = Query.restoring;\n    Query.restoring = void 0;\n    const address = restore ? restore(language[0]) : C._ts_query_new(\n      language[0],\n',
  ],
  [
    'function getValue(ptr, type = "i8") {\n',
    'function getValue(ptr, type = "i8") {\n          if (type === "i32") return HEAP_DATA_VIEW.getInt32((ptr >> 2) * 4, true);\n',
  ],
  [
    'function setValue(ptr, value, type = "i8") {\n',
    'function setValue(ptr, value, type = "i8") {\n          if (type === "i32") return void HEAP_DATA_VIEW.setInt32((ptr >> 2) * 4, value, true);\n',
  ],
  [
    '    __name(this, "Node");\n  }\n  /** @internal */\n  // @ts-expect-error: never read\n  [0] = 0;\n  // Internal handle for Wasm\n  /** @internal */\n  _children;\n  /** @internal */\n  _namedChildren;\n',
    '    __name(this, "Node");\n  }\n',
  ],
  [
    '    assertInternal(internal);\n    this[0] = other;\n    this.id = id;\n    this.tree = tree;\n    this.startIndex = startIndex;\n    this.startPosition = startPosition;\n  }\n',
    '    assertInternal(internal);\n    this._handle = other;\n    this.id = id;\n    this.tree = tree;\n    this.startIndex = startIndex;\n    this.startPosition = startPosition;\n'
      + '    this._children = void 0;\n    this._namedChildren = void 0;\n  }\n',
  ],
  ['  id;\n  /** The byte index where this node starts. */\n  startIndex;\n  /** The position where this node starts. */\n  startPosition;\n  /** The tree that this node belongs to. */\n  tree;\n', ''],
  ['  C.setValue(address, node[0], "i32");\n', '  C.setValue(address, node._handle, "i32");\n'],
  [
    '    const test = /* @__PURE__ */ __name((text, positive) => {\n      return positive ? regex.test(text) : !regex.test(text);\n    }, "test");\n',
    '    const test = (text, positive) => positive ? regex.test(text) : !regex.test(text);\n',
  ],
  [
    '            setValue(lengthAddress, string.length, "i32");\n            stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);\n',
    '            setValue(lengthAddress, string.length, "i32");\n'
      + '            const n = Math.min(string.length, INPUT_BUFFER_SIZE / 2 - 1);\n'
      + '            Buffer.from(HEAPU8.buffer, inputBufferAddress, INPUT_BUFFER_SIZE).write(n < string.length ? string.slice(0, n) : string, 0, 2 * n, "utf16le");\n'
      + '            HEAPU8[inputBufferAddress + 2 * n] = 0;\n            HEAPU8[inputBufferAddress + 2 * n + 1] = 0;\n',
  ],
  [
    '  disablePattern(patternIndex) {\n',
    '  copy() {\n    const q = Object.create(Object.getPrototypeOf(this));\n    Object.assign(q, this);\n'
      + '    q[0] = C._ts_query_copy(this[0]);\n    q.exceededMatchLimit = false;\n    return q;\n  }\n'
      + '  disablePattern(patternIndex) {\n',
  ],
  [
    '  constructor(internal, {\n    id,\n    tree,\n    startIndex,\n    startPosition,\n    other\n  }) {\n    assertInternal(internal);\n    this._handle = other;\n    this.id = id;\n    this.tree = tree;\n    this.startIndex = startIndex;\n    this.startPosition = startPosition;\n'
      + '    this._children = void 0;\n    this._namedChildren = void 0;\n  }\n',
    '  constructor(internal, id, tree, startIndex, row, column, other) {\n    assertInternal(internal);\n    this._handle = other;\n    this.id = id;\n    this.tree = tree;\n    this.startIndex = startIndex;\n'
      + '    this._row = row;\n    this._column = column;\n    this._children = void 0;\n    this._namedChildren = void 0;\n  }\n'
      + '  get startPosition() {\n    return { row: this._row, column: this._column };\n  }\n'
      + '  set startPosition(point) {\n    this._row = point.row;\n    this._column = point.column;\n  }\n',
  ],
  [
    '  const result = new Node(INTERNAL, {\n    id,\n    tree,\n    startIndex: index,\n    startPosition: { row, column },\n    other\n  });\n',
    '  const result = new Node(INTERNAL, id, tree, index, row, column, other);\n',
  ],
  ['  C.setValue(address, node.startPosition.row, "i32");\n', '  C.setValue(address, node._row, "i32");\n'],
  ['  C.setValue(address, node.startPosition.column, "i32");\n', '  C.setValue(address, node._column, "i32");\n'],
  [
    '    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);\n  }\n  /** Get this node\'s parse state. */\n',
    '    return getText(this.tree, this.startIndex, this.endIndex, this.tree.textCallback.length > 1 ? this.startPosition : void 0);\n  }\n  /** Get this node\'s parse state. */\n',
  ],
];

/** The glue with every edit applied; throws when a text is not found exactly once (a new web-tree-sitter: re-measure, re-check). */
function patchTreeSitterGlue(text) {
  for (const [from, to] of TREE_SITTER_PATCHES) {
    if (text.split(from).length !== 2) throw new Error(`web-tree-sitter changed: cannot apply the build patch at ${JSON.stringify(from.slice(0, 60))} (scripts/tree-sitter-patches.cjs)`);
    text = text.replace(from, to);
  }
  return text;
}

module.exports = { TREE_SITTER_PATCHES, patchTreeSitterGlue };
