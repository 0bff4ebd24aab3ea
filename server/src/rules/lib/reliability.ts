// Helpers shared by the reliability rules: where a statement sits, its indentation, which file kinds are entry points.
import type { Node } from 'web-tree-sitter';
import { perText } from './file-kind';

/** The statement that contains `node` directly inside a block (Go `statement_list`, JS/Java `block`/`statement_block`, Python `block`). */
export function enclosingStatement(node: Node): Node | undefined {
  let n: Node | null = node;
  while (n?.parent && !/^(statement_list|block|statement_block|module|program|source_file|switch_body|expression_case|communication_case|default_case)$/.test(n.parent.type)) n = n.parent;
  return n?.parent ? n : undefined;
}

/** The next named sibling that is not a comment. */
export function nextStatement(stmt: Node): Node | undefined {
  for (let s = stmt.nextNamedSibling; s; s = s.nextNamedSibling) if (!/comment/.test(s.type)) return s;
  return undefined;
}

/** The whitespace that starts the line of `offset`. */
export function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))?.[0] ?? '';
}

/** Escape a string for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True for bundled or minified code (average line over 250 characters): not code anyone edits, so not worth a finding. */
export const isMinified = perText((text: string): boolean => {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines > 250;
});

/** A Python duration in seconds as a literal: 10000 ms → "10", 2500 ms → "2.5". */
export function pythonSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

/**
 * The change that adds a keyword argument (`timeout=10`) at the end of a Python argument list, in the list's own style:
 * inline, or on a line of its own when the arguments are one per line (after a comment that ends the last one).
 */
export function addPythonKeyword(args: Node, text: string, keyword: string): { start: number; end: number; newText: string } {
  const named = args.namedChildren.filter((c) => !/comment/.test(c.type));
  const last = named.at(-1);
  if (!last) return { start: args.startIndex + 1, end: args.startIndex + 1, newText: keyword };
  const eol = text.indexOf('\n', last.endIndex);
  if (eol === -1 || eol >= args.endIndex) return { start: last.endIndex, end: last.endIndex, newText: `, ${keyword}` };
  const rest = text.slice(last.endIndex, eol);
  const comma = /^\s*,/.test(rest);
  return { start: last.endIndex, end: eol, newText: `${comma ? '' : ','}${rest}\n${indentAt(text, last.startIndex)}${keyword}${comma ? ',' : ''}` };
}
