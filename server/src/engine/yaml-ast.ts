import type { Node, Tree } from 'web-tree-sitter';
import { spanOf } from './span';
import type { Span } from './types';

/** A YAML value with exact positions, built from a tree-sitter-yaml tree (shared by the Kubernetes rules and the policy). */
export type YValue = YMap | YSeq | YScalar;

/** One `key: value` entry of a mapping. */
export interface YPair {
  key: string;
  keySpan: Span;
  value: YValue | undefined;
  span: Span;
}

export interface YMap {
  kind: 'map';
  pairs: YPair[];
  span: Span;
}

export interface YSeq {
  kind: 'seq';
  items: YValue[];
  span: Span;
}

export interface YScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The source text of the scalar, quotes included. */
  raw: string;
  span: Span;
}

/** One `---`-separated document of a YAML stream. */
export interface YDocument {
  index: number;
  root: YValue | undefined;
  span: Span;
  /** True when the document contains parse errors or template syntax (`{{ }}`): rules must not trust it. */
  broken: boolean;
}

/** The pair of a mapping under `key`, if any. */
export function pairOf(v: YValue | undefined, key: string): YPair | undefined {
  return v?.kind === 'map' ? v.pairs.find((p) => p.key === key) : undefined;
}

/** The value under a path of keys (numbers index sequences). */
export function getIn(v: YValue | undefined, ...path: (string | number)[]): YValue | undefined {
  let cur = v;
  for (const k of path) {
    if (!cur) return undefined;
    if (typeof k === 'number') cur = cur.kind === 'seq' ? cur.items[k] : undefined;
    else cur = pairOf(cur, k)?.value;
  }
  return cur;
}

/** The scalar value under a path, or undefined when absent or not a scalar. */
export function scalarIn(v: YValue | undefined, ...path: (string | number)[]): string | number | boolean | null | undefined {
  const s = getIn(v, ...path);
  return s?.kind === 'scalar' ? s.value : undefined;
}

/** Convert every document of a tree-sitter-yaml tree. */
export function yamlDocuments(tree: Tree): YDocument[] {
  const anchors = new Map<string, YValue>();
  const docs: YDocument[] = [];
  for (const child of tree.rootNode.namedChildren) {
    if (!child || child.type !== 'document') continue;
    const body = child.namedChildren.find((c) => c && c.type !== 'comment');
    const broken = child.hasError || /\{\{/.test(child.text);
    docs.push({ index: docs.length, root: body ? convert(body, anchors) : undefined, span: spanOf(child), broken });
  }
  return docs;
}

function convert(node: Node, anchors: Map<string, YValue>): YValue | undefined {
  let anchorName: string | undefined;
  let inner: Node | undefined;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'anchor') anchorName = c.namedChildren[0]?.text ?? c.text.slice(1);
    else if (c.type === 'tag' || c.type === 'comment') continue;
    else inner ??= c;
  }
  const target = node.type === 'block_node' || node.type === 'flow_node' ? inner : node;
  if (!target) return undefined;
  const value = convertInner(target, anchors);
  if (anchorName && value) anchors.set(anchorName, value);
  return value;
}

function convertInner(n: Node, anchors: Map<string, YValue>): YValue | undefined {
  switch (n.type) {
    case 'block_mapping':
    case 'flow_mapping': {
      const pairs: YPair[] = [];
      for (const p of n.namedChildren) {
        if (!p || (p.type !== 'block_mapping_pair' && p.type !== 'flow_pair')) continue;
        const k = p.childForFieldName('key');
        const v = p.childForFieldName('value');
        const key = k ? convert(k, anchors) : undefined;
        pairs.push({
          key: key?.kind === 'scalar' ? String(key.value) : (k?.text ?? ''),
          keySpan: k ? spanOf(k) : spanOf(p),
          value: v ? convert(v, anchors) : undefined,
          span: spanOf(p),
        });
      }
      return { kind: 'map', pairs, span: spanOf(n) };
    }
    case 'block_sequence':
    case 'flow_sequence': {
      const items: YValue[] = [];
      for (const it of n.namedChildren) {
        if (!it || it.type === 'comment') continue;
        const target = it.type === 'block_sequence_item' ? it.namedChildren.find((c) => c && c.type !== 'comment') : it;
        const v = target ? convert(target, anchors) : undefined;
        if (v) items.push(v);
      }
      return { kind: 'seq', items, span: spanOf(n) };
    }
    case 'alias': {
      const name = n.namedChildren[0]?.text ?? n.text.slice(1);
      return anchors.get(name) ?? { kind: 'scalar', value: null, raw: n.text, span: spanOf(n) };
    }
    case 'plain_scalar':
      return { kind: 'scalar', value: plainValue(n.namedChildren[0]?.type, n.text), raw: n.text, span: spanOf(n) };
    case 'double_quote_scalar':
      return { kind: 'scalar', value: unquoteDouble(n.text), raw: n.text, span: spanOf(n) };
    case 'single_quote_scalar':
      return { kind: 'scalar', value: n.text.slice(1, -1).replace(/''/g, "'"), raw: n.text, span: spanOf(n) };
    case 'block_scalar':
      return { kind: 'scalar', value: blockScalarValue(n.text), raw: n.text, span: spanOf(n) };
    default:
      return undefined;
  }
}

/** The value of a plain scalar from its inner node type (integer_scalar, boolean_scalar, ...) and text. */
export function plainValue(innerType: string | undefined, text: string): string | number | boolean | null {
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

/** The value of a double-quoted scalar (JSON escapes; folded line breaks become spaces). */
export function unquoteDouble(raw: string): string {
  try {
    return JSON.parse(raw.replace(/\n\s*/g, ' ')) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** The value of a block scalar (`|` / `>`): its lines without the common indentation. */
export function blockScalarValue(raw: string): string {
  const lines = raw.split('\n').slice(1);
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}
