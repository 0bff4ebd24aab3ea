// The editor's own language models (VS Code's Language Model API). They live in the extension host, so the server
// asks the client over a custom request; the client asks the user for consent as the API requires.
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../retry';
import { AiError, type AiProvider, type AiRequest, type AiResponse } from '../types';
import type { EditorModelParams, EditorModelResult } from '../../protocol/ai';

/** Sends an {@link EditorModelParams} to the client and resolves with its answer (the LSP request, or a test double). */
export type EditorModelTransport = (params: EditorModelParams, signal: AbortSignal) => Promise<EditorModelResult>;

/** A provider that forwards requests to the editor's models through the client. */
export class EditorModelProvider implements AiProvider {
  readonly id = 'editor' as const;

  constructor(private readonly send: EditorModelTransport, private readonly retry: Partial<Omit<RetryOptions, 'signal'>> = {}, private readonly family?: string) {}

  async complete(req: AiRequest, signal: AbortSignal): Promise<AiResponse> {
    // The API has no system role: fold it into the first user message.
    const system = req.messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n\n');
    const rest = req.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content }));
    if (system && rest[0]?.role === 'user') rest[0] = { role: 'user', content: `${system}\n\n${rest[0].content}` };
    const params: EditorModelParams = { messages: rest, ...(this.family ? { family: this.family } : {}), justification: `genai4dfx: ${req.action}` };
    const result = await withRetry(async (s) => {
      const r = await this.send(params, s);
      if ('error' in r) throw new AiError(r.error, r.retryable ?? false);
      return r;
    }, { ...DEFAULT_RETRY, ...this.retry, signal });
    return { text: result.text, provider: 'editor', model: result.model };
  }
}
