import type { Node, Tree } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';

/** Calls whose last result is not an error (a bool, an int, a second value), so `x, _ := f()` discards nothing of note. */
const NOT_ERROR_LAST = new Set([
  'Load', 'LoadOrStore', 'LoadAndDelete', 'LookupEnv', 'Lookup', 'Cut', 'CutPrefix', 'CutSuffix', 'DecodeRune',
  'DecodeRuneInString', 'DecodeLastRune', 'DecodeLastRuneInString', 'SetString', 'Caller', 'Deadline', 'FieldByName',
  'MethodByName', 'Float64', 'Int64', 'Uint64', 'Split', 'SplitList', 'Modf', 'Frexp', 'Sincos', 'Lgamma', 'Add64', 'Sub64',
  'Mul64', 'Div64', 'BinarySearch', 'BinarySearchFunc', 'Find', 'BasicAuth', 'TryRecv',
  // strings.Builder and bytes.Buffer writes always return a nil error.
  'WriteString', 'WriteByte', 'WriteRune',
]);
/** Methods that return only an error, for `_ = x.Close()`; fmt printing and in-memory writers are deliberately absent. */
const ERROR_ONLY = [
  'Encode', 'Decode', 'Close', 'Flush', 'Sync', 'Shutdown', 'Ping', 'PingContext', 'Execute', 'ExecuteTemplate', 'Remove',
  'RemoveAll', 'Rename', 'Mkdir', 'MkdirAll', 'WriteFile', 'Chmod', 'Chown', 'Setenv', 'Unsetenv', 'Commit', 'Rollback',
  'ListenAndServe', 'ListenAndServeTLS', 'Serve', 'Unmarshal', 'SetDeadline', 'SetReadDeadline', 'SetWriteDeadline',
  'Start', 'Kill', 'Signal', 'Truncate', 'Validate', 'Err', 'Publish', 'Send', 'Ack', 'Nack',
].map((n) => `"${n}"`).join(' ');

const declarations = new WeakMap<Tree, Map<string, string>>();

/** When the callee is declared in this file, its result list settles the question (declarations are indexed once per tree). */
function declaredReturnsError(call: Node, name: string): boolean | undefined {
  let results = declarations.get(call.tree);
  if (!results) {
    results = new Map();
    for (const d of call.tree.rootNode.descendantsOfType(['function_declaration', 'method_declaration'])) {
      const declName = d.childForFieldName('name')?.text;
      if (declName) results.set(declName, d.childForFieldName('result')?.text ?? '');
    }
    declarations.set(call.tree, results);
  }
  const result = results.get(name);
  return result === undefined ? undefined : /\berror\s*\)?\s*$/.test(result);
}

/** An error assigned to `_` is an error nobody will ever see. */
export default defineRule({
  id: 'go-discarded-error',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['go'],
  title: 'Go error discarded with _',
  triggers: [', _ :=', ', _ =', '_ = '],
  query: `
    (short_var_declaration
      left: (expression_list (_) (identifier) @report .)
      right: (expression_list . (call_expression function: (_) @callee) @call .)
      (#eq? @report "_")) @match
    (assignment_statement
      left: (expression_list (_) (identifier) @report .)
      right: (expression_list . (call_expression function: (_) @callee) @call .)
      (#eq? @report "_")) @match
    (assignment_statement
      left: (expression_list . (identifier) @report .)
      right: (expression_list . (call_expression function: (selector_expression field: (field_identifier) @method) @callee) @call .)
      (#eq? @report "_")
      (#any-of? @method ${ERROR_ONLY})) @match
  `,
  filter: (m) => {
    const callee = m.text('callee');
    const name = callee.split('.').pop() ?? '';
    const call = m.get('call');
    if (!call || /^fmt\.|^(append|len|cap|copy|recover)$/.test(callee)) return false;
    const declared = declaredReturnsError(call, name);
    if (declared !== undefined) return declared;
    return m.get('method') !== undefined || !NOT_ERROR_LAST.has(name);
  },
  message: (m) =>
    `the error from ${m.text('callee')} is discarded with \`_\`: a failure here goes unnoticed${m.get('method') ? '' : ' and the other results may be nil or zero'}; check it (if err != nil { ... }) or return it`,
  description: `
An error result is assigned to the blank identifier: \`rows, _ := db.Query(...)\`, \`n, _ := io.Copy(...)\`, or
\`_ = enc.Encode(v)\` / \`_ = f.Close()\` for well-known methods that return only an error.

Without type information the rule relies on Go's convention that the error is the last result: it flags a blank
in the last position of a multiple assignment from a call, except for well-known calls whose last result is a
\`bool\` or a second value (\`sync.Map.Load\`, \`os.LookupEnv\`, \`strings.Cut\`, \`filepath.Split\`, ...) and
\`fmt\` printing. When the called function is declared in the same file, its result list decides.

**Why it matters in production.** The failure is invisible: no log, no metric, no error returned to the caller.
Worse, the other results are usually nil or zero when there is an error, so the code panics a few lines later
(\`rows.Close()\` on a nil \`*sql.Rows\`) far from the cause, or silently serves an empty or truncated response
(a failed \`Encode\` after the status line was written).

**How to fix.** Handle it, or return it with context:

\`\`\`go
rows, err := s.db.QueryContext(ctx, query, limit)
if err != nil {
	return nil, fmt.Errorf("abandoned carts: %w", err)
}
\`\`\`

When ignoring really is right (a best-effort cleanup), say why in a comment and suppress the finding with
\`// dfx-ignore go-discarded-error: <reason>\`.

**Links.** [Effective Go: Errors](https://go.dev/doc/effective_go#errors),
[errcheck](https://github.com/kisielk/errcheck), [CWE-391](https://cwe.mitre.org/data/definitions/391.html).
`,
});
