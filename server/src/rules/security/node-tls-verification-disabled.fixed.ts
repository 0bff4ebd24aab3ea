import https from 'node:https';
import { Pool } from 'pg';

// ruleid: node-tls-verification-disabled
const pspAgent = new https.Agent({ rejectUnauthorized: true, keepAlive: true });

const db = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ruleid: node-tls-verification-disabled
  ssl: { rejectUnauthorized: true },
});

if (process.env.PSP_SANDBOX === 'true') {
  // ruleid: node-tls-verification-disabled
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
}
// ruleid: node-tls-verification-disabled
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = "0";

// ruleid: node-tls-verification-disabled
const lax = { checkServerIdentity: () => {} };
// ok: node-tls-verification-disabled
const checked = { checkServerIdentity: (host: string) => { if (!host) throw new Error('no host'); } };

// ok: node-tls-verification-disabled
const strict = new https.Agent({ rejectUnauthorized: true, ca: process.env.PSP_CA });
// ok: node-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
// ok: node-tls-verification-disabled
const insecure = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
// ok: node-tls-verification-disabled
const opts = { rejectUnauthorized: process.env.NODE_ENV !== 'development' };

export { lax, checked, pspAgent, db, strict, insecure, opts };
