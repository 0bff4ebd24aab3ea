import { defineRule } from '../../engine/define-rule';
import { BACKOFF, isBounded, isRetryLoop } from '../lib/retry';

const LOOPS = '(for_statement) @match (while_statement) @match';

/** A retry loop that hammers a failing upstream with no pause, or never gives up. */
export default defineRule({
  id: 'retry-loop-no-backoff',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['python', 'go', 'java', 'typescript', 'tsx', 'javascript'],
  title: 'Retry loop with no backoff or no bound',
  local: true,
  triggers: ['requests.', 'httpx', 'aiohttp', 'urlopen', 'http.', '.Do(', 'fetch', 'axios', 'got', 'lient.', 'estTemplate', 'newCall', 'session.', 'api.'],
  query: {
    python: LOOPS,
    go: '(for_statement) @match',
    java: `${LOOPS} (do_statement) @match`,
    typescript: `${LOOPS} (do_statement) @match`,
    tsx: `${LOOPS} (do_statement) @match`,
    javascript: `${LOOPS} (do_statement) @match`,
  },
  filter: (m, ctx) => {
    if (!isRetryLoop(m.node, ctx.language)) return false;
    return !BACKOFF.test(m.node.text) || !isBounded(m.node, ctx.language);
  },
  message: (m, ctx) => {
    const backoff = BACKOFF.test(m.node.text);
    const bounded = isBounded(m.node, ctx.language);
    if (!backoff && !bounded) return 'retry loop with no backoff and no limit: a failing upstream is hit as fast as the network allows, forever, turning its outage into a retry storm; cap the attempts and sleep with exponential backoff and jitter between them';
    if (!bounded) return 'retry loop with no limit on attempts: when the upstream stays down this never gives up, holding the worker and hiding the failure; cap the attempts (e.g. 5) and then fail or raise';
    return 'retry loop with no backoff: failed calls are retried immediately, so every client multiplies the load on an upstream that is already struggling (a retry storm); sleep with exponential backoff and jitter between attempts';
  },
  description: `
A loop that retries an outbound HTTP call (\`requests\`/\`httpx\`, \`http.Get\`/\`client.Do\`, \`fetch\`/\`axios\`,
\`HttpClient.send\`/\`RestTemplate\`) with no pause between attempts, or with no limit on attempts.

A loop counts as a retry loop when it counts attempts or runs until stopped (\`for attempt in range(3)\`,
\`while True\`, \`for {}\`, \`for (let i = 0; i < 3; i++)\`, not a loop over a collection), contains the call,
handles its failure (try/except/catch, \`err != nil\`, a status check) and leaves on success (\`break\`/\`return\`).
Backoff is any \`sleep\`/\`time.Sleep\`/\`setTimeout\`/\`delay\`/\`backoff\`/\`time.After\` in the loop; a bound is
a loop condition or a counter checked inside.

**Why it matters in production.** When an upstream is overloaded, immediate retries from every caller multiply its
load exactly when it can least afford it: the retry storm keeps it down long after the original cause is gone.
An endless loop hides the outage from callers and monitoring and holds a worker for good.

**How to fix.** Cap the attempts and back off exponentially with jitter, or use a library (tenacity,
cenkalti/backoff, p-retry, resilience4j):

\`\`\`python
for attempt in range(5):
    try:
        return requests.get(url, timeout=5)
    except requests.RequestException:
        time.sleep(min(30, 0.5 * 2 ** attempt) * random.uniform(0.5, 1.5))
raise UpstreamUnavailable(url)
\`\`\`

**Links.** [AWS: Timeouts, retries and backoff with jitter](https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/),
[Google SRE: Handling overload](https://sre.google/sre-book/handling-overload/).
`,
});
