import type { LanguageId } from '../../engine/languages';
import { defineRule, type RuleMatch } from '../../engine/define-rule';
import { itemLoop } from '../lib/loops';
import { isTestPath, namedArgs } from '../lib/syntax';

const HTTP = /^(get|post|put|patch|delete|head|options|request|send|do|postform|urlopen)$/i;
const DB_RECV = /^(db|tx|trx|conn|connection|con|pool|database|cursor|cur|knex|pg|sql|session|em|entityManager|jdbcTemplate|jdbc)$|(DB|Db|Tx|Pool|Conn|Cursor|Repository|Repo|Dao|Template)$/;
const HTTP_RECV = /^(axios|got|ky|superagent)$|([cC]lient|[sS]ession)$/;

/** Is `recv.fn(...)` a database query or an outbound HTTP call? (Receiver names carry the evidence: without types, a guess by convention.) */
function isRoundTrip(language: LanguageId, recv: string, fn: string, argc: () => number): boolean {
  const last = recv.split('.').pop() ?? '';
  if (language === 'go') {
    if (recv === 'http') return /^(Get|Post|Head|PostForm)$/.test(fn);
    if (/[cC]lient$/.test(last)) return /^(Get|Post|Head|PostForm|Do)$/.test(fn);
    // sync.Pool.Get() takes no argument; sqlx/gorm Get/Select/First/Find take a destination.
    if (/^(Get|Select|First|Find|Take)$/.test(fn)) return DB_RECV.test(last) && argc() > 0;
    return DB_RECV.test(last) && /^(Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|GetContext|SelectContext|NamedExec)$/.test(fn);
  }
  if (language === 'python') {
    if (/\.objects$/.test(recv)) return /^(get|get_or_create|update_or_create|create)$/.test(fn);
    if (/^(requests|httpx)$/.test(recv) || /([cC]lient|http)$/.test(last)) return HTTP.test(fn);
    if (/session$/i.test(last) && /^(post|put|patch|delete|head|request|send)$/.test(fn)) return true;
    return DB_RECV.test(last) && /^(execute|query|fetch|fetchrow|fetchval|scalar|scalars|find_one|find)$/.test(fn);
  }
  if (language === 'java') {
    if (/^(executeQuery|executeUpdate|executeLargeUpdate)$/.test(fn)) return true;
    if (/^(stmt|statement|ps|pstmt|preparedStatement)$/i.test(last)) return fn === 'execute';
    if (/[rR]estTemplate$/.test(last)) return /^(getForObject|getForEntity|postForObject|postForEntity|exchange|put|delete)$/.test(fn);
    if (/[cC]lient$/.test(last)) return /^(send|execute)$/.test(fn);
    if (/(Repository|Repo|Dao)$/.test(last)) return /^(find\w*|get\w*By\w*|save|saveAndFlush|exists\w*|count\w*|delete\w*)$/.test(fn);
    if (/^(em|entityManager)$/.test(last)) return /^(find|createQuery|createNativeQuery|persist|merge)$/.test(fn);
    return /jdbc|[tT]emplate$/.test(last) && /^(query\w*|update)$/.test(fn);
  }
  // JavaScript / TypeScript
  if (/^prisma\.\w+$|\.prisma\.\w+$/.test(recv)) return /^(find\w*|create|update|upsert|delete|count|aggregate)$/.test(fn);
  if (/^[A-Z]\w*$/.test(recv)) return /^(findOne|findById|findByPk|findUnique|findFirst|updateOne|deleteOne|countDocuments)$/.test(fn);
  if (HTTP_RECV.test(last)) return /^(get|post|put|patch|delete|head|request)$/.test(fn);
  return DB_RECV.test(last) && /^(query|execute|one|oneOrNone|many|manyOrNone|any|none|findOne|findMany|findUnique|get|all|run)$/.test(fn);
}

const callee = (m: RuleMatch): string => (m.text('recv') ? `${m.text('recv')}.${m.text('fn')}` : m.text('fn'));

// Method names any recognised call can have (the filter decides by receiver): the query drops every other call early.
const names = (s: string): string => s.split(' ').map((n) => `"${n}"`).join(' ');
const GO_NAMES = names('Get Post Head PostForm Do Query QueryRow QueryContext QueryRowContext Exec ExecContext Select GetContext SelectContext NamedExec First Find Take');
const PY_NAMES = names('get get_or_create update_or_create create post put patch delete head options request send urlopen execute query fetch fetchrow fetchval scalar scalars find_one find');
const JS_NAMES = names('findUnique findFirst findMany findOne findById findByPk create update upsert delete count aggregate updateOne deleteOne countDocuments get post put patch head request query execute one oneOrNone many manyOrNone any none all run');
const JAVA_NAMES = names('executeQuery executeUpdate executeLargeUpdate execute getForObject getForEntity postForObject postForEntity exchange put delete send save saveAndFlush find createQuery createNativeQuery persist merge query queryForObject queryForList queryForMap update');

const JS = `
  (call_expression function: (identifier) @fn (#eq? @fn "fetch")) @match
  (call_expression function: (member_expression object: (_) @recv property: (property_identifier) @fn)
    (#match? @fn "^(find|get|count|exists|delete)|^(${JS_NAMES.replace(/"/g, '').replace(/ /g, '|')})$")) @match`;

/** One query or HTTP call per item is the N+1 pattern: latency and load grow with the data. */
export default defineRule({
  id: 'call-in-loop',
  pillar: 'performance',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Database query or HTTP call inside a loop (N+1)',
  local: true,
  query: {
    go: `(call_expression function: (selector_expression operand: (_) @recv field: (field_identifier) @fn) (#any-of? @fn ${GO_NAMES})) @match`,
    python: `(call function: (attribute object: (_) @recv attribute: (identifier) @fn) (#any-of? @fn ${PY_NAMES})) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `(method_invocation object: (_) @recv name: (identifier) @fn
            (#match? @fn "^(find|get|count|exists|delete|query)|^(${JAVA_NAMES.replace(/"/g, '').replace(/ /g, '|')})$")) @match`,
  },
  // Cheapest test first: the path, then names (the arguments are counted only when a name needs it), then the ancestors.
  filter: (m, ctx) =>
    !isTestPath(ctx.relativePath)
    && (m.text('recv') ? isRoundTrip(ctx.language, m.text('recv'), m.text('fn'), () => namedArgs(m.node.childForFieldName('arguments')).length) : true)
    && !!itemLoop(m.node),
  message: (m) =>
    `${callee(m)} runs once per item of this loop (the N+1 pattern): n items cost n round trips, so latency and database/upstream load grow with the data; `
    + 'fetch or write them in one batch (WHERE id IN (...) / = ANY($1), a bulk endpoint, executemany, saveAll) or load what the loop needs before it',
  description: `
A database query or an outbound HTTP call is made inside a loop over a collection: a Go \`range\` loop, a
\`for\`/\`for-of\`/enhanced \`for\` over items, a comprehension, or a per-element callback (\`forEach\`, stream
lambdas). Recognised calls: Go \`db.Query*\`/\`Exec*\` (and sqlx/gorm on db-like receivers), \`http.Get\`/\`client.Do\`;
Python \`cursor.execute\`, \`session.execute\`, Django \`Model.objects.get/create\`, \`requests\`/\`httpx\`/client calls;
JS/TS \`fetch\`, axios/got, \`pool.query\`/\`db.query\`, Prisma and Mongoose/Sequelize model lookups; Java JDBC
\`executeQuery\`/\`executeUpdate\`, \`JdbcTemplate\`, Spring Data repositories, \`EntityManager\`, \`RestTemplate\` and
\`HttpClient.send\`. Receivers are recognised by the conventional names (\`db\`, \`tx\`, \`pool\`, \`cursor\`,
\`*Repository\`, \`*Client\`...).

Not flagged: test files, retry and polling loops (a header mentioning attempts, retries, backoff, a deadline), \`while\` loops,
fixed small counts (\`range(3)\`), goroutines started per item (see unbounded-fan-out), and callbacks whose promises are
awaited together with \`Promise.all\`.

**Why it matters in production.** Each iteration pays a full network round trip (typically 0.5-5 ms to a database,
more to an HTTP service) plus per-query work on the server. A page that shows 20 orders makes 21 queries; the same code
with 2,000 items takes seconds, holds a connection for the whole time and multiplies load on the database or upstream
exactly when traffic peaks. It is the classic ORM "N+1 queries" problem, and it rarely shows up in tests with small data.

**How to fix.** Make one call for the whole set:

\`\`\`go
rows, err := db.QueryContext(ctx, "SELECT id, name FROM customers WHERE id = ANY($1)", pq.Array(ids))
\`\`\`

Other forms: \`WHERE id IN (...)\`, a join, eager loading (\`select_related\`/\`prefetch_related\`, JPA \`JOIN FETCH\`,
Prisma \`include\`), \`executemany\`/batch inserts/\`saveAll\`, a bulk or batch API endpoint, or a cache filled before
the loop. When the calls really must be separate, run them concurrently with a bound rather than one after another.

**Links.** [Django: select_related / prefetch_related](https://docs.djangoproject.com/en/stable/ref/models/querysets/#select-related),
[Hibernate: N+1 selects](https://docs.jboss.org/hibernate/orm/current/userguide/html_single/Hibernate_User_Guide.html#fetching),
[PostgreSQL ANY](https://www.postgresql.org/docs/current/functions-comparisons.html#FUNCTIONS-COMPARISONS-ANY-ARRAY).
`,
});
