// A local HTTP service whose latency and error share the test controls (changeable while load runs).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TargetServer {
  url: string;
  /** Added latency per request, ms. */
  delayMs: number;
  /** Share of requests answered 500 (0..1), deterministic: every 1/errorShare-th request. */
  errorShare: number;
  requests: number;
  close(): Promise<void>;
}

export async function startTarget(init: { delayMs?: number; errorShare?: number } = {}): Promise<TargetServer> {
  let n = 0;
  let acc = 0;
  const state = { delayMs: init.delayMs ?? 0, errorShare: init.errorShare ?? 0 };
  const server = http.createServer((_req, res) => {
    n++;
    acc += state.errorShare;
    const fail = acc >= 1;
    if (fail) acc -= 1;
    const send = (): void => {
      res.writeHead(fail ? 500 : 200, { 'content-type': 'text/plain' });
      res.end(fail ? 'boom' : 'ok');
    };
    if (state.delayMs > 0) setTimeout(send, state.delayMs);
    else send();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/healthz`,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(v: number) {
      state.delayMs = v;
    },
    get errorShare() {
      return state.errorShare;
    },
    set errorShare(v: number) {
      state.errorShare = v;
    },
    get requests() {
      return n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
