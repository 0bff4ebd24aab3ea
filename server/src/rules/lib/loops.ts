// Which loops iterate over a collection of items (where a call per iteration is an N+1), as opposed to retry loops,
// polling loops and fixed small counts.
import type { Node } from 'web-tree-sitter';
import { ancestors, enclosingLoop } from './syntax';

/** Words in a loop header that say the loop retries or polls rather than walks data. */
const RETRY = /attempt|retr(y|ies)|tries|backoff|poll|deadline|timeout/i;
const CONCURRENT = /^Promise\.(all|allSettled|any|race)$|^(asyncio\.gather|gather|Flux\.merge)$/;

/** The text of a loop before its body: `for _, id := range ids`, `for (const x of xs)`. */
function header(loop: Node): string {
  const body = loop.childForFieldName('body');
  return body ? loop.text.slice(0, body.startIndex - loop.startIndex) : loop.text;
}

/** The callee text of a call whose arguments hold `fn`, for `.forEach(...)`-style callbacks. */
function calleeOf(fn: Node): Node | null {
  const call = fn.parent?.type === 'arguments' || fn.parent?.type === 'argument_list' ? fn.parent.parent : fn.parent;
  return call?.childForFieldName('function') ?? call?.childForFieldName('name') ?? null;
}

/** True for a loop (or per-element callback) that walks a collection: range/for-of/for-in/enhanced for/comprehension/forEach, a C-style loop up to a length. */
function walksItems(loop: Node): boolean {
  const h = header(loop);
  if (RETRY.test(h)) return false;
  switch (loop.type) {
    case 'for_statement':
      // Go: range clause or `for rows.Next()`; Python: any for but a count; JS/Java: up to a length.
      if (loop.namedChildren.some((c) => c.type === 'range_clause')) return true;
      // Python: `range(n)` counts (workers, attempts, pages); `range(len(items))` walks items.
      if (loop.childForFieldName('right')) return !/^range\((?!\s*len\()/.test(loop.childForFieldName('right')?.text ?? '');
      return /\blen\(|\.length\b|\.size\(\)|\.Next\(\)/.test(h);
    case 'for_in_statement':
    case 'enhanced_for_statement':
    case 'list_comprehension':
    case 'set_comprehension':
    case 'dictionary_comprehension':
    case 'generator_expression':
      return true;
    case 'while_statement':
    case 'do_statement':
      return false;
    default: {
      // A per-element callback (forEach, map, stream lambdas); callbacks whose results are awaited together are concurrent, not N+1 in series.
      for (const p of ancestors(loop)) {
        if (p.type === 'call_expression' || p.type === 'call' || p.type === 'method_invocation') {
          const callee = p.childForFieldName('function')?.text ?? '';
          if (CONCURRENT.test(callee)) return false;
        }
        if (p.type === 'statement_block' || p.type === 'block') break;
      }
      return !!calleeOf(loop);
    }
  }
}

/**
 * The loop over a collection that runs `node` once per item, in the same function (looking through function literals
 * that are called on the spot), or undefined. A goroutine started per item is fan-out, not a serial N+1.
 */
export function itemLoop(node: Node): Node | undefined {
  let loop = enclosingLoop(node);
  while (loop?.type === 'func_literal') {
    if (loop.parent?.parent?.type === 'go_statement') return undefined;
    loop = enclosingLoop(loop);
  }
  return loop && walksItems(loop) ? loop : undefined;
}
