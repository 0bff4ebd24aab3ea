// The one request shape every AI provider answers, and the provider interface.
import type { LanguageId } from '../engine/languages';

/** The AI actions genai4dfx offers. */
export type AiAction = 'tests' | 'retries' | 'threats';

/** What a request is for: an AI action on code, or refining suggested chaos experiments (runs/suggest-ai.ts). */
export type AiTask = AiAction | 'experiments';

/** Which provider answers: the editor's setting, or `auto` for the first available (openai → editor → offline). */
export type ProviderId = 'openai' | 'editor' | 'offline';

/** One chat message. Editor models take no system role: the editor provider folds it into the first user message. */
export interface AiMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * One request, whatever answers it. Model providers read `messages` (already redacted); the offline provider calls
 * `offline`, a deterministic generator over the syntax tree, so both go through the same validation and edit path.
 */
export interface AiRequest {
  action: AiTask;
  language: LanguageId;
  messages: AiMessage[];
  offline: () => string;
}

/** What a provider answers: the text (for models, the reply; offline, the generated code) and who answered. */
export interface AiResponse {
  text: string;
  provider: ProviderId;
  model?: string;
}

/** A provider: one completion per call, cancellable through `signal`. */
export interface AiProvider {
  readonly id: ProviderId;
  complete(req: AiRequest, signal: AbortSignal): Promise<AiResponse>;
}

/** An error a user should read as is (no stack): why the action failed and what to do. */
export class AiError extends Error {
  constructor(message: string, readonly retryable = false, readonly status?: number) {
    super(message);
    this.name = 'AiError';
  }
}
