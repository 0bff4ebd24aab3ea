import * as fs from 'node:fs';
import { execSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import type { Request, Response } from 'express';

export async function loadTemplate(name: string): Promise<string> {
  // ruleid: sync-io-in-async
  return fs.readFileSync(`templates/${name}.html`, 'utf8');
}

export function download(req: Request, res: Response): void {
  // ruleid: sync-io-in-async
  if (!fs.existsSync(`exports/${req.params.id}.csv`)) {
    res.status(404).end();
    return;
  }
  res.sendFile(`exports/${req.params.id}.csv`);
}

export const login = async (password: string, salt: string): Promise<string> => {
  // ruleid: sync-io-in-async
  const hash = crypto.pbkdf2Sync(password, salt, 310_000, 32, 'sha256');
  return hash.toString('hex');
};

export class Reports {
  async gitVersion(): Promise<string> {
    // ruleid: sync-io-in-async
    return execSync('git rev-parse HEAD').toString().trim();
  }
}

// ok: sync-io-in-async
const TEMPLATES = fs.readFileSync('templates/index.html', 'utf8');

export async function loadTemplateAsync(name: string): Promise<string> {
  // ok: sync-io-in-async
  return fs.promises.readFile(`templates/${name}.html`, 'utf8');
}

export function loadConfig(path: string): unknown {
  // ok: sync-io-in-async
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}

export async function cached(key: string, cache: { getSync(k: string): string }): Promise<string> {
  // ok: sync-io-in-async
  return cache.getSync(key) ?? TEMPLATES;
}
