import cors from 'cors';
import express from 'express';

const app = express();
// ruleid: permissive-cors
app.use(cors());
// ruleid: permissive-cors
app.use('/api', cors({ origin: true, credentials: true }));
// ok: permissive-cors
app.use(cors({ origin: ['https://shop.example.com'], credentials: true }));

app.get('/me', (req, res) => {
  // ruleid: permissive-cors
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json({});
});

app.get('/health', (_req, res) => {
  // ok: permissive-cors
  res.setHeader('Access-Control-Allow-Origin', 'https://status.example.com');
  // ok: permissive-cors
  res.setHeader('Cache-Control', 'no-store');
  res.send('ok');
});

export default app;
