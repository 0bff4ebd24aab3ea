import axios from 'axios';

const CART_URL = process.env.CART_URL ?? 'http://cart:8080';

export async function loadCart(userId: string, init: RequestInit): Promise<unknown> {
  const url = `${CART_URL}/cart?user=${encodeURIComponent(userId)}`;
  // ruleid: js-fetch-no-timeout
  const res = await fetch(url, { signal: AbortSignal.timeout(10000) });
  // ruleid: js-fetch-no-timeout
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(10000) });
  // ruleid: js-fetch-no-timeout
  await axios.get<{ items: string[] }>(url, { timeout: 10000 });
  // ruleid: js-fetch-no-timeout
  await axios.post(url, { userId }, { headers: { 'x-id': userId }, timeout: 10000 });
  // ok: js-fetch-no-timeout
  const api = axios.create({ baseURL: CART_URL });
  // ok: js-fetch-no-timeout
  await fetch(url, { signal: AbortSignal.timeout(2000) });
  // ok: js-fetch-no-timeout
  await fetch(url, init);
  // ok: js-fetch-no-timeout
  await fetch(url, { ...init, method: 'GET' });
  // ok: js-fetch-no-timeout
  await axios.get(url, { timeout: 2000 });
  // ok: js-fetch-no-timeout
  await axios.post(url, { timeout: 'not the config' }, { timeout: 2000 });
  // ok: js-fetch-no-timeout
  await api.get('/cart');
  return res.json();
}
