// Does an expression carry HTTP request input? Recognised by how handlers read the request in each language
// (Express/Koa, Flask/Django/Starlette, net/http/gin/echo/mux, Servlet/Spring), following a local variable to its
// assignments in the same function once, and Spring/Flask/FastAPI handler parameters bound from the request.
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../../engine/languages';
import { enclosingFunction } from './syntax';

const SOURCES: Record<string, RegExp> = {
  js: /\breq\.(query|params|body|headers|cookies|originalUrl|url)\b|\brequest\.(query|params)\b|\breq\.(get|header|param)\(|\bctx\.(query|params|request\.(body|query))\b|\bsearchParams\.get\(/,
  python: /\brequest\.(args|form|values|GET|POST|json|files|query_params|path_params|data|cookies|headers)\b|\brequest\.get_json\(/,
  go: /\b(r|req|request)\.(URL\.Query\(\)|FormValue\(|PostFormValue\(|Form\b|PostForm\b|URL\.RawQuery|URL\.Path|Header\.Get\(|PathValue\()|\b(c|ctx)\.(Query|Param|PostForm|DefaultQuery|FormValue|QueryParam|GetQuery)\(|\bmux\.Vars\(/,
  java: /\b(request|req|httpRequest|servletRequest|httpServletRequest)\.(getParameter|getHeader|getQueryString|getPathInfo|getRequestURI|getParameterValues)\(/,
};
const PY_WEB = /^\s*(from|import)\s+(flask|django|starlette|fastapi|bottle|pyramid|tornado|sanic|falcon|quart|aiohttp\.web|aiohttp\s+import\s+web|werkzeug)\b/m;
const ASSIGNMENTS = [
  'short_var_declaration', 'assignment_statement', 'var_spec', 'assignment', 'variable_declarator', 'assignment_expression',
  'local_variable_declaration',
];

function family(l: LanguageId): string {
  return l === 'typescript' || l === 'tsx' || l === 'javascript' ? 'js' : l;
}

/** True when a parameter named `name` of `fn` is bound from the request (Spring annotations, a Flask/FastAPI route placeholder). */
function requestParameter(fn: Node, name: string, language: LanguageId): boolean {
  const params = fn.childForFieldName('parameters');
  if (!params) return false;
  if (language === 'java') {
    return params.namedChildren.some((p) => p.childForFieldName('name')?.text === name && /@(RequestParam|PathVariable|RequestHeader|RequestBody|CookieValue)\b/.test(p.text));
  }
  if (language === 'python' && fn.parent?.type === 'decorated_definition') {
    const decorators = fn.parent.namedChildren.filter((d) => d.type === 'decorator').map((d) => d.text).join('\n');
    return /\.(route|get|post|put|delete|patch|api_route)\(/.test(decorators) && new RegExp(`[<{](\\w+:)?${name}[}>]`).test(decorators)
      && new RegExp(`(^|[(,\\s])${name}\\b`).test(params.text);
  }
  return false;
}

/** The identifiers an expression reads, itself included. */
function identifiers(n: Node): Node[] {
  return n.type === 'identifier' ? [n] : n.descendantsOfType('identifier');
}

/** True when `n` reads request input directly, through a local assigned from it, or through a request-bound parameter. */
export function fromRequest(n: Node, language: LanguageId, follow = true): boolean {
  const source = SOURCES[family(language)];
  if (!source) return false;
  // `request` is also the name of outgoing requests (requests, urllib3): only web-framework modules read inbound ones.
  if (language === 'python' && !PY_WEB.test(n.tree.rootNode.text)) return false;
  if (source.test(n.text)) return true;
  const fn = enclosingFunction(n);
  if (!fn) return false;
  for (const id of identifiers(n)) {
    // A callee or a property name is not data.
    const parent = id.parent;
    if (parent && (parent.childForFieldName('function')?.id === id.id || (parent.type === 'method_invocation' && parent.childForFieldName('name')?.id === id.id))) continue;
    for (let f: Node | undefined = fn; f; f = enclosingFunction(f)) if (requestParameter(f, id.text, language)) return true;
    if (!follow) continue;
    for (const a of fn.descendantsOfType(ASSIGNMENTS)) {
      if (a.startIndex > id.startIndex) continue;
      const decl = a.type === 'local_variable_declaration' ? a.childForFieldName('declarator') : a;
      const target = decl?.childForFieldName('left') ?? decl?.childForFieldName('name');
      const value = decl?.childForFieldName('right') ?? decl?.childForFieldName('value');
      if (!target || !value || !new RegExp(`(^|[^\\w$])${id.text.replace(/\$/g, '\\$')}([^\\w$]|$)`).test(target.text)) continue;
      if (fromRequest(value, language, false)) return true;
    }
  }
  return false;
}

/** True when any enclosing function's text (up to the top-level one) matches `re`: a check done before the sink. */
export function checkedInFunction(n: Node, re: RegExp): boolean {
  let top: Node | undefined;
  for (let f = enclosingFunction(n); f; f = enclosingFunction(f)) top = f;
  return re.test((top ?? n).text);
}
