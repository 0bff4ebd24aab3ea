import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { addPythonKeyword, pythonSeconds } from '../lib/reliability';
import { TIMEOUT_OPTION, timeoutMs } from '../lib/timeout';
import { namedArgs } from '../lib/syntax';

type Kind = 'httpx' | 'aiohttp' | 'urlopen' | 'urllib3';

/** The client a callee names; bare names count only when the file imports them from that module. */
function kindOf(callee: string, text: string): Kind | undefined {
  if (/^httpx\.(Client|AsyncClient|get|post|put|patch|delete|head|options|request|stream)$/.test(callee)) return 'httpx';
  if (/^aiohttp\.(ClientSession|request)$/.test(callee)) return 'aiohttp';
  if (/^(urllib\.request|request|urllib2)\.urlopen$/.test(callee)) return 'urlopen';
  if (/^urllib3\.(PoolManager|HTTPConnectionPool|HTTPSConnectionPool|connection_from_url|ProxyManager)$/.test(callee)) return 'urllib3';
  const imported = (mod: string): boolean => new RegExp(`from\\s+${mod}\\s+import\\s+[^\\n]*\\b${callee}\\b`).test(text);
  if (callee === 'ClientSession' && imported('aiohttp')) return 'aiohttp';
  if (callee === 'urlopen' && imported('(urllib\\.request|urllib2|six\\.moves\\.urllib\\.request)')) return 'urlopen';
  if (/^(PoolManager|HTTPConnectionPool|HTTPSConnectionPool|ProxyManager)$/.test(callee) && imported('urllib3')) return 'urllib3';
  return undefined;
}

const kwarg = (args: Node[], name: string): Node | undefined =>
  args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? undefined;

const FIX: Record<Kind, string> = {
  httpx: 'httpx defaults to 5 s, but timeout=None turns it off; pass a finite timeout (e.g. httpx.Timeout(10.0, connect=3.0))',
  aiohttp: 'aiohttp\'s default is a 5-minute total with no per-read limit; pass timeout=aiohttp.ClientTimeout(total=10, sock_read=5)',
  urlopen: 'urlopen waits forever unless given a timeout; pass timeout=10',
  urllib3: 'urllib3 waits forever by default; pass timeout=urllib3.Timeout(connect=3, read=10)',
};

/** HTTP clients other than requests that wait forever (or for minutes) unless told otherwise. */
export default defineRule({
  id: 'python-http-client-no-timeout',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['python'],
  title: 'Python HTTP client with no timeout (httpx, aiohttp, urllib, urllib3)',
  triggers: ['httpx', 'aiohttp', 'urlopen', 'urllib3'],
  options: TIMEOUT_OPTION,
  query: `(call function: [(identifier) (attribute)] @callee arguments: (argument_list) @args) @match`,
  filter: (m, ctx) => {
    const kind = kindOf(m.text('callee'), ctx.text);
    if (!kind) return false;
    const args = namedArgs(m.get('args'));
    const timeout = kwarg(args, 'timeout');
    if (kind === 'httpx') return timeout?.text === 'None';
    if (args.some((a) => a.type === 'dictionary_splat' || a.type === 'list_splat')) return false;
    if (timeout) return timeout.text === 'None';
    // urlopen(url, data, timeout): a third positional argument is the timeout.
    return !(kind === 'urlopen' && args.filter((a) => a.type !== 'keyword_argument').length >= 3);
  },
  message: (m, ctx) => {
    const kind = kindOf(m.text('callee'), ctx.text) ?? 'urlopen';
    return `${m.text('callee')}(...) has no usable timeout: a server that stops answering holds this call (and its worker or event-loop task) indefinitely; ${FIX[kind]}`;
  },
  fixable: true,
  // Certain only where the argument is missing and takes seconds: urlopen and urllib3 pools. (aiohttp needs a
  // ClientTimeout object and maybe an import; an explicit timeout=None in httpx may be deliberate.)
  fix: (m, ctx) => {
    const kind = kindOf(m.text('callee'), ctx.text);
    const args = m.get('args');
    if ((kind !== 'urlopen' && kind !== 'urllib3') || !args || kwarg(namedArgs(args), 'timeout')) return undefined;
    const seconds = pythonSeconds(timeoutMs(ctx.options));
    return { title: `Add timeout=${seconds}`, changes: [addPythonKeyword(args, ctx.text, `timeout=${seconds}`)] };
  },
  description: `
Python HTTP clients whose default is to wait forever or far too long:

- \`httpx\` clients and helpers with an explicit \`timeout=None\` (httpx's own default, 5 s, is fine);
- \`aiohttp.ClientSession()\` / \`aiohttp.request()\` without \`timeout=\` (the default is a 5-minute total with no
  per-read limit);
- \`urllib.request.urlopen(url)\` without a timeout (it falls back to the socket default: none);
- \`urllib3.PoolManager()\` / \`HTTPConnectionPool(...)\` without \`timeout=\` (none by default).

Bare names (\`ClientSession()\`, \`urlopen()\`) count when the file imports them from those modules. Calls that pass
\`**kwargs\` are not flagged. \`requests\` is checked by \`python-requests-no-timeout\`.

**Why it matters in production.** A dependency that hangs holds every worker thread, process or asyncio task that
calls it; pools drain, health checks fail, and one slow upstream becomes an outage of this service.

**How to fix.**

\`\`\`python
session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10, sock_connect=3))
with urllib.request.urlopen(url, timeout=10) as resp: ...
http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=3.0, read=10.0))
client = httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=3.0))
\`\`\`

The quick fix adds \`timeout=<seconds>\` to \`urlopen\` and urllib3 pools, from the rule's \`timeout\` option (the
policy's \`reliability.timeouts.default\`, 10 s unless set).

**Links.** [aiohttp: timeouts](https://docs.aiohttp.org/en/stable/client_quickstart.html#timeouts),
[httpx: timeouts](https://www.python-httpx.org/advanced/timeouts/),
[urllib3: timeouts](https://urllib3.readthedocs.io/en/stable/user-guide.html#timeouts),
[urllib.request.urlopen](https://docs.python.org/3/library/urllib.request.html#urllib.request.urlopen).
`,
});
