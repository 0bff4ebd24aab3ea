import axios from 'axios';
import { Pool } from 'pg';

// ruleid: hard-coded-endpoint
const FRAUD_URL = 'http://10.0.3.7:8080/v1/score';

export const pool = new Pool({
  // ruleid: hard-coded-endpoint
  connectionString: 'postgres://shop:secret@orders-db.internal:5432/shop',
});

export async function inventory(sku: string): Promise<unknown> {
  // ruleid: hard-coded-endpoint
  const { data } = await axios.get(`http://inventory.svc.cluster.local/items/${sku}`, { timeout: 5000 });
  return data;
}

export function config(): Record<string, string> {
  return {
    // ok: hard-coded-endpoint
    ledger: process.env.LEDGER_URL ?? 'http://ledger:9000',
    // ok: hard-coded-endpoint
    stripe: 'https://api.stripe.com/v1/charges',
    // ok: hard-coded-endpoint
    local: 'http://localhost:3000',
    // ok: hard-coded-endpoint
    docs: 'https://docs.example.com:8443/guide',
    fraud: FRAUD_URL,
  };
}
