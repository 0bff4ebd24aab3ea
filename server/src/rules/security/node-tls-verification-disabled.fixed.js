'use strict';
const tls = require('tls');
const axios = require('axios');

// ruleid: node-tls-verification-disabled
const socket = tls.connect(443, 'psp.example.com', { rejectUnauthorized: true });

const client = axios.create({
  // ruleid: node-tls-verification-disabled
  httpsAgent: new https.Agent({ 'rejectUnauthorized': true }),
});

const lax = tls.connect(443, 'psp.example.com', {
  // ruleid: node-tls-verification-disabled
  checkServerIdentity: () => undefined,
});

// ruleid: node-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = 0;

// ok: node-tls-verification-disabled
const good = tls.connect(443, 'psp.example.com', { ca: fs.readFileSync('ca.pem') });
// ok: node-tls-verification-disabled
const pinned = tls.connect(443, 'psp.example.com', { checkServerIdentity: (host, cert) => pin(host, cert) });
// ok: node-tls-verification-disabled
const flags = { rejectUnauthorized: true, requestCert: false };

module.exports = { socket, client, lax, good, pinned, flags };
