import type { Pool } from 'pg';

const TABLE = 'orders';

export async function order(pool: Pool, id: number): Promise<unknown> {
  // ruleid: sql-select-star
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);
  return rows[0];
}

export async function recent(pool: Pool, customer: number): Promise<unknown[]> {
  // ruleid: sql-select-star
  const { rows } = await pool.query(`select *
    from ${TABLE}
    where customer_id = $1 order by created_at desc limit 20`, [customer]);
  return rows;
}

export async function byStatus(pool: Pool, status: string): Promise<unknown[]> {
  // ruleid: sql-select-star
  const sql = 'SELECT * ' +
    'FROM order_items WHERE status = $1';
  return (await pool.query(sql, [status])).rows;
}

export async function count(pool: Pool): Promise<number> {
  // ok: sql-select-star
  const { rows } = await pool.query('SELECT COUNT(*) AS n FROM orders');
  return Number(rows[0].n);
}

export async function hasOpen(pool: Pool, customer: number): Promise<boolean> {
  // ok: sql-select-star
  const { rows } = await pool.query('SELECT EXISTS (SELECT * FROM orders WHERE customer_id = $1) AS e', [customer]);
  return Boolean(rows[0].e);
}

export async function latest(pool: Pool): Promise<unknown[]> {
  // ok: sql-select-star
  return (await pool.query('SELECT * FROM (SELECT id, total FROM orders ORDER BY id DESC LIMIT 10) t')).rows;
}
