import * as https from 'node:https';
import * as tls from 'node:tls';

// ruleid: weak-tls-version
export const legacyAgent = new https.Agent({ keepAlive: true, minVersion: 'TLSv1.2' });

export const partnerAgent = new https.Agent({
  // ruleid: weak-tls-version
  minVersion: 'TLSv1.2',
});

// ruleid: weak-tls-version
export const oldContext = tls.createSecureContext({ secureProtocol: 'TLSv1_2_method' });

// ok: weak-tls-version
export const agent = new https.Agent({ keepAlive: true, minVersion: 'TLSv1.2' });
// ok: weak-tls-version
export const strict = tls.createSecureContext({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
// ok: weak-tls-version
export const negotiated = tls.createSecureContext({ secureProtocol: 'TLS_method' });
