import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { isTestPath } from '../lib/syntax';

const SCHEMES = 'https?|grpcs?|wss?|amqps?|rediss?|postgres(?:ql)?|mysql|mongodb(?:\\+srv)?|kafka|nats|tcp|jdbc:[a-z]+';
/** A literal that is exactly one URL (the path may hold interpolations, the host may not). */
const URL = new RegExp(`^(?:${SCHEMES})://(?:[^/@\\s]+@)?(\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?(?:[/?#]\\S*)?$`);
/** A bare `host:port`, e.g. a Redis or Kafka address. */
const HOST_PORT = /^([A-Za-z0-9._-]+):(\d{2,5})$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// Loopback, and the fixed link-local metadata services of the clouds (169.254.169.254, metadata.google.internal), which are not configurable.
const LOCAL = /^(localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|host\.docker\.internal|169\.254\.\d{1,3}\.\d{1,3}|\[fd00:ec2::254\]|metadata\.google\.internal|metadata)$|(^|\.)(example(\.com|\.org|\.net)?|test|invalid|localhost)$/i;
const INTERNAL_SUFFIX = /\.(internal|local|svc|cluster\.local|corp|lan|intra|intranet|consul|home\.arpa)$/i;
/** Calls whose literal argument is a default for a configured value. */
const DEFAULTING = /(env|getOrDefault|getProperty|default|fallback|config\.get|Get(String|Int)?Or)/i;

/** The host of a literal when it is a hard-coded, non-local endpoint; undefined otherwise. */
export function hardCodedHost(literal: string): string | undefined {
  const s = literal.replace(/^[rbuf]*(['"`]{1,3})([\s\S]*)\1$/i, '$2');
  const url = URL.exec(s);
  if (url) {
    const host = url[1] ?? '';
    if (LOCAL.test(host) || host.includes('${') || host.includes('{')) return undefined;
    // A single-label name without a port (http://endpoint) is more often a placeholder than a service.
    const internal = IPV4.test(host) || INTERNAL_SUFFIX.test(host);
    return internal || url[2] ? `${host}${url[2] ? `:${url[2]}` : ''}` : undefined;
  }
  const hp = HOST_PORT.exec(s);
  if (hp && !LOCAL.test(hp[1] ?? '') && (IPV4.test(hp[1] ?? '') || INTERNAL_SUFFIX.test(hp[1] ?? ''))) return s;
  return undefined;
}

/** True when the literal is a fallback for configuration: `os.Getenv` wrappers, `process.env.X ?? '...'`, `os.environ.get("X", "...")`. */
function isConfigDefault(n: Node): boolean {
  const p = n.parent;
  if (!p) return false;
  const op = p.childForFieldName('operator')?.text;
  if ((op === '??' || op === '||' || op === 'or') && p.childForFieldName('right')?.id === n.id) return /env|config|settings|option/i.test(p.childForFieldName('left')?.text ?? '');
  if (p.type === 'argument_list' || p.type === 'arguments' || p.type === 'keyword_argument') {
    const call = p.type === 'keyword_argument' ? p.parent?.parent : p.parent;
    return DEFAULTING.test(call?.childForFieldName('function')?.text ?? call?.childForFieldName('name')?.text ?? '')
      || (p.type === 'keyword_argument' && /default/.test(p.childForFieldName('name')?.text ?? ''));
  }
  return /default_parameter|assignment_pattern|pair|keyword_argument/.test(p.type) && /default|fallback/i.test(p.childForFieldName('key')?.text ?? p.childForFieldName('name')?.text ?? '');
}

// Only literals with a scheme or a port can be endpoints: the predicate drops every other string inside the query.
const ENDPOINTISH = '(#match? @match "://|[0-9A-Za-z]:[0-9]")';
const STRINGS = `([(string) (template_string)] @match ${ENDPOINTISH})`;

/** A literal internal address ties the code to one environment: tests and staging cannot point it elsewhere. */
export default defineRule({
  id: 'hard-coded-endpoint',
  pillar: 'testability',
  severity: 'info',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Service endpoint hard-coded in the source',
  local: true,
  query: {
    go: `([(interpreted_string_literal) (raw_string_literal)] @match ${ENDPOINTISH})`,
    python: `((string) @match ${ENDPOINTISH})`,
    typescript: STRINGS,
    tsx: STRINGS,
    javascript: STRINGS,
    java: `((string_literal) @match ${ENDPOINTISH})`,
  },
  filter: (m, ctx) =>
    // Cheapest first: every string literal in the file comes here, and a parent is a descent from the root.
    !isTestPath(ctx.relativePath)
    && !/(^|[\\/])(docs?|examples?|samples?|demo)[\\/]/.test(ctx.relativePath)
    && hardCodedHost(m.node.text) !== undefined
    && m.node.parent?.type !== 'expression_statement'
    && !isConfigDefault(m.node),
  message: (m) =>
    `${hardCodedHost(m.node.text) ?? 'this endpoint'} is hard-coded: tests cannot point this code at a fake, and moving the service means a code change and a redeploy; read the address from configuration (environment variable, config file or service discovery) and inject it`,
  description: `
A string literal in code is the address of a specific non-local service: a URL or \`host:port\` whose host is an IP
address, an internal name (\`*.internal\`, \`*.svc\`, \`*.cluster.local\`, \`*.local\`, \`*.corp\`, a single-label
name with a port such as \`http://orders:8080\`), or any URL with an explicit port. Database URLs (\`postgres://\`, \`mongodb://\`,
\`redis://\`, \`jdbc:...\`) count too.

Not flagged: \`localhost\`, loopback and \`0.0.0.0\`, the cloud metadata services (\`169.254.169.254\`,
\`metadata.google.internal\`), reserved example domains (\`example.com\`, \`.test\`,
\`.invalid\`), public host names without a port (API base URLs of public services, documentation links), literals that
are the fallback of a configuration lookup (\`os.Getenv\` wrappers, \`process.env.X ?? '...'\`,
\`os.environ.get("X", "...")\`), test files, and \`docs/\`, \`examples/\`, \`samples/\` folders.

**Why it matters.** The code only works against that one host. Unit and integration tests cannot substitute a fake or
a local container without patching the source, staging and production cannot differ, and an IP change, a failover to
another region or a renamed service needs a code change and a redeploy, often found during an incident. IP literals
also bypass DNS-based failover entirely.

**How to fix.** Read the endpoint from configuration at the edge of the program and pass it in:

\`\`\`go
type Config struct{ OrdersURL string \`env:"ORDERS_URL,required"\` }
client := orders.NewClient(cfg.OrdersURL) // tests pass httptest.Server.URL
\`\`\`

A default for local development is fine as the fallback of the lookup: \`os.getenv("ORDERS_URL", "http://localhost:8080")\`.

**Links.** [The Twelve-Factor App: Config](https://12factor.net/config),
[Kubernetes: DNS for Services](https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/),
[RFC 2606 reserved example domains](https://www.rfc-editor.org/rfc/rfc2606).
`,
});
