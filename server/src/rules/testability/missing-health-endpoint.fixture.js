const express = require('express');
const Fastify = require('fastify');
const { createTerminus } = require('@godaddy/terminus');
const http = require('node:http');

function startApi() {
  const app = express();
  app.get('/v1/orders', (_req, res) => res.json([]));
  app.post('/v1/orders', (_req, res) => res.status(201).end());
  // ruleid: missing-health-endpoint
  app.listen(8080);
}

async function startFastify() {
  const app = Fastify();
  app.get('/v1/carts/:id', async () => ({}));
  // ruleid: missing-health-endpoint
  await app.listen({ port: 8081 });
}

function startAdmin() {
  const router = express.Router();
  router.post('/admin/reindex', (_req, res) => res.end());
  const app = express().use(router);
  // ruleid: missing-health-endpoint
  http.createServer(app).listen(9090);
}

function startApiWithProbes() {
  const app = express();
  app.get('/v1/orders', (_req, res) => res.json([]));
  app.get('/healthz', (_req, res) => res.send('ok'));
  // ok: missing-health-endpoint
  app.listen(8080);
}

function startWithTerminus() {
  const app = express();
  app.get('/v1/orders', (_req, res) => res.json([]));
  const server = http.createServer(app);
  createTerminus(server, { healthChecks: { '/readyz': async () => undefined } });
  // ok: missing-health-endpoint
  server.listen(8080);
}

function startMetrics(handler): void {
  // ok: missing-health-endpoint
  http.createServer(handler).listen(9100);
}
module.exports = { startApi, startFastify, startAdmin, startApiWithProbes, startWithTerminus, startMetrics };
