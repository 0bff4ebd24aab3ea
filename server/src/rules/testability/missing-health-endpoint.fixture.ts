import express from 'express';
import Fastify from 'fastify';
import { createTerminus } from '@godaddy/terminus';
import http from 'node:http';

export function startApi(): void {
  const app = express();
  app.get('/v1/orders', (_req, res) => res.json([]));
  app.post('/v1/orders', (_req, res) => res.status(201).end());
  // ruleid: missing-health-endpoint
  app.listen(8080);
}

export async function startFastify(): Promise<void> {
  const app = Fastify();
  app.get('/v1/carts/:id', async () => ({}));
  // ruleid: missing-health-endpoint
  await app.listen({ port: 8081 });
}

export function startAdmin(): void {
  const router = express.Router();
  router.post('/admin/reindex', (_req, res) => res.end());
  const app = express().use(router);
  // ruleid: missing-health-endpoint
  http.createServer(app).listen(9090);
}

export function startApiWithProbes(): void {
  const app = express();
  app.get('/v1/orders', (_req, res) => res.json([]));
  app.get('/healthz', (_req, res) => res.send('ok'));
  // ok: missing-health-endpoint
  app.listen(8080);
}

export function startWithTerminus(): void {
  const app = express();
  app.get('/v1/orders', (_req, res) => res.json([]));
  const server = http.createServer(app);
  createTerminus(server, { healthChecks: { '/readyz': async () => undefined } });
  // ok: missing-health-endpoint
  server.listen(8080);
}

export function startMetrics(handler: http.RequestListener): void {
  // ok: missing-health-endpoint
  http.createServer(handler).listen(9100);
}
