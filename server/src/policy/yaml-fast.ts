// The positioned YAML model of engine/yaml-ast.ts, built with a TreeCursor instead of Node objects. Same output as
// `yamlDocuments` (a test checks), about 5x faster on large files: every Node a web-tree-sitter call returns is an
// allocation and a trip into WASM, and a 10,000-line policy has hundreds of thousands of them. The engine could adopt
// it for Kubernetes manifests too.
import type { Tree, TreeCursor } from 'web-tree-sitter';
import { LineIndex } from '../engine/span';
import type { Span } from '../engine/types';
import { blockScalarValue, plainValue, unquoteDouble, type YDocument, type YPair, type YScalar, type YValue } from '../engine/yaml-ast';

/**
 * Converted sequence items and mapping pairs of the previous version of a document, by their source text: an edit
 * re-converts only what it touched, the rest is reused (its spans moved). Keep one per open document.
 */
export class YamlReuse {
  /** Entries of the previous conversion, by node type and text. */
  previous = new Map<string, { value: YValue | YPair; start: number }>();
  /** Entries of the current conversion (becomes `previous` afterwards, so the map never outgrows the document). */
  current = new Map<string, { value: YValue | YPair; start: number }>();
}

/** Items and pairs shorter than this are converted directly (a lookup costs about what converting them does). */
const REUSE_MIN = 24;
const REUSE_MAX = 64 * 1024;

/** Every document of a tree-sitter-yaml tree, as `yamlDocuments` would build it. */
export function yamlDocumentsFast(tree: Tree, text: string, lines = new LineIndex(text), reuse?: YamlReuse): YDocument[] {
  const b = new Builder(text, lines, reuse);
  if (reuse) reuse.current = new Map();
  const c = tree.walk();
  const docs: YDocument[] = [];
  try {
    if (!c.gotoFirstChild()) return docs;
    do {
      if (typeOf(c) !== 'document') continue;
      const span = b.span(c.startIndex, c.endIndex);
      const broken = c.currentNode.hasError || /\{\{/.test(text.slice(c.startIndex, c.endIndex));
      let root: YValue | undefined;
      if (c.gotoFirstChild()) {
        do {
          if (c.nodeIsNamed && typeOf(c) !== 'comment') {
            root = b.convert(c);
            break;
          }
        } while (c.gotoNextSibling());
        c.gotoParent();
      }
      docs.push({ index: docs.length, root, span, broken });
    } while (c.gotoNextSibling());
  } finally {
    c.delete();
    if (reuse) {
      reuse.previous = reuse.current;
      reuse.current = new Map();
    }
  }
  return docs;
}

class Builder {
  private readonly anchors = new Map<string, YValue>();

  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly reuse?: YamlReuse) {}

  /** The text of a node when it may be reused: no anchors or aliases (they depend on the rest of the document). */
  private reusable(start: number, end: number): string | undefined {
    if (!this.reuse || end - start < REUSE_MIN || end - start > REUSE_MAX) return undefined;
    const t = this.text.slice(start, end);
    return t.includes('&') || t.includes('*') ? undefined : t;
  }

  /** A previous conversion of the same text, moved to `start`; undefined when there is none. */
  private recall<T extends YValue | YPair>(key: string, start: number): T | undefined {
    const hit = this.reuse?.previous.get(key);
    if (!hit) return undefined;
    const moved = hit.start === start && hit.value.span.startPos.line === this.lines.positionAt(start).line
      ? hit.value
      : shift(hit.value, start - hit.start, this.lines);
    this.reuse?.current.set(key, { value: moved, start });
    return moved as T;
  }

  private remember(key: string | undefined, value: YValue | YPair, start: number): void {
    if (key !== undefined) this.reuse?.current.set(key, { value, start });
  }

  span(start: number, end: number): Span {
    return this.lines.span(start, end);
  }

  /** Convert the node under the cursor (block_node, flow_node or an inner node); the cursor ends where it started. */
  convert(c: TreeCursor): YValue | undefined {
    const type = typeOf(c);
    if (type !== 'block_node' && type !== 'flow_node') return this.inner(c);
    let anchor: string | undefined;
    let value: YValue | undefined;
    let seen = false;
    if (c.gotoFirstChild()) {
      do {
        if (!c.nodeIsNamed) continue;
        const t = typeOf(c);
        if (t === 'anchor') anchor = this.firstNamedText(c) ?? this.text.slice(c.startIndex + 1, c.endIndex);
        else if (t === 'tag' || t === 'comment') continue;
        else if (!seen) {
          seen = true;
          value = this.inner(c);
        }
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    if (anchor && value) this.anchors.set(anchor, value);
    return value;
  }

  private firstNamedText(c: TreeCursor): string | undefined {
    let out: string | undefined;
    if (c.gotoFirstChild()) {
      do {
        if (c.nodeIsNamed) {
          out = this.text.slice(c.startIndex, c.endIndex);
          break;
        }
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    return out;
  }

  private inner(c: TreeCursor): YValue | undefined {
    const start = c.startIndex;
    const end = c.endIndex;
    switch (typeOf(c)) {
      case 'block_mapping':
      case 'flow_mapping': {
        const pairs: YPair[] = [];
        if (c.gotoFirstChild()) {
          do {
            const t = typeOf(c);
            if (t !== 'block_mapping_pair' && t !== 'flow_pair') continue;
            const pairStart = c.startIndex;
            const key = this.reusable(pairStart, c.endIndex);
            const again = key !== undefined ? this.recall<YPair>(`p${key}`, pairStart) : undefined;
            if (again) {
              pairs.push(again);
              continue;
            }
            const p = this.pair(c);
            pairs.push(p);
            this.remember(key !== undefined ? `p${key}` : undefined, p, pairStart);
          } while (c.gotoNextSibling());
          c.gotoParent();
        }
        return { kind: 'map', pairs, span: this.span(start, end) };
      }
      case 'block_sequence':
      case 'flow_sequence': {
        const items: YValue[] = [];
        if (c.gotoFirstChild()) {
          do {
            if (!c.nodeIsNamed || typeOf(c) === 'comment') continue;
            let v: YValue | undefined;
            const itemStart = c.startIndex;
            const key = typeOf(c) === 'block_sequence_item' ? this.reusable(itemStart, c.endIndex) : undefined;
            const again = key !== undefined ? this.recall<YValue>(`i${key}`, itemStart) : undefined;
            if (again) {
              items.push(again);
              continue;
            }
            if (typeOf(c) === 'block_sequence_item') {
              if (c.gotoFirstChild()) {
                do {
                  if (c.nodeIsNamed && typeOf(c) !== 'comment') {
                    v = this.convert(c);
                    break;
                  }
                } while (c.gotoNextSibling());
                c.gotoParent();
              }
            } else {
              v = this.convert(c);
            }
            if (v) {
              items.push(v);
              this.remember(key !== undefined ? `i${key}` : undefined, v, itemStart);
            }
          } while (c.gotoNextSibling());
          c.gotoParent();
        }
        return { kind: 'seq', items, span: this.span(start, end) };
      }
      case 'alias': {
        const name = this.firstNamedText(c) ?? this.text.slice(start + 1, end);
        return this.anchors.get(name) ?? { kind: 'scalar', value: null, raw: this.text.slice(start, end), span: this.span(start, end) };
      }
      case 'plain_scalar': {
        const raw = this.text.slice(start, end);
        let innerType: string | undefined;
        if (c.gotoFirstChild()) {
          do {
            if (c.nodeIsNamed) {
              innerType = typeOf(c);
              break;
            }
          } while (c.gotoNextSibling());
          c.gotoParent();
        }
        return this.scalar(plainValue(innerType, raw), raw, start, end);
      }
      case 'double_quote_scalar': {
        const raw = this.text.slice(start, end);
        return this.scalar(unquoteDouble(raw), raw, start, end);
      }
      case 'single_quote_scalar': {
        const raw = this.text.slice(start, end);
        return this.scalar(raw.slice(1, -1).replace(/''/g, "'"), raw, start, end);
      }
      case 'block_scalar': {
        const raw = this.text.slice(start, end);
        return this.scalar(blockScalarValue(raw), raw, start, end);
      }
      default:
        return undefined;
    }
  }

  private pair(c: TreeCursor): YPair {
    const start = c.startIndex;
    const end = c.endIndex;
    let keyStart = -1;
    let keyEnd = -1;
    let key: YValue | undefined;
    let value: YValue | undefined;
    if (c.gotoFirstChild()) {
      do {
        const field = c.currentFieldName;
        if (field === 'key') {
          keyStart = c.startIndex;
          keyEnd = c.endIndex;
          key = this.convert(c);
        } else if (field === 'value') {
          value = this.convert(c);
        }
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    return {
      key: key?.kind === 'scalar' ? String(key.value) : keyStart >= 0 ? this.text.slice(keyStart, keyEnd) : '',
      keySpan: keyStart >= 0 ? this.span(keyStart, keyEnd) : this.span(start, end),
      value,
      span: this.span(start, end),
    };
  }

  private scalar(value: YScalar['value'], raw: string, start: number, end: number): YScalar {
    return { kind: 'scalar', value, raw, span: this.span(start, end) };
  }
}

/** A copy of a converted value or pair moved by `delta` characters (spans recomputed; nothing else changes). */
function shift<T extends YValue | YPair>(v: T, delta: number, lines: LineIndex): T {
  const sp = (s: Span): Span => lines.span(s.start + delta, s.end + delta);
  if ('key' in v && 'keySpan' in v) {
    const p = v as YPair;
    return { key: p.key, keySpan: sp(p.keySpan), value: p.value ? shift(p.value, delta, lines) : undefined, span: sp(p.span) } as T;
  }
  const y = v as YValue;
  switch (y.kind) {
    case 'map':
      return { kind: 'map', pairs: y.pairs.map((p) => shift(p, delta, lines)), span: sp(y.span) } as T;
    case 'seq':
      return { kind: 'seq', items: y.items.map((i) => shift(i, delta, lines)), span: sp(y.span) } as T;
    default:
      return { kind: 'scalar', value: y.value, raw: y.raw, span: sp(y.span) } as T;
  }
}

/** The cursor's node type (a function call, so TypeScript does not narrow it across cursor moves). */
function typeOf(c: TreeCursor): string {
  return c.nodeType;
}
