import type { Node } from 'web-tree-sitter';
import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { textHas } from '../lib/file-kind';
import { isLiteralString, namedArgs } from '../lib/syntax';

const PY_CLIENT = /^((redis(\.asyncio)?|aioredis)\.(Redis|StrictRedis|RedisCluster|from_url)|(Redis|StrictRedis|RedisCluster)(\.from_url)?)$/;
const pyImportsRedis = textHas(/^\s*(import\s+(redis|aioredis)\b|from\s+(redis|aioredis)(\.\w+)*\s+import\b)/m);
const importsIoredis = textHas(/(from\s+|require\(\s*)['"]ioredis['"]/);

/** Python: neither socket_timeout nor a pool or **kwargs that may carry one. */
function pythonLacksTimeout(args: Node[]): boolean {
  return !args.some((a) => a.type === 'dictionary_splat' || a.type === 'list_splat'
    || (a.type === 'keyword_argument' && /^(socket_timeout|connection_pool)$/.test(a.childForFieldName('name')?.text ?? '')));
}

/** An options object with no commandTimeout; a Cluster's `redisOptions` is judged the same way. */
function objectLacksTimeout(o: Node): boolean {
  return !o.namedChildren.some((c) => {
    const key = (c.childForFieldName('key')?.text ?? '').replace(/['"]/g, '');
    const value = c.childForFieldName('value');
    if (key === 'redisOptions') return value?.type !== 'object' || !objectLacksTimeout(value);
    return c.type === 'spread_element' || key === 'commandTimeout';
  });
}

/** ioredis: every argument visible (literals, a URL or port) and no options object with commandTimeout. */
function ioredisLacksTimeout(args: Node[]): boolean {
  return args.every((a) => {
    if (a.type === 'object') return objectLacksTimeout(a);
    if (a.type === 'array') return true;
    return isLiteralString(a) || a.type === 'number' || /(url|uri|port|host)$/i.test(a.text) || /^process\.env\./.test(a.text);
  });
}

function lacksTimeout(m: RuleMatch, ctx: RuleContext): boolean {
  const args = namedArgs(m.get('args'));
  if (ctx.language === 'python') return PY_CLIENT.test(m.text('ctor')) && pyImportsRedis(ctx.text) && pythonLacksTimeout(args);
  return importsIoredis(ctx.text) && ioredisLacksTimeout(args);
}

const JS = `(new_expression constructor: [(identifier) (member_expression)] @ctor arguments: (arguments) @args
  (#match? @ctor "^(Redis|IORedis|Redis\\\\.Cluster|IORedis\\\\.Cluster|Cluster)$")) @match`;

/** A Redis client with no command or socket timeout waits forever on a Redis that stops answering. */
export default defineRule({
  id: 'redis-client-no-timeout',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['python', 'typescript', 'tsx', 'javascript'],
  title: 'Redis client with no command timeout (redis-py, ioredis)',
  triggers: ['Redis', 'from_url', 'Cluster'],
  query: {
    python: `(call function: [(identifier) (attribute)] @ctor arguments: (argument_list) @args) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
  },
  filter: lacksTimeout,
  message: (m, ctx) => ctx.language === 'python'
    ? `${m.text('ctor')}(...) without socket_timeout: redis-py waits forever for a reply, so a stalled Redis (failover, a slow KEYS, a full network buffer) hangs every worker that touches it; pass socket_timeout= (and socket_connect_timeout=)`
    : `new ${m.text('ctor')}(...) without commandTimeout: ioredis waits forever for a reply, so a stalled Redis hangs every request that touches it; set commandTimeout (ms)`,
  description: `
A Redis client created without a timeout on commands:

- Python \`redis.Redis(...)\`, \`StrictRedis\`, \`RedisCluster\`, \`redis.from_url(...)\` (and \`redis.asyncio\`,
  \`aioredis\`) without \`socket_timeout\`: redis-py's default is \`None\`, wait forever;
- ioredis \`new Redis(...)\` / \`new Redis.Cluster(...)\` without \`commandTimeout\` (ioredis has a 10 s connect timeout
  but none on commands).

Calls that pass \`**kwargs\`, a \`connection_pool\`, or an options object built elsewhere are not flagged. Go's
go-redis and Java's Jedis/Lettuce have finite defaults and are not checked; node-redis v4 has no command timeout
option to point at, so it is not flagged either.

**Why it matters in production.** Redis sits on the hot path (sessions, rate limits, caches). When it stalls (a
failover, a slow \`KEYS\`, a network partition that drops packets without resetting the connection), every call
blocks, and the service hangs with it instead of degrading to "no cache".

**How to fix.**

\`\`\`python
r = redis.Redis(host="redis", socket_timeout=0.5, socket_connect_timeout=1)
\`\`\`

\`\`\`ts
const redis = new Redis(process.env.REDIS_URL, { commandTimeout: 500, maxRetriesPerRequest: 2 });
\`\`\`

**Links.** [redis-py connection options](https://redis.readthedocs.io/en/stable/connections.html),
[ioredis options](https://redis.github.io/ioredis/interfaces/CommonRedisOptions.html).
`,
});
