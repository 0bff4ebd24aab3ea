// What the retry rules need to know without types: is a call an outbound HTTP call, is a loop a retry loop (a
// counted or endless loop around such a call that exits on success), and does it back off or stop.
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../../engine/languages';

const CALL_TYPES = ['call', 'call_expression', 'method_invocation'];

/** The callee text of a call node: `requests.get`, `http.Get`, `this.client.send`, `fetch`. */
export function calleeText(call: Node): string {
  if (call.type === 'method_invocation') {
    const obj = call.childForFieldName('object')?.text;
    return `${obj ? `${obj}.` : ''}${call.childForFieldName('name')?.text ?? ''}`;
  }
  return call.childForFieldName('function')?.text ?? '';
}

const OUTBOUND: Partial<Record<LanguageId, RegExp>> = {
  // Case matters: urllib.request.Request(...) only builds a request object.
  python: /^(requests|httpx|aiohttp|urllib\.request|urllib3)\.(get|post|put|patch|delete|head|request|urlopen|stream)$|(^|\.)_?(session|client|http|api|[a-z]*_(session|client))\.(get|post|put|patch|delete|request)$/,
  go: /^http\.(Get|Post|Head|PostForm)$|(^|\.)\w*(client|Client|http|HTTP)\w*\.(Do|Get|Post|Head|PostForm)$/,
  java: /(^|\.)\w*(httpClient|HttpClient|client)\.(send|sendAsync)$|(^|\.)\w*[rR]estTemplate\.(getForObject|getForEntity|postForObject|postForEntity|exchange|put|delete)$|\.newCall\(.*\)\.execute$/,
  javascript: /^(fetch|axios|got)$|^(axios|got|superagent|ky)\.(get|post|put|patch|delete|head|request)$|(^|\.)\w*(client|api|http|Client|Api|Http)\.(get|post|put|patch|delete|request)$/,
};
OUTBOUND.typescript = OUTBOUND.javascript;
OUTBOUND.tsx = OUTBOUND.javascript;

/** True for a call that goes over the network by its well-known shape (requests.get, http.Get, client.Do, fetch, restTemplate.exchange...). */
export function isOutboundCall(call: Node, language: LanguageId): boolean {
  const re = OUTBOUND[language];
  if (!re || !CALL_TYPES.includes(call.type)) return false;
  const callee = calleeText(call).replace(/^await\s+/, '').replace(/\s+/g, '');
  return re.test(callee);
}

/** The outbound calls inside a node. */
export function outboundCalls(node: Node, language: LanguageId): Node[] {
  return node.descendantsOfType(CALL_TYPES).filter((c) => isOutboundCall(c, language));
}

/** True for a loop that counts attempts or runs until told to stop, not one that walks a collection. */
export function isAttemptLoop(loop: Node, language: LanguageId): boolean {
  const body = loop.childForFieldName('body');
  const header = body ? loop.text.slice(0, body.startIndex - loop.startIndex) : loop.text;
  // Walking a collection or a cursor by index is not retrying.
  if (/\blen\(|\.length\b|\.size\(\)|\.hasNext\(\)|\.(Next|Scan)\(\)/.test(header)) return false;
  if (language === 'python') return loop.type === 'while_statement' || /^range\(/.test(loop.childForFieldName('right')?.text ?? '');
  if (language === 'go') return !loop.namedChildren.some((c) => c.type === 'range_clause');
  return /^(for_statement|while_statement|do_statement)$/.test(loop.type);
}

/** True when the loop body handles a failure of the call: try/except/catch, or Go's `err != nil`. */
export function handlesFailure(body: Node, language: LanguageId): boolean {
  if (language === 'go') return /\berr\s*[!=]=\s*nil\b|\.StatusCode\s*(>=|!=|==)/.test(body.text);
  return /\btry\b|\.ok\b|\bstatus(_code|Code)?\s*(>=|!=|==)/.test(body.text);
}

/** A retry loop: an attempt loop around an outbound call that handles failure and leaves on success. */
export function isRetryLoop(loop: Node, language: LanguageId): boolean {
  const body = loop.childForFieldName('body');
  // Cheapest checks first: most loops are not retry loops, and only then is the body walked for calls.
  if (!body || !isAttemptLoop(loop, language) || !/\b(break|return)\b/.test(body.text)) return false;
  return handlesFailure(body, language) && outboundCalls(body, language).length > 0;
}

/** Calls that wait between attempts. */
export const BACKOFF = /\b(sleep|Sleep|setTimeout|delay|Delay|backoff|Backoff|BackOff|time\.After|NewTimer|wait_exponential|jitter|Jitter|TimeUnit\.\w+\.sleep|waitFor|wait)\b/;

/** True when the loop's condition or body bounds the number of attempts. */
export function isBounded(loop: Node, language: LanguageId): boolean {
  const condition = loop.childForFieldName('condition')?.text ?? '';
  if (language === 'python' && loop.type === 'for_statement') return true;
  if (language === 'go') {
    const clause = loop.namedChildren.find((c) => c.type === 'for_clause');
    if (clause) return /[<>]/.test(clause.text);
    const cond = loop.namedChildren.find((c) => c.type !== 'block' && !/comment/.test(c.type));
    if (cond && cond.type !== 'block' && /[<>]|!=/.test(cond.text)) return true;
  } else if (condition && !/^\(?\s*(true|True|1)\s*\)?$/.test(condition)) {
    return true;
  }
  // An endless loop bounded by a counter checked inside: `if attempt >= 5: raise`.
  return /\b\w*(attempt|retr|tries|tried|count)\w*\s*(>=|>|==)\s*\w+|\b\w+\s*(<=|<)\s*\w*(attempt|retr|tries|count)\w*/i.test(loop.childForFieldName('body')?.text ?? '');
}

/** The innermost loop enclosing `node` within its function, if any. */
export function enclosingLoops(node: Node): Node[] {
  const out: Node[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (/^(function_definition|function_declaration|method_declaration|func_literal|arrow_function|function_expression|method_definition|lambda_expression|constructor_declaration)$/.test(p.type)) break;
    if (/^(for_statement|while_statement|do_statement)$/.test(p.type)) out.push(p);
  }
  return out;
}
