import express, { type Request, type Response } from 'express';
import { Pool } from 'pg';
import { authorize, authorizationExpiry, fraudScore, recordPayment, type PaymentRequest } from './payments';

const { matchPromoCodes } = require('./util');

const app = express();
app.use(express.json({ limit: '64kb' }));

const db = new Pool({ connectionString: process.env.CHECKOUT_DATABASE_URL, max: 10 });

const CART_URL = process.env.CART_URL ?? 'http://cart.shop.svc.cluster.local:8080';
const BLOCKED_REGIONS = (process.env.BLOCKED_REGIONS ?? 'XX-*,ZZ-9*').split(',');

interface CartItem {
  sku: string;
  qty: number;
  unit_cents: number;
}

app.get('/healthz', (_req: Request, res: Response) => {
  res.status(200).send('ok');
});

app.get('/orders/:id', async (req: Request, res: Response) => {
  const { rows } = await db.query('SELECT id, status, total_cents, created_at FROM orders WHERE id = $1', [req.params.id]);
  if (rows.length === 0) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  res.json(rows[0]);
});

app.get('/orders', async (req: Request, res: Response) => {
  const customer = String(req.query.customer ?? '');
  const status = String(req.query.status ?? 'paid');
  const { rows } = await db.query(`SELECT id, status, total_cents FROM orders WHERE customer_id = '${customer}' AND status = '${status}' ORDER BY created_at DESC LIMIT 50`);
  res.json(rows);
});

function shippingAllowed(region: string): boolean {
  for (const pattern of BLOCKED_REGIONS) {
    const re = new RegExp('^' + pattern.trim().replace('*', '.*') + '$');
    if (re.test(region)) {
      return false;
    }
  }
  return true;
}

async function loadCart(userId: string): Promise<CartItem[]> {
  const url = `${CART_URL}/cart?user=${encodeURIComponent(userId)}`;
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`cart service returned ${res.status}`);
  }
  const body = (await res.json()) as { items: CartItem[] };
  return body.items ?? [];
}

app.post('/checkout', async (req: Request, res: Response) => {
  const { userId, region, cardToken, promoCodes = [] } = req.body as {
    userId: string;
    region: string;
    cardToken: string;
    promoCodes?: string[];
  };

  if (!shippingAllowed(region)) {
    res.status(422).json({ error: `cannot ship to ${region}` });
    return;
  }

  let items: CartItem[];
  try {
    items = await loadCart(userId);
  } catch (err) {
    res.status(502).json({ error: 'cart unavailable' });
    return;
  }
  if (items.length === 0) {
    res.status(400).json({ error: 'cart is empty' });
    return;
  }

  const subtotal = items.reduce((sum, it) => sum + it.qty * it.unit_cents, 0);
  const promos: string[] = matchPromoCodes(promoCodes, ['WELCOME*', 'SPRING2*']);
  const total = promos.length > 0 ? Math.round(subtotal * 0.9) : subtotal;

  const orderId = `ord_${userId}_${items.length}_${total}`;
  const payment: PaymentRequest = { orderId, customerId: userId, amountCents: total, currency: 'EUR', cardToken };

  if ((await fraudScore(payment)) > 0.8) {
    res.status(403).json({ error: 'payment rejected' });
    return;
  }

  const result = await authorize(payment);
  await recordPayment(db, payment, result);

  if (result.status !== 'authorized') {
    res.status(402).json({ error: result.reason ?? 'declined' });
    return;
  }
  res.status(201).json({ orderId, total, authCode: result.authCode, holdUntil: authorizationExpiry() });
});

const port = Number(process.env.PORT ?? 8080);
app.listen(port, () => {
  console.log(`checkout listening on :${port}`);
});
