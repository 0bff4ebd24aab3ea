// Where a project keeps its tests. Python: a tests/ (or test/) folder when the pytest configuration names one
// (testpaths) or one already holds tests, importing the module by its package path from the project root (or src/, or a
// configured pythonpath); else test_foo.py beside the module. TS/JS: the folder and suffix the jest/vitest/mocha
// configuration matches, else a test/, tests/ or __tests__/ folder that already holds tests, else beside the source.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LanguageId } from '../engine/languages';
import { testPathFor } from './project';

/** Where the generated tests of a source file go, and (Python) the module path they import it by. */
export interface TestLayout {
  testPath: string;
  /** Python: `shop.pricing` for the test's `from shop.pricing import ...`. */
  pyModule?: string;
}

function read(p: string): string {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

function list(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

const isDir = (p: string): boolean => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The nearest folder at or above `file`'s holding one of `markers`, not above `stop` (the workspace folder). */
function projectRoot(file: string, markers: readonly string[], stop?: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (markers.some((m) => fs.existsSync(path.join(dir, m)))) return dir;
    if ((stop && path.resolve(dir) === path.resolve(stop)) || path.dirname(dir) === dir) return undefined;
  }
}

/** Files under `dir` (depth-bounded, skipping dependency and hidden folders) whose name passes `test`. */
function findFiles(dir: string, test: (name: string) => boolean, depth = 3, limit = 200): string[] {
  const out: string[] = [];
  const walk = (d: string, level: number): void => {
    for (const e of list(d)) {
      if (out.length >= limit) return;
      if (e.isDirectory()) {
        if (level < depth && !/^(node_modules|\..*|__pycache__|dist|build|venv|\.venv)$/.test(e.name)) walk(path.join(d, e.name), level + 1);
      } else if (test(e.name)) out.push(path.join(d, e.name));
    }
  };
  walk(dir, 0);
  return out;
}

/** The test file for `file`: see the header. `root` is the workspace folder (the search for a project stops there). */
export function testLayout(file: string, language: LanguageId, root?: string): TestLayout {
  if (language === 'python') return pythonLayout(file, root);
  if (language === 'typescript' || language === 'tsx' || language === 'javascript') return { testPath: jsTestPath(file, root) };
  return { testPath: testPathFor(file, language) };
}

// ---- Python

/** A pytest ini option (`testpaths`, `pythonpath`) from pyproject.toml, pytest.ini, setup.cfg or tox.ini, as a list. */
export function pytestOption(projectDir: string, key: string): string[] | undefined {
  const sources: [string, RegExp][] = [
    ['pytest.ini', /^\[pytest\]\s*$/m],
    ['pyproject.toml', /^\[tool\.pytest\.ini_options\]\s*$/m],
    ['tox.ini', /^\[pytest\]\s*$/m],
    ['setup.cfg', /^\[tool:pytest\]\s*$/m],
  ];
  for (const [name, header] of sources) {
    const text = read(path.join(projectDir, name));
    const h = header.exec(text);
    if (!h) continue;
    const section = text.slice(h.index + h[0].length).split(/^\[/m)[0] ?? '';
    // `key = ["a", "b"]` (TOML, possibly over lines) or `key = a b` (ini, possibly continued on indented lines).
    const m = new RegExp(`^${key}\\s*=\\s*(\\[[^\\]]*\\]|.*(?:\\n[ \\t]+\\S.*)*)`, 'm').exec(section);
    if (!m) continue;
    const v = m[1] ?? '';
    return v.startsWith('[') ? [...v.matchAll(/["']([^"']+)["']/g)].map((x) => x[1] ?? '').filter(Boolean) : v.split(/\s+/).filter(Boolean);
  }
  return undefined;
}

const PY_MARKERS = ['pyproject.toml', 'setup.cfg', 'setup.py', 'pytest.ini', 'tox.ini', 'conftest.py'];

const isPyTest = (n: string): boolean => /^test_.*\.py$|_test\.py$/.test(n);

/** `shop.pricing` for `<importRoot>/shop/pricing.py`; undefined when a folder is not a Python identifier. */
function dotted(importRoot: string, file: string): string | undefined {
  const parts = path.relative(importRoot, file).replace(/\.py$/, '').split(path.sep);
  return parts.every((p) => /^[A-Za-z_]\w*$/.test(p)) && !parts[0]?.startsWith('..') ? parts.join('.') : undefined;
}

/** The module path by packages: up through folders that hold an __init__.py. */
function packagePath(file: string): string {
  const parts = [path.basename(file, '.py')];
  for (let dir = path.dirname(file); fs.existsSync(path.join(dir, '__init__.py')) && path.dirname(dir) !== dir; dir = path.dirname(dir)) parts.unshift(path.basename(dir));
  return parts.join('.');
}

function pythonLayout(file: string, wsRoot?: string): TestLayout {
  const base = path.basename(file, '.py');
  const beside = (): TestLayout => ({ testPath: path.join(path.dirname(file), `test_${base}.py`), pyModule: packagePath(file) });
  const root = projectRoot(file, PY_MARKERS, wsRoot) ?? wsRoot;
  if (!root || !path.resolve(file).startsWith(path.resolve(root) + path.sep)) return beside();
  const configured = pytestOption(root, 'testpaths')?.map((p) => path.resolve(root, p)).filter((p) => !path.extname(p));
  let testsDir = configured?.find(isDir) ?? configured?.[0];
  if (!testsDir) testsDir = ['tests', 'test'].map((d) => path.join(root, d)).find((d) => isDir(d) && findFiles(d, (n) => isPyTest(n) || n === 'conftest.py').length > 0);
  // The source itself lives in the tests folder (a helper of the tests): its tests go beside it.
  if (!testsDir || path.resolve(file).startsWith(path.resolve(testsDir) + path.sep)) return beside();
  // Import root: the configured pythonpath holding the file, else src/ (src layout), else the project root.
  const roots = [...(pytestOption(root, 'pythonpath') ?? []).map((p) => path.resolve(root, p)), path.join(root, 'src'), root]
    .filter((r) => path.resolve(file).startsWith(path.resolve(r) + path.sep))
    .sort((a, b) => b.length - a.length);
  const pyModule = roots.map((r) => dotted(r, file)).find(Boolean) ?? packagePath(file);
  // The existing tests' naming (test_foo.py or foo_test.py), and an existing test file of this module anywhere there.
  const tests = findFiles(testsDir, isPyTest);
  const suffixStyle = tests.length > 0 && tests.filter((t) => /_test\.py$/.test(t)).length > tests.length / 2;
  const name = suffixStyle ? `${base}_test.py` : `test_${base}.py`;
  const existing = tests.find((t) => path.basename(t) === name);
  if (existing) return { testPath: existing, pyModule };
  // Mirror the package folders when the tests folder already does (tests/shop/ for shop/pricing.py).
  const sub = path.dirname(pyModule.split('.').join(path.sep));
  const mirrored = sub !== '.' && isDir(path.join(testsDir, sub)) ? path.join(testsDir, sub) : testsDir;
  return { testPath: path.join(mirrored, name), pyModule };
}

// ---- TypeScript / JavaScript

const JS_TEST = /\.(test|spec)\.[cm]?[jt]sx?$/;

/** The test globs of the project's jest, vitest or mocha configuration (package.json keys and config files). */
function configuredGlobs(root: string): string[] {
  const texts: string[] = [];
  const pkg = read(path.join(root, 'package.json'));
  try {
    const json = JSON.parse(pkg) as { jest?: unknown; mocha?: unknown };
    if (json.jest) texts.push(JSON.stringify(json.jest));
    if (json.mocha) texts.push(JSON.stringify(json.mocha));
  } catch {
    // A broken package.json: no configuration from it.
  }
  for (const e of list(root)) if (e.isFile() && /^(jest|vitest|vite)\.config\.[cm]?[jt]s(on)?$|^\.mocharc\.(json|jsonc|ya?ml|[cm]?js)$/.test(e.name)) texts.push(read(path.join(root, e.name)));
  const globs: string[] = [];
  for (const text of texts) {
    // testMatch / include / spec / roots: an array of strings or one string (JSON, JS or YAML).
    for (const m of text.matchAll(/["']?\b(testMatch|include|spec|roots)["']?\s*[:=]\s*(\[[^\]]*\]|["'][^"']+["'])/g)) {
      for (const s of (m[2] ?? '').matchAll(/["']([^"']+)["']/g)) globs.push(m[1] === 'roots' ? `${s[1]}/**/*.test.ts` : (s[1] ?? ''));
    }
    for (const m of text.matchAll(/^\s*(?:spec|include):\s*\n?((?:\s*-\s*.+\n?)+)/gm)) for (const s of (m[1] ?? '').matchAll(/-\s*['"]?([^'"\n]+)/g)) globs.push((s[1] ?? '').trim());
  }
  return globs.map((g) => g.replace(/^<rootDir>\/?/, '').replace(/^\.\//, '')).filter(Boolean);
}

function jsTestPath(file: string, wsRoot?: string): string {
  const dir = path.dirname(file);
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  const named = (suffix: string): string => `${base}.${suffix}${ext}`;
  // A test file of this module that already exists wins: beside, in a sibling __tests__, or in the tests folder.
  for (const d of [dir, path.join(dir, '__tests__')]) for (const s of ['test', 'spec']) if (fs.existsSync(path.join(d, named(s)))) return path.join(d, named(s));
  const root = projectRoot(file, ['package.json'], wsRoot) ?? wsRoot;
  const fallback = testPathFor(file, 'typescript');
  if (!root || !path.resolve(file).startsWith(path.resolve(root) + path.sep)) return fallback;
  const globs = configuredGlobs(root);
  const suffixOf = (names: string[]): string => (names.some((n) => /\.spec\./.test(n)) && !names.some((n) => /\.test\./.test(n)) ? 'spec' : 'test');
  const globSuffix = globs.some((g) => /spec/.test(g)) && !globs.some((g) => /\btest\.|\(spec\|test\)|\(test\|spec\)/.test(g)) ? 'spec' : undefined;
  // A configured folder: the part of the first glob before any wildcard (`test/**/*.spec.ts` → test/).
  const folder = globs.map((g) => g.split('/').filter((seg, i, all) => i < all.length - 1 && !/[*?{[(!]/.test(seg))).find((segs) => segs.length > 0 && segs.join('/') !== 'src')?.join('/');
  let testsDir = folder ? path.join(root, folder) : undefined;
  if (!testsDir && globs.some((g) => g.includes('__tests__'))) return path.join(dir, '__tests__', named(globSuffix ?? suffixOf(list(path.join(dir, '__tests__')).map((e) => e.name))));
  if (!testsDir && fs.existsSync(path.join(dir, '__tests__'))) return fallback;
  // No configuration: a tests folder at the root that holds tests, when the sources have none beside them.
  if (!testsDir && !list(dir).some((e) => JS_TEST.test(e.name))) testsDir = ['test', 'tests', '__tests__'].map((d) => path.join(root, d)).find((d) => isDir(d) && findFiles(d, (n) => JS_TEST.test(n)).length > 0);
  if (!testsDir || path.resolve(file).startsWith(path.resolve(testsDir) + path.sep)) return globSuffix === 'spec' ? path.join(dir, named('spec')) : fallback;
  const existingTests = findFiles(testsDir, (n) => JS_TEST.test(n));
  const suffix = globSuffix ?? suffixOf(existingTests.map((t) => path.basename(t)));
  const found = existingTests.find((t) => path.basename(t) === named(suffix));
  if (found) return found;
  // Mirror the source's folders below src/ (or the root) when the tests folder already has them.
  const srcRoot = path.resolve(file).startsWith(path.join(root, 'src') + path.sep) ? path.join(root, 'src') : root;
  const sub = path.relative(srcRoot, dir);
  const mirrored = sub && isDir(path.join(testsDir, sub)) ? path.join(testsDir, sub) : testsDir;
  return path.join(mirrored, named(suffix));
}
