const cors = require('cors');
const express = require('express');

const app = express();
// ruleid: permissive-cors
app.use(cors({ methods: ['GET', 'POST'] }));
// ruleid: permissive-cors
app.options('*', cors({ origin: '*' }));
// ok: permissive-cors
app.use(cors({ origin: process.env.ALLOWED_ORIGINS.split(',') }));
// ok: permissive-cors
app.use(cors({ origin: /\.example\.com$/ }));

app.get('/public/logo.png', (req, res) => {
  // ok: permissive-cors
  res.set('Access-Control-Allow-Origin', '*');
  res.sendFile('logo.png');
});

app.get('/orders', (req, res) => {
  // ruleid: permissive-cors
  res.header('Access-Control-Allow-Origin', req.headers['origin']);
  res.header('Access-Control-Allow-Credentials', 'true');
  res.json([]);
});

module.exports = app;
