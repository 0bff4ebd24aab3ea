

const TABLE = 'orders';

async function order(pool, id) {
  // ruleid: sql-select-star
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);
  return rows[0];
}

async function recent(pool, customer) {
  // ruleid: sql-select-star
  const { rows } = await pool.query(`select *
    from ${TABLE}
    where customer_id = $1 order by created_at desc limit 20`, [customer]);
  return rows;
}

async function byStatus(pool, status) {
  // ruleid: sql-select-star
  const sql = 'SELECT * ' +
    'FROM order_items WHERE status = $1';
  return (await pool.query(sql, [status])).rows;
}

async function count(pool) {
  // ok: sql-select-star
  const { rows } = await pool.query('SELECT COUNT(*) AS n FROM orders');
  return Number(rows[0].n);
}

async function hasOpen(pool, customer) {
  // ok: sql-select-star
  const { rows } = await pool.query('SELECT EXISTS (SELECT * FROM orders WHERE customer_id = $1) AS e', [customer]);
  return Boolean(rows[0].e);
}

async function latest(pool) {
  // ok: sql-select-star
  return (await pool.query('SELECT * FROM (SELECT id, total FROM orders ORDER BY id DESC LIMIT 10) t')).rows;
}
