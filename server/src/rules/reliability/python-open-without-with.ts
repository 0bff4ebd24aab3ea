import { defineRule } from '../../engine/define-rule';
import { escapeRe } from '../lib/reliability';
import { enclosingFunction } from '../lib/syntax';

/** A file object assigned from open() that is neither closed, managed by `with`, nor handed on leaks its descriptor. */
export default defineRule({
  id: 'python-open-without-with',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['python'],
  title: 'File opened without `with` and never closed',
  triggers: ['open('],
  query: `
    (assignment
      left: (identifier) @var
      right: (call function: [(identifier) (attribute)] @fn)
      (#match? @fn "^(open|io\\\\.open|codecs\\\\.open|gzip\\\\.open|bz2\\\\.open|lzma\\\\.open)$")) @match
  `,
  filter: (m, ctx) => {
    const scope = enclosingFunction(m.node);
    const rest = scope ? scope.text.slice(m.node.endIndex - scope.startIndex) : ctx.text.slice(m.node.endIndex);
    const v = escapeRe(m.text('var'));
    // Closed, managed later, or handed to an owner: returned, yielded, stored, registered, wrapped by a class
    // (FileStorage(f)). Passing it to a function (json.load(f), csv.writer(f)) does not close it.
    return !new RegExp(
      `\\b${v}\\.close\\(|\\bwith\\s+${v}\\b|\\b(closing|enter_context|register|append|add)\\(\\s*${v}\\b|\\b_*[A-Z]\\w*\\(\\s*${v}\\s*[,)]|\\b(return|yield)\\s+(${v}|[^\\n]*,\\s*${v})\\b(?!\\.)|=\\s*${v}\\s*$`,
      'm',
    ).test(rest);
  },
  message: (m) =>
    `${m.text('var')} = ${m.text('fn')}(...) is never closed: the file descriptor (and unflushed writes) live until garbage collection, which in a long-running worker means "too many open files" and truncated output; use \`with ${m.text('fn')}(...) as ${m.text('var')}:\``,
  description: `
A file opened with \`open()\` (or \`io/codecs/gzip/bz2/lzma.open\`) and assigned to a variable, outside a \`with\`
block, that is never closed in the same function: no \`var.close()\`, no later \`with var:\`, not returned,
yielded, stored, wrapped by a class (\`FileStorage(f)\`) or registered with \`contextlib.closing\`/\`ExitStack\`/\`atexit\`. Passing it to
\`json.load\` or \`csv.writer\` does not count: they do not close it.

**Why it matters in production.** CPython closes the file when the object is collected, but only when the last
reference goes away, and never on PyPy promptly; an exception between \`open\` and \`close\` skips the close on every
interpreter. A long-running worker leaks descriptors until \`OSError: [Errno 24] Too many open files\`, and writes
still in the buffer are lost if the process is killed.

**How to fix.**

\`\`\`python
with open(path, "w", encoding="utf-8") as f:
    json.dump(report, f)
\`\`\`

**Links.** [Python tutorial: reading and writing files](https://docs.python.org/3/tutorial/inputoutput.html#reading-and-writing-files),
[Pylint R1732 consider-using-with](https://pylint.readthedocs.io/en/stable/user_guide/messages/refactor/consider-using-with.html).
`,
});
