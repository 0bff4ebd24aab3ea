// The embedded load generator: autocannon (bundled into dist/ by esbuild, so a load test works on a fresh machine
// with nothing else installed), with our own per-second samples and an HDR-style histogram for percentiles
// (autocannon's own summary has no p95 and leaves non-2xx latencies out).
import autocannon from 'autocannon';
import type { LoadSample, LoadSummary } from '../api';
import { exactQuantile, Histogram } from './histogram';

/** A resolved load plan for a local HTTP target. */
export interface LocalLoadPlan {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Concurrent connections (virtual users). */
  connections: number;
  durationMs: number;
  /** Open model: total requests per second across connections (coordinated-omission corrected by autocannon). */
  rate: number | undefined;
  /** Per-request timeout, ms. */
  timeoutMs: number;
}

export interface LocalLoadResult {
  summary: LoadSummary;
  samples: LoadSample[];
  /** True when stopped before its duration (abort, or an early stop under a fault). */
  stopped: boolean;
}

/** Run a local load plan; `onSample` gets one sample per second. Resolves when the duration ends or `signal` aborts. */
export async function runLocalLoad(
  plan: LocalLoadPlan,
  opts: { onSample?: (s: LoadSample) => void; signal?: AbortSignal } = {},
): Promise<LocalLoadResult> {
  const all = new Histogram();
  const samples: LoadSample[] = [];
  const statusCodes: Record<string, number> = {};
  let requests = 0;
  let errors = 0;
  let sec = { latencies: [] as number[], requests: 0, errors: 0 };
  const t0 = Date.now();
  let lastFlush = t0;

  const flush = (now: number): void => {
    const spanSec = (now - lastFlush) / 1000;
    if (spanSec <= 0 || (sec.requests === 0 && sec.errors === 0 && spanSec < 0.5)) return;
    const lat = sec.latencies.sort((a, b) => a - b);
    const s: LoadSample = {
      t: Math.round((now - t0) / 100) / 10,
      at: new Date(now).toISOString(),
      requests: sec.requests,
      rps: sec.requests / spanSec,
      errors: sec.errors,
      errorRate: sec.requests ? sec.errors / sec.requests : 0,
      p50: exactQuantile(lat, 0.5),
      p95: exactQuantile(lat, 0.95),
      p99: exactQuantile(lat, 0.99),
      max: lat.length ? (lat[lat.length - 1] ?? 0) : 0,
    };
    samples.push(s);
    lastFlush = now;
    sec = { latencies: [], requests: 0, errors: 0 };
    opts.onSample?.(s);
  };

  let settle: (r: autocannon.Result) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // The callback form returns the instance (events, stop()); the promise form would hide them.
  const inst = autocannon({
    url: plan.url,
    method: plan.method as autocannon.Request['method'],
    headers: plan.headers,
    ...(plan.body !== undefined ? { body: plan.body } : {}),
    connections: Math.max(1, plan.connections),
    duration: Math.max(0.001, plan.durationMs / 1000),
    ...(plan.rate !== undefined ? { overallRate: plan.rate } : {}),
    timeout: Math.max(1, Math.ceil(plan.timeoutMs / 1000)),
    // 5xx must not make autocannon skip the latency of failed requests in its own stats; we keep ours anyway.
    excludeErrorStats: false,
  }, (err: Error | null, result: autocannon.Result) => (err ? fail(err) : settle(result)));

  inst.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    requests++;
    sec.requests++;
    all.record(responseTime);
    sec.latencies.push(responseTime);
    statusCodes[String(statusCode)] = (statusCodes[String(statusCode)] ?? 0) + 1;
    if (statusCode >= 400) {
      errors++;
      sec.errors++;
    }
  });
  inst.on('reqError', (err: Error) => {
    // A transport failure is a failed request too (k6's http_req_failed counts them the same way).
    requests++;
    errors++;
    sec.requests++;
    sec.errors++;
    const key = /timed out/i.test(err.message) ? 'timeout' : 'error';
    statusCodes[key] = (statusCodes[key] ?? 0) + 1;
  });

  const tick = setInterval(() => flush(Date.now()), 1000);
  let stopped = false;
  const onAbort = (): void => {
    stopped = true;
    inst.stop();
  };
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await finished;
  } finally {
    clearInterval(tick);
    opts.signal?.removeEventListener('abort', onAbort);
  }
  const end = Date.now();
  flush(end);
  const durationMs = end - t0;
  return {
    stopped,
    samples,
    summary: {
      engine: 'local',
      target: plan.url,
      durationMs,
      requests,
      errors,
      errorRate: requests ? errors / requests : 0,
      rps: durationMs > 0 ? requests / (durationMs / 1000) : 0,
      latency: {
        avg: all.mean,
        p50: all.quantile(0.5),
        p90: all.quantile(0.9),
        p95: all.quantile(0.95),
        p99: all.quantile(0.99),
        p999: all.quantile(0.999),
        max: all.max,
      },
      statusCodes,
    },
  };
}
