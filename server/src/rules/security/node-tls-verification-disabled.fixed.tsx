import https from 'node:https';

// A Next.js server component that calls an internal API.
export default async function OrdersPage() {
  // ruleid: node-tls-verification-disabled
  const agent = new https.Agent({ rejectUnauthorized: true });
  // ok: node-tls-verification-disabled
  const safe = new https.Agent({ rejectUnauthorized: true });
  const orders = await load(agent);
  // ok: node-tls-verification-disabled
  const setting = <Setting name="rejectUnauthorized" value={false} />;
  return (
    <ul>
      {setting}
      {orders.map((o) => <li key={o.id}>{o.id}</li>)}
    </ul>
  );
}

// ruleid: node-tls-verification-disabled
export const tlsOptions = { rejectUnauthorized: true, minVersion: 'TLSv1.2' };

export function Banner({ insecure }: { insecure: boolean }) {
  // ok: node-tls-verification-disabled
  return <p data-reject-unauthorized={insecure}>TLS {insecure ? 'off' : 'on'}</p>;
}
// ruleid: node-tls-verification-disabled
if (process.env.DEV) process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
