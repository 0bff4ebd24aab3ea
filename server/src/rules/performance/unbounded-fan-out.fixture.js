const pLimit = require('p-limit');



async function refreshAll(ids) {
  // ruleid: unbounded-fan-out
  return Promise.all(ids.map(async (id) => (await fetch(`/api/orders/${id}`)).json()));
}

async function notifyAll(orders) {
  // ruleid: unbounded-fan-out
  await Promise.allSettled(orders.map((o) => fetch(`/api/notify/${o.id}`, { method: 'POST' })));
}

async function loadAll(db, ids) {
  // ruleid: unbounded-fan-out
  return Promise.all(ids.map((id) => db.query('SELECT id, status FROM orders WHERE id = $1', [id])));
}

async function refreshLimited(ids) {
  const limit = pLimit(16);
  // ok: unbounded-fan-out
  return Promise.all(ids.map((id) => limit(() => fetch(`/api/orders/${id}`))));
}

async function warmUp() {
  // ok: unbounded-fan-out
  await Promise.all(['metrics', 'tracing'].map(async (n) => fetch(`/api/warm/${n}`)));
}

async function parseAll(texts) {
  // ok: unbounded-fan-out
  return Promise.all(texts.map((t) => JSON.parse(t)));
}
module.exports = { refreshAll, notifyAll, loadAll, refreshLimited, warmUp, parseAll };
