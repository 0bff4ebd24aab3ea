// Cyclomatic complexity of one function (McCabe): 1 + its decision points, not counting nested functions (they are
// functions of their own). Decision points: if / else if / elif, loops, each non-default case, catch / except,
// && / || / and / or, and the conditional expression (?: / x if c else y), plus comprehension for/if clauses.
import type { Node } from 'web-tree-sitter';

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

/** True for `&&`/`||`/`and`/`or` nodes. */
function isBooleanOperator(n: Node): boolean {
  if (n.type === 'boolean_operator') return true;
  if (n.type !== 'binary_expression') return false;
  const op = n.childForFieldName('operator')?.type;
  return op === '&&' || op === '||';
}

/** Java `case` labels (a `default` label is not a decision). */
function isJavaCase(n: Node): boolean {
  return n.type === 'switch_label' && n.child(0)?.type === 'case';
}

/** The cyclomatic complexity of a function node (1 for a function with no branches). */
export function cyclomaticComplexity(fn: Node): number {
  let n = 1;
  const stack: Node[] = [...fn.namedChildren];
  while (stack.length) {
    const node = stack.pop()!;
    if (FUNCTION_TYPES.has(node.type)) continue;
    if (DECISIONS.has(node.type) || isBooleanOperator(node) || isJavaCase(node)) n++;
    for (const c of node.namedChildren) stack.push(c);
  }
  return n;
}
