import { createHash } from 'node:crypto';
import * as crypto from 'node:crypto';

function hashPassword(password, salt) {
  // ruleid: weak-hash
  return crypto.createHash('md5').update(salt + password).digest('hex');
}

function tokenDigest(token) {
  // ruleid: weak-hash
  const h = crypto.createHash('sha1');
  return h.update(token).digest('hex');
}

function signPayload(payload, secret) {
  // ruleid: weak-hash
  return createHash('md5').update(secret + payload).digest('base64');
}

function etag(body) {
  // ok: weak-hash
  return `"${crypto.createHash('md5').update(body).digest('hex')}"`;
}

function cacheKey(query) {
  // ok: weak-hash
  return crypto.createHash('sha1').update(query).digest('hex');
}

function passwordDigest(password) {
  // ok: weak-hash
  return crypto.createHash('sha256').update(password).digest('hex');
}
