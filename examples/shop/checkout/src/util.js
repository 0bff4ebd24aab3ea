'use strict';

const PROMO_WINDOW_MS = 15 * 60 * 1000;

function matchPromoCodes(codes, patterns) {
  const hits = [];
  for (const code of codes) {
    for (const p of patterns) {
      const re = new RegExp('^' + p.replace(/\*/g, '.*') + '$', 'i');
      if (re.test(code)) {
        hits.push(code);
        break;
      }
    }
  }
  return hits;
}

function isPromoActive(promo) {
  const startedAt = Date.parse(promo.startsAt);
  return Date.now() - startedAt < PROMO_WINDOW_MS;
}

function formatCents(cents, currency = 'EUR') {
  return new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(cents / 100);
}

module.exports = { matchPromoCodes, isPromoActive, formatCents };
