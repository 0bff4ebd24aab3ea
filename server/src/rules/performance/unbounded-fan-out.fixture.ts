import pLimit from 'p-limit';

interface Order { id: string }

export async function refreshAll(ids: string[]): Promise<unknown[]> {
  // ruleid: unbounded-fan-out
  return Promise.all(ids.map(async (id) => (await fetch(`/api/orders/${id}`)).json()));
}

export async function notifyAll(orders: Order[]): Promise<void> {
  // ruleid: unbounded-fan-out
  await Promise.allSettled(orders.map((o) => fetch(`/api/notify/${o.id}`, { method: 'POST' })));
}

export async function loadAll(db: { query(q: string, a: unknown[]): Promise<unknown> }, ids: string[]): Promise<unknown[]> {
  // ruleid: unbounded-fan-out
  return Promise.all(ids.map((id) => db.query('SELECT id, status FROM orders WHERE id = $1', [id])));
}

export async function refreshLimited(ids: string[]): Promise<unknown[]> {
  const limit = pLimit(16);
  // ok: unbounded-fan-out
  return Promise.all(ids.map((id) => limit(() => fetch(`/api/orders/${id}`))));
}

export async function warmUp(): Promise<void> {
  // ok: unbounded-fan-out
  await Promise.all(['metrics', 'tracing'].map(async (n) => fetch(`/api/warm/${n}`)));
}

export async function parseAll(texts: string[]): Promise<unknown[]> {
  // ok: unbounded-fan-out
  return Promise.all(texts.map((t) => JSON.parse(t) as unknown));
}
