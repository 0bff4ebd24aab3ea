// Helpers for the security rules: what a call is used for (judged from the words around it), which name a Go
// package is imported under, and the content of a string literal argument.
import type { Node } from 'web-tree-sitter';
import { ancestors, enclosingFunction, functionName, isTestPath } from './syntax';

const STATEMENT = /(statement|declaration|_spec|field_definition)$/;

/**
 * The text of the statement that holds `node` (capped) and the name of the enclosing function, camelCase split and
 * lower-cased, underscores as spaces (`hashPassword`, `hash_password` → `hash password`): the words a reader would use to say what the call is for.
 * The statement is at most the top-level declaration (a decorator, a default parameter, broken code), never the whole
 * file, so the words depend on that declaration only (weak-hash is a local rule).
 */
export function usageWords(node: Node): string {
  let stmt: Node = node;
  for (const p of ancestors(node)) {
    if (!p.parent) break;
    stmt = p;
    if (STATEMENT.test(p.type)) break;
  }
  const fn = enclosingFunction(node);
  return `${stmt.text.slice(0, 400)} ${fn ? functionName(fn) : ''}`
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** The name a Go file uses for an import path (its alias, or the last path segment), or undefined when not imported. */
export function goImportName(text: string, path: string): string | undefined {
  const re = new RegExp(`(?:^|[\\s(])(?:([A-Za-z_]\\w*|\\.)\\s+)?"${path.replace(/[/.]/g, '\\$&')}"`, 'm');
  const m = re.exec(text);
  if (!m) return undefined;
  return m[1] ?? path.split('/').filter((s) => !/^v\d+$/.test(s)).pop();
}

/** The unquoted content of a string literal node of any supported language ('' for other nodes). */
export function stringContent(n: Node | undefined): string {
  if (!n) return '';
  const m = /^[A-Za-z]*("""|'''|"|'|`)([\s\S]*)\1$/.exec(n.text);
  return m?.[2] ?? '';
}

/**
 * True when `name` is a file-level constant string: declared once with a plain literal (`const cleanup = "..."`,
 * `CLEANUP = "..."`, `static final String CMD = "..."`) and never assigned again in the file.
 */
export function isFileConstantString(name: string, text: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  const assigns = [...text.matchAll(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*(?::\\s*[\\w.]+\\s*)?(:=|\\+=|=(?!=))\\s*(.)`, 'g'))];
  return assigns.length === 1 && /["'`]/.test(assigns[0]?.[2] ?? '') && new RegExp(`${name.replace(/\$/g, '\\$')}\\s*(?::\\s*[\\w.]+\\s*)?:?=\\s*(["'\`])[^"'\`$]*\\1\\s*(;|\\n|$)`).test(text);
}

/**
 * False for test files: tests reproduce protocols, stub credentials, trust self-signed certificates and shell out on
 * purpose, so the security rules about production code stay quiet there.
 */
export function inProductionCode(ctx: { relativePath: string; path: string }): boolean {
  return !isTestPath(ctx.relativePath || ctx.path);
}
