// Cyclomatic complexity of one function (McCabe): 1 + its decision points, not counting nested functions (they are
// functions of their own). Decision points: if / else if / elif, loops, each non-default case, catch / except,
// && / || / and / or, and the conditional expression (?: / x if c else y), plus comprehension for/if clauses.
import type { Node, Tree, TreeCursor } from 'web-tree-sitter';

/** Node types that start a function of their own, in the six grammars. */
export const FUNCTION_TYPES = new Set([
  'function_declaration', 'method_declaration', 'func_literal', 'function_definition', 'function_expression',
  'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function', 'constructor_declaration',
  'lambda_expression', 'compact_constructor_declaration',
]);

const DECISIONS = new Set([
  'if_statement', 'elif_clause', 'for_statement', 'for_in_statement', 'enhanced_for_statement', 'while_statement',
  'do_statement', 'catch_clause', 'except_clause', 'ternary_expression', 'conditional_expression',
  // Go switch/select cases (default_case is not a decision)
  'expression_case', 'type_case', 'communication_case',
  // JS/TS switch cases (switch_default is not), Python match cases
  'switch_case', 'case_clause',
  // comprehension clauses
  'for_in_clause', 'if_clause',
]);

/**
 * A `?` counts only where a conditional expression can have it: not optional chaining (`?.`), nullish coalescing
 * (`??`), optional parameters and properties (`x?:`, `x?)`, `x?,`, `x?=`) or Java wildcards (`<?>`, `<? extends T>`).
 */
const DECISION_TOKENS = /\b(?:if|elif|for|while|do|catch|except|case|and|or)\b|&&|\|\||(?<![?<])\?(?![?:),=>]|\.(?!\d))/g;

/** Offsets of every decision token of the last text asked about (one scan per file, not one per function). */
let tokensOf: { text: string; at: number[] } | undefined;

/**
 * An upper bound of the complexity of the function at text[start, end) from the text alone: every decision point
 * holds one of these tokens (comments and strings only raise the count). Far cheaper than the tree walk, so most
 * functions are ruled out without one; the tokens are found in one scan of the file shared by all its functions.
 */
export function complexityUpperBoundIn(text: string, start: number, end: number): number {
  if (tokensOf?.text !== text) {
    const at: number[] = [];
    const re = new RegExp(DECISION_TOKENS.source, DECISION_TOKENS.flags.includes('g') ? DECISION_TOKENS.flags : `${DECISION_TOKENS.flags}g`);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // A token is counted by the slice only when it lies wholly inside it: keep its end too.
      at.push(m.index, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
    tokensOf = { text, at };
  }
  const at = tokensOf.at;
  // Tokens are disjoint and in order: those from the first starting at or after `start` to the last ending by `end`.
  return 1 + Math.max(0, firstToken(at, end + 1, 1) - firstToken(at, start, 0));
}

/** The index of the first token whose start (kind 0) or end (kind 1) is >= x. */
function firstToken(at: readonly number[], x: number, kind: 0 | 1): number {
  let lo = 0;
  let hi = at.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid * 2 + kind] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cyclomatic complexity of a function node (1 for a function with no branches). */
export function cyclomaticComplexity(fn: Node): number {
  const cached = memo.get(fn.tree)?.get(fn.id);
  if (cached !== undefined) return cached;
  // A cursor walk: allocating child arrays per node would dominate the cost on large files.
  let n = 1;
  const cursor = fn.walk();
  try {
    let descend = cursor.gotoFirstChild();
    while (descend || cursor.gotoNextSibling() || climb(cursor, fn)) {
      descend = false;
      const type = cursor.nodeType;
      if (!cursor.nodeIsNamed) continue;
      if (FUNCTION_TYPES.has(type)) continue;
      if (DECISIONS.has(type)) n++;
      else if (type === 'boolean_operator') n++;
      else if (type === 'binary_expression') {
        const op = cursor.currentNode.childForFieldName('operator')?.type;
        if (op === '&&' || op === '||') n++;
      } else if (type === 'switch_label' && cursor.currentNode.child(0)?.type === 'case') n++;
      descend = cursor.gotoFirstChild();
    }
  } finally {
    cursor.delete();
  }
  let perTree = memo.get(fn.tree);
  if (!perTree) memo.set(fn.tree, (perTree = new Map()));
  perTree.set(fn.id, n);
  return n;
}

const memo = new WeakMap<Tree, Map<number, number>>();

/** Move up until a parent has a next sibling; false when back at `root`. */
function climb(cursor: TreeCursor, root: Node): boolean {
  while (cursor.gotoParent()) {
    if (cursor.currentNode.id === root.id) return false;
    if (cursor.gotoNextSibling()) return true;
  }
  return false;
}
