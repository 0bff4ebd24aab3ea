import { defineRule } from '../../engine/define-rule';
import { namedArgs } from '../lib/syntax';

const METHODS = '"get" "post" "put" "delete" "patch" "head" "options" "request"';

/** requests has no default timeout: without `timeout=` a call waits for a silent server forever. */
export default defineRule({
  id: 'python-requests-no-timeout',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['python'],
  title: 'Python requests call with no timeout',
  local: true,
  triggers: ['requests'],
  query: `
    (call
      function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
      arguments: (argument_list) @args
      (#eq? @pkg "requests")
      (#any-of? @fn ${METHODS})) @match
    (call
      function: (attribute
        object: (call function: (attribute object: (identifier) @pkg attribute: (identifier) @session))
        attribute: (identifier) @fn)
      arguments: (argument_list) @args
      (#eq? @pkg "requests")
      (#any-of? @session "Session" "session")
      (#any-of? @fn ${METHODS})) @match
  `,
  // `**kwargs` may carry a timeout: only flag calls whose arguments are all visible.
  filter: (m) => !namedArgs(m.get('args')).some((a) =>
    a.type === 'dictionary_splat' || (a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'timeout')),
  message: (m) =>
    `requests.${m.text('fn')} has no timeout: requests waits forever for a server that stops answering, hanging this worker; pass timeout= (e.g. timeout=10 or timeout=(3, 10))`,
  fixable: true,
  fix: (m, ctx) => {
    const args = m.get('args');
    if (!args) return undefined;
    const last = namedArgs(args).at(-1);
    const title = 'Add timeout=10';
    if (!last) return { title, changes: [{ start: args.startIndex + 1, end: args.startIndex + 1, newText: 'timeout=10' }] };
    const eol = ctx.text.indexOf('\n', last.endIndex);
    if (eol === -1 || eol >= args.endIndex) return { title, changes: [{ start: last.endIndex, end: last.endIndex, newText: ', timeout=10' }] };
    // One argument per line: add a line in the same style, after any comment that ends the last argument's line.
    const comma = /^\s*,/.test(ctx.text.slice(last.endIndex, eol));
    const indent = /^[ \t]*/.exec(ctx.text.slice(ctx.text.lastIndexOf('\n', last.startIndex) + 1))?.[0] ?? '';
    const rest = ctx.text.slice(last.endIndex, eol);
    const newText = `${comma ? '' : ','}${rest}\n${indent}timeout=10${comma ? ',' : ''}`;
    return { title, changes: [{ start: last.endIndex, end: eol, newText }] };
  },
  description: `
\`requests.get\`, \`requests.post\` and the other helpers of the \`requests\` library (and the methods of a
\`requests.Session\`) have **no default timeout**: without \`timeout=\` a call waits for as long as the server keeps the
connection open without answering.

**Why it matters in production.** A dependency that hangs (an overloaded service, a black-holed connection after a
failover) holds every worker thread or process that calls it. Gunicorn/uWSGI workers run out, health checks start to
fail, and one slow upstream turns into an outage of this service.

**How to fix.** Always pass a timeout, ideally as \`(connect, read)\` seconds:

\`\`\`python
resp = requests.get(url, timeout=(3, 10))
\`\`\`

The quick fix adds \`timeout=10\`; pick a value that fits the call's latency budget. Calls that pass \`**kwargs\` are
not flagged, since the timeout may be inside.

**Links.** [requests: Timeouts](https://requests.readthedocs.io/en/latest/user/advanced/#timeouts),
[Bandit B113 request_without_timeout](https://bandit.readthedocs.io/en/latest/plugins/b113_request_without_timeout.html).
`,
});
