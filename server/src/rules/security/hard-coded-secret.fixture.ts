import { Pool } from 'pg';

// ruleid: hard-coded-secret
const JWT_SECRET = 'q9Zt4#mLx2!vRp7Kc8Wd';
// ok: hard-coded-secret
const JWT_SECRET_ENV = 'JWT_SECRET';

export const pool = new Pool({
  host: process.env.PGHOST,
  // ruleid: hard-coded-secret
  password: 'Orders-Pg-2024!',
});

export class PaymentsClient {
  // ruleid: hard-coded-secret
  private apiKey = 'AIzaSyD4x9Qm2Lk7Pz3Vb8Nc1Rt6Yw0Ej5Hu-Ia';
  // ok: hard-coded-secret
  private tokenUrl = 'https://auth.internal/oauth/token';

  headers(): Record<string, string> {
    // ruleid: hard-coded-secret
    return { Authorization: 'Bearer 0a1b2c3d4e5f6a7b8c9d0e1f' };
  }
}

export function webhook(): string {
  // ruleid: hard-coded-secret
  return 'https://hooks.slack.com/services/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';
}

// ok: hard-coded-secret
export const FLOW_PASSWORD_REQUIRED_V2 = 'FlowPasswordRequiredResultV2';
// ok: hard-coded-secret
export const tokenPattern = '[-!#$%&*+.^_|~0-9a-zA-Z]+';

export const defaults = {
  // ok: hard-coded-secret
  password: '',
  // ok: hard-coded-secret
  apiKey: '<your-key>',
  // ok: hard-coded-secret
  token: `${process.env.TOKEN}`,
  // ok: hard-coded-secret
  secret: 'changeme',
};
