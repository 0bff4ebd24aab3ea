import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../server/src/engine/analyzer';

/** Repository root: the nearest folder above this module with the grammars manifest (works from test/ and from dist/). */
export const ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'grammars/manifest.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '../..');
  }
}

let shared: Promise<Engine> | undefined;

/** One engine (grammars + compiled catalogue) shared by the unit tests. */
export function sharedEngine(): Promise<Engine> {
  shared ??= Engine.create({ grammarDir: path.join(ROOT, 'grammars') });
  return shared;
}

/** The first position of `needle` in `text` (after `from` occurrences), as a zero-based line/character. */
export function at(text: string, needle: string, nth = 0): { line: number; character: number } {
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx === -1) throw new Error(`"${needle}" not found (occurrence ${nth})`);
  }
  const before = text.slice(0, idx);
  const line = before.split('\n').length - 1;
  return { line, character: idx - (before.lastIndexOf('\n') + 1) };
}
