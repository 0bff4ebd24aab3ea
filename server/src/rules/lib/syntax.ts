// Small tree helpers shared by several rules: the questions a query cannot ask (is this in a loop body, in main,
// in a test file; is this string built from non-literal parts).
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../../engine/languages';

let lastPath: { node: Node; path: readonly Node[] } | undefined;

/** Where `node` is on the last ancestors() path: -1 for the node it was built for, else its index; undefined when off it. */
function onLastPath(node: Node): number | undefined {
  if (!lastPath || lastPath.node.tree !== node.tree) return undefined;
  if (lastPath.node.id === node.id) return -1;
  const i = lastPath.path.findIndex((p) => p.id === node.id);
  return i < 0 ? undefined : i;
}

/**
 * The parents of a node, nearest first. Tree-sitter nodes keep no parent pointer: each `.parent` is a descent from the
 * root, so walking up k levels costs k descents. This is one descent, keeping every node on the way, and the filters of
 * one match (which often ask for the same node's ancestors, or its ancestors' ancestors, several times) share it.
 */
export function ancestors(node: Node): readonly Node[] {
  const at = onLastPath(node);
  if (lastPath && at !== undefined) return at < 0 ? lastPath.path : lastPath.path.slice(at + 1);
  const down: Node[] = [];
  for (let n: Node | null = node.tree.rootNode; n && n.id !== node.id; n = n.childWithDescendant(node)) down.push(n);
  const path = down.reverse();
  lastPath = { node, path };
  return path;
}

/** A node's parent, from the last ancestors() path when the node is on it (a walk up from there is then free). */
export function parentOf(node: Node): Node | null {
  const at = onLastPath(node);
  return lastPath && at !== undefined ? (lastPath.path[at + 1] ?? null) : node.parent;
}

/** Named children without comments (arguments, object members, block statements). */
export function namedArgs(node: Node | null | undefined): Node[] {
  return (node?.namedChildren ?? []).filter((c) => !/comment/.test(c.type));
}

/**
 * Test files by the usual conventions of the six languages, and files under a test folder. Asked for every match of
 * many rules, always of the file being analysed: the last answer is kept.
 */
export function isTestPath(path: string): boolean {
  if (path !== lastTestPath) {
    lastTestPath = path;
    lastIsTest = /(_test\.go|\.(test|spec)\.[cm]?[jt]sx?|(^|[\\/])test_[^\\/]*\.py|_test\.py|Tests?\.java)$/.test(path)
      || /(^|[\\/])(test|tests|__tests__|testdata)[\\/]/.test(path);
  }
  return lastIsTest;
}
let lastTestPath: string | undefined;
let lastIsTest = false;

const FUNCTIONS = new Set([
  'function_declaration', 'method_declaration', 'func_literal', 'function_definition', 'lambda', 'class_definition',
  'generator_function_declaration', 'method_definition', 'arrow_function', 'function_expression', 'function',
  'lambda_expression', 'constructor_declaration', 'class_body', 'class_declaration',
]);
const LOOPS = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement', 'enhanced_for_statement']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
/** Methods that call their callback once per element. */
const ITERATORS = new Set([
  'forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast',
  'findLastIndex', 'sort', 'anyMatch', 'allMatch', 'noneMatch', 'mapToObj', 'mapToInt', 'mapToLong', 'peek', 'removeIf',
  'replaceAll', 'min', 'max', 'takeWhile', 'dropWhile',
]);

/** True for a function node that runs once per element or iteration: an iteration callback or an immediately called Go literal. */
function runsPerElement(fn: Node): boolean {
  const parent = parentOf(fn);
  if (fn.type === 'func_literal') return parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === fn.id;
  const call = parent?.type === 'arguments' || parent?.type === 'argument_list' ? parentOf(parent) : undefined;
  if (!call) return false;
  const callee = call.childForFieldName('function') ?? call.childForFieldName('name');
  const name = callee?.type === 'member_expression' || callee?.type === 'attribute'
    ? (callee.childForFieldName('property') ?? callee.childForFieldName('attribute'))?.text
    : callee?.text;
  return !!name && (ITERATORS.has(name) || (fn.type === 'lambda' && /^(map|filter|sorted|min|max)$/.test(name)));
}

/**
 * The loop that runs `node` once per iteration, within the same function: a loop body (not its iterable or
 * initializer, which run once), a comprehension element, or an iteration callback such as `.forEach(...)`.
 */
export function enclosingLoop(node: Node): Node | undefined {
  let from = node;
  for (const p of ancestors(node)) {
    if (LOOPS.has(p.type) && p.childForFieldName('body')?.id === from.id) return p;
    if (COMPREHENSIONS.has(p.type) && from.id !== p.namedChildren.find((c) => c.type === 'for_in_clause')?.id) return p;
    if (FUNCTIONS.has(p.type)) {
      if (runsPerElement(p)) return p;
      return undefined;
    }
    from = p;
  }
  return undefined;
}

/** The nearest enclosing function or method, or undefined at top level. */
export function enclosingFunction(node: Node): Node | undefined {
  for (const p of ancestors(node)) {
    if (p.type === 'class_body' || p.type === 'class_definition' || p.type === 'class_declaration') return undefined;
    if (FUNCTIONS.has(p.type)) return p;
  }
  return undefined;
}

/** The name a function is known by: its declared name, or the variable, key or parameter it is bound to. */
export function functionName(fn: Node): string {
  const own = fn.childForFieldName('name');
  if (own) return own.text;
  const p = parentOf(fn);
  const bound = p?.childForFieldName('name') ?? p?.childForFieldName('key') ?? p?.childForFieldName('left');
  return bound && bound.id !== fn.id ? bound.text : '';
}

/** True inside a program's entry point: Go `main`/`init`, Java `main`, a Python `main` or `if __name__ == "__main__":` block. */
export function inEntryPoint(node: Node, language: LanguageId): boolean {
  for (const p of ancestors(node)) {
    if (language === 'python' && p.type === 'if_statement' && /__name__\s*==\s*["']__main__["']/.test(p.childForFieldName('condition')?.text ?? '')) return true;
    if (/^(function_declaration|function_definition|method_declaration)$/.test(p.type)) {
      const name = p.childForFieldName('name')?.text;
      return name === 'main' || (language === 'go' && name === 'init');
    }
  }
  return false;
}

const STRING_TYPES = new Set(['interpreted_string_literal', 'raw_string_literal', 'string', 'string_literal', 'text_block', 'concatenated_string']);

/** True for a string literal with no interpolation (a template or f-string with substitutions is not literal). */
export function isLiteralString(n: Node): boolean {
  if (n.type === 'template_string') return !n.namedChildren.some((c) => c.type === 'template_substitution');
  if (!STRING_TYPES.has(n.type)) return false;
  // An interpolation (a Python f-string's) holds a brace: only then is the subtree walked for one.
  return !n.text.includes('{') || !n.descendantsOfType('interpolation').length;
}

/** The operands of a chain of `+` (or any binary operator in `ops`), left to right, through parentheses. */
export function concatOperands(n: Node, ops = ['+']): Node[] {
  if (n.type === 'parenthesized_expression' && n.namedChildCount === 1 && n.namedChildren[0]) return concatOperands(n.namedChildren[0], ops);
  if ((n.type === 'binary_expression' || n.type === 'binary_operator') && ops.includes(n.childForFieldName('operator')?.text ?? '')) {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    return [...(l ? concatOperands(l, ops) : []), ...(r ? concatOperands(r, ops) : [])];
  }
  return [n];
}

/** A SCREAMING_CASE name (a constant by convention), or a member ending in one (`Tables.ORDERS`). */
export function isConstantName(n: Node): boolean {
  return /^[\w.]+$/.test(n.text) && /^[A-Z][A-Z0-9_]*$/.test(n.text.split('.').pop() ?? '');
}

/**
 * The node is the default of an injectable source: `now ?? Date.now()`, `rng or random.random()`,
 * `def f(now=datetime.now)`, `(rng = Math.random()) =>`. Clock and randomness rules leave these alone.
 */
export function isInjectedDefault(n: Node): boolean {
  const p = parentOf(n);
  if (!p) return false;
  if (/^(default_parameter|typed_default_parameter|assignment_pattern|object_assignment_pattern|required_parameter|optional_parameter)$/.test(p.type)) return true;
  const op = p.childForFieldName('operator')?.text;
  return (op === '??' || op === '||' || op === 'or') && p.childForFieldName('right')?.id === n.id;
}
