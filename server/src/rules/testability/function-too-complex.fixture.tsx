import type { IncomingMessage, ServerResponse } from 'node:http';

interface Item { sku: string; qty: number; price: number; refund?: boolean; heavy?: boolean; fragile?: boolean; tags?: string[] }
interface Order { id: string; country: string; zip?: string; coupon?: string; total: number; items: Item[]; email?: string; phone?: string }

// ruleid: function-too-complex
export function validateOrder(o: Order | undefined): string | undefined {
  if (!o || !o.id) return 'missing order';
  if (!o.email && !o.phone) return 'no contact';
  for (const it of o.items) {
    if (it.qty <= 0 || it.qty > 100) return 'bad quantity';
    if (it.price < 0 && !it.refund) return 'bad price';
  }
  switch (o.country) {
    case 'US':
    case 'CA':
      if (!o.zip) return 'zip required';
      break;
    case 'GB':
      if (!/^[A-Z]{1,2}\d/.test(o.zip ?? '')) return 'postcode';
      break;
    case 'DE':
      break;
    default:
      return 'unsupported country';
  }
  if (o.coupon && o.total < 10) return 'coupon minimum';
  return undefined;
}

// ok: function-too-complex
export function shippingCost(o: Order): number {
  let cost = o.country === 'US' ? 500 : 900;
  for (const it of o.items) {
    if (it.heavy || it.fragile) cost += 200;
  }
  return cost;
}

export class OrderApi {
  constructor(private readonly readOnly: boolean, private readonly draining: boolean) {}

  // ruleid: function-too-complex
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' && req.method !== 'PUT') {
      res.statusCode = 405;
      return;
    }
    const token = req.headers.authorization;
    if (!token || !token.startsWith('Bearer ') || token.length > 4096) {
      res.statusCode = 401;
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      res.statusCode = 400;
      return;
    }
    const order = body as Order;
    if (!order.items || order.items.length === 0 || order.items.length > 500) {
      res.statusCode = 422;
      return;
    }
    while (this.draining && !res.headersSent && !res.writableEnded) {
      res.statusCode = 503;
      return;
    }
    res.statusCode = this.readOnly || (order.total > 10_000 && !order.coupon) ? 403 : 201;
    res.end(order.id ?? order.email ?? '');
  }

  // ok: function-too-complex
  routes(): Record<string, (req: IncomingMessage) => number> {
    return {
      get: (req) => (req.method === 'GET' || req.method === 'HEAD' ? 200 : 405),
      post: (req) => {
        if (req.method === 'POST' && !this.readOnly) return 201;
        else if (this.draining) return 503;
        return 400;
      },
    };
  }
}

// ok: function-too-complex
export const discount = (o: Order): number => (o.coupon ? (o.total > 100 && o.email ? 20 : 5) : 0);

export const importRows = (rows: Array<Record<string, string | undefined>>): Item[] =>
  // ruleid: function-too-complex
  rows.flatMap((row) => {
    const sku = row.sku?.trim();
    if (!sku || sku.startsWith('#')) return [];
    const qty = Number(row.qty ?? 0);
    if (Number.isNaN(qty) || qty < 0 || qty > 10_000) return [];
    const price = row.price ? Number(row.price) : 0;
    if (price < 0 || (price === 0 && !row.free)) return [];
    const tags = (row.tags ?? '').split(',').filter((t) => t && t !== 'none');
    if (tags.length === 0 && !row.keepUntagged) return [];
    return [{ sku, qty, price, tags, heavy: row.heavy === 'y' || row.heavy === 'yes' || row.heavy === 'true', fragile: row.fragile === 'y' || row.fragile === 'yes' || row.fragile === 'true' }];
  });

async function readBody(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const chunk of req) s += String(chunk);
  return s;
}
