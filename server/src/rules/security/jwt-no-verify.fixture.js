const jwt = require('jsonwebtoken');

function currentUser(req) {
  const token = req.headers.authorization.replace('Bearer ', '');
  // ruleid: jwt-no-verify
  const claims = jwt.decode(token);
  return claims.sub;
}

function isAdmin(token) {
  // ruleid: jwt-no-verify
  return jwt.decode(token, { complete: true }).payload.role === 'admin';
}

function tenant(token) {
  // ruleid: jwt-no-verify
  return jwt.decode(token).tenant;
}

function header(text) {
  const { decode } = require('./codec');
  // ok: jwt-no-verify
  return decode(text);
}

function sign(user, key) {
  // ok: jwt-no-verify
  return jwt.sign({ sub: user.id }, key, { algorithm: 'RS256' });
}

function base64(text) {
  // ok: jwt-no-verify
  return Buffer.from(text, 'base64').toString();
}

function decodeURIComponentSafe(text) {
  // ok: jwt-no-verify
  return decodeURIComponent(text);
}

module.exports = { header, currentUser, isAdmin, tenant, sign, base64, decodeURIComponentSafe };
