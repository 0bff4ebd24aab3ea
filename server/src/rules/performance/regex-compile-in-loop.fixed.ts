const BLOCKED_REGIONS = (process.env.BLOCKED_REGIONS ?? 'XX-*,ZZ-9*').split(',');
// ok: regex-compile-in-loop
const BLOCKED = BLOCKED_REGIONS.map((p) => new RegExp('^' + p.trim().replace('*', '.*') + '$'));

export function shippingAllowed(region: string): boolean {
  for (const pattern of BLOCKED_REGIONS) {
    // ruleid: regex-compile-in-loop
    const re = new RegExp('^' + pattern.trim().replace('*', '.*') + '$');
    if (re.test(region)) return false;
  }
  // ruleid: regex-compile-in-loop
  return !BLOCKED_REGIONS.some((p) => RegExp(p).test(region));
}

export function tally(lines: string[]): number {
  let n = 0;
  let i = 0;
  const pattern = new RegExp('^ERROR', 'i');
  while (i < lines.length) {
    // ruleid: regex-compile-in-loop
    if (pattern.test(lines[i++] ?? '')) n++;
  }
  for (const line of lines) {
    // ok: regex-compile-in-loop
    if (/^WARN/i.test(line)) n++;
    // ok: regex-compile-in-loop
    if (BLOCKED.some((re) => re.test(line))) n++;
  }
  // ok: regex-compile-in-loop
  const word = new RegExp(`\\b${lines[0] ?? ''}\\b`);
  const cache = new Map<string, RegExp>();
  for (const l of lines) {
    // ok: regex-compile-in-loop
    cache.set(l, new RegExp(l));
  }
  return n + (word.test('x') ? 1 : 0) + cache.size;
}
