import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { indentAt } from '../lib/reliability';
import { textHas } from '../lib/file-kind';
import { namedArgs } from '../lib/syntax';
import { axiosDefaultTimeout, TIMEOUT_OPTION, timeoutMs } from '../lib/timeout';

const importsGot = textHas(/(from\s+|require\(\s*)['"]got['"]/);

const GOT_METHODS = '"get" "post" "put" "patch" "delete" "head" "extend" "stream" "paginate"';

/** Index of the options argument: axios.create(config), got(url, options) or got(options), got.get(url, options), got.extend(options). */
function optionsIndex(obj: string, fn: string, args: Node[]): number {
  if (obj === 'axios' || fn === 'extend') return 0;
  if (!fn) return args[0]?.type === 'object' ? 0 : 1;
  return 1;
}

/** Options we can see whole that set no timeout; `undefined` when they cannot be judged (a variable, a spread). */
function lacksTimeout(config: Node | undefined): boolean {
  if (!config) return true;
  if (config.type !== 'object' || config.namedChildren.some((c) => c.type === 'spread_element')) return false;
  return !config.namedChildren.some((c) => /^['"]?timeout['"]?$/.test((c.childForFieldName('key') ?? c).text));
}

/** Clients created without a timeout wait forever on every request they make. */
export default defineRule({
  id: 'js-http-client-no-timeout',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['typescript', 'tsx', 'javascript'],
  title: 'axios instance or got request with no timeout',
  triggers: ['axios.create', 'got'],
  options: TIMEOUT_OPTION,
  query: `
    (call_expression
      function: (member_expression object: (identifier) @obj property: (property_identifier) @fn)
      arguments: (arguments) @args
      (#eq? @obj "axios") (#eq? @fn "create")) @match
    (call_expression function: (identifier) @obj arguments: (arguments) @args (#eq? @obj "got")) @match
    (call_expression
      function: (member_expression object: (identifier) @obj property: (property_identifier) @fn)
      arguments: (arguments) @args
      (#eq? @obj "got") (#any-of? @fn ${GOT_METHODS})) @match
  `,
  filter: (m, ctx) => {
    const obj = m.text('obj');
    if (obj === 'got' && !importsGot(ctx.text)) return false;
    // An instance inherits axios.defaults, so a file that sets the default timeout is covered.
    if (obj === 'axios' && axiosDefaultTimeout(ctx.text)) return false;
    const args = namedArgs(m.get('args'));
    return lacksTimeout(args[optionsIndex(obj, m.text('fn'), args)]);
  },
  message: (m) => m.text('obj') === 'axios'
    ? 'axios.create() without `timeout`: axios waits forever by default, so every request of this instance can hang on a silent upstream; set `timeout` (ms)'
    : `${m.text('fn') ? `got.${m.text('fn')}` : 'got'}() without \`timeout\`: got has no timeout by default, so a silent upstream hangs this request forever; pass \`timeout: { request: ms }\``,
  fixable: true,
  fix: (m, ctx) => {
    if (m.text('obj') !== 'axios') return undefined;
    const args = m.get('args');
    const config = namedArgs(args)[0];
    const ms = timeoutMs(ctx.options);
    const title = `Add timeout: ${ms}`;
    if (!args) return undefined;
    if (!config) return { title, changes: [{ start: args.startIndex + 1, end: args.endIndex - 1, newText: `{ timeout: ${ms} }` }] };
    const first = namedArgs(config)[0];
    if (!first) return { title, changes: [{ start: config.startIndex, end: config.endIndex, newText: `{ timeout: ${ms} }` }] };
    // One property per line: add a line in the same style before the first; otherwise put it first on the line.
    const lineStart = ctx.text.lastIndexOf('\n', first.startIndex) + 1;
    if (lineStart > config.startIndex) {
      return { title, changes: [{ start: lineStart, end: lineStart, newText: `${indentAt(ctx.text, first.startIndex)}timeout: ${ms},\n` }] };
    }
    return { title, changes: [{ start: config.startIndex + 1, end: config.startIndex + 1, newText: ` timeout: ${ms},` }] };
  },
  description: `
An axios instance made with \`axios.create(...)\`, or a request or instance of [got](https://github.com/sindresorhus/got),
without a \`timeout\`. Both libraries wait **forever** by default. Calls whose options are built elsewhere (a
variable, a spread) are not flagged, nor axios instances in a file that sets \`axios.defaults.timeout\`; got calls only
in files that import \`got\`. (Direct \`axios.get/post/...\` and \`fetch\` calls are checked by \`js-fetch-no-timeout\`.)

**Why it matters in production.** Every request made through the instance inherits "no timeout": when an upstream
stops answering, requests and the handlers awaiting them pile up until sockets or memory run out, and clients see
their own timeouts instead of a fast, handled failure.

**How to fix.**

\`\`\`ts
const api = axios.create({ baseURL, timeout: 10_000 });
const client = got.extend({ prefixUrl, timeout: { request: 10_000 } });
\`\`\`

The quick fix adds \`timeout\` to \`axios.create\`, with the value of the rule's \`timeout\` option (the policy's
\`reliability.timeouts.default\`, 10 s unless set).

**Links.** [axios request config](https://axios-http.com/docs/req_config),
[got: timeout](https://github.com/sindresorhus/got/blob/main/documentation/6-timeout.md).
`,
});
