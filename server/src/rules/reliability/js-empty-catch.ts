import { defineRule } from '../../engine/define-rule';
import { isMinified } from '../lib/reliability';

/** An empty catch block throws the error away: the failure leaves no log, no metric and no trace. */
export default defineRule({
  id: 'js-empty-catch',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['typescript', 'tsx', 'javascript'],
  title: 'Empty catch block (JS/TS)',
  triggers: ['catch'],
  // A comment inside the block is a named child, so `catch { /* why */ }` never matches: it says the swallow is intended.
  query: `(catch_clause body: (statement_block) @body (#match? @body "^\\\\{\\\\s*\\\\}$")) @match`,
  local: true,
  fileFacts: (text) => (isMinified(text) ? 'minified' : ''),
  filter: (m, ctx) => (m.get('body')?.namedChildCount ?? 1) === 0 && !isMinified(ctx.text),
  message: 'empty catch block: the error is swallowed, so the failure leaves no log, metric or trace; handle it, log it, rethrow it, or say in a comment why ignoring it is safe',
  description: `
A \`catch\` block with nothing in it, not even a comment: \`try { ... } catch (e) {}\` or \`catch {}\`.
A block that holds only a comment is taken as a deliberate, documented choice and is not flagged, nor is
minified code (lines averaging over 250 characters).

**Why it matters in production.** The operation failed and nobody will ever know: no log line, no metric, no error
returned to the caller, who goes on with a half-done result (an unsaved order, a stale cache, a missing config value).
Incidents caused by swallowed errors are among the slowest to diagnose because nothing points at them.

**How to fix.** Handle the error, or at least make it visible; when ignoring is right, say why:

\`\`\`ts
try {
  await cache.set(key, value);
} catch (err) {
  logger.warn({ err, key }, 'cache write failed; serving uncached');
}

try { fs.unlinkSync(tmp); } catch { /* already gone: nothing to clean up */ }
\`\`\`

**Links.** [ESLint no-empty](https://eslint.org/docs/latest/rules/no-empty),
[CWE-1069: Empty exception block](https://cwe.mitre.org/data/definitions/1069.html).
`,
});
