// The offline provider: deterministic generation from the syntax tree and the policy. No network.
import type { AiProvider, AiRequest, AiResponse } from '../types';

/** Answers every request with its deterministic offline generator. */
export class OfflineProvider implements AiProvider {
  readonly id = 'offline' as const;

  complete(req: AiRequest, signal: AbortSignal): Promise<AiResponse> {
    if (signal.aborted) return Promise.reject(new Error('cancelled'));
    return Promise.resolve({ text: req.offline(), provider: 'offline' });
  }
}
