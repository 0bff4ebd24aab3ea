'use strict';

async function promoUsage(knex, conn, code, userId) {
  // ruleid: sql-string-concatenation
  const usage = await knex.raw(`SELECT count(*) FROM promo_uses WHERE code = '${code}'`);
  // ruleid: sql-string-concatenation
  const [rows] = await conn.execute('SELECT * FROM users WHERE id = ' + userId + ' LIMIT 1');
  // ruleid: sql-string-concatenation
  await prisma.$queryRawUnsafe(`SELECT * FROM promos WHERE code = '${code}'`);
  // ok: sql-string-concatenation
  const [safe] = await conn.execute('SELECT * FROM users WHERE id = ? LIMIT 1', [userId]);
  // ok: sql-string-concatenation
  await prisma.$queryRaw`SELECT * FROM promos WHERE code = ${code}`;
  // ok: sql-string-concatenation
  await db.query(sql`SELECT * FROM promos WHERE code = ${code}`);
  // ok: sql-string-concatenation
  const msg = await channel.query('status of ' + code);
  return { usage, rows, safe, msg };
}

module.exports = { promoUsage };
