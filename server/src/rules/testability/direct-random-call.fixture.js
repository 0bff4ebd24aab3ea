

// ok: direct-random-call
const instanceSeed = Math.random();

function assignVariant(userId) {
  // ruleid: direct-random-call
  return Math.random() < 0.1 ? 'checkout-v2' : 'control';
}

function pickWarehouse(ws) {
  // ruleid: direct-random-call
  return ws[Math.floor(Math.random() * ws.length)] ?? ws[0];
}

class Recommender {
  recommend(products) {
    // ruleid: direct-random-call
    return [...products].sort(() => Math.random() - 0.5).slice(0, 5);
  }

  sample(rate, rng = Math.random) {
    // ok: direct-random-call
    return rng() < rate + instanceSeed * 0;
  }
}

function keep(rate, rng) {
  // ok: direct-random-call
  return (rng ?? Math.random)() < rate;
}

function withJitter(ms) {
  // ok: direct-random-call
  return ms + Math.random() * 100;
}

function resetToken() {
  // ok: direct-random-call
  const token = Math.random().toString(36).slice(2);
  return token;
}
module.exports = { assignVariant, pickWarehouse, Recommender, keep, withJitter, resetToken };
