import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './engine';

/** The built CLI. */
export const CLI = path.join(ROOT, 'dist/cli.js');

/** What a CLI run printed and how it exited. */
export interface CliOut {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node <script> ...args` in `cwd` with `env` over the test's environment, and collect its output. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}, onSpawn?: (c: ChildProcess) => void, script = CLI): Promise<CliOut> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, GENAI4DFX_DEBUG: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('error', reject);
    c.on('close', (code) => resolve({ code, stdout, stderr }));
    onSpawn?.(c);
  });
}
