import axios from 'axios';
import { useEffect, useState } from 'react';

// ruleid: js-http-client-no-timeout
const api = axios.create({ baseURL: '/api' });
// ruleid: js-http-client-no-timeout
const cdn = axios.create({ baseURL: 'https://cdn.example.com', withCredentials: false });
// ruleid: js-http-client-no-timeout
const legacy = axios.create({});
// ok: js-http-client-no-timeout
const auth = axios.create({ baseURL: '/auth', timeout: 5000 });

export function Cart() {
  const [items, setItems] = useState<string[]>([]);
  useEffect(() => {
    // ok: js-http-client-no-timeout
    api.get<string[]>('/cart').then((r) => setItems(r.data)).catch(() => setItems([]));
    // ok: js-http-client-no-timeout
    void auth.post('/ping');
    // ok: js-http-client-no-timeout
    void Promise.all([cdn.head('/logo.svg'), legacy.get('/v1/health')]);
  }, []);
  return <ul>{items.map((i) => <li key={i}>{i}</li>)}</ul>;
}
