import * as fs from 'node:fs';
import type { Request, Response } from 'express';

export function download(req: Request, res: Response): void {
  // ruleid: read-whole-body
  res.send(fs.readFileSync(`exports/${req.params.id}.csv`));
}

export async function attachment(req: Request, res: Response): Promise<void> {
  // ruleid: read-whole-body
  const data = await fs.promises.readFile(req.query.path as string);
  res.end(data);
}

export function invoice(req: Request, res: Response): void {
  // ruleid: read-whole-body
  fs.readFile('invoices/' + req.params.id + '.pdf', (err, data) => (err ? res.status(404).end() : res.end(data)));
}

export function downloadStream(req: Request, res: Response): void {
  // ok: read-whole-body
  fs.createReadStream(`exports/${req.params.id}.csv`).pipe(res);
}

export function template(): string {
  // ok: read-whole-body
  return fs.readFileSync('templates/index.html', 'utf8');
}

export function logo(_req: Request, res: Response): void {
  // ok: read-whole-body
  res.end(fs.readFileSync(LOGO_PATH));
}

const LOGO_PATH = 'static/logo.png';
