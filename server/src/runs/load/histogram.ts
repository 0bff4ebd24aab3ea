// Log-spaced latency histograms: bucket b holds values in (unit·g^(b-1), unit·g^b], so a percentile read as its
// bucket's upper edge is never below the exact value and at most (g-1) above it, whatever the range, in constant
// memory. Histograms of the same scheme add up bucket by bucket, so percentiles of merged runs (k6-operator runners)
// are as exact as those of one run. Per-second samples are small enough to sort exactly.

/** A bucket layout: `unitMs` is the upper edge of bucket 0, each next edge is `growth` times the previous one. */
export interface BucketScheme {
  growth: number;
  unitMs: number;
  /** Number of buckets; the last one also holds everything above its lower edge (reported as the maximum seen). */
  buckets: number;
}

/** The embedded load engine's scheme: 1% buckets from 1 µs, no practical upper bound. */
export const FINE_SCHEME: BucketScheme = { growth: 1.01, unitMs: 0.001, buckets: 4000 };

/**
 * The scheme of the generated k6 scripts: one k6 Counter per bucket, so it is coarser: 2% buckets from 0.1 ms to
 * 60 s (673 counters); slower requests share the last bucket, whose percentile is the maximum seen.
 */
export const K6_SCHEME: BucketScheme = { growth: 1.02, unitMs: 0.1, buckets: Math.ceil(Math.log(60_000 / 0.1) / Math.log(1.02)) + 2 };

/** The bucket of a value in ms (the generated k6 script computes the same expression). */
export function bucketOf(s: BucketScheme, ms: number): number {
  const u = ms / s.unitMs;
  if (!(u > 1)) return 0;
  return Math.min(s.buckets - 1, Math.ceil(Math.log(u) / Math.log(s.growth)));
}

/** Upper edge of bucket b in ms. */
export function upperEdge(s: BucketScheme, b: number): number {
  return s.unitMs * s.growth ** b;
}

/** Latency histogram (values in ms). */
export class Histogram {
  private readonly counts = new Map<number, number>();
  private n = 0;
  private sum = 0;
  private maxValue = 0;
  private minValue = Number.POSITIVE_INFINITY;

  constructor(readonly scheme: BucketScheme = FINE_SCHEME) {}

  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const b = bucketOf(this.scheme, ms);
    this.counts.set(b, (this.counts.get(b) ?? 0) + 1);
    this.n++;
    this.sum += ms;
    if (ms > this.maxValue) this.maxValue = ms;
    if (ms < this.minValue) this.minValue = ms;
  }

  /**
   * Add pre-counted buckets (one k6 runner's summary): `counts` by bucket index, with the runner's exact sum, min and
   * max. Bad entries (not a bucket index, not a positive count) are skipped.
   */
  addBuckets(counts: Readonly<Record<string, number>>, stats: { sum: number; min: number; max: number }): void {
    let added = 0;
    for (const [k, c] of Object.entries(counts)) {
      const b = Number(k);
      if (!Number.isInteger(b) || b < 0 || b >= this.scheme.buckets || !Number.isFinite(c) || c <= 0) continue;
      this.counts.set(b, (this.counts.get(b) ?? 0) + c);
      added += c;
    }
    if (!added) return;
    this.n += added;
    this.sum += Number.isFinite(stats.sum) ? stats.sum : 0;
    if (stats.max > this.maxValue) this.maxValue = stats.max;
    if (stats.min < this.minValue) this.minValue = stats.min;
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

  /** The q-quantile (0..1) in ms, nearest rank: the upper edge of the bucket holding it, within [min, max] seen. */
  quantile(q: number): number {
    if (!this.n) return 0;
    const rank = Math.max(1, Math.ceil(q * this.n));
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const k of keys) {
      seen += this.counts.get(k) ?? 0;
      if (seen >= rank) {
        if (k === this.scheme.buckets - 1) return this.maxValue;
        return Math.max(this.minValue, Math.min(this.maxValue, upperEdge(this.scheme, k)));
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
