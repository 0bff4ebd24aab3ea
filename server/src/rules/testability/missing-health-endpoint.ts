import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { enclosingFunction, isTestPath } from '../lib/syntax';

/** Route registrations with a literal path. */
const ROUTES = /\.(HandleFunc|Handle|HandlerFunc|GET|POST|PUT|DELETE|PATCH|Get|Post|Put|Delete|Patch|get|post|put|delete|patch|all|route)\(\s*["'`]\//;
/** Anything that looks like a health, readiness or liveness check (a path, a helper, a library). */
const HEALTH = /health|ready|readi|live|probe|\/ping\b|\/status\b|terminus|lightship|actuator/i;

/** The scope the server is set up in: the function around the listen call, or the whole file at top level. */
function scope(n: Node): Node {
  return enclosingFunction(n) ?? n.tree.rootNode;
}

/** A server with routes and no health endpoint cannot be probed: the orchestrator cannot tell "up" from "working". */
export default defineRule({
  id: 'missing-health-endpoint',
  pillar: 'testability',
  severity: 'info',
  languages: ['go', 'typescript', 'tsx', 'javascript'],
  title: 'HTTP server with routes but no health endpoint',
  triggers: ['ListenAndServe', 'listen(', '.Run(', '.Start('],
  query: {
    go: `(call_expression function: (selector_expression field: (field_identifier) @fn)
          (#any-of? @fn "ListenAndServe" "ListenAndServeTLS" "Run" "Start")) @match`,
    typescript: '(call_expression function: (member_expression property: (property_identifier) @fn) (#eq? @fn "listen")) @match',
    tsx: '(call_expression function: (member_expression property: (property_identifier) @fn) (#eq? @fn "listen")) @match',
    javascript: '(call_expression function: (member_expression property: (property_identifier) @fn) (#eq? @fn "listen")) @match',
  },
  filter: (m, ctx) => {
    if (isTestPath(ctx.relativePath)) return false;
    // Whole-line and block comments do not register anything (and may say "health").
    const text = scope(m.node).text.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    return ROUTES.test(text) && !HEALTH.test(text);
  },
  message: 'this server registers routes but no health endpoint (/healthz, /readyz, /livez): Kubernetes probes and load balancers cannot tell a hung or not-yet-ready instance from a healthy one; add a cheap liveness route and a readiness route that checks the dependencies this service needs',
  description: `
A function (or, at top level, a file) registers HTTP routes and starts the server — Go \`http.ListenAndServe\`,
\`srv.ListenAndServe\`, gin \`r.Run\`, echo \`e.Start\`; Node \`app.listen\`/\`server.listen\` (Express, Fastify, Koa,
\`http.createServer\`) — but nothing in it mentions a health, readiness or liveness check (\`/health\`, \`/healthz\`,
\`/readyz\`, \`/livez\`, \`/ping\`, \`/status\`, a \`registerHealth\` helper, terminus, lightship).

Python and Java are not covered: their routes usually live in module-level decorators and Spring Boot Actuator adds
the endpoints from a dependency, so a per-file check would mostly be wrong.

**Why it matters in production.** Without a health endpoint, Kubernetes probes can only check that the port is open
(or nothing at all): a process that is deadlocked, has lost its database or is still warming up keeps receiving traffic,
and a rollout cannot tell a broken version from a good one. Load balancers and the chaos/perf runs of genai4dfx also
need an endpoint to decide whether the service recovered.

**How to fix.** Add two cheap endpoints and point the probes at them:

\`\`\`go
mux.HandleFunc("/livez", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
	if err := db.PingContext(r.Context()); err != nil { http.Error(w, "db", http.StatusServiceUnavailable); return }
	w.WriteHeader(http.StatusOK)
})
\`\`\`

Liveness should not check dependencies (a database outage must not restart every pod); readiness should.

**Links.** [Kubernetes: liveness, readiness and startup probes](https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/),
[Kubernetes API health endpoints](https://kubernetes.io/docs/reference/using-api/health-checks/),
[@godaddy/terminus](https://github.com/godaddy/terminus).
`,
});
