import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { enclosingLoop, isTestPath, namedArgs } from '../lib/syntax';

/** The file talks to a columnar analytics store (client libraries, JDBC URLs, or the product named in config). */
const ANALYTICS = /clickhouse|doris|starrocks/i;
/** An INSERT whose rows are spelled out in the statement: one statement per row. */
const ROW_INSERT = /insert\s+into[\s\S]*\bvalues\s*\(/i;
const JS = '(call_expression function: (member_expression property: (property_identifier) @fn) arguments: (arguments) @args (#any-of? @fn "insert" "exec" "command" "query")) @match';

/** A one-element list literal `[row]` (or an object with `values: [row]`): the call sends a single row. */
function singleRow(arg: Node): boolean {
  if ((arg.type === 'list' || arg.type === 'array') && namedArgs(arg).length === 1) return true;
  if (arg.type === 'object') {
    return arg.namedChildren.some((p) => p.type === 'pair' && p.childForFieldName('key')?.text === 'values'
      && singleRow(p.childForFieldName('value') ?? p));
  }
  return false;
}

/** Columnar analytics stores want a few large inserts; a row per insert makes a data part per row. */
export default defineRule({
  id: 'analytics-insert-in-loop',
  pillar: 'performance',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Row-by-row INSERT into ClickHouse/Doris/StarRocks inside a loop',
  triggers: ['clickhouse', 'ClickHouse', 'Clickhouse', 'doris', 'Doris', 'starrocks', 'StarRocks'],
  query: {
    go: '(call_expression function: (selector_expression field: (field_identifier) @fn) arguments: (argument_list) @args (#any-of? @fn "Exec" "ExecContext")) @match',
    python: '(call function: (attribute attribute: (identifier) @fn) arguments: (argument_list) @args (#any-of? @fn "execute" "command" "insert" "query")) @match',
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: '(method_invocation name: (identifier) @fn arguments: (argument_list) @args (#any-of? @fn "executeUpdate" "execute")) @match',
  },
  filter: (m, ctx) => {
    if (isTestPath(ctx.relativePath) || !ANALYTICS.test(ctx.text) || !enclosingLoop(m.node)) return false;
    const args = namedArgs(m.get('args'));
    if (args.some((a) => ROW_INSERT.test(a.text))) return true;
    if (args.some(singleRow)) return true;
    // Java: ps.executeUpdate() on a statement prepared from a row INSERT.
    return ctx.language === 'java' && args.length === 0 && /prepareStatement\(\s*"insert\s+into[^"]*values\s*\(/i.test(ctx.text);
  },
  message: (m) =>
    `${m.text('fn')} inserts one row per loop iteration into a columnar analytics store: every INSERT creates a new data part, so row-by-row loads are orders of magnitude slower and trigger "too many parts" errors and merge storms; `
    + 'collect the rows and insert them in batches (thousands of rows per INSERT: a prepared batch, client.insert with all rows, or async inserts)',
  description: `
A single-row INSERT is sent to ClickHouse, Apache Doris or StarRocks inside a loop: an \`INSERT INTO ... VALUES (...)\`
statement executed per iteration (Go \`Exec\`, Python \`execute\`/\`command\`, JS \`exec\`/\`command\`, JDBC
\`executeUpdate\`), or a client insert call given a one-element list (\`client.insert("events", [row])\`,
\`client.insert({ table, values: [row] })\`). Only files that mention one of these stores (client import, JDBC URL,
name) are checked; tests are not.

**Why it matters in production.** These are columnar, append-optimised stores. Each INSERT becomes at least one new
immutable data part on disk that background merges must later combine. Row-by-row inserts therefore cost a network
round trip, a part and a merge each: throughput drops to hundreds of rows per second instead of millions, and
ClickHouse starts rejecting writes with "Too many parts" (Doris/StarRocks: "too many versions"), which takes ingestion
down during traffic peaks.

**How to fix.** Batch: collect rows and insert thousands at a time (or by time window).

\`\`\`go
batch, err := conn.PrepareBatch(ctx, "INSERT INTO events")
for _, e := range events { _ = batch.Append(e.Time, e.Name, e.UserID) }
err = batch.Send()
\`\`\`

Python: \`client.insert("events", rows)\` once with all rows; JS: one \`client.insert({ table, values: rows })\`; JDBC:
\`addBatch()\` per row and \`executeBatch()\` per few thousand. When events arrive one by one, use ClickHouse
\`async_insert=1\` or a buffer (Kafka engine, Buffer table, Stream Load for Doris/StarRocks).

**Links.** [ClickHouse: Bulk inserts](https://clickhouse.com/docs/en/optimize/bulk-inserts),
[ClickHouse: Asynchronous inserts](https://clickhouse.com/docs/en/optimize/asynchronous-inserts),
[StarRocks: Loading overview](https://docs.starrocks.io/docs/loading/Loading_intro/),
[Doris: Stream Load](https://doris.apache.org/docs/data-operate/import/import-way/stream-load-manual).
`,
});
