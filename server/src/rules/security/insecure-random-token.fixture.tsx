import { randomBytes } from 'node:crypto';

export function generateToken(): string {
  // ruleid: insecure-random-token
  return Math.random().toString(36).slice(2);
}

export function newSessionId(): string {
  // ruleid: insecure-random-token
  return `${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
}

export function oneTimePassword(): string {
  // ruleid: insecure-random-token
  const otp = Math.floor(100000 + Math.random() * 900000);
  return String(otp);
}

export function csrfSecret(): string {
  // ok: insecure-random-token
  return randomBytes(32).toString('base64url');
}

export function retryDelay(attempt: number): number {
  // ok: insecure-random-token
  return 2 ** attempt * 100 + Math.random() * 100;
}

export function sampleRequest(rate: number): boolean {
  // ok: insecure-random-token
  return Math.random() < rate;
}
