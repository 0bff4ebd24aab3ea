// Where a cursor is in a policy: for completion, from the text itself (the document is often half-typed and does not
// parse), and for hover/definition, from the positioned YAML model. No LSP types here.
import type { YPair, YValue } from '../engine/yaml-ast';

/** The completion context at an offset. */
export interface CursorContext {
  /** Keys and sequence indexes from the root to the mapping (key position) or the value (value/item position). */
  path: (string | number)[];
  /** `key`: typing a key of the mapping at `path`; `value`: typing the value at `path`; `item`: typing a list item
   * (`- x` or `[a, x`), `path` ending in its index: a scalar item, or the first key of a mapping item. */
  kind: 'key' | 'value' | 'item';
  /** What is typed so far, and where it starts (an offset), so completion replaces it. */
  prefix: string;
  prefixStart: number;
  /** Column of the key being typed (for the indentation of inserted blocks). */
  column: number;
}

interface Frame {
  col: number;
  key?: string;
  index?: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/;

/** Split a line into its sequence dashes (columns) and the key and value after them. */
function lineParts(line: string): { dashes: number[]; keyCol: number; key?: string; rest: string } {
  const dashes: number[] = [];
  let i = /^ */.exec(line)?.[0].length ?? 0;
  while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
    dashes.push(i);
    i += 1;
    while (line[i] === ' ') i++;
  }
  const rest = line.slice(i);
  const m = KEY.exec(rest);
  if (!m?.[1]) return { dashes, keyCol: i, rest };
  const raw = m[1];
  const key = /^["']/.test(raw) ? raw.slice(1, -1) : raw.trim();
  return { dashes, keyCol: i, key, rest: rest.slice(m[0].length) };
}

/** Apply one line's structure to the stack of open mappings/sequences. */
function push(stack: Frame[], dashes: readonly number[], keyCol: number, key: string | undefined): void {
  for (const d of dashes) {
    while (stack.length && (stack[stack.length - 1]?.col ?? -1) > d) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.col === d && top.index !== undefined) top.index++;
    else stack.push({ col: d, index: 0 });
  }
  if (key === undefined) return;
  while (stack.length && (stack[stack.length - 1]?.col ?? -1) >= keyCol) stack.pop();
  stack.push({ col: keyCol, key });
}

function pathOf(stack: readonly Frame[]): (string | number)[] {
  return stack.map((f) => (f.key !== undefined ? f.key : (f.index ?? 0)));
}

/** The completion context at `offset` of a policy text. Works on text that does not parse. */
export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const stack: Frame[] = [];
  let blockScalarIndent = -1;
  // Every line above the cursor's, in order: cheap (a regex per line), and right even when the tree has errors.
  let pos = 0;
  while (pos < lineStart) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 || nl >= lineStart ? lineStart - 1 : nl;
    const line = text.slice(pos, Math.max(pos, end)).replace(/\r$/, '');
    pos = end + 1;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (blockScalarIndent >= 0 && indent > blockScalarIndent) continue;
    blockScalarIndent = -1;
    if (/^---|^\.\.\./.test(line)) {
      stack.length = 0;
      continue;
    }
    const p = lineParts(line);
    push(stack, p.dashes, p.keyCol, p.key);
    if (p.key !== undefined && /^\s*[|>][-+0-9]*\s*(#.*)?$/.test(p.rest)) blockScalarIndent = p.keyCol;
  }
  const before = text.slice(lineStart, offset);
  const p = lineParts(before);
  push(stack, p.dashes, p.keyCol, undefined);
  if (p.key !== undefined) {
    // After `key:`: a value, or an item of a flow sequence `[a, b, |`.
    while (stack.length && (stack[stack.length - 1]?.col ?? -1) >= p.keyCol) stack.pop();
    const valueText = p.rest;
    const flow = /\[([^\]]*)$/.exec(valueText);
    const word = /[^\s,[\]{}:]*$/.exec(valueText)?.[0] ?? '';
    return { path: flow ? [...pathOf(stack), p.key, 0] : [...pathOf(stack), p.key], kind: flow ? 'item' : 'value', prefix: word, prefixStart: offset - word.length, column: p.keyCol };
  }
  const word = before.slice(p.keyCol);
  while (stack.length && (stack[stack.length - 1]?.col ?? -1) >= p.keyCol && stack[stack.length - 1]?.index === undefined) stack.pop();
  // A bare word on a `- ` line can be a scalar item or the first key of a mapping item: the caller decides by schema.
  if (p.dashes.length) {
    return { path: pathOf(stack), kind: 'item', prefix: word, prefixStart: offset - word.length, column: p.keyCol };
  }
  while (stack.length && (stack[stack.length - 1]?.col ?? -1) >= p.keyCol) stack.pop();
  return { path: pathOf(stack), kind: 'key', prefix: word, prefixStart: offset - word.length, column: p.keyCol };
}

/** What the positioned model has at an offset: a key, or a scalar value, with its path. */
export interface NodeAt {
  path: (string | number)[];
  /** Set when the offset is on a key: the pair. */
  pair?: YPair;
  /** The innermost value at the offset. */
  value?: YValue;
  onKey: boolean;
}

/** The key or value at `offset` in a document root. */
export function nodeAt(root: YValue | undefined, offset: number): NodeAt | undefined {
  const inSpan = (s: { start: number; end: number }): boolean => s.start <= offset && offset <= s.end;
  const visit = (v: YValue, path: (string | number)[]): NodeAt | undefined => {
    if (!inSpan(v.span)) return undefined;
    if (v.kind === 'map') {
      for (const p of v.pairs) {
        if (inSpan(p.keySpan)) return { path: [...path, p.key], pair: p, onKey: true };
        if (p.value && inSpan(p.value.span)) return visit(p.value, [...path, p.key]) ?? { path: [...path, p.key], value: p.value, onKey: false };
      }
      return undefined;
    }
    if (v.kind === 'seq') {
      for (let i = 0; i < v.items.length; i++) {
        const it = v.items[i];
        if (it && inSpan(it.span)) return visit(it, [...path, i]);
      }
      return undefined;
    }
    return { path, value: v, onKey: false };
  };
  return root ? visit(root, []) : undefined;
}
