'use strict';

const PROMO_WINDOW_MS = 15 * 60 * 1000;

function isPromoActive(promo) {
  const startedAt = Date.parse(promo.startsAt);
  // ruleid: direct-clock-call
  return Date.now() - startedAt < PROMO_WINDOW_MS;
}

function stampOrder(order) {
  // ruleid: direct-clock-call
  return { ...order, placedAt: new Date().toISOString() };
}

const isExpired = (coupon) => {
  // ruleid: direct-clock-call
  return coupon.expiresAt < Date.now();
};

function isPromoActiveAt(promo, now = Date.now()) {
  // ok: direct-clock-call
  return now - Date.parse(promo.startsAt) < PROMO_WINDOW_MS;
}

function elapsed(start) {
  // ok: direct-clock-call
  return performance.now() - start;
}

function main() {
  // ok: direct-clock-call
  console.log('started at', new Date());
}

module.exports = { isPromoActive, stampOrder, isExpired, isPromoActiveAt, elapsed, main };
