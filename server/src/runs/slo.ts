// SLO thresholds for a run: which objectives a load scenario (or an experiment's steady-state hypothesis) is judged
// against, the verdict for the whole run, and the live check that stops a fault early when the steady state breaks
// beyond the policy's tolerance.
import type { LatencyPercentile, PerfScenario, Policy, Slo } from '../policy/types';
import { parseDuration, parsePercent, parseRate } from '../policy/units';
import { t } from '../l10n';
import type { LoadSample, LoadSummary, SloVerdict } from './api';

/** One objective as a number to compare: latency in ms, errorRate/availability as a ratio, throughput in rps. */
export interface Threshold {
  /** SLO name, or `thresholds` for a scenario's explicit thresholds. */
  slo: string;
  metric: string;
  limit: number;
  bound: 'max' | 'min';
  /** As the policy wrote it, e.g. "200ms", "0.1%". */
  written: string;
}

const PERCENTILES: readonly LatencyPercentile[] = ['p50', 'p90', 'p95', 'p99', 'p999', 'max', 'avg'];

/** Thresholds of one SLO (or of a scenario's `thresholds` block). Bad quantities end in `errors`, not thrown. */
export function sloThresholds(slo: Pick<Slo, 'latency' | 'errorRate' | 'throughput' | 'availability'>, name: string, errors: string[]): Threshold[] {
  const out: Threshold[] = [];
  for (const p of PERCENTILES) {
    const text = slo.latency?.[p];
    if (text === undefined) continue;
    const d = parseDuration(text);
    if (d.ok) out.push({ slo: name, metric: `latency.${p}`, limit: d.value, bound: 'max', written: text });
    else errors.push(`${name}: latency.${p}: ${d.error}`);
  }
  if (slo.errorRate !== undefined) {
    const r = parsePercent(slo.errorRate);
    if (r.ok) out.push({ slo: name, metric: 'errorRate', limit: r.value, bound: 'max', written: slo.errorRate });
    else errors.push(`${name}: errorRate: ${r.error}`);
  }
  if (slo.throughput !== undefined) {
    const r = parseRate(slo.throughput);
    if (r.ok) out.push({ slo: name, metric: 'throughput', limit: r.value, bound: 'min', written: slo.throughput });
    else errors.push(`${name}: throughput: ${r.error}`);
  }
  if (slo.availability !== undefined) {
    const r = parsePercent(slo.availability);
    if (r.ok) out.push({ slo: name, metric: 'availability', limit: r.value, bound: 'min', written: slo.availability });
    else errors.push(`${name}: availability: ${r.error}`);
  }
  return out;
}

/** Thresholds of named SLOs; an unknown name is an error. */
export function namedThresholds(policy: Policy, names: readonly string[], errors: string[]): Threshold[] {
  const out: Threshold[] = [];
  for (const n of names) {
    const slo = policy.slos?.find((s) => s.name === n);
    if (!slo) {
      const known = (policy.slos ?? []).map((s) => s.name);
      errors.push(`no SLO named "${n}" in the policy${known.length ? ` (known: ${known.join(', ')})` : ' (it has no slos section)'}`);
      continue;
    }
    out.push(...sloThresholds(slo, n, errors));
  }
  return out;
}

/**
 * The thresholds a scenario is judged by: those of its SLOs, then its explicit `thresholds`, which replace an
 * SLO-derived threshold on the same metric (the policy says explicit thresholds override).
 */
export function scenarioThresholds(policy: Policy, scenario: PerfScenario, errors: string[]): Threshold[] {
  const fromSlos = namedThresholds(policy, scenario.slos ?? [], errors);
  if (!scenario.thresholds) return fromSlos;
  const explicit = sloThresholds(scenario.thresholds, 'thresholds', errors);
  const overridden = new Set(explicit.map((t) => t.metric));
  return [...fromSlos.filter((t) => !overridden.has(t.metric)), ...explicit];
}

/** Union of threshold lists without duplicates (same SLO and metric). */
export function mergeThresholds(...lists: Threshold[][]): Threshold[] {
  const seen = new Set<string>();
  const out: Threshold[] = [];
  for (const t of lists.flat()) {
    const k = `${t.slo}\0${t.metric}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

/** The measured value of a metric in a summary (undefined when it cannot be measured, e.g. no requests). */
export function measure(metric: string, s: LoadSummary): number | undefined {
  if (metric === 'throughput') return s.rps;
  if (!s.requests) return undefined;
  if (metric === 'errorRate') return s.errorRate;
  if (metric === 'availability') return 1 - s.errorRate;
  const p = metric.startsWith('latency.') ? (metric.slice(8) as LatencyPercentile) : undefined;
  if (!p) return undefined;
  const l = s.latency;
  return { p50: l.p50, p90: l.p90, p95: l.p95, p99: l.p99, p999: l.p999, max: l.max, avg: l.avg }[p];
}

/** Judge every threshold against the run's summary. A threshold that cannot be measured fails (unknown). */
export function judge(thresholds: readonly Threshold[], s: LoadSummary): SloVerdict[] {
  return thresholds.map((t) => verdictOf(t, measure(t.metric, s)));
}

/** The reason a run's SLO verdicts give: each failed threshold with what was measured, or how many held. */
export function sloReason(verdicts: readonly SloVerdict[]): string {
  const failed = verdicts.filter((v) => !v.passed);
  return failed.length ? failed.map((v) => t('{0} {1} {2} (want {3})', v.slo, v.metric, v.observed, v.threshold)).join('; ') : t('{0} threshold(s) held', verdicts.length);
}

/** A verdict for one threshold and one measured value (undefined = could not be measured, which fails). */
export function verdictOf(th: Threshold, value: number | undefined, tolerance = 0): SloVerdict {
  const limit = th.bound === 'max' ? th.limit * (1 + tolerance) : th.limit * (1 - tolerance);
  const passed = value !== undefined && (th.bound === 'max' ? value <= limit : value >= limit);
  return {
    slo: th.slo,
    metric: th.metric,
    threshold: `${th.bound === 'max' ? '<=' : '>='} ${th.written}`,
    observed: value === undefined ? t('no data') : format(th.metric, value),
    limit: th.limit,
    value: value ?? Number.NaN,
    bound: th.bound,
    passed,
    ...(value === undefined ? { unknown: true } : {}),
  };
}

/**
 * The live steady-state check: judge the last `windowSec` seconds of samples with `tolerance` (0.1 = 10% beyond the
 * limit). Only latency percentiles the samples carry (p50/p95/p99/max), error rate, availability and throughput are
 * checked live; returns the breached thresholds (empty while the steady state holds or there is too little data).
 */
export function liveBreaches(thresholds: readonly Threshold[], samples: readonly LoadSample[], windowSec: number, tolerance: number): SloVerdict[] {
  const w = samples.slice(-windowSec);
  if (w.length < Math.min(windowSec, 2)) return [];
  const requests = w.reduce((a, s) => a + s.requests, 0);
  const errors = w.reduce((a, s) => a + s.errors, 0);
  const out: SloVerdict[] = [];
  for (const t of thresholds) {
    let v: number | undefined;
    if (t.metric === 'errorRate') v = requests ? errors / requests : undefined;
    else if (t.metric === 'availability') v = requests ? 1 - errors / requests : undefined;
    else if (t.metric === 'throughput') v = requests / w.length;
    else if (t.metric === 'latency.p50' || t.metric === 'latency.p95' || t.metric === 'latency.p99' || t.metric === 'latency.max') {
      const key = t.metric.slice(8) as 'p50' | 'p95' | 'p99' | 'max';
      // The median of the per-second values: one slow second is not a breach, a sustained one is.
      const vals = w.filter((s) => s.requests > 0).map((s) => s[key]).sort((a, b) => a - b);
      v = vals.length ? vals[Math.floor(vals.length / 2)] : undefined;
    }
    if (v === undefined) continue;
    const verdict = verdictOf(t, v, tolerance);
    if (!verdict.passed) out.push(verdict);
  }
  return out;
}

/** Format a metric value the way the policy writes it. */
export function format(metric: string, v: number): string {
  if (metric === 'errorRate' || metric === 'availability') return `${round(v * 100, 3)}%`;
  if (metric === 'throughput') return `${round(v, 1)}rps`;
  return `${round(v, v < 10 ? 2 : 1)}ms`;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
