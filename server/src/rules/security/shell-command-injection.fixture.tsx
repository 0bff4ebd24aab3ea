import { exec, execFile } from 'node:child_process';
import * as childProcess from 'node:child_process';

export function convert(file: string, cb: (err: Error | null) => void): void {
  // ruleid: shell-command-injection
  exec(`convert ${file} -resize 200x200 out.png`, cb);
}

export function gitLog(branch: string): string {
  // ruleid: shell-command-injection
  return childProcess.execSync('git log --oneline ' + branch).toString();
}

export function run(command: string): Buffer {
  // ruleid: shell-command-injection
  return childProcess.execSync(command);
}

export function convertSafe(file: string, cb: (err: Error | null) => void): void {
  // ok: shell-command-injection
  execFile('convert', [file, '-resize', '200x200', 'out.png'], cb);
}

export function version(): string {
  // ok: shell-command-injection
  return childProcess.execSync('git rev-parse HEAD').toString().trim();
}

export function firstNumber(text: string): string | undefined {
  const re = /\d+/;
  // ok: shell-command-injection
  return re.exec(`value: ${text}`)?.[0];
}
