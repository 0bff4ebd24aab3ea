// The OpenAI-compatible provider against a local HTTP server that speaks the chat completions wire format: the request
// (model, messages, key, redaction) and the answers: good code, broken code, 429 then success, a timeout, a 500.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runAction } from '../../server/src/ai/actions';
import { OpenAiProvider } from '../../server/src/ai/providers/openai';
import { AiError } from '../../server/src/ai/types';
import type { Engine } from '../../server/src/engine/analyzer';
import { sharedEngine } from '../helpers/engine';
import { fakeServer } from './chat-server';
import { copyFixture, prepare } from './helpers';

const GOOD_TEST = "```ts\nimport { describe, it } from 'node:test';\nimport { strict as assert } from 'node:assert';\nimport { linePrice } from './pricing';\n\ndescribe('linePrice', () => {\n  it('rejects zero', () => {\n    assert.throws(() => linePrice({ sku: 'a', price: 1 }, 0, ''));\n  });\n});\n```\n";
const BROKEN_TEST = "```ts\nimport { linePrice } from './pricing';\ndescribe('linePrice', () => {\n  it('is broken', () => {\n    linePrice(\n  });\n```\n";
const SECRET = 'sk-live-0123456789abcdefABCDEF';
const ENV_VALUE = 'hunter2-prod-password';

describe('OpenAI-compatible provider (local chat completions server)', function () {
  this.timeout(60_000);
  let engine: Engine;
  let dir: string;
  let cleanup: () => void;
  let file: string;
  before(async () => {
    engine = await sharedEngine();
  });
  beforeEach(() => {
    const source = fs.readFileSync(path.join(__dirname, 'fixtures/ts/pricing.ts'), 'utf8')
      .replace('export interface Item', `const API_KEY = "${SECRET}";\nconst DB = "postgres://shop:${ENV_VALUE}@db/shop";\nvoid API_KEY;\nvoid DB;\n\nexport interface Item`);
    ({ dir, cleanup } = copyFixture('ts', { 'package.json': '{ "name": "shop" }\n', '.env': `DB_PASSWORD=${ENV_VALUE}\nPORT=8080\n`, 'pricing.ts': source }));
    file = path.join(dir, 'pricing.ts');
  });
  afterEach(() => cleanup());

  const provider = (url: string, retry: Partial<{ retries: number; timeoutMs: number }> = {}): OpenAiProvider =>
    new OpenAiProvider({ baseURL: url, model: 'test-model', apiKey: 'test-key', organization: 'org-1', retry: { retries: 2, initialDelayMs: 1, maxDelayMs: 5, timeoutMs: 10_000, random: () => 0.5, ...retry } });

  const run = async (p: OpenAiProvider): Promise<Awaited<ReturnType<typeof runAction>>> => {
    const { prepared, free } = prepare(engine, file, 'qty <= 0', 'tests');
    try {
      assert.ok(typeof prepared !== 'string', String(prepared));
      return await runAction(prepared, p, new AbortController().signal);
    } finally {
      free();
    }
  };

  it('sends the model, a system and a user message with the redacted code and the key; good output becomes the edit', async () => {
    const s = await fakeServer([{ status: 200, content: `Here are the tests:\n${GOOD_TEST}` }]);
    try {
      const r = await run(provider(s.url));
      assert.equal(s.seen.length, 1);
      const [req] = s.seen;
      assert.equal(req!.body.model, 'test-model');
      assert.equal(req!.headers.authorization, 'Bearer test-key');
      assert.equal(req!.headers['openai-organization'], 'org-1');
      assert.deepEqual(req!.body.messages.map((m) => m.role), ['system', 'user']);
      const user = req!.body.messages[1]!.content;
      assert.match(user, /export function linePrice\(item: Item, qty: number, coupon: string\)/);
      assert.match(user, /Framework: node-test/);
      const sent = JSON.stringify(req!.body);
      assert.ok(!sent.includes(SECRET), 'the API key literal was sent');
      assert.ok(!sent.includes(ENV_VALUE), 'a .env value was sent');
      assert.match(user, /\[REDACTED:(OpenAI key|hard-coded secret)\]/);
      assert.match(user, /\[REDACTED:(\.env value|credentials in URL)\]/);
      assert.equal(r.provider, 'openai');
      assert.equal(r.model, 'test-model-0613');
      assert.match(r.summary, /type-checked with tsc/);
      assert.equal(r.edits[0]?.path, path.join(dir, 'pricing.test.ts'));
      assert.match(r.edits[0]!.changes[0]!.newText, /^import \{ describe, it \} from 'node:test';/);
    } finally {
      await s.close();
    }
  });

  it('broken code: retried once with the errors, then a clear failure and no edit', async () => {
    const s = await fakeServer([{ status: 200, content: BROKEN_TEST }, { status: 200, content: BROKEN_TEST }]);
    try {
      await assert.rejects(run(provider(s.url)), (e: Error) => {
        assert.ok(e instanceof AiError);
        assert.match(e.message, /does not pass the checks after a second try, so nothing was inserted/);
        assert.match(e.message, /line \d+/);
        return true;
      });
      assert.equal(s.seen.length, 2);
      const second = s.seen[1]!.body.messages;
      assert.deepEqual(second.map((m) => m.role), ['system', 'user', 'assistant', 'user']);
      assert.match(second[3]!.content, /does not pass the checks:\n- line \d+/);
    } finally {
      await s.close();
    }
  });

  it('broken code then good code: the second answer is used', async () => {
    const s = await fakeServer([{ status: 200, content: BROKEN_TEST }, { status: 200, content: GOOD_TEST }]);
    try {
      const r = await run(provider(s.url));
      assert.equal(s.seen.length, 2);
      assert.match(r.edits[0]!.changes[0]!.newText, /rejects zero/);
    } finally {
      await s.close();
    }
  });

  it('an answer that drops the existing tests of the file is refused and retried with the reason', async () => {
    fs.writeFileSync(path.join(dir, 'pricing.test.ts'), "import { it } from 'node:test';\n\nit('keeps the old case', () => {});\n");
    const s = await fakeServer([{ status: 200, content: GOOD_TEST }, { status: 200, content: GOOD_TEST.replace("describe('linePrice'", "it('keeps the old case', () => {});\n\ndescribe('linePrice'") }]);
    try {
      const r = await run(provider(s.url));
      assert.equal(s.seen.length, 2);
      assert.match(s.seen[1]!.body.messages[3]!.content, /removed existing tests: keeps the old case/);
      assert.equal(r.edits[0]?.create, false);
      assert.match(r.edits[0]!.changes[0]!.newText, /keeps the old case[\s\S]*rejects zero/);
    } finally {
      await s.close();
    }
  });

  it('429 then success: retried with backoff', async () => {
    const s = await fakeServer([{ status: 429 }, { status: 200, content: GOOD_TEST }]);
    try {
      const r = await run(provider(s.url));
      assert.equal(s.seen.length, 2);
      assert.equal(r.provider, 'openai');
    } finally {
      await s.close();
    }
  });

  it('a timeout: the request is abandoned and the error names the setting', async () => {
    const s = await fakeServer([{ status: 200, hang: true }]);
    try {
      await assert.rejects(run(provider(s.url, { retries: 0, timeoutMs: 300 })), /did not answer (within 300 ms|in time)/);
      assert.equal(s.seen.length, 1);
    } finally {
      await s.close();
    }
  });

  it('a 500: retried up to the bound, then reported with the status', async () => {
    const s = await fakeServer([{ status: 500 }, { status: 500 }]);
    try {
      await assert.rejects(run(provider(s.url, { retries: 1 })), /answered 500/);
      assert.equal(s.seen.length, 2);
    } finally {
      await s.close();
    }
  });

  it('a 401 is not retried and says how to set the key', async () => {
    const s = await fakeServer([{ status: 401 }]);
    try {
      await assert.rejects(run(provider(s.url)), /answered 401: check the key \(DFX: Set AI API Key\)/);
      assert.equal(s.seen.length, 1);
    } finally {
      await s.close();
    }
  });

  it('cancellation stops a request in flight', async () => {
    const s = await fakeServer([{ status: 200, hang: true }]);
    const { prepared, free } = prepare(engine, file, 'qty <= 0', 'tests');
    try {
      assert.ok(typeof prepared !== 'string');
      const ac = new AbortController();
      const pending = runAction(prepared, provider(s.url), ac.signal);
      const deadline = Date.now() + 5000;
      while (s.seen.length === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      ac.abort();
      await assert.rejects(pending, /cancel|abort/i);
    } finally {
      free();
      await s.close();
    }
  });
});
