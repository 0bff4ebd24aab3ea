// Reading a file's neighbours on disk (for rules that look beyond one file, such as "is this function tested?").
// Results are cached per folder and refreshed when a neighbour's size or mtime changes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The filesystem path of a document path or `file:` URI; undefined for other URI schemes (unsaved, remote). */
export function diskPath(pathOrUri: string): string | undefined {
  if (pathOrUri.startsWith('file:')) {
    try {
      return fileURLToPath(pathOrUri);
    } catch {
      return undefined;
    }
  }
  return /^[a-z][\w+.-]+:/i.test(pathOrUri) && !/^[a-z]:[\\/]/i.test(pathOrUri) ? undefined : pathOrUri;
}

interface Cached {
  key: string;
  text: string;
}
const cache = new Map<string, Cached>();

/**
 * The concatenated text of the files in `file`'s folder whose names match `pattern`, or undefined when `file` is not
 * on disk. The folder is listed and the matching files stat'ed on each call; they are read again only when changed.
 */
export function siblingsText(file: string, pattern: RegExp): string | undefined {
  const p = diskPath(file);
  if (!p || !fs.existsSync(p)) return undefined;
  const dir = path.dirname(p);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => pattern.test(n)).sort();
  } catch {
    return undefined;
  }
  const stats = names.map((n) => {
    try {
      const s = fs.statSync(path.join(dir, n));
      return `${n}:${s.size}:${s.mtimeMs}`;
    } catch {
      return `${n}:gone`;
    }
  });
  const key = `${pattern.source}|${stats.join('|')}`;
  const id = `${dir}|${pattern.source}`;
  const hit = cache.get(id);
  if (hit?.key === key) return hit.text;
  const text = names.map((n) => {
    try {
      return fs.readFileSync(path.join(dir, n), 'utf8');
    } catch {
      return '';
    }
  }).join('\n');
  if (cache.size > 500) cache.clear();
  cache.set(id, { key, text });
  return text;
}
