// The editor-models provider through a stand-in transport (the real one is an LSP request the client answers with
// vscode.lm, which tests must not call): system prompt folded into the first user message, errors and retries.
import { strict as assert } from 'node:assert';
import { EditorModelProvider } from '../../server/src/ai/providers/editor';
import type { AiRequest } from '../../server/src/ai/types';
import type { EditorModelParams, EditorModelResult } from '../../server/src/protocol/ai';

const REQ: AiRequest = {
  action: 'tests',
  language: 'typescript',
  messages: [{ role: 'system', content: 'You write tests.' }, { role: 'user', content: 'code here' }],
  offline: () => '',
};

describe('editor language model provider', () => {
  it('sends user/assistant messages only, with the system prompt folded into the first user message', async () => {
    const seen: EditorModelParams[] = [];
    const p = new EditorModelProvider(async (params) => {
      seen.push(params);
      return { text: '```ts\nok\n```', model: 'copilot/gpt-4o' };
    }, { retries: 0 }, 'gpt-4o');
    const r = await p.complete(REQ, new AbortController().signal);
    assert.equal(r.provider, 'editor');
    assert.equal(r.model, 'copilot/gpt-4o');
    assert.deepEqual(seen[0]!.messages, [{ role: 'user', content: 'You write tests.\n\ncode here' }]);
    assert.equal(seen[0]!.family, 'gpt-4o');
    assert.match(seen[0]!.justification, /genai4dfx/);
  });

  it('retries a retryable refusal (quota) and reports a permanent one as is', async () => {
    const answers: EditorModelResult[] = [{ error: 'rate limited', retryable: true }, { text: 'fine', model: 'm' }];
    let calls = 0;
    const p = new EditorModelProvider(async () => {
      calls++;
      return answers.shift()!;
    }, { retries: 2, initialDelayMs: 1, maxDelayMs: 1 });
    assert.equal((await p.complete(REQ, new AbortController().signal)).text, 'fine');
    assert.equal(calls, 2);
    const denied = new EditorModelProvider(async () => ({ error: 'editor language model: permission to use the editor\'s language models was not given' }), { retries: 2 });
    await assert.rejects(denied.complete(REQ, new AbortController().signal), /permission .* was not given/);
  });
});
