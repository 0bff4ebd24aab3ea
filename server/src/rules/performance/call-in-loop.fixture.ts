import type { Pool } from 'pg';
import type { PrismaClient } from '@prisma/client';

interface Order { id: number; customerId: number; total?: number }

export async function customerNames(pool: Pool, orders: Order[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const o of orders) {
    // ruleid: call-in-loop
    const { rows } = await pool.query('SELECT name FROM customers WHERE id = $1', [o.customerId]);
    names.set(o.customerId, rows[0].name);
  }
  return names;
}

export async function notify(hooks: string[], body: string): Promise<void> {
  for (let i = 0; i < hooks.length; i++) {
    // ruleid: call-in-loop
    await fetch(hooks[i]!, { method: 'POST', body });
  }
}

export function totals(prisma: PrismaClient, orders: Order[]): void {
  orders.forEach(async (o) => {
    // ruleid: call-in-loop
    const t = await prisma.orderTotal.findUnique({ where: { orderId: o.id } });
    o.total = t?.amount;
  });
}

export async function waitReady(pool: Pool): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // ok: call-in-loop
      await pool.query('SELECT 1');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

export async function customerNamesBatched(pool: Pool, orders: Order[]): Promise<unknown[]> {
  // ok: call-in-loop
  const { rows } = await pool.query('SELECT id, name FROM customers WHERE id = ANY($1)', [orders.map((o) => o.customerId)]);
  return rows;
}

export async function prices(skus: string[], cache: Map<string, number>): Promise<unknown[]> {
  // ok: call-in-loop
  const fresh = await Promise.all(skus.map((s) => fetch(`https://pricing.internal/v1/prices/${s}`)));
  for (const s of skus) {
    // ok: call-in-loop
    cache.get(s);
  }
  return fresh;
}
