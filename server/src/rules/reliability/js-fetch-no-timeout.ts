import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import type { Fix } from '../../engine/types';
import { namedArgs } from '../lib/syntax';
import { axiosDefaultTimeout, TIMEOUT_OPTION, timeoutMs } from '../lib/timeout';

const QUERY = `
  (call_expression function: (identifier) @fn arguments: (arguments) @args (#any-of? @fn "fetch" "axios")) @match
  (call_expression
    ; \`await axios.get<T>(...)\` parses as a call of \`await axios.get\` (a tree-sitter-typescript quirk)
    function: [(member_expression object: (identifier) @obj property: (property_identifier) @fn)
               (await_expression (member_expression object: (identifier) @obj property: (property_identifier) @fn))]
    arguments: (arguments) @args
    (#any-of? @obj "window" "globalThis" "self" "axios")
    (#any-of? @fn "fetch" "get" "delete" "head" "options" "post" "put" "patch" "request")) @match`;

/** Index of the config argument: fetch(url, init), axios.get(url, config), axios.post(url, data, config), axios(config). */
function configIndex(obj: string, fn: string, args: Node[]): number | undefined {
  if (fn === 'fetch') return obj === 'axios' ? undefined : 1;
  if (obj !== 'axios') return fn === 'axios' ? (args[0]?.type === 'object' ? 0 : 1) : undefined;
  return /^(post|put|patch)$/.test(fn) ? 2 : /^request$/.test(fn) ? 0 : 1;
}

/** Add `key: value` to an object literal, or pass a new object as the config argument at index `at`. */
function addToConfig(args: Node | undefined, at: number, entry: string, title: string): Fix | undefined {
  if (!args) return undefined;
  const list = namedArgs(args);
  const config = list[at];
  if (config) {
    if (config.type !== 'object') return undefined;
    const members = namedArgs(config);
    const last = members.at(-1);
    if (!last) return { title, changes: [{ start: config.startIndex, end: config.endIndex, newText: `{ ${entry} }` }] };
    return { title, changes: [{ start: last.endIndex, end: last.endIndex, newText: `, ${entry}` }] };
  }
  // The config goes right after the previous argument; if that one is missing too (axios.post(url)), no certain fix.
  const prev = list[at - 1];
  if (list.length !== at || !prev) return undefined;
  return { title, changes: [{ start: prev.endIndex, end: prev.endIndex, newText: `, { ${entry} }` }] };
}

/** Neither fetch nor axios time out by default: a hung upstream holds the request (and its caller) forever. */
export default defineRule({
  id: 'js-fetch-no-timeout',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['typescript', 'tsx', 'javascript'],
  title: 'fetch or axios call with no timeout',
  triggers: ['fetch', 'axios'],
  query: QUERY,
  local: true,
  fileFacts: (text) => (axiosDefaultTimeout(text) ? 'axios-default-timeout' : ''),
  filter: (m, ctx) => {
    const args = namedArgs(m.get('args'));
    const at = configIndex(m.text('obj'), m.text('fn'), args);
    if (at === undefined) return false;
    if (m.text('obj') === 'axios' || m.text('fn') === 'axios') {
      if (axiosDefaultTimeout(ctx.text)) return false;
    }
    const config = args[at];
    if (!config) return true;
    // A config built elsewhere may carry a signal or timeout: only judge object literals we can see whole.
    if (config.type !== 'object' || config.namedChildren.some((c) => c.type === 'spread_element')) return false;
    return !config.namedChildren.some((c) => /^['"]?(signal|timeout)['"]?$/.test((c.childForFieldName('key') ?? c).text));
  },
  message: (m) => {
    const call = m.text('obj') ? `${m.text('obj')}.${m.text('fn')}` : m.text('fn');
    return call.endsWith('fetch')
      ? `${call}() has no timeout: a hung upstream keeps this request, and everything awaiting it, waiting forever; pass \`signal: AbortSignal.timeout(ms)\``
      : `${call}() has no timeout (axios waits forever by default): a hung upstream keeps this request waiting; pass \`timeout: ms\` (and \`signal\`), or create an instance with axios.create({ timeout })`;
  },
  options: TIMEOUT_OPTION,
  fixable: true,
  fix: (m, ctx) => {
    const ms = timeoutMs(ctx.options);
    const args = namedArgs(m.get('args'));
    const at = configIndex(m.text('obj'), m.text('fn'), args);
    if (at === undefined) return undefined;
    const isFetch = m.text('fn') === 'fetch';
    return isFetch
      ? addToConfig(m.get('args'), at, `signal: AbortSignal.timeout(${ms})`, `Add signal: AbortSignal.timeout(${ms})`)
      : addToConfig(m.get('args'), at, `timeout: ${ms}`, `Add timeout: ${ms}`);
  },
  description: `
\`fetch\` (browser and Node 18+) has **no timeout** unless you pass an \`AbortSignal\`, and axios' default
\`timeout\` is \`0\`, which means none. This rule flags \`fetch(url)\` and \`fetch(url, { ... })\` without \`signal\`,
and \`axios(...)\` and \`axios.get/post/...\` without \`timeout\` or \`signal\` (instances made by \`axios.create\` are checked by
\`js-http-client-no-timeout\`).

**Why it matters in production.** When an upstream stops answering (a stuck pod, a dropped connection behind a load
balancer), the request and everything awaiting it wait forever: Express handlers pile up, sockets and memory run out,
and clients see their own timeouts instead of a fast, handled failure. (Node's undici eventually gives up on headers
after 300 s, far beyond any sensible latency budget.) In the browser, a spinner that never ends.

**How to fix.**

\`\`\`ts
const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
const api = axios.create({ baseURL, timeout: 2000 });
\`\`\`

The quick fix adds \`signal: AbortSignal.timeout(ms)\` to fetch and \`timeout: ms\` to axios, from the rule's \`timeout\`
option (default \`10s\`). Combine with the caller's signal with \`AbortSignal.any([req.signal, AbortSignal.timeout(2000)])\`. Calls whose
options object is built elsewhere (a variable, a spread) are not flagged, and axios calls are not flagged when the
file sets \`axios.defaults.timeout\`.

**Links.** [MDN AbortSignal.timeout()](https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal/timeout_static),
[axios request config](https://axios-http.com/docs/req_config).
`,
});
