// From a policy's load scenario to a plan an engine can run: target URL, method, connections, duration, rate.
import type { PerfScenario } from '../../policy/types';
import { parseDuration, parseRate } from '../../policy/units';
import type { LocalLoadPlan } from './local';

/** Default load when the scenario gives neither vus nor rate nor stages. */
export const DEFAULT_VUS = 10;
export const DEFAULT_DURATION_MS = 30_000;
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The local plan of a scenario, or the errors that make it unrunnable. Stages are run as their peak target for their
 * total duration (the embedded generator holds a constant number of connections).
 */
export function localPlan(s: PerfScenario): { plan: LocalLoadPlan; notes: string[] } | { errors: string[] } {
  const errors: string[] = [];
  const notes: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(s.target);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') errors.push(`target ${s.target}: the local engine needs an http:// or https:// URL`);
  } catch {
    errors.push(`target "${s.target}" is not a URL: the local engine needs e.g. http://localhost:8080/healthz (service: targets need engine k6-operator)`);
  }
  let durationMs = DEFAULT_DURATION_MS;
  let connections = s.vus ?? DEFAULT_VUS;
  if (s.stages?.length) {
    let total = 0;
    for (const [i, st] of s.stages.entries()) {
      const d = parseDuration(st.duration);
      if (d.ok) total += d.value;
      else errors.push(`stages[${i}].duration: ${d.error}`);
    }
    durationMs = total;
    connections = Math.max(1, ...s.stages.map((st) => st.target));
    notes.push(`stages run as ${connections} connections for ${total / 1000}s (the local engine holds constant concurrency)`);
  } else if (s.duration !== undefined) {
    const d = parseDuration(s.duration);
    if (d.ok) durationMs = d.value;
    else errors.push(`duration: ${d.error}`);
  }
  let rate: number | undefined;
  if (s.rate !== undefined) {
    const r = parseRate(s.rate);
    if (r.ok) rate = r.value;
    else errors.push(`rate: ${r.error}`);
  }
  if (!Number.isInteger(connections) || connections < 1) errors.push(`vus must be a whole number of at least 1 (got ${String(s.vus)})`);
  if (durationMs <= 0) errors.push('duration must be more than 0');
  if (errors.length || !url) return { errors };
  return {
    notes,
    plan: {
      url: url.toString(),
      method: s.method ?? 'GET',
      headers: s.headers ?? {},
      body: s.body,
      connections,
      durationMs,
      rate,
      timeoutMs: DEFAULT_TIMEOUT_MS,
    },
  };
}
