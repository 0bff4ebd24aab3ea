// genai4dfx.ai.* in package.json match AiSettings; provider choice; redaction; the retry helper.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_RETRY_SPEC, retrySpec } from '../../server/src/ai/gen-retries';
import { envFileValues, redact } from '../../server/src/ai/redact';
import { withRetry } from '../../server/src/ai/retry';
import { chooseProvider } from '../../server/src/ai/select';
import { AiError } from '../../server/src/ai/types';
import { DEFAULT_AI_SETTINGS, normalizeAiSettings } from '../../server/src/protocol/settings';
import { ROOT } from '../helpers/engine';

interface Schema { type: string; default: unknown; enum?: unknown[]; scope?: string; description?: string; markdownDescription?: string }
const props = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Schema> } } }).contributes.configuration.properties;

describe('AI settings', () => {
  it('package.json contributes exactly genai4dfx.ai.<key> for every AiSettings key, with its default and type', () => {
    const contributed = Object.keys(props).filter((k) => k.startsWith('genai4dfx.ai.')).sort();
    assert.deepEqual(contributed, Object.keys(DEFAULT_AI_SETTINGS).map((k) => `genai4dfx.ai.${k}`).sort());
    for (const [k, v] of Object.entries(DEFAULT_AI_SETTINGS)) {
      const s = props[`genai4dfx.ai.${k}`]!;
      assert.deepEqual(s.default, v, k);
      assert.equal(s.type, typeof v === 'number' ? 'integer' : typeof v, k);
      assert.ok(s.description || s.markdownDescription, k);
      if (s.enum) assert.ok(s.enum.includes(v), k);
    }
  });

  it('has no setting for the API key (it lives in secret storage)', () => {
    assert.ok(!Object.keys(props).some((k) => /key|token|secret/i.test(k)));
  });

  it('normalises bad input to defaults, never throws', () => {
    assert.deepEqual(normalizeAiSettings(undefined), DEFAULT_AI_SETTINGS);
    assert.deepEqual(normalizeAiSettings({ provider: 'nope', timeoutMs: -5, maxRetries: 99, threatNotes: 'x' }), { ...DEFAULT_AI_SETTINGS, timeoutMs: 1000, maxRetries: 5 });
  });
});

describe('AI provider choice', () => {
  const s = DEFAULT_AI_SETTINGS;
  const transport = (): Promise<{ text: string; model: string }> => Promise.resolve({ text: '', model: 'x' });
  it('auto: OpenAI-compatible with a key, else editor models, else offline', () => {
    assert.equal(chooseProvider(s, { trusted: true, apiKey: 'k', editorModels: true, editorTransport: transport }).id, 'openai');
    assert.equal(chooseProvider(s, { trusted: true, editorModels: true, editorTransport: transport }).id, 'editor');
    assert.equal(chooseProvider(s, { trusted: true, editorModels: false }).id, 'offline');
  });
  it('an untrusted workspace never gets a model provider', () => {
    assert.equal(chooseProvider(s, { trusted: false, apiKey: 'k', editorModels: true, editorTransport: transport }).id, 'offline');
    assert.throws(() => chooseProvider({ ...s, provider: 'openai' }, { trusted: false, apiKey: 'k', editorModels: false }), /not trusted/);
  });
  it('openai without a key says how to set one (a local server needs none)', () => {
    assert.throws(() => chooseProvider({ ...s, provider: 'openai' }, { trusted: true, editorModels: false }), /DFX: Set AI API Key/);
    assert.equal(chooseProvider({ ...s, provider: 'openai', baseUrl: 'http://localhost:11434/v1' }, { trusted: true, editorModels: false }).id, 'openai');
  });
});

describe('redaction', () => {
  it('replaces detector hits, private keys, tokens and .env values, and says where', () => {
    const text = [
      'const key = "AKIAIOSFODNN7EXAMPLE";',
      'password = "correct-horse-battery"',
      'headers = {"Authorization": "Bearer abcdefghijklmnop0123456789"}',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
      'url = "https://ci:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x"',
      'dsn = "my-env-secret-value"',
      'port = 8080',
    ].join('\n');
    const r = redact(text, envFileValues('DSN=my-env-secret-value\nPORT=8080\nDEBUG=true\n'));
    for (const s of ['AKIAIOSFODNN7EXAMPLE', 'correct-horse-battery', 'abcdefghijklmnop0123456789', 'MIIEow', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'my-env-secret-value']) assert.ok(!r.text.includes(s), s);
    assert.match(r.text, /port = 8080/);
    assert.deepEqual([...new Set(r.redactions.map((x) => x.line))].sort((a, b) => a - b), [1, 2, 3, 4, 7, 8]);
  });
  it('leaves ordinary code alone', () => {
    const code = 'function tokenize(s: string) { return s.split(" "); }\nconst secretLength = 12;\n';
    assert.equal(redact(code).text, code);
  });
});

describe('retry helper', () => {
  it('retries retryable errors with growing, bounded delays; not others', async () => {
    const delays: number[] = [];
    let calls = 0;
    const v = await withRetry(async () => {
      calls++;
      if (calls < 3) throw new AiError('busy', true, 429);
      return 'ok';
    }, { retries: 3, initialDelayMs: 1, maxDelayMs: 3, timeoutMs: 1000, random: () => 1, onRetry: (_a, d) => delays.push(d) });
    assert.equal(v, 'ok');
    assert.deepEqual(delays, [1, 2]);
    let once = 0;
    await assert.rejects(withRetry(async () => {
      once++;
      throw new AiError('bad request', false, 400);
    }, { retries: 3, initialDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 }), /bad request/);
    assert.equal(once, 1);
  });
  it('policy retry defaults: documented values when undefined, the policy\'s otherwise', () => {
    assert.deepEqual(retrySpec(undefined), DEFAULT_RETRY_SPEC);
    assert.deepEqual(retrySpec({ version: 1, reliability: { retry: { maxAttempts: 4, initialDelay: '100ms', maxDelay: '1s', multiplier: 3, perAttemptTimeout: '2s' } } }), { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 1000, multiplier: 3, perAttemptTimeoutMs: 2000 });
  });
});
