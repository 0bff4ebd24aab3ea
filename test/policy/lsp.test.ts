// `.dfx.yaml` in the real server over stdio: diagnostics, completion, hover, definition, outline, the starter request,
// and a policy edit re-applying at once to another open document.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
} from 'vscode-languageserver-protocol';
import { StarterPolicyRequest } from '../../server/src/protocol/messages';
import { at } from '../helpers/engine';
import { TestClient } from '../helpers/lsp-client';

const GO = `package main

import "net/http"

func fetch(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
`;

const POLICY = `version: 1
service: shop
rules:
  security: error
  go-http-timeout: off
reliability:
  retry:
    backof: exponential
slos:
  - name: checkout-latency
    latency:
      p95: 200ms
chaos:
  experiments:
    - name: kill
      engine: chaos-mesh
      kind: PodChaos
      action: pod-kill
      target: { namespace: shop }
      duration: 30s
      hypothesis:
        slos: [checkout-latency, checkout-latncy]
  guardrails:
    allowedNamespaces: [shop]
    allowedContexts: [kind-*]
`;

function labels(r: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(r) ? r : (r?.items ?? []);
  return items.map((i) => i.label);
}

describe('policy over LSP', function () {
  let client: TestClient;
  let dir: string;
  let policyUri: string;
  let goUri: string;
  let caps: Record<string, unknown>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genai4dfx-policy-'));
    fs.mkdirSync(path.join(dir, 'svc'));
    fs.writeFileSync(path.join(dir, 'svc/main.go'), GO);
    fs.mkdirSync(path.join(dir, 'k8s'));
    fs.writeFileSync(path.join(dir, 'k8s/app.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: pay\n  labels: { app: api }\nspec:\n  replicas: 2\n');
    policyUri = URI.file(path.join(dir, '.dfx.yaml')).toString();
    goUri = URI.file(path.join(dir, 'svc/main.go')).toString();
    const started = await TestClient.start({ rootUri: URI.file(dir).toString() });
    client = started.client;
    caps = started.init.capabilities as Record<string, unknown>;
  });
  after(async () => {
    if (client) await client.stop().catch(() => client.kill());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('declares completion, outline and definition', () => {
    assert.ok(caps.completionProvider);
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.definitionProvider, true);
  });

  it('reports policy problems at the exact key or value', async () => {
    await client.open(policyUri, 'dfx-policy', POLICY);
    const ds: Diagnostic[] = await client.diagnostics(policyUri);
    const find = (re: RegExp): Diagnostic => {
      const d = ds.find((x) => re.test(String(x.message)));
      assert.ok(d, `no diagnostic matching ${re}: ${ds.map((x) => x.message).join(' | ')}`);
      return d;
    };
    const unknownRule = find(/no rule or pillar "go-http-timeout" \(did you mean "go-http-no-timeout"\?\)/);
    assert.deepEqual(unknownRule.range.start, at(POLICY, 'go-http-timeout'));
    assert.equal(unknownRule.severity, 2);
    assert.equal(unknownRule.code, 'dfx-policy');
    const key = find(/unknown key "backof"/);
    assert.deepEqual(key.range, { start: at(POLICY, 'backof'), end: { ...at(POLICY, 'backof'), character: at(POLICY, 'backof').character + 6 } });
    assert.equal(key.severity, 1);
    const ref = find(/no SLO named "checkout-latncy"/);
    assert.deepEqual(ref.range.start, at(POLICY, 'checkout-latncy'));
    assert.equal(ds.length, 3, ds.map((d) => d.message).join('\n'));
  });

  afterEach(async () => {
    // Each test starts from the policy as written.
    if (client) await client.replaceAll(policyUri, POLICY);
  });

  it('completes keys, enum values, rule ids and SLO names', async () => {
    const complete = async (text: string, needle: string, typed = ''): Promise<string[]> => {
      const i = text.indexOf(needle) + needle.length;
      const edited = text.slice(0, i) + typed + text.slice(i);
      await client.replaceAll(policyUri, edited);
      const before = edited.slice(0, i + typed.length).split('\n');
      const position = { line: before.length - 1, character: before[before.length - 1]!.length };
      return labels(await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: policyUri }, position }));
    };
    const keys = await complete(POLICY, '  retry:\n    backof: exponential\n', '    ');
    assert.ok(keys.includes('maxAttempts') && keys.includes('jitter') && !keys.includes('backof'), keys.join());
    const backoff = await complete(POLICY.replace('backof: exponential', 'backoff: '), 'backoff: ');
    assert.deepEqual(backoff, ['exponential', 'linear', 'constant']);
    const rules = await complete(POLICY, 'rules:\n', '  ');
    assert.ok(rules.includes('go-http-no-timeout') && rules.includes('security') && rules.includes('k8s-single-replica'));
    const slos = await complete(POLICY, 'slos: [checkout-latency, ', '');
    assert.deepEqual(slos, ['checkout-latency']);
    await client.replaceAll(policyUri, POLICY);
  });

  it('hovers keys and rule ids with their documentation', async () => {
    const h = await client.hover(policyUri, at(POLICY, 'backof'));
    assert.equal(h, null, 'an unknown key has no documentation');
    const rule = await client.hover(policyUri, at(POLICY, 'security: error'));
    assert.match(JSON.stringify(rule?.contents), /security.*rules/);
    const retry = await client.hover(policyUri, at(POLICY, 'retry'));
    assert.match(JSON.stringify(retry?.contents), /How outbound calls retry/);
    const slo = await client.hover(policyUri, at(POLICY, 'checkout-latency,'));
    assert.match(JSON.stringify(slo?.contents), /SLO checkout-latency.*p95 ≤ 200ms/);
  });

  it('goes from an SLO reference to its definition, and outlines the file', async () => {
    const locs = (await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: policyUri }, position: at(POLICY, 'checkout-latency,') })) as Location[];
    assert.equal(locs.length, 1);
    assert.deepEqual(locs[0]!.range.start, at(POLICY, 'checkout-latency'));
    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: policyUri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['version', 'service', 'rules', 'reliability', 'slos', 'chaos']);
    assert.deepEqual(symbols.find((s) => s.name === 'chaos')?.children?.map((c) => c.name), ['kill']);
    assert.deepEqual(symbols.find((s) => s.name === 'slos')?.children?.map((c) => c.name), ['checkout-latency']);
  });

  it('applies a policy edit to other open documents at once, and keeps the last valid one while it is broken', async () => {
    await client.open(goUri, 'go', GO);
    const count = async (): Promise<number> => (await client.diagnostics(goUri)).filter((d) => d.code === 'go-http-no-timeout').length;
    assert.equal(await count(), 1);
    await client.replaceAll(policyUri, 'version: 1\nrules:\n  go-http-no-timeout: off\n');
    assert.equal(await count(), 0, 'the open, unsaved policy turns the rule off');
    await client.replaceAll(policyUri, 'version: 1\nrules:\n  go-http-no-timeout: [off\n');
    assert.equal(await count(), 0, 'a broken policy keeps the last valid one in force');
    assert.ok((await client.diagnostics(policyUri)).some((d) => /syntax error/.test(String(d.message))));
    await client.replaceAll(policyUri, 'version: 1\nrules:\n  reliability: error\nexclude: ["svc/gen/**"]\n');
    const ds = (await client.diagnostics(goUri)).filter((d) => d.code === 'go-http-no-timeout');
    assert.equal(ds[0]?.severity, 1, 'reliability: error');
    await client.replaceAll(policyUri, 'version: 1\nexclude: ["svc/**"]\n');
    assert.equal((await client.diagnostics(goUri)).length, 0, 'excluded by the policy');
    await client.close(policyUri);
  });

  it('computes a starter policy from the workspace', async () => {
    const r = await client.conn.sendRequest(StarterPolicyRequest, { folderUri: URI.file(dir).toString() });
    assert.match(r.text, /^version: 1$/m);
    assert.match(r.text, /languages: \[go, kubernetes\]/);
    assert.match(r.text, /namespace: pay/);
    assert.match(r.summary, /1 Kubernetes workload\(s\) in pay/);
  });
});
