import { defineRule } from '../../engine/define-rule';
import { isTestPath } from '../lib/syntax';

/** `SELECT *` (or `SELECT DISTINCT *`) followed by FROM, or by the end of the literal when the query continues in the next one. */
const SELECT_STAR = /\bselect\s+(?:distinct\s+)?\*\s*(?:from\s+(?!\()|["'`]*\s*$)/gi;

/** True when the literal holds a `SELECT *` that reads a table (not `EXISTS (SELECT * ...)` nor `SELECT * FROM (subquery)`). */
export function selectsStar(text: string): boolean {
  for (const m of text.matchAll(SELECT_STAR)) {
    if (/exists\s*\(\s*$/i.test(text.slice(0, m.index))) continue;
    return true;
  }
  return false;
}

/** Drops every literal without `select ... *` inside the query, before any JS-side work. */
const STAR = '(#match? @match "[Ss][Ee][Ll][Ee][Cc][Tt][^*]*[*]")';

/** `SELECT *` reads and ships every column, and breaks positional scans when the table changes. */
export default defineRule({
  id: 'sql-select-star',
  pillar: 'performance',
  severity: 'info',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'SQL query selects every column (SELECT *)',
  local: true,
  triggers: ['*'],
  // A literal holding `select *` puts it in the file's text; most files have none, and skip every string.
  when: (text) => /\bselect\s+(?:distinct\s+)?\*/i.test(text),
  query: {
    go: `([(interpreted_string_literal) (raw_string_literal)] @match ${STAR})`,
    python: `((string) @match ${STAR})`,
    typescript: `([(string) (template_string)] @match ${STAR})`,
    tsx: `([(string) (template_string)] @match ${STAR})`,
    javascript: `([(string) (template_string)] @match ${STAR})`,
    java: `((string_literal) @match ${STAR})`,
  },
  // A string statement is a docstring or a no-op, not a query.
  filter: (m, ctx) => m.node.parent?.type !== 'expression_statement' && !isTestPath(ctx.relativePath) && selectsStar(m.node.text),
  message: 'SELECT * reads and sends every column, including large ones this code never uses, and defeats covering indexes; a column added later changes the result (and breaks positional scans); list the columns you need',
  description: `
A SQL string in code selects every column: \`SELECT * FROM orders WHERE ...\` (also \`SELECT DISTINCT *\`, and a
query split over several literals). \`EXISTS (SELECT * ...)\` and \`SELECT * FROM (subquery)\`, where the columns are
already chosen, are not flagged, nor are docstrings and test files.

**Why it matters in production.** The database reads, and the network and driver carry, every column of every row,
including wide text/JSON/blob columns the code never looks at; an index that covers the columns the code needs cannot
be used as a covering index, so each row costs an extra lookup. The cost grows silently when someone adds a column to
the table. It is also a correctness hazard: code that scans by position (Go \`rows.Scan(&a, &b)\`, JDBC
\`getString(1)\`, tuple unpacking in Python) breaks or, worse, reads the wrong column after a schema change or a
column reorder in another environment.

**How to fix.** Name the columns the code uses:

\`\`\`sql
SELECT id, status, total_cents FROM orders WHERE customer_id = $1
\`\`\`

With an ORM, select the fields or a projection (\`.only(...)\`, \`select: { ... }\`, a DTO projection in JPA).

**Links.** [Use The Index, Luke: Index-only scan](https://use-the-index-luke.com/sql/clustering/index-only-scan-covering-index),
[PostgreSQL: Index-only scans](https://www.postgresql.org/docs/current/indexes-index-only-scans.html),
[SQLFluff AM04 (ambiguous column count)](https://docs.sqlfluff.com/en/stable/reference/rules.html).
`,
});
