import type { Tree } from 'web-tree-sitter';
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { basename } from 'node:path';
import { isTestPath } from '../lib/syntax';
import { siblingsText } from '../lib/sibling-files';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Generated code and files whose tests would live elsewhere. */
const SKIP_PATH = /(\.pb\.go|_gen\.go|_generated\.go|zz_generated[\w.]*\.go|_string\.go|mock_[\w.]*\.go|_mock\.go)$|(^|[\\/])(mocks?|fakes?|testutil|testing|internal[\\/]testdata|cmd)[\\/]/;

const testsByTree = new WeakMap<Tree, string | null>();

/**
 * The text of the package's test files, once per analysed tree; undefined when the file is not on disk or has no
 * <file>_test.go of its own (elsewhere the tests may live in another folder, such as an external test package or a
 * test/ tree, and "untested" could not be told from "tested elsewhere").
 */
function packageTests(tree: Tree, ctx: RuleContext): string | undefined {
  let tests = testsByTree.get(tree);
  if (tests === undefined) {
    tests = eligible(ctx) ? testsOf(ctx.path) : null;
    testsByTree.set(tree, tests);
  }
  return tests ?? undefined;
}

/** Test files, `package main`, generated code and mocks are not checked (decided once per tree, not per function). */
function eligible(ctx: RuleContext): boolean {
  if (isTestPath(ctx.relativePath) || SKIP_PATH.test(ctx.relativePath)) return false;
  const head = ctx.text.slice(0, 4096);
  return !/^package\s+main\b/m.test(ctx.text) && !/^\/\/ Code generated .* DO NOT EDIT\.$/m.test(head);
}

/** The folder's test files, when `file` is on disk and has a <file>_test.go of its own. */
function testsOf(file: string): string | null {
  const own = new RegExp(`^${escape(basename(file).replace(/\.go$/, ''))}_test\.go$`);
  return siblingsText(file, own) ? siblingsText(file, /_test\.go$/) ?? null : null;
}

/** An exported Go function that no test in its package mentions is a public contract with no check on it. */
export default defineRule({
  id: 'exported-function-untested',
  pillar: 'testability',
  severity: 'hint',
  languages: ['go'],
  title: 'Exported Go function not mentioned by any test of its package',
  triggers: ['func '],
  query: '(function_declaration name: (identifier) @report (#match? @report "^[A-Z]")) @match',
  filter: (m, ctx) => {
    const tests = packageTests(m.node.tree, ctx);
    if (tests === undefined) return false;
    return !new RegExp(`\\b${m.text('report')}\\b`).test(tests);
  },
  message: (m) =>
    `${m.text('report')} is exported but no _test.go file in this package mentions it: its behaviour is unchecked, so a change can break its callers silently; add a test (a table-driven TestXxx in the file's _test.go), or unexport it if only this package uses it`,
  description: `
An exported (capitalised) Go function in a file that has its own \`<file>_test.go\` is never mentioned in any
\`*_test.go\` file of its folder. Files without their own test file are skipped: their tests may live in another
folder (an external test package, a \`test/\` tree), which one folder cannot show. The check reads the test files from disk (cached and re-read when they change); it is
skipped for unsaved buffers, test files, \`package main\`, generated code (\`// Code generated ... DO NOT EDIT.\`,
\`*.pb.go\`, \`*_gen.go\`, \`zz_generated*\`) and mocks/fakes/testutil/\`cmd\` folders. Methods are not checked, only
functions. A mention is a whole-word match of the name, so a test that only calls it indirectly through another
function does not count, and a test that only names it in a comment does.

**Why it matters.** Exported functions are the package's contract with its callers. One with no test can change
behaviour in any refactoring without a single test failing, and callers in other packages (or other services, for a
library) find out in production. Untested exported functions also tend to be the ones with unclear contracts, which a
test would have forced someone to write down.

**How to fix.** Add a test that pins the function's behaviour, usually table-driven:

\`\`\`go
func TestParseSKU(t *testing.T) {
	for _, tc := range []struct{ in string; want SKU; err bool }{
		{"ABC-1234", SKU{"ABC", 1234}, false},
		{"abc", SKU{}, true},
	} { ... }
}
\`\`\`

If only the package itself uses the function, unexport it (\`parseSKU\`) instead; the rule then no longer applies.

**Links.** [Go: Add a test](https://go.dev/doc/tutorial/add-a-test), [Go wiki: Table-driven tests](https://go.dev/wiki/TableDrivenTests),
[go test -cover](https://go.dev/blog/cover).
`,
});
