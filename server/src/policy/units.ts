// Parsing of the quantities a policy writes as text. Each parser returns the value or an error message that says what
// a valid value looks like, so the validator can report it at the value's position.

import { t } from '../l10n';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "250ms", "1.5s", "2m", "1h30m", "7d" → milliseconds. A bare number is refused (which unit?). */
export function parseDuration(text: unknown): Parsed<number> {
  if (typeof text === 'number') return { ok: false, error: t('{0} has no unit: write {0}ms or {0}s', text) };
  if (typeof text !== 'string') return { ok: false, error: t('expected a duration such as 200ms, 1.5s, 2m or 1h30m') };
  const s = text.trim();
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let parts = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    total += Number(m[1]) * (DURATION_UNITS[m[2] ?? ''] ?? 0);
    parts++;
    if (re.lastIndex === s.length) break;
  }
  if (parts === 0 || re.lastIndex !== s.length) {
    return { ok: false, error: t('"{0}" is not a duration: use a number with ms, s, m, h or d, such as 200ms, 1.5s or 1h30m', text) };
  }
  return { ok: true, value: total };
}

/** "0.1%" → 0.001. Must be between 0% and 100%. */
export function parsePercent(text: unknown): Parsed<number> {
  if (typeof text === 'number') return { ok: false, error: t('{0} has no %: write {0}%', text) };
  if (typeof text !== 'string') return { ok: false, error: t('expected a percentage such as 0.1% or 99.9%') };
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (!m) return { ok: false, error: t('"{0}" is not a percentage: write a number followed by %, such as 0.1% or 99.9%', text) };
  const v = Number(m[1]);
  if (v > 100) return { ok: false, error: t('{0} is more than 100%', text) };
  return { ok: true, value: v / 100 };
}

/** "100rps" / "6000rpm" / "100/s" → requests per second. */
export function parseRate(text: unknown): Parsed<number> {
  if (typeof text !== 'string') return { ok: false, error: t('expected a rate such as 100rps or 6000rpm') };
  const m = /^\s*(\d+(?:\.\d+)?)\s*(rps|rpm|\/s|\/m)\s*$/.exec(text);
  if (!m) return { ok: false, error: t('"{0}" is not a rate: write a number followed by rps or rpm, such as 100rps', text) };
  const v = Number(m[1]);
  return { ok: true, value: m[2] === 'rpm' || m[2] === '/m' ? v / 60 : v };
}

/** "3" / 3 → { count: 3 }; "25%" → { percent: 25 }. */
export function parseBlastRadius(text: unknown): Parsed<{ count: number } | { percent: number }> {
  if (typeof text === 'number' && Number.isInteger(text) && text >= 0) return { ok: true, value: { count: text } };
  if (typeof text === 'string') {
    const s = text.trim();
    if (/^\d+$/.test(s)) return { ok: true, value: { count: Number(s) } };
    const p = parsePercent(s);
    if (p.ok) return { ok: true, value: { percent: p.value * 100 } };
  }
  return { ok: false, error: t('"{0}" is not a blast radius: write a pod count (3) or a share of the matching pods (25%)', String(text)) };
}

/**
 * A name a policy matches with a glob (kubeconfig context, namespace): the whole name, `*` any run of characters, `?`
 * one; everything else literal. Shared by the validator and the run guardrails, so they agree on what a glob allows.
 */
export function globMatch(glob: string, name: string, ignoreCase = false): boolean {
  const re = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, ignoreCase ? 'i' : '').test(name);
}

/** Milliseconds → the shortest exact text ("1.5s", "200ms", "2m"). */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms >= 3_600_000) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms >= 60_000) return `${ms / 60_000}m`;
  if (ms >= 1000 && (ms / 1000) * 1000 === ms && Number.isInteger(ms / 100)) return `${ms / 1000}s`;
  return `${ms}ms`;
}
