import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageForPath, type LanguageId } from './languages';

/** Why the walker left out a file it would otherwise have analysed. */
export type SkipKind = 'too-large' | 'binary' | 'generated' | 'symlink-loop' | 'unreadable' | 'unsupported';

/** A skipped file's reason: a kind to count by and a sentence to show. */
export interface SkipReason {
  kind: SkipKind;
  message: string;
  /** The file's size in bytes, when it was read (always set for `too-large`). */
  size?: number;
}

/** What to walk past. Ignored, excluded and vendored paths are left out silently; the rest is reported via `onSkip`. */
export interface WalkOptions {
  /** Globs relative to each root (`**`, `*`, `?`), on top of .gitignore and the built-in vendored/generated skips. */
  exclude: readonly string[];
  /** Files larger than this many bytes are reported as `too-large` and not yielded. */
  maxFileSize: number;
  /** Told about each file that is left out for a reason the user may not expect (size, binary, generated, loop, error). */
  onSkip?(path: string, reason: SkipReason): void;
}

/** A file to analyse. */
export interface WalkedFile {
  /** Absolute path. */
  path: string;
  language: LanguageId;
  /** Size in bytes. */
  size: number;
  /** Last modification time (ms), from the same stat as the size. */
  mtimeMs: number;
  /** The whole file, when it is small enough that the binary check already read all of it (saves a second read). */
  content?: Buffer;
}

/** Directory names never descended into: dependencies, build output and VCS data. */
export const VENDORED_DIRS: ReadonlySet<string> = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'vendor', 'third_party', 'dist', 'build', '.venv', 'site-packages',
]);

/** File names that are generated or minified by convention. */
const GENERATED_NAME = /(\.min\.js|\.pb\.go|_generated\.go)$/i;
/** Go's `Code generated ... DO NOT EDIT.` and the `@generated` marker, looked for in a file's first lines. */
const GENERATED_HEADER = /code generated\b.*\bdo not edit|@generated\b/i;
const HEAD_BYTES = 8192;
const HEADER_LINES = 10;

/**
 * Yield every analysable file under `roots`, sorted by path within each directory, each file once.
 * The file system is read synchronously (a round trip through the thread pool per stat would leave the CPU idle for
 * much of a scan), and the event loop gets a turn every few milliseconds so a server stays responsive.
 *
 * A root that is a file is yielded even when .gitignore, `exclude` or the vendored rules would leave it out (the user
 * named it), but binary and oversized files are still skipped. Below a directory root: .gitignore files (the
 * repository's from its top down to the root, and nested ones), `.git/info/exclude`, `exclude` globs and the
 * vendored/generated rules apply. Symbolic links are followed while they stay inside the root; a link back to a
 * folder being walked is reported as a loop.
 */
export async function* walkFiles(roots: readonly string[], opts: WalkOptions): AsyncGenerator<WalkedFile> {
  let turn = performance.now();
  for (const file of walkFilesSync(roots, opts)) {
    yield file;
    if (performance.now() - turn > 10) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      turn = performance.now();
    }
  }
}

/** `walkFiles` as a synchronous generator, for callers that do nothing else meanwhile. */
export function* walkFilesSync(roots: readonly string[], opts: WalkOptions): Generator<WalkedFile> {
  const seen = new Set<string>();
  const excludes = opts.exclude.map(globToRegExp);
  const skip = (p: string, kind: SkipKind, message: string, size?: number): void =>
    opts.onSkip?.(p, size === undefined ? { kind, message } : { kind, message, size });

  for (const root of roots) {
    const abs = path.resolve(root);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      skip(abs, 'unreadable', errorMessage(e));
      continue;
    }
    if (!st.isDirectory() && !st.isFile()) {
      skip(abs, 'unsupported', 'not a regular file');
      continue;
    }
    if (st.isFile()) {
      const real = realpathOr(abs);
      if (seen.has(real)) continue;
      seen.add(real);
      const language = languageForPath(abs);
      if (!language) {
        skip(abs, 'unsupported', 'not a Go, TypeScript, JavaScript, Python, Java or YAML file');
        continue;
      }
      const file = checkFile(abs, language, opts, skip, false);
      if (file) yield file;
      continue;
    }
    const real = realpathOr(abs);
    if (seen.has(`dir:${real}`)) continue;
    seen.add(`dir:${real}`);
    yield* walkDir(abs, abs, ancestorIgnores(abs), real, { opts, excludes, seen, skip, rootReal: real });
  }
}

interface IgnoreLevel {
  dir: string;
  ig: Ignore;
}

interface WalkState {
  opts: WalkOptions;
  excludes: readonly RegExp[];
  /** Real paths of files, and of folders prefixed with `dir:`, already walked (a link must not walk them twice). */
  seen: Set<string>;
  /** Real path of the root being walked: links that lead out of it are not followed. */
  rootReal: string;
  skip: (p: string, kind: SkipKind, message: string, size?: number) => void;
}

/** Walk `dir` (whose real path is `dirReal`) below `root`, with the ignore levels that apply to it. */
function* walkDir(root: string, dir: string, levels: readonly IgnoreLevel[], dirReal: string, s: WalkState): Generator<WalkedFile> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    s.skip(dir, 'unreadable', errorMessage(e));
    return;
  }
  const own = entries.some((e) => e.name === '.gitignore') ? loadIgnoreFile(path.join(dir, '.gitignore')) : undefined;
  const here = own ? [...levels, { dir, ig: own }] : levels;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let real = full;
    if (entry.isSymbolicLink()) {
      try {
        const st = fs.statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
        real = fs.realpathSync(full);
      } catch (e) {
        s.skip(full, 'unreadable', `broken symbolic link (${errorMessage(e)})`);
        continue;
      }
    }
    if (!isDir && !isFile) continue;
    const rel = toPosix(path.relative(root, full));
    if (isDir) {
      if (VENDORED_DIRS.has(entry.name) || isIgnored(here, full, true) || isExcluded(s.excludes, rel, true)) continue;
      if (entry.isSymbolicLink()) {
        if (isWithin(dirReal, real)) {
          s.skip(full, 'symlink-loop', `symbolic link loop: points back to ${real}`);
          continue;
        }
        // Like git, do not wander out of the tree being scanned (a link to / would scan the machine).
        if (!isWithin(real, s.rootReal)) continue;
      } else {
        real = path.join(dirReal, entry.name);
      }
      if (s.seen.has(`dir:${real}`)) continue;
      s.seen.add(`dir:${real}`);
      yield* walkDir(root, full, here, real, s);
      continue;
    }
    const language = languageForPath(entry.name);
    if (!language || GENERATED_NAME.test(entry.name)) continue;
    if (isIgnored(here, full, false) || isExcluded(s.excludes, rel, false)) continue;
    if (!entry.isSymbolicLink()) real = path.join(dirReal, entry.name);
    if (s.seen.has(real)) continue;
    s.seen.add(real);
    const file = checkFile(full, language, s.opts, s.skip, true);
    if (file) yield file;
  }
}

/** Size, binary and (for files found by walking) generated-header checks, reading at most the first 8 KB. */
function checkFile(
  p: string,
  language: LanguageId,
  opts: WalkOptions,
  skip: (p: string, kind: SkipKind, message: string, size?: number) => void,
  checkGenerated: boolean,
): WalkedFile | undefined {
  let size: number;
  let mtimeMs: number;
  let head: Buffer;
  try {
    const fd = fs.openSync(p, 'r');
    try {
      ({ size, mtimeMs } = fs.fstatSync(fd));
      if (size > opts.maxFileSize) {
        skip(p, 'too-large', `${formatBytes(size)}, over the ${formatBytes(opts.maxFileSize)} cap`, size);
        return undefined;
      }
      const buf = Buffer.allocUnsafe(Math.min(size, HEAD_BYTES));
      head = buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    skip(p, 'unreadable', errorMessage(e));
    return undefined;
  }
  if (head.includes(0)) {
    skip(p, 'binary', 'binary content (a NUL byte in the first 8 KB)');
    return undefined;
  }
  if (checkGenerated && isGeneratedHeader(head.toString('utf8'))) {
    skip(p, 'generated', 'generated code (its header says so)');
    return undefined;
  }
  return size <= HEAD_BYTES && head.length === size ? { path: p, language, size, mtimeMs, content: head } : { path: p, language, size, mtimeMs };
}

/** True when the first lines of a file carry a generated-code marker (`Code generated ... DO NOT EDIT`, `@generated`). */
export function isGeneratedHeader(head: string): boolean {
  let end = -1;
  for (let i = 0; i < HEADER_LINES; i++) {
    end = head.indexOf('\n', end + 1);
    if (end === -1) break;
  }
  return GENERATED_HEADER.test(end === -1 ? head : head.slice(0, end));
}

/** The text of a file and whether it had to be decoded lossily. */
export interface TextFile {
  text: string;
  /** True when the bytes were not valid UTF-8: invalid sequences became U+FFFD. */
  lossy: boolean;
  bytes: number;
}

/** Read a file as UTF-8 (a BOM is dropped); invalid UTF-8 is decoded with replacement characters and reported as `lossy`. */
export async function readTextFile(p: string): Promise<TextFile> {
  return decodeText(await fs.promises.readFile(p));
}

/** `readTextFile`, synchronously. */
export function readTextFileSync(p: string): TextFile {
  return decodeText(fs.readFileSync(p));
}

/** Decode bytes as UTF-8 the way `readTextFile` does. */
export function decodeText(buf: Buffer): TextFile {
  const text = buf.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, lossy: !isUtf8(buf), bytes: buf.length };
}

/**
 * Compile a glob to a RegExp over `/`-separated relative paths: `**` spans directories, `*` and `?` stay within one
 * name. A glob without `/` matches a name at any depth, as in .gitignore.
 */
export function globToRegExp(glob: string): RegExp {
  let g = toPosix(glob.trim()).replace(/^\.\//, '');
  if (!g.includes('/')) g = `**/${g}`;
  if (g.startsWith('/')) g = g.slice(1);
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i] ?? '';
    if (c === '*' && g[i + 1] === '*') {
      const before = i === 0 || g[i - 1] === '/';
      const after = g[i + 2] === '/' || i + 2 === g.length;
      if (before && g[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else if (before && after && re.endsWith('/')) {
        re = `${re.slice(0, -1)}(?:/.*)?`;
        i += 1;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function isExcluded(excludes: readonly RegExp[], rel: string, isDir: boolean): boolean {
  // A directory is excluded when a glob matches it as a folder (`**/gen/**` matches `a/gen`).
  return excludes.some((re) => re.test(rel) || (isDir && re.test(`${rel}/`)));
}

/** Git's precedence: the deeper .gitignore wins, and within one file the last matching rule (`!` re-includes). */
function isIgnored(levels: readonly IgnoreLevel[], full: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { dir, ig } of levels) {
    const rel = toPosix(path.relative(dir, full));
    if (!rel || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) continue;
    const r = ig.test(isDir ? `${rel}/` : rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

/** The ignore rules above a directory root: `.git/info/exclude` and every .gitignore from the repository top down. */
function ancestorIgnores(root: string): IgnoreLevel[] {
  const chain: string[] = [];
  let top: string | undefined;
  for (let dir = root; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (fs.existsSync(path.join(dir, '.git'))) {
      top = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  if (!top) return [];
  const levels: IgnoreLevel[] = [];
  const info = loadIgnoreFile(path.join(top, '.git', 'info', 'exclude'));
  if (info) levels.push({ dir: top, ig: info });
  // The root's own .gitignore is read by walkDir; its ancestors' are read here.
  for (const dir of chain.slice(0, -1)) {
    const ig = loadIgnoreFile(path.join(dir, '.gitignore'));
    if (ig) levels.push({ dir, ig });
  }
  // A root the user named is walked even when an ancestor's rules ignore it.
  return isIgnored(levels, root, true) ? [] : levels;
}

function loadIgnoreFile(p: string): Ignore | undefined {
  let text: string;
  try {
    text = fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
  return ignore().add(text);
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** True when `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `512 B`, `3.0 KB`, `2.0 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
