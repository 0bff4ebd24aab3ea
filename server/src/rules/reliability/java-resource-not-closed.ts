import { defineRule } from '../../engine/define-rule';
import { escapeRe } from '../lib/reliability';

const TYPES = /^(FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|BufferedReader|BufferedWriter|PrintWriter|ZipFile|JarFile|Socket|ServerSocket)$/;
const METHODS = /^(getConnection|createStatement|prepareStatement|prepareCall|newInputStream|newOutputStream|newBufferedReader|newBufferedWriter)$/;

const DECLARED = /^(Connection|Statement|PreparedStatement|CallableStatement|InputStream|OutputStream|BufferedReader|BufferedWriter|Reader|Writer|var)$/;

/** Closeables created in a plain local variable leak when an exception skips the close (or there is none). */
export default defineRule({
  id: 'java-resource-not-closed',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['java'],
  title: 'Stream, connection or statement not in try-with-resources',
  local: true,
  triggers: ['Stream', 'Reader', 'Writer', 'Connection', 'Statement', 'RandomAccessFile', 'ZipFile', 'Socket'],
  // Resources of a try-with-resources are \`resource\` nodes, not local variable declarations, so they never match.
  query: `
    (local_variable_declaration
      type: (_) @decl
      declarator: (variable_declarator
        name: (identifier) @var
        value: [(object_creation_expression type: (type_identifier) @type) (method_invocation name: (identifier) @method)] @value)) @match
  `,
  filter: (m) => {
    if (m.get('type') ? !TYPES.test(m.text('type')) : !METHODS.test(m.text('method'))) return false;
    // A factory method counts only when the declared type says what it made (a JDBC Connection, not an SSL connection).
    if (!m.get('type') && !DECLARED.test(m.text('decl'))) return false;
    if (/System\.(in|out|err)/.test(m.text('value'))) return false;
    let body = m.node.parent;
    while (body && !/^(method_declaration|constructor_declaration|lambda_expression)$/.test(body.type)) body = body.parent;
    if (!body) return false;
    const rest = body.text.slice(m.node.endIndex - body.startIndex);
    const v = escapeRe(m.text('var'));
    // Closed somewhere (finally, a helper), managed later by try (v), or handed on: returned, stored, wrapped, registered.
    return !new RegExp(`\\b${v}\\.close\\(|\\bclose\\w*\\([^)]*\\b${v}\\b|\\btry\\s*\\([^)]*\\b${v}\\b|\\breturn\\s+${v}\\s*;|=\\s*${v}\\s*;|\\bnew\\s+[\\w.]+(<[^>]*>)?\\(\\s*${v}\\s*[,)]|\\.(add|put|register)\\([^;]*\\b${v}\\s*\\)`).test(rest);
  },
  message: (m) =>
    `${m.text('var')} (${m.text('type') || m.text('method')}) is not closed on every path: an exception before close() leaks the ${/Connection|Statement|prepare|create/.test(m.text('type') + m.text('method')) ? 'database connection until the pool is exhausted' : 'file descriptor until the process runs out'}; declare it in try-with-resources: try (var ${m.text('var')} = ...) { ... }`,
  description: `
A \`FileInputStream\`, \`FileReader\`, \`BufferedWriter\`, \`RandomAccessFile\`, \`ZipFile\`, \`Socket\`, JDBC
\`Connection\` (\`getConnection()\`), \`Statement\`/\`PreparedStatement\` or \`Files.newInputStream\`/\`newBufferedReader\`
... assigned to a local variable outside try-with-resources, and not closed in the same method (no \`x.close()\`, no
\`closeQuietly(x)\`), nor returned, stored, wrapped (\`new BufferedReader(in)\`) or added to a collection.

**Why it matters in production.** A \`close()\` at the end of the happy path is skipped by any exception in between.
Leaked JDBC connections drain the pool (HikariCP: "Connection is not available, request timed out") and the whole
service stalls; leaked streams end in "Too many open files". The failure appears hours later, far from the cause.

**How to fix.**

\`\`\`java
try (Connection c = dataSource.getConnection();
     PreparedStatement ps = c.prepareStatement(SQL)) {
    ps.setLong(1, id);
    try (ResultSet rs = ps.executeQuery()) { ... }
}
\`\`\`

**Links.** [The try-with-resources statement](https://docs.oracle.com/javase/tutorial/essential/exceptions/tryResourceClose.html),
[SEI CERT FIO04-J](https://wiki.sei.cmu.edu/confluence/display/java/FIO04-J.+Release+resources+when+they+are+no+longer+needed),
[CWE-772](https://cwe.mitre.org/data/definitions/772.html).
`,
});
