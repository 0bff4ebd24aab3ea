const { createClient } = require('@clickhouse/client');


const client = createClient({ url: process.env.CLICKHOUSE_URL });

async function store(events) {
  for (const e of events) {
    // ruleid: analytics-insert-in-loop
    await client.insert({ table: 'events', values: [{ name: e.name, user_id: e.userId }], format: 'JSONEachRow' });
  }
}

async function storeSql(events) {
  for (const e of events) {
    // ruleid: analytics-insert-in-loop
    await client.command({ query: `INSERT INTO events (name, user_id) VALUES ('${e.name}', ${e.userId})` });
  }
  // ruleid: analytics-insert-in-loop
  events.forEach((e) => void client.exec({ query: "INSERT INTO events VALUES ('" + e.name + "', " + e.userId + ')' }));
}

async function storeBatch(events) {
  // ok: analytics-insert-in-loop
  await client.insert({ table: 'events', values: events.map((e) => ({ name: e.name, user_id: e.userId })), format: 'JSONEachRow' });
}

async function storeChunks(chunks) {
  for (const chunk of chunks) {
    // ok: analytics-insert-in-loop
    await client.insert({ table: 'events', values: chunk, format: 'JSONEachRow' });
  }
}

async function optimize(tables) {
  for (const t of tables) {
    // ok: analytics-insert-in-loop
    await client.command({ query: `OPTIMIZE TABLE ${t} FINAL` });
  }
}
module.exports = { store, storeSql, storeBatch, storeChunks, optimize };
