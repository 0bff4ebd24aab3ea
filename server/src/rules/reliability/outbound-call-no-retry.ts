import type { Node } from 'web-tree-sitter';
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { textHas } from '../lib/file-kind';
import { calleeText, isOutboundCall, isRetryLoop } from '../lib/retry';
import { ancestors, isTestPath } from '../lib/syntax';

/** Decorators and annotations that retry the function they sit on. */
const RETRY_DECORATOR = /^@\s*(tenacity\.)?retry\b|^@\s*(backoff\.on_(exception|predicate)|retrying\.retry|Retryable|Retry|stamina\.retry)\b/;
/** Calls that run their argument with retries. */
const RETRY_WRAPPER = /(^|\.)(pRetry|retry|retryAsync|withRetry|retrying|Retry|RetryNotify|RetryWithData|Do|decorateSupplier|decorateCallable|decorateCheckedSupplier|decorateRunnable|executeSupplier|execute)$/;
/** Whole-file retry configuration: axios-retry, a requests adapter with max_retries, go-retryablehttp, got/ky (retry by default). */
const fileRetry = textHas(/axiosRetry\(|axios-retry|max_retries\s*=|Retry\(\s*total\s*=|retryablehttp|from\s+['"](got|ky)['"]|require\(\s*['"](got|ky)['"]\s*\)/);

function retried(call: Node, ctx: RuleContext): boolean {
  for (const p of ancestors(call)) {
    if (/^(for_statement|while_statement|do_statement)$/.test(p.type) && isRetryLoop(p, ctx.language)) return true;
    if (p.type === 'decorated_definition' && p.namedChildren.some((d) => d.type === 'decorator' && RETRY_DECORATOR.test(d.text))) return true;
    if (p.type === 'method_declaration' && /@(Retryable|Retry)\b/.test(p.childForFieldName('modifiers')?.text ?? p.namedChildren[0]?.text ?? '')) return true;
    if (/^(arguments|argument_list)$/.test(p.type) && p.parent && RETRY_WRAPPER.test(calleeText(p.parent))) {
      const callee = calleeText(p.parent);
      // `.execute` / `.Do` count only on a retry object: retryTemplate.execute, policy.execute, retry.Do.
      if (!/(^|\.)(execute|executeSupplier|Do)$/.test(callee) || /retry|policy|backoff/i.test(callee)) return true;
    }
  }
  return false;
}

// \`await api.get<T>(...)\` parses as a call of \`await api.get\` (a tree-sitter-typescript quirk).
const JS = `(call_expression function: [(identifier) @fn (member_expression property: (property_identifier) @fn)
                                        (await_expression (member_expression property: (property_identifier) @fn))]
  (#match? @fn "^(fetch|axios|got|get|post|put|patch|delete|head|request)$")) @match`;

/** With `required` on (policy reliability.requireRetries), every outbound HTTP call must sit inside a retry construct. */
export default defineRule({
  id: 'outbound-call-no-retry',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['python', 'go', 'java', 'typescript', 'tsx', 'javascript'],
  title: 'Outbound HTTP call with no retry (when the policy requires retries)',
  triggers: ['requests.', 'httpx', 'aiohttp', 'urlopen', 'http.', '.Do(', 'fetch', 'axios', 'lient.', 'estTemplate', 'newCall', 'session.', 'api.'],
  options: {
    required: {
      type: 'boolean',
      default: false,
      description: 'Report outbound calls with no retry; off by default, the policy turns it on from reliability.requireRetries.',
    },
  },
  // Off unless the policy requires retries: then its matches are not even collected.
  when: (_text, options) => options.required === true,
  local: true,
  fileFacts: (text) => (fileRetry(text) ? 'file-retry' : ''),
  // Only call shapes that can be outbound, so the rule adds few matches to the fused query while it is off.
  query: {
    python: `(call function: [(attribute attribute: (identifier) @fn) (identifier) @fn]
              (#match? @fn "^(get|post|put|patch|delete|head|request|urlopen|stream)$")) @match`,
    go: `(call_expression function: (selector_expression field: (field_identifier) @fn)
          (#match? @fn "^(Get|Post|Head|PostForm|Do)$")) @match`,
    java: `(method_invocation name: (identifier) @fn
            (#match? @fn "^(send|sendAsync|getForObject|getForEntity|postForObject|postForEntity|exchange|put|delete|execute)$")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
  },
  filter: (m, ctx) => ctx.options.required === true
    && !isTestPath(ctx.relativePath)
    && isOutboundCall(m.node, ctx.language)
    && !fileRetry(ctx.text)
    && !retried(m.node, ctx),
  message: (m) =>
    `${calleeText(m.node).replace(/^await\s+/, '')}(...) is not retried, and the policy requires retries: a single dropped connection or 503 during a deploy fails this operation; wrap it in a bounded retry with backoff (tenacity, cenkalti/backoff, p-retry, resilience4j), for idempotent requests`,
  description: `
Only active when the option \`required\` is true, which the policy sets from \`reliability.requireRetries\`.
Then every outbound HTTP call (\`requests\`/\`httpx\`, \`http.Get\`/\`client.Do\`, \`fetch\`/\`axios\`,
\`HttpClient.send\`/\`RestTemplate\`) must be inside a retry construct (test files are not checked):

- a retry loop (attempts counted or bounded, the failure handled, leaving on success; see \`retry-loop-no-backoff\`);
- a function decorated with \`@retry\`/\`@tenacity.retry\`/\`@backoff.on_exception\`, or annotated \`@Retryable\`/\`@Retry\`;
- the argument of a retry wrapper: \`pRetry(...)\`, \`retry(...)\`, \`backoff.Retry(...)\`, \`retry.Do(...)\`,
  \`Retry.decorateSupplier(...)\`, \`retryTemplate.execute(...)\`, \`policy.execute(...)\`;
- or a file that configures retries for all calls: axios-retry, a requests \`HTTPAdapter(max_retries=...)\`,
  go-retryablehttp, got or ky (which retry by default).

**Why it matters in production.** Transient failures are routine: connections reset during deploys, a pod killed
mid-request, a 503 from a load balancer while an instance drains. Without a retry, each one becomes a failed user
request or a lost event.

**How to fix.** Retry idempotent calls a bounded number of times with exponential backoff and jitter:

\`\`\`python
@tenacity.retry(stop=tenacity.stop_after_attempt(3), wait=tenacity.wait_exponential_jitter(0.2, 5))
def fetch_price(sku):
    return requests.get(f"{PRICING}/price/{sku}", timeout=3).json()
\`\`\`

Do not blindly retry non-idempotent calls (payments, POSTs without an idempotency key).

**Links.** [AWS: Timeouts, retries and backoff with jitter](https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/),
[tenacity](https://tenacity.readthedocs.io/), [resilience4j Retry](https://resilience4j.readme.io/docs/retry).
`,
});
