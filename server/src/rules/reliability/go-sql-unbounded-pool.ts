import { defineRule } from '../../engine/define-rule';
import { textHas } from '../lib/file-kind';
import { enclosingStatement } from '../lib/reliability';
import { enclosingFunction, isTestPath } from '../lib/syntax';

const setsMaxOpenConns = textHas(/\.SetMaxOpenConns\s*\(/);

/** database/sql opens as many connections as there are concurrent queries unless told otherwise. */
export default defineRule({
  id: 'go-sql-unbounded-pool',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['go'],
  title: 'Go sql.DB with no connection limit',
  triggers: ['sql.Open', 'sqlx.Open', 'sqlx.Connect', 'sqlx.MustConnect', 'sqlx.MustOpen'],
  query: `
    (call_expression
      function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
      (#any-of? @pkg "sql" "sqlx")
      (#any-of? @fn "Open" "Connect" "MustConnect" "MustOpen")) @match
  `,
  filter: (m, ctx) => {
    if (m.text('pkg') === 'sql' && m.text('fn') !== 'Open') return false;
    if (isTestPath(ctx.relativePath) || setsMaxOpenConns(ctx.text)) return false;
    // A constructor that returns the handle leaves pool sizing to its caller.
    const stmt = enclosingStatement(m.node);
    if (stmt?.type === 'return_statement') return false;
    const fn = enclosingFunction(m.node);
    const assign = m.node.parent?.type === 'expression_list' ? m.node.parent.parent : undefined;
    const target = assign?.type === 'short_var_declaration' || assign?.type === 'assignment_statement'
      ? assign.childForFieldName('left')?.namedChildren[0]?.text : undefined;
    // `_, err = sql.Open(...)` only checks the DSN: there is no pool to size.
    if (target === '_') return false;
    if (fn && target && new RegExp(`\\breturn\\s+(&)?${target.replace(/[.$]/g, '\\$&')}\\b`).test(fn.text)) return false;
    return true;
  },
  message: (m) =>
    `${m.text('pkg')}.${m.text('fn')} with no SetMaxOpenConns in this file: database/sql opens a new connection for every concurrent query, so a traffic spike exhausts the database's max_connections and takes down every service sharing it; call db.SetMaxOpenConns(n) (and SetMaxIdleConns, SetConnMaxLifetime)`,
  description: `
A \`*sql.DB\` opened with \`sql.Open\` (or sqlx's \`Open\`/\`Connect\`) in a file that never calls
\`SetMaxOpenConns\`. The default limit is **0, unlimited**. Test files and functions that return the handle to
their caller (who may size the pool) are not flagged.

**Why it matters in production.** Under load every concurrent query gets its own connection. PostgreSQL's default
\`max_connections\` is 100 and MySQL's 151, shared by all replicas of all services: a spike (or a slow query that
holds connections) makes the database refuse connections for everyone, and the incident spreads far beyond this
service. An explicit limit makes excess queries wait in the pool instead, where a context deadline can bound them.

**How to fix.** Size the pool from the database's budget divided by the number of replicas:

\`\`\`go
db, err := sql.Open("pgx", dsn)
if err != nil {
	return err
}
db.SetMaxOpenConns(20)
db.SetMaxIdleConns(20)
db.SetConnMaxLifetime(30 * time.Minute)
\`\`\`

**Links.** [database/sql: SetMaxOpenConns](https://pkg.go.dev/database/sql#DB.SetMaxOpenConns),
[Configuring sql.DB for better performance](https://www.alexedwards.net/blog/configuring-sqldb).
`,
});
