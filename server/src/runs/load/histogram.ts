// A small HDR-style latency histogram: logarithmic buckets 1% wide, so any percentile is within 1% of the exact value
// whatever the range (microseconds to minutes), in constant memory. Used for the whole-run summary; per-second samples
// are small enough to sort exactly.

const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Values are recorded in microseconds; below 1 µs everything lands in bucket 0. */
const UNIT = 1000;

/** Latency histogram (values in ms). */
export class Histogram {
  private readonly counts = new Map<number, number>();
  private n = 0;
  private sum = 0;
  private maxValue = 0;
  private minValue = Number.POSITIVE_INFINITY;

  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const us = ms * UNIT;
    const b = us < 1 ? 0 : Math.floor(Math.log(us) / LOG_GROWTH) + 1;
    this.counts.set(b, (this.counts.get(b) ?? 0) + 1);
    this.n++;
    this.sum += ms;
    if (ms > this.maxValue) this.maxValue = ms;
    if (ms < this.minValue) this.minValue = ms;
  }

  get count(): number {
    return this.n;
  }
  get max(): number {
    return this.n ? this.maxValue : 0;
  }
  get mean(): number {
    return this.n ? this.sum / this.n : 0;
  }

  /** The q-quantile (0..1) in ms: the upper edge of the bucket holding it, capped at the maximum seen. */
  quantile(q: number): number {
    if (!this.n) return 0;
    const rank = Math.max(1, Math.ceil(q * this.n));
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const k of keys) {
      seen += this.counts.get(k) ?? 0;
      if (seen >= rank) {
        const upper = k === 0 ? 1 : GROWTH ** k;
        return Math.max(this.minValue, Math.min(this.maxValue, upper / UNIT));
      }
    }
    return this.maxValue;
  }
}

/** Exact q-quantile of a small array (sorted in place), nearest-rank. */
export function exactQuantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? 0;
}
