import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';

/** The caught type of an except clause: `except X`, `except X as e`, `except (X, Y)`. */
function caught(value: Node | null): string[] {
  const target = value?.type === 'as_pattern' ? value.namedChildren[0] : value;
  if (!target) return [];
  return target.type === 'tuple' ? target.namedChildren.map((c) => c.text) : [target.text];
}

/** `except:` and `except Exception: pass` hide every failure, including the ones nobody anticipated. */
export default defineRule({
  id: 'python-bare-except',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['python'],
  title: 'Bare except or silently swallowed Exception',
  local: true,
  triggers: ['except'],
  query: '(except_clause "except" @report) @match',
  filter: (m) => {
    const value = m.node.childForFieldName('value');
    const body = m.node.namedChildren.find((c) => c.type === 'block');
    const statements = body?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    if (!value) return !statements.some((s) => s.type === 'raise_statement');
    const broad = caught(value).some((t) => /^(builtins\.)?(Base)?Exception$/.test(t));
    return broad && statements.every((s) => s.type === 'pass_statement' || s.type === 'continue_statement' || s.text === '...');
  },
  message: (m) =>
    m.node.childForFieldName('value')
      ? `\`except ${m.node.childForFieldName('value')?.text ?? 'Exception'}: pass\` silently swallows every error, including bugs; catch the specific exception you expect and log or handle it`
      : 'bare `except:` catches everything, including KeyboardInterrupt, SystemExit and bugs such as NameError, and hides them; catch the specific exception you expect (e.g. `except requests.RequestException as e:`) and log it',
  description: `
A bare \`except:\` clause, or an \`except Exception:\` / \`except BaseException:\` whose body only does \`pass\`,
\`...\` or \`continue\`.

**Why it matters in production.** A bare \`except:\` also catches \`KeyboardInterrupt\`, \`SystemExit\` and
\`GeneratorExit\`, so workers ignore shutdown signals, and both forms swallow programming errors (\`NameError\`,
\`TypeError\`, \`AttributeError\`) along with the expected failure. The operation silently does nothing: an event is
never published, a cache never refreshed, and nothing in the logs or metrics says so.

**How to fix.** Catch what you expect, and leave a trace:

\`\`\`python
try:
    requests.post(EVENTS_URL, json=event, timeout=3)
except requests.RequestException as e:
    log.warning("could not publish event: %s", e)
\`\`\`

If everything really must be caught (a top-level loop that must not die), use \`except Exception:\` and log with
\`log.exception(...)\`. A bare \`except:\` that re-raises (\`raise\`) is not flagged.

**Links.** [PEP 8: Programming Recommendations](https://peps.python.org/pep-0008/#programming-recommendations),
[Ruff E722 bare-except](https://docs.astral.sh/ruff/rules/bare-except/), [CWE-396](https://cwe.mitre.org/data/definitions/396.html).
`,
});
