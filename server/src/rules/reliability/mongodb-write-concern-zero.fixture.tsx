import { MongoClient, type Collection } from 'mongodb';

// ruleid: mongodb-write-concern-zero
const fast = new MongoClient('mongodb://mongo:27017/shop?w=0&retryWrites=true');
// ok: mongodb-write-concern-zero
const safe = new MongoClient('mongodb://mongo:27017/shop?w=majority&wtimeoutMS=5000');

export async function record(events: Collection, clicks: Collection, batch: object[]): Promise<void> {
  // ruleid: mongodb-write-concern-zero
  await clicks.insertMany(batch, { ordered: false, w: 0 });
  // ruleid: mongodb-write-concern-zero
  await events.insertOne({ type: 'view' }, { writeConcern: { w: 0 } });
  // ok: mongodb-write-concern-zero
  await events.insertOne({ type: 'order' }, { writeConcern: { w: 'majority', wtimeoutMS: 5000 } });
  // ok: mongodb-write-concern-zero
  await events.insertOne({ type: 'thumb', size: { w: 0, h: 0 } });
  // ok: mongodb-write-concern-zero
  const box = { x: 0, y: 0, w: 0, h: 0 };
  await fast.db('shop').collection('boxes').insertOne(box);
  await safe.close();
}
