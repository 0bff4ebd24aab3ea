'use strict';
const axios = require('axios');
const { Order } = require('./models');

async function customerNames(db, orders) {
  const names = new Map();
  for (const o of orders) {
    // ruleid: call-in-loop
    const [rows] = await db.query('SELECT name FROM customers WHERE id = ?', [o.customerId]);
    names.set(o.customerId, rows[0].name);
  }
  return names;
}

async function notify(hooks, body) {
  for (const url of hooks) {
    // ruleid: call-in-loop
    await axios.post(url, body, { timeout: 5000 });
  }
}

async function reload(ids) {
  const out = [];
  for (const id of ids) {
    // ruleid: call-in-loop
    out.push(await Order.findById(id));
  }
  return out;
}

async function waitReady(db) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // ok: call-in-loop
      return await db.query('SELECT 1');
    } catch (err) {
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  return undefined;
}

async function reloadBatched(ids) {
  // ok: call-in-loop
  return Order.find({ _id: { $in: ids } });
}

async function prices(skus, cache) {
  // ok: call-in-loop
  const fresh = await Promise.all(skus.map((s) => axios.get(`https://pricing.internal/v1/prices/${s}`)));
  for (const s of skus) {
    // ok: call-in-loop
    cache.get(s);
  }
  return fresh;
}

module.exports = { customerNames, notify, reload, waitReady, reloadBatched, prices };
