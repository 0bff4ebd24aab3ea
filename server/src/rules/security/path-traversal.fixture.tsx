import express from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';

const app = express();
const UPLOADS = '/srv/uploads';

app.get('/download', (req, res) => {
  // ruleid: path-traversal
  res.sendFile(path.join(UPLOADS, String(req.query.file)));
});

app.get('/files/:name', (req, res) => {
  // ruleid: path-traversal
  fs.createReadStream(path.join(UPLOADS, req.params.name)).pipe(res);
});

app.delete('/files/:name', async (req, res) => {
  const target = path.join(UPLOADS, req.params.name);
  // ruleid: path-traversal
  await fs.promises.unlink(target);
  res.sendStatus(204);
});

app.get('/rooted/:name', (req, res) => {
  // ok: path-traversal
  res.sendFile(req.params.name, { root: UPLOADS, dotfiles: 'deny' });
});

app.get('/base/:name', (req, res) => {
  // ok: path-traversal
  fs.createReadStream(path.join(UPLOADS, path.basename(req.params.name))).pipe(res);
});

export function readConfig(file: string): string {
  // ok: path-traversal
  return fs.readFileSync(file, 'utf8');
}

export default app;
