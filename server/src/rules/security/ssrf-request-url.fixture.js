const axios = require("axios");
const express = require("express");

const app = express();
const ALLOWED_HOSTS = new Set(['images.example.com']);

app.get('/preview', async (req, res) => {
  // ruleid: ssrf-request-url
  const r = await fetch(String(req.query.url));
  res.send(await r.text());
});

app.post('/webhook', async (req, res) => {
  const target = req.body.callback;
  // ruleid: ssrf-request-url
  await axios.post(target, { ok: true }, { timeout: 5000 });
  res.sendStatus(204);
});

app.get('/avatar', async (req, res) => {
  // ruleid: ssrf-request-url
  const r = await axios.get(`${req.query.host}/avatar.png`, { timeout: 5000 });
  res.send(r.data);
});

app.get('/product/:id', async (req, res) => {
  // ok: ssrf-request-url
  const r = await fetch(`https://catalog.internal/products/${req.params.id}`);
  res.json(await r.json());
});

app.get('/checked', async (req, res) => {
  const url = new URL(String(req.query.url));
  if (!ALLOWED_HOSTS.has(url.hostname)) return res.sendStatus(400);
  // ok: ssrf-request-url
  const r = await fetch(url);
  return res.send(await r.text());
});

async function follow(request, location) {
  const init = { method: 'POST', body: JSON.stringify(request.body) };
  // ok: ssrf-request-url
  return fetch(new Request(new URL(location, request.url).toString(), init));
}

async function refresh(url) {
  // ok: ssrf-request-url
  return (await fetch(url)).json();
}

module.exports = app;
