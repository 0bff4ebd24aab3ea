// Timeout, cancellation and retry with backoff for provider calls.
import { t } from '../l10n';
import { AiError } from './types';

/** How a provider call is retried. */
export interface RetryOptions {
  /** Retries after the first attempt (0 = one attempt). */
  retries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** The user's cancellation. */
  signal?: AbortSignal;
  /** Called before each wait (for logs and tests). */
  onRetry?: (attempt: number, delayMs: number, error: Error) => void;
  /** Random source for jitter (tests pass a fixed one). */
  random?: () => number;
}

/** Defaults: two retries, 500 ms doubling up to 8 s with full jitter, 60 s per attempt. */
export const DEFAULT_RETRY: Omit<RetryOptions, 'signal' | 'onRetry' | 'random'> = { retries: 2, initialDelayMs: 500, maxDelayMs: 8000, timeoutMs: 60_000 };

/** True for errors worth another attempt: 429, 5xx, timeouts and dropped connections. */
export function isRetryable(e: unknown): boolean {
  if (e instanceof AiError) return e.retryable;
  const status = (e as { status?: unknown }).status;
  if (typeof status === 'number') return status === 429 || status >= 500;
  const name = (e as Error).name ?? '';
  return /Timeout|Connection/.test(name) || /ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up/.test((e as Error).message ?? '');
}

/** Run `fn` with a per-attempt timeout, retrying retryable failures with exponential backoff and full jitter. */
export async function withRetry<T>(fn: (signal: AbortSignal) => Promise<T>, o: RetryOptions): Promise<T> {
  const random = o.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    if (o.signal?.aborted) throw new AiError('cancelled');
    const timeout = AbortSignal.timeout(o.timeoutMs);
    const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
    try {
      return await fn(signal);
    } catch (e) {
      if (o.signal?.aborted) throw new AiError('cancelled');
      const err = timeout.aborted ? new AiError(t('the model did not answer within {0} ms (setting genai4dfx.ai.timeoutMs)', o.timeoutMs), true) : (e as Error);
      if (attempt >= o.retries || !isRetryable(err)) throw err;
      const ceiling = Math.min(o.maxDelayMs, o.initialDelayMs * 2 ** attempt);
      const delay = Math.round(random() * ceiling);
      o.onRetry?.(attempt + 1, delay, err);
      await sleep(delay, o.signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AiError('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
