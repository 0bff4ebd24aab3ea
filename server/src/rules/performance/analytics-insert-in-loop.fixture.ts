import { createClient } from '@clickhouse/client';

interface Event { name: string; userId: number }
const client = createClient({ url: process.env.CLICKHOUSE_URL });

export async function store(events: Event[]): Promise<void> {
  for (const e of events) {
    // ruleid: analytics-insert-in-loop
    await client.insert({ table: 'events', values: [{ name: e.name, user_id: e.userId }], format: 'JSONEachRow' });
  }
}

export async function storeSql(events: Event[]): Promise<void> {
  for (const e of events) {
    // ruleid: analytics-insert-in-loop
    await client.command({ query: `INSERT INTO events (name, user_id) VALUES ('${e.name}', ${e.userId})` });
  }
  // ruleid: analytics-insert-in-loop
  events.forEach((e) => void client.exec({ query: "INSERT INTO events VALUES ('" + e.name + "', " + e.userId + ')' }));
}

export async function storeBatch(events: Event[]): Promise<void> {
  // ok: analytics-insert-in-loop
  await client.insert({ table: 'events', values: events.map((e) => ({ name: e.name, user_id: e.userId })), format: 'JSONEachRow' });
}

export async function storeChunks(chunks: Event[][]): Promise<void> {
  for (const chunk of chunks) {
    // ok: analytics-insert-in-loop
    await client.insert({ table: 'events', values: chunk, format: 'JSONEachRow' });
  }
}

export async function optimize(tables: string[]): Promise<void> {
  for (const t of tables) {
    // ok: analytics-insert-in-loop
    await client.command({ query: `OPTIMIZE TABLE ${t} FINAL` });
  }
}
