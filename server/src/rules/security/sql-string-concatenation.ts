import { defineRule } from '../../engine/define-rule';
import type { LanguageId } from '../../engine/languages';
import { stringShape } from '../lib/dynamic-string';

/** Text that reads as SQL: a statement or the clauses that usually carry user input. */
const SQL = /\b(select\b[\s\S]*\bfrom|insert\s+into|update\b[\s\S]*\bset|delete\s+from|where|values|order\s+by|limit)\b/i;

/**
 * A keyword of SQL somewhere in the file's source: every text SQL matches holds one, even when its pieces sit in
 * separate literals ("INSERT " + "INTO t"), so a file without any cannot have a finding and skips every query call.
 * No leading \b: in source text an escape may precede the keyword ("\nSELECT").
 */
const SQL_WORD = /(select|insert|update|delete|where|values|order|limit)\b/i;

const JS = `
  (call_expression
    ; \`await db.query<Row>(...)\` parses as a call of \`await db.query\` (a tree-sitter-typescript quirk)
    function: [(member_expression property: (property_identifier) @fn)
               (await_expression (member_expression property: (property_identifier) @fn))]
    arguments: (arguments . (_) @report)
    (#any-of? @fn "query" "execute" "raw" "unsafe" "$queryRawUnsafe" "$executeRawUnsafe")) @match`;

const FIX: Record<string, string> = {
  go: 'use placeholders ($1 or ?) and pass the values as extra arguments',
  python: 'use placeholders (%s or ?) and pass the values as the second argument, e.g. execute(sql, (user_id,))',
  java: 'use a PreparedStatement with ? placeholders and set the values with setString/setInt',
  js: 'use placeholders ($1 or ?) with a values array, or a tagged sql`` template',
};

/** SQL assembled from strings and values: the classic injection. */
export default defineRule({
  id: 'sql-string-concatenation',
  pillar: 'security',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'SQL built by string concatenation or formatting',
  when: (text) => SQL_WORD.test(text),
  local: true,
  query: {
    go: `
      (call_expression
        function: (selector_expression field: (field_identifier) @fn)
        arguments: (argument_list . (_) @report)
        (#match? @fn "^(Query|QueryRow|Exec|Prepare|Queryx|QueryRowx|MustExec)$")) @match
      (call_expression
        function: (selector_expression field: (field_identifier) @fn)
        arguments: (argument_list . (_) . (_) @report)
        (#match? @fn "^(Query|QueryRow|Exec|Prepare|Queryx|QueryRowx)Context$")) @match`,
    python: `
      (call
        function: (attribute attribute: (identifier) @fn)
        arguments: (argument_list . (_) @report)
        (#any-of? @fn "execute" "executemany" "executescript" "raw" "read_sql" "read_sql_query")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation
        name: (identifier) @fn
        arguments: (argument_list . (_) @report)
        (#any-of? @fn "executeQuery" "executeUpdate" "executeLargeUpdate" "execute" "addBatch" "prepareStatement"
          "prepareCall" "createQuery" "createNativeQuery" "queryForList" "queryForObject" "queryForMap" "query" "update")) @match`,
  },
  filter: (m) => {
    const sql = m.get('report');
    if (!sql) return false;
    const shape = stringShape(sql);
    return shape.dynamic && SQL.test(shape.literal);
  },
  message: (m, ctx) =>
    `SQL passed to ${m.text('fn')} is built from strings and values: a crafted value can rewrite the statement (SQL injection); ${FIX[family(ctx.language)]}`,
  description: `
A SQL statement is assembled from string pieces and values (\`+\` concatenation, template literals with \`\${...}\`,
Python f-strings, \`%\` or \`.format()\`, Go \`fmt.Sprintf\`, Java \`String.format\`) and passed to a query method
(Go \`database/sql\` and sqlx, Python DB-API \`execute\`, Node \`query\`/\`execute\`/\`raw\`, JDBC \`Statement\` and
\`prepareStatement\`, JPA \`createQuery\`, Spring \`JdbcTemplate\`). A local variable is followed back to its
assignments in the same function.

**Why it matters in production.** A value such as \`' OR '1'='1\` or \`'; DROP TABLE carts; --\` changes what the
statement does: data of other users leaks, rows are changed or deleted, and authentication checks can be bypassed.
Even with trusted input, every distinct string is a new statement for the database to parse and plan.

**How to fix.** Keep the SQL constant and pass values separately, as bind parameters:

\`\`\`go
rows, err := db.QueryContext(ctx, "SELECT id FROM carts WHERE id = $1", id)
\`\`\`
\`\`\`python
cur.execute("SELECT sku FROM product_views WHERE user_id = %s", (user_id,))
\`\`\`
\`\`\`ts
await db.query('SELECT id FROM orders WHERE customer_id = $1', [customer]);
\`\`\`
\`\`\`java
try (PreparedStatement ps = connection.prepareStatement("SELECT quantity FROM stock WHERE sku = ?")) { ps.setString(1, sku); }
\`\`\`

Identifiers (table or column names) cannot be bound: choose them from a fixed allow-list. Pieces that are
SCREAMING_CASE constants are treated as safe.

**Links.** [OWASP SQL Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html),
[CWE-89](https://cwe.mitre.org/data/definitions/89.html), [Go: Avoiding SQL injection risk](https://go.dev/doc/database/sql-injection).
`,
});

function family(l: LanguageId): string {
  return l === 'typescript' || l === 'tsx' || l === 'javascript' ? 'js' : l;
}
