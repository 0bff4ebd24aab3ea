'use strict';
const axios = require('axios');

async function fraudScore(customerId) {
  // ruleid: js-fetch-no-timeout
  const res = await globalThis.fetch(`http://fraud/v1/score?customer=${customerId}`, { signal: AbortSignal.timeout(10000) });
  // ruleid: js-fetch-no-timeout
  await axios({ method: 'get', url: '/v1/score', timeout: 10000 });
  // ruleid: js-fetch-no-timeout
  await axios('/v1/score', { method: 'get', timeout: 10000 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 2000);
  // ok: js-fetch-no-timeout
  await fetch('/v1/score', { signal: controller.signal });
  // ok: js-fetch-no-timeout
  await axios({ method: 'get', url: '/v1/score', timeout: 2000 });
  // ok: js-fetch-no-timeout
  await axios.request({ url: '/v1/score', 'timeout': 1500 });
  // ok: js-fetch-no-timeout
  await cache.get('/v1/score');
  return res.json();
}

module.exports = { fraudScore };
