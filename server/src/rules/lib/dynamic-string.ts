// How a string expression is built: its literal text and whether any part of it comes from a non-constant value
// (concatenation, interpolation, %/format/Sprintf formatting), following a local variable back to its assignments.
import type { Node } from 'web-tree-sitter';
import { concatOperands, enclosingFunction, isConstantName, isLiteralString, namedArgs } from './syntax';

/** The literal text of a string expression and whether non-constant values are spliced into it. */
export interface StringShape {
  literal: string;
  dynamic: boolean;
}

const ASSIGNMENTS = [
  'short_var_declaration', 'assignment_statement', 'var_spec', 'assignment', 'augmented_assignment',
  'variable_declarator', 'assignment_expression', 'augmented_assignment_expression',
];
/** Formatting calls whose first argument is the format string: Go fmt.Sprintf, Java String.format. */
const FORMATTERS = /^(fmt\.Sprintf|String\.format)$/;

const single = (n: Node | null): Node | null =>
  n?.type === 'expression_list' ? (n.namedChildCount === 1 ? n.namedChildren[0] ?? null : null) : n;

/** The shape of a string expression; `follow` allows one hop from an identifier to its assignments in the same function. */
export function stringShape(n: Node, follow = true): StringShape {
  if (isLiteralString(n)) return { literal: n.text, dynamic: false };
  if (n.type === 'parenthesized_expression' && n.namedChildCount === 1 && n.namedChildren[0]) return stringShape(n.namedChildren[0], follow);
  if (n.type === 'template_string' || n.type === 'string' || n.type === 'concatenated_string') {
    // `${TABLE}` / f"{TABLE}": substitutions of constants are not data.
    const subs = n.descendantsOfType(['template_substitution', 'interpolation']);
    return { literal: n.text, dynamic: subs.some((s) => !s.namedChildren[0] || !isConstantName(s.namedChildren[0])) };
  }
  if (isConstantName(n) || /^(int_literal|integer|number|decimal_integer_literal|float_literal|float)$/.test(n.type)) return { literal: '', dynamic: false };
  if (n.type === 'identifier' && follow) return definitionsShape(n);
  const op = n.childForFieldName('operator')?.text;
  if (op === '+' || op === '+=') {
    const parts = concatOperands(n).map((p) => stringShape(p, follow));
    return { literal: parts.map((p) => p.literal).join(' ? '), dynamic: parts.some((p) => p.dynamic) };
  }
  if (op === '%' && n.type === 'binary_operator') {
    const left = n.childForFieldName('left');
    return { literal: left && isLiteralString(left) ? left.text : '', dynamic: true };
  }
  const fn = n.childForFieldName('function') ?? n.childForFieldName('name');
  const args = namedArgs(n.childForFieldName('arguments'));
  const receiver = n.childForFieldName('object') ?? (fn?.type === 'attribute' ? fn.childForFieldName('object') : null);
  // "...".format(x) / "...".formatted(x)
  if (receiver && isLiteralString(receiver) && /(^|\.)(format|formatted)$/.test(fn?.text ?? '')) return { literal: receiver.text, dynamic: true };
  // fmt.Sprintf("...", x) / String.format("...", x)
  const callee = n.type === 'method_invocation' ? `${receiver?.text ?? ''}.${fn?.text ?? ''}` : fn?.text ?? '';
  const first = args[0];
  if (FORMATTERS.test(callee) && first && isLiteralString(first)) return { literal: first.text, dynamic: args.length > 1 };
  return { literal: '', dynamic: true };
}

/** Every assignment to a local variable before its use, in the enclosing function, merged into one shape (unknown: dynamic). */
function definitionsShape(id: Node): StringShape {
  const fn = enclosingFunction(id);
  // A parameter, field or global: its value is unknown, so treat it as spliced-in data.
  if (!fn) return { literal: '', dynamic: true };
  const shapes: StringShape[] = [];
  for (const a of fn.descendantsOfType(ASSIGNMENTS)) {
    if (a.endIndex > id.startIndex) continue;
    const target = single(a.childForFieldName('left') ?? a.childForFieldName('name'));
    const value = single(a.childForFieldName('right') ?? a.childForFieldName('value'));
    if (target?.text !== id.text || !value) continue;
    // No second hop: `q := other` or `q += other` splices in a value we do not follow, which counts as data.
    shapes.push(stringShape(value, false));
  }
  if (!shapes.length) return { literal: '', dynamic: true };
  return { literal: shapes.map((s) => s.literal).join(' ? '), dynamic: shapes.some((s) => s.dynamic) };
}
