import type { Request, Response } from 'express';
import { Pool } from 'pg';

const db = new Pool();
const ORDERS = 'orders';

export async function listOrders(req: Request, res: Response): Promise<void> {
  const customer = String(req.query.customer ?? '');
  const status = String(req.query.status ?? 'paid');
  // ruleid: sql-string-concatenation
  const { rows } = await db.query(`SELECT id, status FROM orders WHERE customer_id = '${customer}' AND status = '${status}'`);
  // ruleid: sql-string-concatenation
  await db.query<{ id: string }>('DELETE FROM carts WHERE user_id = ' + customer);
  let sql = 'SELECT id FROM orders WHERE status = $1';
  if (customer) sql += ` AND customer_id = '${customer}'`;
  // ruleid: sql-string-concatenation
  await db.query(sql, [status]);
  // ok: sql-string-concatenation
  await db.query('SELECT id, status FROM orders WHERE id = $1', [req.params.id]);
  // ok: sql-string-concatenation
  await db.query(`SELECT id FROM ${ORDERS} WHERE status = $1`, [status]);
  // ok: sql-string-concatenation
  await db.query(`SELECT id FROM orders
                  WHERE status = $1`, [status]);
  // ok: sql-string-concatenation
  await cache.execute(`GET key:${customer}`);
  res.json(rows);
}
