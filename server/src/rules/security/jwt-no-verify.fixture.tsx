import jwt from 'jsonwebtoken';

export function user(token: string, key: string): jwt.JwtPayload | string {
  // ruleid: jwt-no-verify
  return jwt.verify(token, key, { algorithms: ['none'] as unknown as jwt.Algorithm[] });
}

export function role(token: string, key: string): unknown {
  // ruleid: jwt-no-verify
  return jwt.verify(token, key, { algorithms: ['HS256', 'none'] as jwt.Algorithm[] });
}

export function kid(token: string, key: string): unknown {
  // ruleid: jwt-no-verify
  return jwt.verify(token, key, { algorithms: ["none"] } as jwt.VerifyOptions);
}

export function verified(token: string, key: string): unknown {
  // ok: jwt-no-verify
  return jwt.verify(token, key, { algorithms: ['RS256'], audience: 'cart' });
}

export function header(token: string): unknown {
  // ok: jwt-no-verify
  return jwt.decode(token, { complete: true })?.header;
}

export function expires(token: string, key: string): unknown {
  // ok: jwt-no-verify
  return jwt.verify(token, key, { algorithms: ['ES256'], ignoreExpiration: false });
}
