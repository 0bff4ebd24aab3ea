// The optional Prometheus probe of a steady-state hypothesis: an instant query whose value must satisfy a bound
// ("< 0.01", ">= 0.99"). Checked during the fault; a violation stops the fault early like an SLO breach.

export type BoundOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** "< 0.01" → { op: '<', value: 0.01 }, or an error message. */
export function parseBound(text: string): { op: BoundOp; value: number } | { error: string } {
  const m = /^\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i.exec(text);
  if (!m) return { error: `"${text}" is not a bound: write an operator and a number, such as "< 0.01" or ">= 0.99"` };
  return { op: m[1] as BoundOp, value: Number(m[2]) };
}

/** Whether a value satisfies a bound. */
export function holds(v: number, b: { op: BoundOp; value: number }): boolean {
  switch (b.op) {
    case '<':
      return v < b.value;
    case '<=':
      return v <= b.value;
    case '>':
      return v > b.value;
    case '>=':
      return v >= b.value;
    case '==':
      return v === b.value;
    case '!=':
      return v !== b.value;
  }
}

/** Run an instant query; the value of a scalar or of the first vector sample. Throws with a readable message. */
export async function queryPrometheus(base: string, query: string, timeoutMs = 5000): Promise<number> {
  const url = `${base.replace(/\/+$/, '')}/api/v1/query?query=${encodeURIComponent(query)}`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause?.message;
    throw new Error(`cannot reach Prometheus at ${base}: ${cause ?? (e as Error).message}`);
  }
  const body = (await res.json().catch(() => undefined)) as
    | { status?: string; error?: string; data?: { resultType?: string; result?: unknown } }
    | undefined;
  if (!res.ok || body?.status !== 'success') throw new Error(`Prometheus query failed (${res.status}): ${body?.error ?? 'no result'}`);
  const r = body.data?.result;
  let raw: unknown;
  if (body.data?.resultType === 'scalar' && Array.isArray(r)) raw = r[1];
  else if (body.data?.resultType === 'vector' && Array.isArray(r)) raw = (r[0] as { value?: unknown[] } | undefined)?.value?.[1];
  if (raw === undefined) throw new Error(`Prometheus query "${query}" returned no sample`);
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new Error(`Prometheus query "${query}" returned ${String(raw)}`);
  return v;
}
