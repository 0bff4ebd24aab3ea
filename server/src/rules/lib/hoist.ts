// Hoisting a loop-invariant expression out of its loop(s): where to put the declaration and what to call it.
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../../engine/languages';
import type { Fix } from '../../engine/types';
import { ancestors, enclosingFunction, enclosingLoop } from './syntax';

const BLOCKS = new Set(['block', 'statement_list', 'statement_block', 'module', 'program', 'switch_block_statement_group']);

/** The outermost loop (statement, comprehension or per-element callback) around `node` within its function. */
function outermostLoop(node: Node): Node | undefined {
  let loop = enclosingLoop(node);
  for (let outer = loop && enclosingLoop(loop); outer; outer = enclosingLoop(outer)) loop = outer;
  return loop;
}

/** The statement holding `n` whose parent is a block: the place to insert a declaration before. */
function statementOf(n: Node): Node | undefined {
  let s: Node = n;
  for (const p of ancestors(n)) {
    if (BLOCKS.has(p.type)) return s;
    s = p;
  }
  return undefined;
}

const DECLARE: Partial<Record<LanguageId, (name: string, value: string, type: string) => string>> = {
  go: (name, value) => `${name} := ${value}`,
  python: (name, value) => `${name} = ${value}`,
  typescript: (name, value) => `const ${name} = ${value};`,
  tsx: (name, value) => `const ${name} = ${value};`,
  javascript: (name, value) => `const ${name} = ${value};`,
  java: (name, value, type) => `${type} ${name} = ${value};`,
};

/** The function and statement before which the loop around `node` can take a declaration, when there is one. */
export function hoistTarget(node: Node): { fn: Node; anchor: Node } | undefined {
  const loop = outermostLoop(node);
  const fn = loop && enclosingFunction(loop);
  const anchor = loop && statementOf(loop);
  if (!fn || !anchor || ![...ancestors(anchor)].some((p) => p.id === fn.id)) return undefined;
  return { fn, anchor };
}

/**
 * A fix that declares `node` (a side-effect-free, loop-invariant expression) once before the outermost loop around it,
 * in the function holding that loop, and uses the variable in its place. `candidates` are every expression of the file
 * the rule would hoist: only the first one before a given statement gets a fix (two insertions at one point would
 * collide in fix-all; the next one is offered after this one is applied). Undefined when there is no safe place.
 */
export function hoistOutOfLoop(node: Node, text: string, language: LanguageId, opts: { base: string; type?: string; title: string; candidates: readonly Node[] }): Fix | undefined {
  const target = hoistTarget(node);
  const declare = DECLARE[language];
  if (!target || !declare) return undefined;
  const { fn, anchor } = target;
  // One fix per insertion point; the hoisted expressions of one function get distinct names, in source order.
  const firsts: Node[] = [];
  const anchors = new Set<number>();
  for (const c of opts.candidates) {
    const t = hoistTarget(c);
    if (!t || t.fn.id !== fn.id || anchors.has(t.anchor.id)) continue;
    anchors.add(t.anchor.id);
    firsts.push(c);
  }
  const index = firsts.findIndex((c) => c.id === node.id);
  if (index === -1) return undefined;
  // Insert above the comments that belong to the statement, so they stay attached to it.
  let top = anchor;
  for (let prev = top.previousNamedSibling; prev && /comment/.test(prev.type) && prev.endPosition.row >= top.startPosition.row - 1; prev = prev.previousNamedSibling) top = prev;
  const lineStart = text.lastIndexOf('\n', top.startIndex - 1) + 1;
  const indent = text.slice(lineStart, top.startIndex);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const taken = new Set(fn.text.match(/[A-Za-z_]\w*/g) ?? []);
  const names: string[] = [];
  for (let i = 1; names.length <= index; i++) {
    const candidate = i === 1 ? opts.base : `${opts.base}${i}`;
    if (!taken.has(candidate)) names.push(candidate);
  }
  const name = names[index] ?? opts.base;
  return {
    title: opts.title.replace('{{name}}', name),
    changes: [
      { start: lineStart, end: lineStart, newText: `${indent}${declare(name, node.text, opts.type ?? '')}\n` },
      { start: node.startIndex, end: node.endIndex, newText: name },
    ],
  };
}
