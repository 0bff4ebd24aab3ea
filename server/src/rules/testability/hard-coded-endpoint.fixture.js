const axios = require('axios');
const { Pool } = require('pg');

// ruleid: hard-coded-endpoint
const FRAUD_URL = 'http://10.0.3.7:8080/v1/score';

const pool = new Pool({
  // ruleid: hard-coded-endpoint
  connectionString: 'postgres://shop:secret@orders-db.internal:5432/shop',
});

async function inventory(sku) {
  // ruleid: hard-coded-endpoint
  const { data } = await axios.get(`http://inventory.svc.cluster.local/items/${sku}`, { timeout: 5000 });
  return data;
}

function config() {
  return {
    // ok: hard-coded-endpoint
    ledger: process.env.LEDGER_URL ?? 'http://ledger:9000',
    // ok: hard-coded-endpoint
    stripe: 'https://api.stripe.com/v1/charges',
    // ok: hard-coded-endpoint
    local: 'http://localhost:3000',
    // ok: hard-coded-endpoint
    docs: 'https://docs.example.com:8443/guide',
    fraud: FRAUD_URL,
  };
}
module.exports = { pool, inventory, config };
