// The positioned YAML model of engine/yaml-ast.ts, built with a TreeCursor instead of Node objects. Same output as
// `yamlDocuments` (a test checks), about 5x faster on large files: every Node a web-tree-sitter call returns is an
// allocation and a trip into WASM, and a 10,000-line policy has hundreds of thousands of them. The engine could adopt
// it for Kubernetes manifests too.
import type { Tree, TreeCursor } from 'web-tree-sitter';
import { LineIndex } from '../engine/span';
import type { Span } from '../engine/types';
import type { YDocument, YPair, YScalar, YValue } from '../engine/yaml-ast';

/** Every document of a tree-sitter-yaml tree, as `yamlDocuments` would build it. */
export function yamlDocumentsFast(tree: Tree, text: string, lines = new LineIndex(text)): YDocument[] {
  const b = new Builder(text, lines);
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
  }
  return docs;
}

class Builder {
  private readonly anchors = new Map<string, YValue>();

  constructor(private readonly text: string, private readonly lines: LineIndex) {}

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
            if (t === 'block_mapping_pair' || t === 'flow_pair') pairs.push(this.pair(c));
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
            if (v) items.push(v);
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

// The three helpers below mirror engine/yaml-ast.ts exactly.

function plainValue(innerType: string | undefined, text: string): string | number | boolean | null {
  switch (innerType) {
    case 'integer_scalar':
    case 'float_scalar': {
      const num = Number(text.replace(/_/g, ''));
      return Number.isNaN(num) ? text : num;
    }
    case 'boolean_scalar':
      return /^(true|yes|on)$/i.test(text);
    case 'null_scalar':
      return null;
    default:
      return text;
  }
}

function unquoteDouble(raw: string): string {
  try {
    return JSON.parse(raw.replace(/\n\s*/g, ' ')) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

function blockScalarValue(raw: string): string {
  const lines = raw.split('\n').slice(1);
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

/** The cursor's node type (a function call, so TypeScript does not narrow it across cursor moves). */
function typeOf(c: TreeCursor): string {
  return c.nodeType;
}
