'use strict';

function matchPromoCodes(codes, patterns) {
  const hits = [];
  for (const code of codes) {
    for (const p of patterns) {
      // ruleid: regex-compile-in-loop
      const re = new RegExp('^' + p.replace(/\*/g, '.*') + '$', 'i');
      if (re.test(code)) {
        hits.push(code);
        break;
      }
    }
  }
  codes.forEach((c) => {
    // ruleid: regex-compile-in-loop
    if (new RegExp(c).test('WELCOME')) hits.push(c);
  });
  for (let i = 0; i < codes.length; i++) {
    // ruleid: regex-compile-in-loop
    do { if (new RegExp(codes[i]).test('x')) hits.push(codes[i]); } while (false);
  }
  for (const code of codes) {
    // ruleid: regex-compile-in-loop
    if (new RegExp('^VIP-\\d+$').test(code)) hits.push(code);
    // ruleid: regex-compile-in-loop
    if (RegExp('^SALE-', 'g').test(code)) hits.push(code);
  }
  return hits;
}

// ok: regex-compile-in-loop
const PROMO = new RegExp('^PROMO-\\d+$');

function compileAll(patterns) {
  // ok: regex-compile-in-loop
  return patterns.map((p) => new RegExp(p, 'i'));
}

function register(app, routes) {
  for (const r of routes) {
    app.get(r, (req, res) => {
      // ok: regex-compile-in-loop
      const q = new RegExp(req.query.q);
      res.json(q.test(r));
    });
  }
}

module.exports = { matchPromoCodes, compileAll, register, PROMO };
