import { useEffect, useState } from 'react';

// ruleid: hard-coded-secret
const MAPS_KEY = 'AIzaSyB7n2Kp9Qw4Lx8Rz1Vc6Mt3Yh0Ud5Fs-Ge';
// ok: hard-coded-secret
const MAPS_KEY_NAME = 'NEXT_PUBLIC_MAPS_KEY';

const client = {
  // ruleid: hard-coded-secret
  apiKey: 'c3f1e9a7b5d2c8e4f6a0b1d3',
  // ok: hard-coded-secret
  apiKeyHeader: 'x-api-key',
};

export function Orders({ token }: { token: string }) {
  const [rows, setRows] = useState<string[]>([]);
  useEffect(() => {
    // ruleid: hard-coded-secret
    const headers = { Authorization: 'Bearer 3kX9pL2qZ7mV4rT8wN1c' };
    // ok: hard-coded-secret
    const fromProps = { Authorization: `Bearer ${token}` };
    void fetch('/api/orders', { headers: { ...headers, ...fromProps } }).then(async (r) => setRows(await r.json()));
  }, [token]);
  // ok: hard-coded-secret
  return <input type="password" placeholder="Your password" data-key={MAPS_KEY} data-c={client.apiKey} value={rows.join()} />;
}
