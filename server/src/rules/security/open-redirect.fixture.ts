import express from 'express';

const app = express();

app.get('/login', (req, res) => {
  // ruleid: open-redirect
  res.redirect(req.query.next as string);
});

app.get('/logout', (req, res) => {
  const target = String(req.query.returnTo);
  // ruleid: open-redirect
  res.redirect(302, target);
});

app.post('/continue', (req, res) => {
  // ruleid: open-redirect
  res.location(req.body.url).sendStatus(303);
});

app.get('/orders/:id', (req, res) => {
  // ok: open-redirect
  res.redirect(`/orders/${req.params.id}/summary`);
});

app.get('/safe', (req, res) => {
  const next = String(req.query.next ?? '/');
  // ok: open-redirect
  res.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
});

app.get('/home', (_req, res) => {
  // ok: open-redirect
  res.redirect('/');
});

export default app;
