import { sql } from '@vercel/postgres';
import { db } from './db';

// A Next.js server component that reads straight from the database.
export default async function OrdersPage({ searchParams }: { searchParams: { customer: string } }) {
  // ruleid: sql-string-concatenation
  const { rows } = await db.query(`SELECT id, total FROM orders WHERE customer_id = '${searchParams.customer}'`);
  // ruleid: sql-string-concatenation
  const recent = await db.query("SELECT id FROM orders WHERE created_at > '" + searchParams.customer + "'");
  // ruleid: sql-string-concatenation
  const count = await db.execute('SELECT count(*) FROM orders WHERE customer_id = ' + searchParams.customer);
  // ok: sql-string-concatenation
  const safe = await db.query('SELECT id, total FROM orders WHERE customer_id = $1', [searchParams.customer]);
  // ok: sql-string-concatenation
  const tagged = await sql`SELECT id FROM orders WHERE customer_id = ${searchParams.customer}`;
  // ok: sql-string-concatenation
  const label = <Query text={`SELECT * FROM orders WHERE id = ${searchParams.customer}`} />;
  return <ul>{[...rows, ...recent.rows, ...count.rows, ...safe.rows, ...tagged.rows].map((o) => <li key={o.id}>{label}</li>)}</ul>;
}
