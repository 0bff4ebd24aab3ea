type Variant = 'control' | 'checkout-v2';

// ok: direct-random-call
const instanceSeed = Math.random();

export function assignVariant(userId: string): Variant {
  // ruleid: direct-random-call
  return Math.random() < 0.1 ? 'checkout-v2' : 'control';
}

export function pickWarehouse(ws: string[]): string {
  // ruleid: direct-random-call
  return ws[Math.floor(Math.random() * ws.length)] ?? ws[0]!;
}

export class Recommender {
  recommend(products: string[]): string[] {
    // ruleid: direct-random-call
    return [...products].sort(() => Math.random() - 0.5).slice(0, 5);
  }

  sample(rate: number, rng: () => number = Math.random): boolean {
    // ok: direct-random-call
    return rng() < rate + instanceSeed * 0;
  }
}

export function keep(rate: number, rng?: () => number): boolean {
  // ok: direct-random-call
  return (rng ?? Math.random)() < rate;
}

export function withJitter(ms: number): number {
  // ok: direct-random-call
  return ms + Math.random() * 100;
}

export function resetToken(): string {
  // ok: direct-random-call
  const token = Math.random().toString(36).slice(2);
  return token;
}
