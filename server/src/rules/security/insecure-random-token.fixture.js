import { randomBytes } from 'node:crypto';

function generateToken() {
  // ruleid: insecure-random-token
  return Math.random().toString(36).slice(2);
}

function newSessionId() {
  // ruleid: insecure-random-token
  return `${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
}

function oneTimePassword() {
  // ruleid: insecure-random-token
  const otp = Math.floor(100000 + Math.random() * 900000);
  return String(otp);
}

function csrfSecret() {
  // ok: insecure-random-token
  return randomBytes(32).toString('base64url');
}

function retryDelay(attempt) {
  // ok: insecure-random-token
  return 2 ** attempt * 100 + Math.random() * 100;
}

function sampleRequest(rate) {
  // ok: insecure-random-token
  return Math.random() < rate;
}
