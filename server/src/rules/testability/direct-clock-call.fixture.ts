const AUTH_HOLD_MS = 7 * 24 * 60 * 60 * 1000;
// ok: direct-clock-call
const bootedAt = Date.now();

export function authorizationExpiry(): number {
  // ruleid: direct-clock-call
  return Date.now() + AUTH_HOLD_MS;
}

export class Reservations {
  // ok: direct-clock-call
  private readonly created = new Date();

  isStale(at: number): boolean {
    // ruleid: direct-clock-call
    return new Date().getTime() - at > AUTH_HOLD_MS;
  }

  expiry(now: () => number = Date.now): number {
    // ok: direct-clock-call
    return now() + AUTH_HOLD_MS;
  }

  expiryAt(now?: number): number {
    // ok: direct-clock-call
    return (now ?? Date.now()) + AUTH_HOLD_MS;
  }
}

export const systemClock = {
  // ok: direct-clock-call
  now: () => Date.now(),
};

export function parse(s: string): Date {
  // ok: direct-clock-call
  return new Date(s);
}

export const stamp = (): string => {
  // ruleid: direct-clock-call
  const d = new Date;
  return d.toISOString() + String(bootedAt);
};
