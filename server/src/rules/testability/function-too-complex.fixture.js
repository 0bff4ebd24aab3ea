'use strict';

// ruleid: function-too-complex
function validateOrder(o) {
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
      if (!/^[A-Z]{1,2}\d/.test(o.zip || '')) return 'postcode';
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
function shippingCost(o) {
  let cost = o.country === 'US' ? 500 : 900;
  for (const it of o.items) {
    if (it.heavy || it.fragile) cost += 200;
  }
  return cost;
}

const api = {
  // ruleid: function-too-complex
  async handle(req, res) {
    if (req.method !== 'POST' && req.method !== 'PUT') return res.status(405).end();
    const token = req.headers.authorization;
    if (!token || !token.startsWith('Bearer ') || token.length > 4096) return res.status(401).end();
    let order;
    try {
      order = JSON.parse(req.body);
    } catch (err) {
      return res.status(400).end();
    }
    if (!order.items || order.items.length === 0 || order.items.length > 500) return res.status(422).end();
    while (this.draining && !res.headersSent && !res.writableEnded) return res.status(503).end();
    const status = this.readOnly || (order.total > 10000 && !order.coupon) ? 403 : 201;
    return res.status(status).json({ id: order.id || order.email || '' });
  },

  // ok: function-too-complex
  routes() {
    return {
      get: (req) => (req.method === 'GET' || req.method === 'HEAD' ? 200 : 405),
      post: function (req) {
        if (req.method === 'POST' && !this.readOnly) return 201;
        else if (this.draining) return 503;
        return 400;
      },
    };
  },
};

// ok: function-too-complex
const discount = (o) => (o.coupon ? (o.total > 100 && o.email ? 20 : 5) : 0);

const importRows = (rows) =>
  // ruleid: function-too-complex
  rows.flatMap(function (row) {
    const sku = row.sku && row.sku.trim();
    if (!sku || sku.startsWith('#')) return [];
    const qty = Number(row.qty || 0);
    if (Number.isNaN(qty) || qty < 0 || qty > 10000) return [];
    const price = row.price ? Number(row.price) : 0;
    if (price < 0 || (price === 0 && !row.free)) return [];
    const tags = (row.tags || '').split(',').filter((t) => t && t !== 'none');
    if (tags.length === 0 && !row.keepUntagged) return [];
    return [{ sku, qty, price, tags, heavy: row.heavy === 'y' || row.heavy === 'yes' || row.heavy === 'true' }];
  });

module.exports = { validateOrder, shippingCost, api, discount, importRows };
