const https = require('node:https');
const tls = require('node:tls');

// ruleid: weak-tls-version
tls.DEFAULT_MIN_VERSION = 'TLSv1';

// ruleid: weak-tls-version
const legacy = new https.Agent({ minVersion: 'TLSv1.1' });

const server = https.createServer({
  // ruleid: weak-tls-version
  secureProtocol: 'TLSv1_1_method',
});

// ok: weak-tls-version
tls.DEFAULT_MIN_VERSION = 'TLSv1.2';
// ok: weak-tls-version
const agent = new https.Agent({ minVersion: 'TLSv1.2' });
// ok: weak-tls-version
const label = { name: 'TLSv1', deprecated: true };

module.exports = { legacy, server, agent, label };
