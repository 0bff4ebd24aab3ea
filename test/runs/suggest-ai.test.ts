// Suggested experiments refined by a model: the real OpenAI-compatible provider against the local chat completions
// stand-in. A good answer is used (re-ranked, explained, adjusted); garbage, an answer the policy validator rejects, one
// that targets other pods, a timeout and a server error each fall back to the offline list with a message.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { OfflineProvider } from '../../server/src/ai/providers/offline';
import { OpenAiProvider } from '../../server/src/ai/providers/openai';
import { suggestExperiments, workloadsOf, type FindingRef } from '../../server/src/runs/suggest';
import { refineSuggestions } from '../../server/src/runs/suggest-ai';
import { fakeServer, type Reply } from '../ai/chat-server';
import { runCli, type CliOut } from '../helpers/cli';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: { name: cart, namespace: shop }
spec:
  replicas: 1
  template:
    metadata: { labels: { app: cart } }
`;
const SECRET = 'sk-live-0123456789abcdefABCDEF';
const FINDINGS: FindingRef[] = [
  { ruleId: 'go-http-no-timeout', path: 'services/cart/client.go', line: 12, message: `http.Get has no timeout (token "${SECRET}")` },
];
const workloads = workloadsOf(MANIFEST, 'k8s/shop.yaml');
const offline = (): ReturnType<typeof suggestExperiments> => suggestExperiments(FINDINGS, workloads);

/** A model answer: the pod kill first, with a reason, and a shorter delay. */
const GOOD = `Here you go:
\`\`\`yaml
version: 1
chaos:
  experiments:
    - name: cart-pod-kill
      description: The only cart pod dies; checkout must fail fast and recover within a minute
      engine: chaos-mesh
      kind: PodChaos
      action: pod-kill
      target: { namespace: shop, labels: { app: cart }, mode: one }
      duration: 30s
    - name: cart-slow-upstreams
      description: Outbound calls from cart slowed by 2s; without a timeout requests pile up
      engine: chaos-mesh
      kind: NetworkChaos
      action: delay
      target: { namespace: shop, labels: { app: cart }, mode: one }
      duration: 1m
      parameters: { latency: 2s, direction: to }
\`\`\`
`;

describe('runs: suggested experiments refined by a model', function () {
  this.timeout(30_000);
  const provider = (url: string, timeoutMs = 10_000): OpenAiProvider =>
    new OpenAiProvider({ baseURL: url, model: 'test-model', apiKey: 'test-key', retry: { retries: 0, initialDelayMs: 1, maxDelayMs: 5, timeoutMs } });

  async function refine(replies: Reply[], timeoutMs?: number) {
    const srv = await fakeServer(replies);
    try {
      const r = await refineSuggestions(offline(), FINDINGS, workloads, provider(srv.url, timeoutMs), AbortSignal.timeout(20_000));
      return { r, seen: srv.seen };
    } finally {
      await srv.close();
    }
  }

  it('a good answer is used: re-ranked, explained, parameters adjusted; the prompt is redacted', async () => {
    const { r, seen } = await refine([{ status: 200, content: GOOD }]);
    assert.equal(r.fallback, undefined);
    assert.equal(r.source, 'openai');
    assert.equal(r.model, 'test-model-0613');
    assert.deepEqual(r.suggestions.map((s) => s.experiment.name), ['cart-pod-kill', 'cart-slow-upstreams']);
    assert.match(r.suggestions[0]?.why ?? '', /checkout must fail fast/);
    assert.equal(r.suggestions[1]?.experiment.parameters?.latency, '2s');
    assert.deepEqual(r.suggestions[1]?.evidence, ['services/cart/client.go:12'], 'evidence stays the offline one');
    assert.match(r.suggestions[0]?.snippet ?? '', /^- name: cart-pod-kill\n/);
    const prompt = seen[0]?.body.messages.map((m) => m.content).join('\n') ?? '';
    assert.match(prompt, /cart-slow-upstreams/);
    assert.doesNotMatch(prompt, new RegExp(SECRET));
    assert.match(prompt, /\[REDACTED:/);
  });

  it('garbage falls back to the offline suggestions, saying why', async () => {
    const { r } = await refine([{ status: 200, content: 'Sure! I think you should kill some pods. {{{' }]);
    assert.equal(r.source, 'offline');
    assert.deepEqual(r.suggestions, offline());
    assert.match(r.fallback ?? '', /not used: .*these are the offline suggestions/);
  });

  it('an answer the policy validator rejects falls back with the validator\'s message and line', async () => {
    const bad = GOOD.replace('action: pod-kill', 'action: pod-explode');
    const { r } = await refine([{ status: 200, content: bad }]);
    assert.equal(r.source, 'offline');
    assert.match(r.fallback ?? '', /not a valid policy \(1 error\(s\); line \d+: "pod-explode" is not an action of PodChaos/);
  });

  it('an answer that targets other pods falls back: a model never widens the blast radius', async () => {
    const wider = GOOD.replace('target: { namespace: shop, labels: { app: cart }, mode: one }\n      duration: 30s', 'target: { namespace: shop, labels: { app: payments }, mode: all }\n      duration: 30s');
    const { r } = await refine([{ status: 200, content: wider }]);
    assert.equal(r.source, 'offline');
    assert.match(r.fallback ?? '', /targets pods no suggestion targets/);
    const more = await refine([{ status: 200, content: GOOD.replace('target: { namespace: shop, labels: { app: cart }, mode: one }\n      duration: 30s', 'target: { namespace: shop, labels: { app: cart }, mode: all }\n      duration: 30s') }]);
    assert.match(more.r.fallback ?? '', /targets pods no suggestion targets/, 'more pods of the same workload is a wider blast radius too');
  });

  it('a timeout and a server error fall back too', async () => {
    const slow = await refine([{ status: 200, hang: true }], 300);
    assert.equal(slow.r.source, 'offline');
    assert.match(slow.r.fallback ?? '', /did not answer within 300 ms/);
    const down = await refine([{ status: 500 }]);
    assert.equal(down.r.source, 'offline');
    assert.match(down.r.fallback ?? '', /answered 500/);
  });

  it('the offline provider leaves the list alone and sends nothing', async () => {
    const r = await refineSuggestions(offline(), FINDINGS, workloads, new OfflineProvider(), AbortSignal.timeout(1000));
    assert.deepEqual(r, { suggestions: offline(), source: 'offline' });
  });

  it('CLI: chaos suggest --provider openai --base-url (local) prints the refined list; garbage prints the offline one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfx-suggest-'));
    const srv = await fakeServer([{ status: 200, content: GOOD }, { status: 200, content: 'no yaml here' }]);
    try {
      fs.mkdirSync(path.join(dir, 'k8s'));
      fs.writeFileSync(path.join(dir, 'k8s/cart.yaml'), MANIFEST);
      fs.writeFileSync(path.join(dir, '.dfx.yaml'), stringify({ version: 1 }));
      const cli = (): Promise<CliOut> => runCli(['chaos', 'suggest', '--json', '--provider', 'openai', '--base-url', srv.url, '--model', 'test-model'], dir, { GENAI4DFX_AI_API_KEY: '', OPENAI_API_KEY: '' });
      const good = await cli();
      assert.equal(good.code, 0, good.stderr);
      assert.equal((JSON.parse(good.stdout) as Array<{ experiment: { duration: string } }>)[0]?.experiment.duration, '30s');
      const garbage = await cli();
      assert.equal(garbage.code, 0, garbage.stderr);
      assert.match(garbage.stderr, /note: the AI provider's refinement was not used/);
      assert.equal((JSON.parse(garbage.stdout) as Array<{ experiment: { name: string } }>)[0]?.experiment.name, 'cart-pod-kill');
      assert.equal(srv.seen.length, 2);
    } finally {
      await srv.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
