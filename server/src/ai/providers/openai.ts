// OpenAI-compatible chat completions (OpenAI, Azure OpenAI's v1 endpoint, Ollama, vLLM, LM Studio, ...).
import OpenAI from 'openai';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../retry';
import { AiError, type AiProvider, type AiRequest, type AiResponse } from '../types';

/** Where and how to reach an OpenAI-compatible server. The key never comes from settings. */
export interface OpenAiConfig {
  baseURL?: string;
  model: string;
  organization?: string;
  apiKey: string;
  retry?: Partial<Omit<RetryOptions, 'signal'>>;
}

/** A provider over the `openai` package, with our own timeout and retry (the package's retries are off). */
export class OpenAiProvider implements AiProvider {
  readonly id = 'openai' as const;
  private readonly client: OpenAI;

  constructor(private readonly config: OpenAiConfig) {
    this.client = new OpenAI({
      apiKey: config.apiKey,
      ...(config.baseURL ? { baseURL: config.baseURL } : {}),
      organization: config.organization || null,
      maxRetries: 0,
      timeout: config.retry?.timeoutMs ?? DEFAULT_RETRY.timeoutMs,
    });
  }

  async complete(req: AiRequest, signal: AbortSignal): Promise<AiResponse> {
    const retry: RetryOptions = { ...DEFAULT_RETRY, ...this.config.retry, signal };
    const answer = await withRetry(async (attemptSignal) => {
      try {
        return await this.client.chat.completions.create(
          { model: this.config.model, messages: req.messages.map((m) => ({ role: m.role, content: m.content })), temperature: 0.2 },
          { signal: attemptSignal, timeout: retry.timeoutMs },
        );
      } catch (e) {
        throw describe(e, this.config);
      }
    }, retry);
    const text = answer.choices[0]?.message?.content ?? '';
    if (!text.trim()) throw new AiError(`${this.config.model} answered with no content`);
    return { text, provider: 'openai', model: answer.model || this.config.model };
  }
}

/** The package's errors as AiErrors a user can act on. */
function describe(e: unknown, config: OpenAiConfig): Error {
  const where = config.baseURL ?? 'api.openai.com';
  if (e instanceof OpenAI.APIUserAbortError) return e;
  if (e instanceof OpenAI.APIConnectionTimeoutError) return new AiError(`${where} did not answer in time`, true);
  if (e instanceof OpenAI.APIError && typeof e.status === 'number') {
    const s = e.status;
    const hint = s === 401 ? ': check the key (DFX: Set AI API Key)' : s === 404 ? `: is the model "${config.model}" served there?` : s === 429 ? ': rate limited' : '';
    return new AiError(`${where} answered ${s}${hint} (${e.message})`, s === 429 || s >= 500, s);
  }
  if (e instanceof OpenAI.APIConnectionError) return new AiError(`cannot reach ${where}: ${e.message}`, true);
  return e instanceof Error ? e : new Error(String(e));
}
