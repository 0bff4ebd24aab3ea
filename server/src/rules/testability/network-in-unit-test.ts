import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { isTestPath } from '../lib/syntax';

/** A URL literal (the path may be interpolated) and its host. */
const URL_HOST = /^(?:[rbuf]*)(['"`]{1,3})(?:https?|wss?):\/\/(?:[^/@\s'"`]+@)?(\[[0-9a-fA-F:]+\]|[A-Za-z0-9._-]+)(?::\d+)?(?:[/?#][^'"`]*)?\1$/i;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|[\w.-]+\.(localhost|test|invalid|example)|example\.(com|org|net)|[\w.-]+\.example\.(com|org|net))$/i;
/** HTTP mocking and recording libraries: with one in the file, requests never leave the process. */
const MOCKED = /\b(nock|responses|httpretty|respx|requests_mock|aioresponses|httpmock|gock|WireMock|MockWebServer|msw|setupServer|fetchMock|fetch-mock|vcr|cassette|betamax|Polly|MockAgent|mock\.patch|unittest\.mock|jest\.mock|vi\.mock|sinon\.stub|httptest|responder)\b/;
/** Calls that open a connection to the URL they are given. */
const CONNECTS = /^(http\.(Get|Post|Head|PostForm|NewRequest|NewRequestWithContext)|\w*[cC]lient\.(Get|Post|Head)|requests\.\w+|httpx\.\w+|urllib\.request\.urlopen|urlopen|\w*[sS]ession\.\w+|fetch|axios(\.\w+)?|got(\.\w+)?|https?\.(get|request)|request|superagent\.\w+|URI\.create|new URL|URL|HttpRequest\.newBuilder|websocket\.Dial|new WebSocket|WebSocket)$/;

/** The callee of the call whose argument list holds `n` (Java `new URL(...)` and JS `new WebSocket(...)` included). */
function calleeOf(n: Node): string {
  let p = n.parent;
  if (p?.type === 'keyword_argument') p = p.parent;
  if (p?.type !== 'arguments' && p?.type !== 'argument_list') return '';
  const call = p.parent;
  if (!call) return '';
  if (call.type === 'new_expression' || call.type === 'object_creation_expression') {
    return `new ${(call.childForFieldName('constructor') ?? call.childForFieldName('type'))?.text ?? ''}`;
  }
  if (call.type === 'method_invocation') return `${call.childForFieldName('object')?.text ?? ''}.${call.childForFieldName('name')?.text ?? ''}`.replace(/^\./, '');
  return call.childForFieldName('function')?.text.replace(/^.*\.(?=\w+\.\w+$)/, '') ?? '';
}

const URLISH = '(#match? @match "(https?|wss?)://")';
// Only literals passed straight to a call can be connected to (calleeOf below): the query looks at nothing else.
const JS = `
  ((arguments [(string) (template_string)] @match) ${URLISH})`;

/** A unit test that calls a real remote host is slow, flaky and fails offline or behind a firewall. */
export default defineRule({
  id: 'network-in-unit-test',
  pillar: 'testability',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Unit test calls a real remote host',
  triggers: ['http://', 'https://', 'ws://', 'wss://'],
  // Unit tests only: the rest of a project is skipped before its URLs are matched (the filter checks the same).
  when: (_text, _options, file) => isTestPath(file.relativePath),
  query: {
    go: `((argument_list [(interpreted_string_literal) (raw_string_literal)] @match) ${URLISH})`,
    python: `
      ((argument_list (string) @match) ${URLISH})
      ((keyword_argument value: (string) @match) ${URLISH})`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `((argument_list (string_literal) @match) ${URLISH})`,
  },
  filter: (m, ctx) => {
    if (!isTestPath(ctx.relativePath) || /(^|[\\/])(e2e|integration|it|system|smoke)[\\/]|[._-](e2e|integration|it)[._-]|IT\.java$/i.test(ctx.relativePath)) return false;
    const host = URL_HOST.exec(m.node.text)?.[2];
    if (!host || LOOPBACK.test(host) || !CONNECTS.test(calleeOf(m.node))) return false;
    return !MOCKED.test(ctx.text);
  },
  message: (m) =>
    `this test calls ${URL_HOST.exec(m.node.text)?.[2] ?? 'a remote host'} over the network: it is slow, fails offline, in CI sandboxes and when that service has a bad day; `
    + 'start a local fake (httptest.Server, a local HTTP server on 127.0.0.1 port 0, MockWebServer) or mock the client, and keep real calls to integration tests',
  description: `
A unit test file makes an HTTP or WebSocket call to a real, non-loopback host: a URL literal such as
\`"https://api.github.com/..."\` passed to Go \`http.Get\`/\`http.NewRequest\`/\`client.Get\`, Python \`requests\`/\`httpx\`/
\`urlopen\`/a session, JS/TS \`fetch\`/axios/got/\`http.get\`/\`new WebSocket\`, Java \`URI.create\`/\`new URL\`/
\`HttpRequest.newBuilder\`.

Not flagged: loopback and reserved test domains (\`localhost\`, \`127.0.0.1\`, \`*.test\`, \`example.com\`), files that
use an HTTP mocking or recording library (nock, msw, responses, respx, requests-mock, httpmock/gock, WireMock,
MockWebServer, VCR cassettes, \`unittest.mock\`, \`jest.mock\`, Go \`httptest\`), and integration/e2e tests (paths
with \`e2e\`, \`integration\`, \`it\`, Java \`*IT.java\`).

**Why it matters.** A unit test that depends on the network is slow (hundreds of milliseconds per call instead of
microseconds), fails offline, in sandboxed CI runners and behind corporate proxies, and fails whenever the remote
service is down, rate-limits the CI IP or changes its response. Those failures have nothing to do with the change under
test, so the team learns to re-run and ignore red builds. Some calls also have side effects (creating real resources,
sending real messages) or leak credentials into logs.

**How to fix.** Make the endpoint injectable and point it at a local fake:

\`\`\`go
srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(\`{"ok":true}\`)) }))
defer srv.Close()
client := NewClient(srv.URL)
\`\`\`

In JS/TS use a local \`http.createServer\` on port 0, msw or nock; in Python \`responses\`/\`respx\` or a local
server; in Java OkHttp \`MockWebServer\` or WireMock. Keep the few tests that must talk to the real service in an
integration suite that runs separately.

**Links.** [Google Testing Blog: Test sizes](https://testing.googleblog.com/2010/12/test-sizes.html),
[Go httptest](https://pkg.go.dev/net/http/httptest), [Mock Service Worker](https://mswjs.io/),
[responses (Python)](https://github.com/getsentry/responses), [WireMock](https://wiremock.org/).
`,
});
