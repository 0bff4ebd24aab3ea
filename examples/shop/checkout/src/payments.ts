import https from 'node:https';
import type { Pool } from 'pg';

export interface PaymentRequest {
  orderId: string;
  customerId: string;
  amountCents: number;
  currency: string;
  cardToken: string;
}

export interface PaymentResult {
  status: 'authorized' | 'declined' | 'error';
  authCode?: string;
  reason?: string;
}

const PSP_URL = process.env.PSP_URL ?? 'https://psp.sandbox.example.com';
const FRAUD_URL = process.env.FRAUD_URL ?? 'http://fraud.shop.svc.cluster.local:8080';

const pspAgent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });

if (process.env.PSP_SANDBOX === 'true') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
}

const AUTH_HOLD_MS = 7 * 24 * 60 * 60 * 1000;

export function authorizationExpiry(): number {
  return Date.now() + AUTH_HOLD_MS;
}

export async function fraudScore(req: PaymentRequest): Promise<number> {
  const res = await fetch(`${FRAUD_URL}/v1/score?customer=${encodeURIComponent(req.customerId)}`, {
    signal: AbortSignal.timeout(2000),
  });
  if (!res.ok) {
    throw new Error(`fraud service returned ${res.status}`);
  }
  const body = (await res.json()) as { score: number };
  return body.score;
}

export async function authorize(req: PaymentRequest): Promise<PaymentResult> {
  const payload = JSON.stringify({
    reference: req.orderId,
    amount: { value: req.amountCents, currency: req.currency },
    source: req.cardToken,
  });

  return new Promise<PaymentResult>((resolve) => {
    const call = https.request(
      `${PSP_URL}/v2/authorizations`,
      {
        method: 'POST',
        agent: pspAgent,
        timeout: 5000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => {
          try {
            const parsed = JSON.parse(data) as { approved: boolean; code?: string; message?: string };
            resolve(parsed.approved
              ? { status: 'authorized', authCode: parsed.code }
              : { status: 'declined', reason: parsed.message });
          } catch (err) {
            resolve({ status: 'error', reason: `unparseable PSP response: ${String(err)}` });
          }
        });
      },
    );
    call.on('timeout', () => call.destroy(new Error('PSP timeout')));
    call.on('error', (err) => resolve({ status: 'error', reason: err.message }));
    call.end(payload);
  });
}

export async function recordPayment(db: Pool, req: PaymentRequest, result: PaymentResult): Promise<void> {
  await db.query(
    'INSERT INTO payments (order_id, customer_id, amount_cents, currency, status, auth_code) VALUES ($1, $2, $3, $4, $5, $6)',
    [req.orderId, req.customerId, req.amountCents, req.currency, result.status, result.authCode ?? null],
  );
}
