// What the offline generators know about a function: its name, parameters, whether it is async or exported, the
// class it belongs to, and the guard clauses (a comparison of a parameter with a literal that leads to an error).
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../engine/languages';

/** One parameter: its name and type as written ('' when untyped). */
export interface Param {
  name: string;
  type: string;
  /** Python: keyword-only (after `*` or `*args`), so a call passes it as `name=value`. */
  keyword?: boolean;
  /** Leaving it out is valid: TS `x?`, a default value (Python: `= None`), so an undefined/None placeholder is real input. */
  optional?: boolean;
  /** The kind of its default value (`width=70`, `posix = true`), for an untyped parameter. */
  inferred?: 'number' | 'string' | 'bool';
}

function literalKind(n: Node | null | undefined): Param['inferred'] {
  if (!n) return undefined;
  if (/^(integer|float|number)$/.test(n.type) || (/^unary_(expression|operator)$/.test(n.type) && /^-\s*[\d.]+$/.test(n.text))) return 'number';
  if (/^(string|template_string)$/.test(n.type) && !/\$\{/.test(n.text)) return 'string';
  if (/^(true|false)$/.test(n.type)) return 'bool';
  return undefined;
}

/** `param <op> literal` (after normalising literal-first comparisons), optionally on the parameter's length. */
export interface Comparison {
  param: string;
  op: string;
  value: number | string | null;
  length: boolean;
  /** Set when the other side is another parameter (`n > remaining`): compared with that parameter's value. */
  other?: string;
}

/** An `if` whose condition is comparisons joined by `||` (or a single one) and whose body throws or returns an error. */
export interface Guard {
  any: Comparison[];
  line: number;
}

/** A function as the generators see it. */
export interface FunctionInfo {
  node: Node;
  name: string;
  params: Param[];
  returnType: string;
  async: boolean;
  exported: boolean;
  /** Enclosing class for methods (Java, TS, Python). */
  className?: string;
  /** The class (or Java record/enum/interface) declaring the method; Go methods have a receiver instead. */
  classNode?: Node;
  isStatic: boolean;
  /** TS/JS: the function or class is the module's default export (`export default`, `module.exports = X`). */
  defaultExport: boolean;
  /** Go: returns an error as its last result. */
  returnsError: boolean;
  language: LanguageId;
  guards: Guard[];
  /** Top-level error guards whose condition could not be modelled: no case can be certain to pass them. */
  opaqueGuards: number;
  /** Numeric literals compared with parameters anywhere in the body (boundary values). */
  boundaries: Map<string, number[]>;
}

const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'function_definition', 'method_definition', 'arrow_function', 'function_expression', 'generator_function_declaration', 'constructor_declaration']);

/** Class-like declarations whose methods the generators call through an instance or the type. */
const CLASS_TYPES = /^(class_declaration|abstract_class_declaration|class_definition|class|record_declaration|enum_declaration|interface_declaration)$/;

/** The class declaring `fn` directly (not through an enclosing function), if any. */
export function classOf(fn: Node): Node | undefined {
  for (let n: Node | null = fn.parent; n; n = n.parent) {
    if (CLASS_TYPES.test(n.type)) return n;
    // `const api = { get(x) {...}, put: (x) => ... }`: the object's methods are called through its variable.
    if (n.type === 'object' && n.parent?.type === 'variable_declarator') return n;
    if (FUNCTION_TYPES.has(n.type)) return undefined;
  }
  return undefined;
}

/** The name of a class node (a class expression takes its variable's name). */
export function classNameOf(cls: Node): string {
  return cls.childForFieldName('name')?.text ?? (cls.parent?.type === 'variable_declarator' ? (cls.parent.childForFieldName('name')?.text ?? '') : '');
}

/** The function (declaration or a named arrow) enclosing `node`. */
export function functionAt(node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n;
  return undefined;
}

/** The innermost call expression enclosing `node`. */
export function callAt(node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type === 'call_expression' || n.type === 'call' || n.type === 'method_invocation') return n;
    if (FUNCTION_TYPES.has(n.type)) return undefined;
  }
  return undefined;
}

/** The name of a function: declared, or its variable's, class field's or object key's. '' when anonymous. */
export function nameOf(fn: Node): string {
  const own = fn.childForFieldName('name')?.text;
  if (own) return own;
  const p = fn.parent;
  // `const f = () => ...`, and a class field holding an arrow (`handle = (x) => ...`).
  if (p?.type === 'variable_declarator' || p?.type === 'public_field_definition' || p?.type === 'field_definition') return (p.childForFieldName('name') ?? p.childForFieldName('property'))?.text ?? '';
  if (p?.type === 'pair' && p.childForFieldName('key')?.type === 'property_identifier') return p.childForFieldName('key')?.text ?? '';
  return '';
}

function paramsOf(fn: Node, language: LanguageId): Param[] {
  const list = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (!list) return [];
  if (list.type === 'identifier') return [{ name: list.text, type: '' }];
  const out: Param[] = [];
  let keyword = false;
  for (const p of list.namedChildren) {
    if (!p || p.type === 'comment') continue;
    if (language === 'python' && /^(keyword_separator|list_splat_pattern)$/.test(p.type)) keyword = true;
    if (language === 'go') {
      const type = p.childForFieldName('type')?.text ?? '';
      for (const n of p.childrenForFieldName('name')) if (n) out.push({ name: n.text, type });
      continue;
    }
    if (language === 'python') {
      const kw = keyword ? { keyword: true } : {};
      if (p.type === 'identifier') out.push({ name: p.text, type: '', ...kw });
      else if (/^(typed_parameter|default_parameter|typed_default_parameter)$/.test(p.type)) {
        const name = (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier'))?.text ?? '';
        const value = p.childForFieldName('value');
        const optional = value?.text === 'None' ? { optional: true } : {};
        const inferred = literalKind(value);
        out.push({ name, type: p.childForFieldName('type')?.text ?? '', ...kw, ...optional, ...(inferred ? { inferred } : {}) });
      }
      continue;
    }
    if (language === 'java') {
      out.push({ name: p.childForFieldName('name')?.text ?? '', type: p.childForFieldName('type')?.text ?? '' });
      continue;
    }
    // TypeScript / JavaScript
    const pattern = p.childForFieldName('pattern') ?? (p.type === 'identifier' ? p : p.childForFieldName('left'));
    const type = p.childForFieldName('type')?.text.replace(/^:\s*/, '') ?? '';
    const optional = p.type === 'optional_parameter' || p.type === 'assignment_pattern' || !!p.childForFieldName('value');
    const inferred = literalKind(p.childForFieldName('value') ?? p.childForFieldName('right'));
    out.push({ name: pattern?.text ?? p.text, type, ...(optional ? { optional } : {}), ...(inferred ? { inferred } : {}) });
  }
  return out.filter((p) => p.name && !['self', 'cls'].includes(p.name));
}

function literalValue(n: Node): number | string | null | undefined {
  const t = n.text;
  if (/^(number|int_literal|float_literal|integer|float|decimal_integer_literal|decimal_floating_point_literal)$/.test(n.type)) return Number(t.replace(/_/g, '').replace(/[lLfFdD]$/, ''));
  if (n.type === 'unary_expression' || n.type === 'unary_operator') {
    const arg = n.namedChildren[0];
    if (arg && t.startsWith('-')) {
      const v = literalValue(arg);
      return typeof v === 'number' ? -v : undefined;
    }
  }
  if (/^(null|nil|none|null_literal|undefined)$/.test(n.type) || /^(null|nil|None|undefined)$/.test(t)) return null;
  if (/string/.test(n.type) && !/\$\{|\{/.test(t)) return t.slice(1, -1);
  return undefined;
}

const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '==': '==', '===': '===', '!=': '!=', '!==': '!==' };

/** `x`, `x.length`, `len(x)`, `x.size()`, `x.length()` over a parameter: the parameter name and whether it is a length. */
function paramRef(n: Node, params: ReadonlySet<string>): { param: string; length: boolean } | undefined {
  if (n.type === 'identifier' && params.has(n.text)) return { param: n.text, length: false };
  const m = /^(?:len\((\w+)\)|(\w+)\.(?:length|size\(\)|length\(\)))$/.exec(n.text);
  const name = m?.[1] ?? m?.[2];
  return name && params.has(name) ? { param: name, length: true } : undefined;
}

/**
 * The comparisons of a condition. In an `a || b` chain, a part that cannot be modelled (`cents > this.limit`) is
 * dropped and `partial` set: the other parts still certainly fire the guard, but no input is certain to pass it.
 */
function comparisons(cond: Node, params: ReadonlySet<string>, partial?: { v: boolean }): Comparison[] | undefined {
  let n = cond;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  const op = n.type === 'binary_expression' || n.type === 'boolean_operator' || n.type === 'comparison_operator' ? (n.childForFieldName('operator')?.text ?? n.children.find((c) => c && !c.isNamed)?.text ?? '') : '';
  if (op === '||' || op === 'or') {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    const a = l && comparisons(l, params, partial);
    const b = r && comparisons(r, params, partial);
    if (a && b) return [...a, ...b];
    if (!partial || (!a && !b)) return undefined;
    partial.v = true;
    return a ?? b ?? undefined;
  }
  if ((n.type === 'unary_expression' && n.text.startsWith('!')) || n.type === 'not_operator') {
    const arg = n.namedChildren.at(-1);
    const ref = arg && paramRef(arg, params);
    return ref ? [{ ...ref, op: 'falsy', value: null }] : undefined;
  }
  const left = n.namedChildren[0];
  const right = n.namedChildren.at(-1);
  if (!left || !right || !FLIP[op] || n.namedChildCount !== 2) return undefined;
  const lref = paramRef(left, params);
  const rref = paramRef(right, params);
  const rv = literalValue(right);
  const lv = literalValue(left);
  if (lref && rv !== undefined) return [{ ...lref, op, value: rv }];
  if (lref && rref && !lref.length && !rref.length) return [{ ...lref, op, value: null, other: rref.param }];
  if (rref && lv !== undefined) return [{ ...rref, op: FLIP[op] ?? op, value: lv }];
  return undefined;
}

/** True when a block throws, raises or returns an error (Go: a non-nil last result). */
function isErrorPath(block: Node, language: LanguageId): boolean {
  let inner = block;
  if (inner.type === 'block' && inner.namedChildren[0]?.type === 'statement_list') inner = inner.namedChildren[0];
  const first = inner.type === 'block' || inner.type === 'statement_block' || inner.type === 'statement_list' ? inner.namedChildren.find((c) => c?.type !== 'comment') : inner;
  if (!first) return false;
  if (/^(throw_statement|raise_statement)$/.test(first.type)) return true;
  if (language === 'go' && first.type === 'return_statement') {
    const last = first.namedChildren[0]?.namedChildren.at(-1);
    return Boolean(last && last.text !== 'nil' && /err|Err|errors\.|fmt\.Errorf/.test(last.text));
  }
  return false;
}

/** The `export` statement declaring `n` (a function, `const f = () => ...`, a class), not through an enclosing function. */
function exportOf(n: Node): Node | undefined {
  let x: Node | null = n.parent;
  for (let i = 0; x && i < 3; i++, x = x.parent) {
    if (x.type === 'export_statement') return x;
    if (FUNCTION_TYPES.has(x.type) || x.type === 'statement_block') return undefined;
  }
  return undefined;
}

/** Describe the function `fn` for the offline generators. */
export function describeFunction(fn: Node, language: LanguageId): FunctionInfo {
  const params = paramsOf(fn, language);
  const names = new Set(params.map((p) => p.name));
  const guards: Guard[] = [];
  let opaqueGuards = 0;
  const boundaries = new Map<string, number[]>();
  const body = fn.childForFieldName('body');
  for (const ifs of body?.descendantsOfType('if_statement') ?? []) {
    if (!ifs) continue;
    const cond = ifs.childForFieldName('condition');
    const cons = ifs.childForFieldName('consequence');
    const partial = { v: false };
    const cmps = cond && comparisons(cond, names, partial);
    for (const c of cmps ?? []) {
      if (typeof c.value === 'number') boundaries.set(c.param, [...(boundaries.get(c.param) ?? []), c.value]);
    }
    // Only top-level guards of the function body are certain: nested ones depend on other conditions.
    const topLevel = ifs.parent?.id === body?.id || (ifs.parent?.type === 'statement_list' && ifs.parent.parent?.id === body?.id);
    if (topLevel && cons && isErrorPath(cons, language)) {
      if (cmps) guards.push({ any: cmps, line: ifs.startPosition.row + 1 });
      if (!cmps || partial.v) opaqueGuards++;
    }
  }
  const cls = language === 'go' ? undefined : classOf(fn);
  const field = fn.parent && /^(public_field_definition|field_definition)$/.test(fn.parent.type) ? fn.parent : undefined;
  const mods = fn.children.find((c) => c?.type === 'modifiers')?.text ?? '';
  const result = fn.childForFieldName('result') ?? fn.childForFieldName('return_type') ?? fn.childForFieldName('type');
  // What a test imports: the class for a method, else the function.
  const top = cls ? classNameOf(cls) : nameOf(fn);
  const js = language === 'typescript' || language === 'tsx' || language === 'javascript';
  const rootText = fn.tree.rootNode.text;
  const esc = top.replace(/[$]/g, '\\$');
  const decl = exportOf(cls ?? fn);
  const cjsDefault = js && !!top && new RegExp(`module\\.exports\\s*=\\s*${esc}\\s*;?\\s*$`, 'm').test(rootText);
  const defaultExport = js && (cjsDefault || !!decl?.children.some((c) => c?.type === 'default') || (!!top && new RegExp(`export\\s+default\\s+${esc}\\s*;?\\s*$`, 'm').test(rootText)));
  const exported = language === 'go' ? /^[A-Z]/.test(nameOf(fn))
    : language === 'python' || language === 'java' ? true
    : !!decl || defaultExport
      || (language === 'javascript' && new RegExp(`module\\.exports\\s*=\\s*\\{[^}]*\\b${esc}\\b|exports\\.${esc}\\s*=`).test(rootText))
      // `export { name }` (not `export { x as name }`, which exports another binding under that name).
      || new RegExp(`export\\s*\\{[^}]*(?:^|[\\s,{])${esc}(?:\\s*[,}]|\\s+as\\s+${esc}\\b)`).test(rootText);
  return {
    node: fn,
    name: nameOf(fn),
    params,
    returnType: result?.text.replace(/^:\s*/, '').replace(/^->\s*/, '') ?? '',
    async: fn.children.some((c) => c?.type === 'async') || /^async\b/.test(fn.text),
    exported,
    ...(cls ? { className: classNameOf(cls), classNode: cls } : {}),
    isStatic: /\bstatic\b/.test(mods) || fn.children.some((c) => c?.type === 'static') || !!field?.children.some((c) => c?.type === 'static'),
    defaultExport,
    returnsError: language === 'go' && /\berror\)?$/.test(result?.text ?? ''),
    language,
    guards,
    opaqueGuards,
    boundaries,
  };
}
