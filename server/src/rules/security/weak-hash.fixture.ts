import { createHash } from 'node:crypto';
import * as crypto from 'node:crypto';

export function hashPassword(password: string, salt: string): string {
  // ruleid: weak-hash
  return crypto.createHash('md5').update(salt + password).digest('hex');
}

export function tokenDigest(token: string): string {
  // ruleid: weak-hash
  const h = crypto.createHash('sha1');
  return h.update(token).digest('hex');
}

export function signPayload(payload: string, secret: string): string {
  // ruleid: weak-hash
  return createHash('md5').update(secret + payload).digest('base64');
}

export function etag(body: Buffer): string {
  // ok: weak-hash
  return `"${crypto.createHash('md5').update(body).digest('hex')}"`;
}

export function cacheKey(query: string): string {
  // ok: weak-hash
  return crypto.createHash('sha1').update(query).digest('hex');
}

export function passwordDigest(password: string): string {
  // ok: weak-hash
  return crypto.createHash('sha256').update(password).digest('hex');
}
