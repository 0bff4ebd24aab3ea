import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { enclosingFunction, functionName, isTestPath, namedArgs } from '../lib/syntax';

const SYNC_NAMES = [
  'readFileSync', 'writeFileSync', 'appendFileSync', 'readdirSync', 'statSync', 'lstatSync', 'existsSync', 'mkdirSync',
  'rmSync', 'rmdirSync', 'unlinkSync', 'copyFileSync', 'renameSync', 'accessSync', 'openSync', 'readSync', 'writeSync',
  'execSync', 'execFileSync', 'spawnSync', 'pbkdf2Sync', 'scryptSync', 'gzipSync', 'gunzipSync', 'deflateSync',
  'inflateSync', 'brotliCompressSync', 'brotliDecompressSync',
].map((n) => `"${n}"`).join(' ');
const JS = `
  (call_expression function: (member_expression object: (_) @recv property: (property_identifier) @fn) (#any-of? @fn ${SYNC_NAMES})) @match
  (call_expression function: (identifier) @fn (#any-of? @fn ${SYNC_NAMES})) @match`;
const PY_BLOCKING: Record<string, RegExp> = {
  requests: /^(get|post|put|patch|delete|head|options|request)$/,
  time: /^sleep$/,
  subprocess: /^(run|call|check_call|check_output)$/,
  'urllib.request': /^urlopen$/,
};

/** Startup code, scripts and tests may block: only request-time code of a server is the concern. */
const SCRIPT_PATH = /(^|[\\/])(scripts?|bin|tools|build|cli)[\\/]|(^|[\\/])[\w.-]*(cli|config|setup)\.[cm]?[jt]sx?$/;

/** True when `fn` is an async function, or an Express-style `(req, res)` handler. */
function isAsyncContext(fn: Node): boolean {
  if (fn.children.some((c) => c.type === 'async')) return true;
  const params = namedArgs(fn.childForFieldName('parameters')).map((p) => (p.childForFieldName('pattern') ?? p).text);
  return /^req(uest)?$/.test(params[0] ?? '') && /^res(ponse)?$/.test(params[1] ?? '');
}

/** Blocking I/O inside async code stalls the event loop: every other request waits. */
export default defineRule({
  id: 'sync-io-in-async',
  pillar: 'performance',
  severity: 'warning',
  languages: ['python', 'typescript', 'tsx', 'javascript'],
  title: 'Blocking I/O inside async code',
  triggers: ['Sync(', 'requests.', 'time.sleep', 'subprocess.', 'urlopen'],
  query: {
    python: `(call function: (attribute object: (_) @recv attribute: (identifier) @fn)
              (#any-of? @recv "requests" "time" "subprocess" "urllib.request")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
  },
  filter: (m, ctx) => {
    const recv = m.text('recv');
    if (ctx.language === 'python') {
      if (!PY_BLOCKING[recv]?.test(m.text('fn'))) return false;
    } else if (recv && !/^(fs|fse|fsExtra|nodeFs|child_process|childProcess|cp|crypto|zlib)$/.test(recv)) {
      return false;
    }
    if (isTestPath(ctx.relativePath) || SCRIPT_PATH.test(ctx.relativePath)) return false;
    const fn = enclosingFunction(m.node);
    return !!fn && isAsyncContext(fn) && !/^(main|bootstrap|cli)$/i.test(functionName(fn));
  },
  message: (m, ctx) => {
    const call = m.text('recv') ? `${m.text('recv')}.${m.text('fn')}` : m.text('fn');
    const advice = ctx.language === 'python'
      ? ({ requests: 'use an async client (httpx.AsyncClient, aiohttp)', time: 'use await asyncio.sleep(...)', subprocess: 'use asyncio.create_subprocess_exec' }[m.text('recv')]
        ?? 'use an async equivalent or await asyncio.to_thread(...)')
      : 'use the promise API (fs.promises / node:fs/promises, util.promisify(exec), crypto.pbkdf2 with a callback)';
    return `${call} blocks the event loop inside async code: while it runs no other request, timer or health check is served; ${advice}`;
  },
  fixable: true,
  fix: (m, ctx) => {
    // time.sleep(x) as a statement in an `async def` of a module that imports asyncio: await asyncio.sleep(x) is the same wait, without blocking.
    if (ctx.language !== 'python' || m.text('recv') !== 'time' || m.node.parent?.type !== 'expression_statement') return undefined;
    if (!/^import asyncio\b|^import .*\basyncio\b/m.test(ctx.text)) return undefined;
    const fn = m.node.childForFieldName('function');
    if (!fn) return undefined;
    return { title: 'Use await asyncio.sleep', changes: [{ start: fn.startIndex, end: fn.endIndex, newText: 'await asyncio.sleep' }] };
  },
  description: `
Blocking I/O is called from async code, where it stalls the event loop:

- **JavaScript/TypeScript:** \`fs.readFileSync\` and the other \`*Sync\` functions of \`fs\`, \`child_process\`
  (\`execSync\`, \`spawnSync\`), \`crypto\` (\`pbkdf2Sync\`, \`scryptSync\`) and \`zlib\`, inside an \`async\` function or an
  Express-style \`(req, res)\` handler.
- **Python:** \`requests.get/post/...\`, \`time.sleep\`, \`subprocess.run/call/check_output\` and \`urllib.request.urlopen\`
  inside an \`async def\`.

Not flagged: test files, scripts (\`scripts/\`, \`bin/\`, \`tools/\`, \`cli/\`, \`*.config.*\`, \`cli.*\`), functions named
\`main\`/\`bootstrap\`, and synchronous functions (reading configuration at startup is fine).

**Why it matters in production.** Node.js and asyncio run all requests of a process on one thread. A 50 ms synchronous
file read, a 300 ms \`requests.get\` or a \`time.sleep(1)\` freezes *every* in-flight request, timer, health check
and heartbeat for that long, so p99 latency jumps for unrelated requests, liveness probes time out and the pod gets
restarted under load. Throughput collapses to one blocking call at a time.

**How to fix.** Use the non-blocking API and \`await\` it:

\`\`\`ts
const text = await fs.promises.readFile(path, 'utf8'); // or import { readFile } from 'node:fs/promises'
\`\`\`
\`\`\`python
await asyncio.sleep(1)                  # not time.sleep(1)
async with httpx.AsyncClient(timeout=10) as client:
    resp = await client.get(url)        # not requests.get(url)
text = await asyncio.to_thread(blocking_call, arg)   # when only a blocking library exists
\`\`\`

The quick fix turns a Python \`time.sleep(x)\` statement into \`await asyncio.sleep(x)\` when the module imports asyncio.

**Links.** [Node.js: Don't block the event loop](https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop),
[asyncio: Running blocking code](https://docs.python.org/3/library/asyncio-dev.html#running-blocking-code),
[flake8-async ASYNC210/ASYNC251](https://flake8-async.readthedocs.io/en/latest/rules.html).
`,
});
