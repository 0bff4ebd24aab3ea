// fixture-options: {"required": true}
import axios from 'axios';
import pRetry from 'p-retry';

const PRICING = process.env.PRICING_URL ?? 'http://pricing:8080';
const api = axios.create({ baseURL: PRICING, timeout: 3000 });

export async function price(sku: string): Promise<number> {
  // ruleid: outbound-call-no-retry
  const res = await fetch(`${PRICING}/price/${sku}`, { signal: AbortSignal.timeout(3000) });
  return (await res.json()) as number;
}

export async function stock(sku: string): Promise<number> {
  // ruleid: outbound-call-no-retry
  const { data } = await api.get<number>(`/stock/${sku}`);
  return data;
}

export async function publish(event: object): Promise<void> {
  // ruleid: outbound-call-no-retry
  await axios.post(`${PRICING}/events`, event, { timeout: 3000 });
}

export async function priceWithRetry(sku: string): Promise<number> {
  return pRetry(async () => {
    // ok: outbound-call-no-retry
    const res = await fetch(`${PRICING}/price/${sku}`, { signal: AbortSignal.timeout(3000) });
    return (await res.json()) as number;
  }, { retries: 3 });
}

export function label(sku: string): string {
  // ok: outbound-call-no-retry
  return new Map([[sku, 'x']]).get(sku) ?? '';
}

export function headers(map: Map<string, string>): string | undefined {
  // ok: outbound-call-no-retry
  return map.get('x-request-id');
}
