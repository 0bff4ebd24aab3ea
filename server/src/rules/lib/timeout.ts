// The `timeout` option of the "add a timeout" fixes: a duration as text ("10s", "2500ms"), rendered per language.
import { parseDuration } from '../../policy/units';
import type { RuleOptionSpec } from '../../engine/types';
import { textHas } from './file-kind';

/** The `timeout` option every add-a-timeout fix declares; the policy maps it from reliability.timeouts.default. */
export const TIMEOUT_OPTION: Record<string, RuleOptionSpec> = {
  timeout: {
    type: 'string',
    default: '10s',
    description: 'The timeout a quick fix inserts, as a duration ("10s", "500ms"); the policy sets it from reliability.timeouts.default.',
  },
};

/** The option as milliseconds; a value that is not a duration falls back to 10 s rather than breaking the fix. */
export function timeoutMs(options: Readonly<Record<string, unknown>>): number {
  const p = parseDuration(options.timeout ?? '10s');
  return p.ok && p.value > 0 ? p.value : 10_000;
}

/** Go: `10 * time.Second`, `1500 * time.Millisecond`, `2 * time.Minute`. */
export function goDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} * time.Minute`;
  if (ms % 1000 === 0) return `${ms / 1000} * time.Second`;
  return `${Math.round(ms)} * time.Millisecond`;
}

/** Java: `Duration.ofSeconds(10)` or `Duration.ofMillis(1500)` with the given qualifier for Duration. */
export function javaDuration(ms: number, durationType: string): string {
  return ms % 1000 === 0 ? `${durationType}.ofSeconds(${ms / 1000})` : `${durationType}.ofMillis(${Math.round(ms)})`;
}

/** The file sets a default timeout for every axios call (and every instance, which inherits axios.defaults). */
export const axiosDefaultTimeout = textHas(/axios\.defaults\.timeout\s*=/);
