import axios from 'axios';
import got from 'got';

const shared = { baseURL: 'http://pricing:8080', timeout: 3000 };

// ruleid: js-http-client-no-timeout
export const catalog = axios.create({ timeout: 10000, baseURL: 'http://catalog:8080' });
// ruleid: js-http-client-no-timeout
export const users = axios.create({ timeout: 10000 });
// ruleid: js-http-client-no-timeout
export const payments = axios.create({
  timeout: 10000,
  baseURL: 'http://payments:8080',
  headers: { 'x-service': 'checkout' },
});
// ruleid: js-http-client-no-timeout
export const search = got.extend({ prefixUrl: 'http://search:9200', retry: { limit: 2 } });
// ok: js-http-client-no-timeout
export const pricing = axios.create(shared);
// ok: js-http-client-no-timeout
export const stock = axios.create({ baseURL: 'http://stock:8080', timeout: 2000 });
// ok: js-http-client-no-timeout
export const tax = axios.create({ ...shared, baseURL: 'http://tax:8080' });
// ok: js-http-client-no-timeout
export const geo = got.extend({ prefixUrl: 'http://geo:8080', timeout: { request: 2000 } });

export async function suggest(q) {
  // ruleid: js-http-client-no-timeout
  const res = await got.get(`http://suggest:8080/q?s=${encodeURIComponent(q)}`).json();
  // ok: js-http-client-no-timeout
  const more = await got(`http://suggest:8080/more`, { timeout: { request: 1500 } }).json();
  return [...res, ...more];
}
