// What the project around a file uses: its test framework, its retry library, where its tests go.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LanguageId } from '../engine/languages';

/** The test frameworks the generators write for. */
export type Framework = 'go-test' | 'vitest' | 'jest' | 'mocha' | 'node-test' | 'pytest' | 'unittest' | 'junit5';

/** The nearest file named one of `names` in the folder of `file` or above (up to the filesystem root). */
export function findUp(file: string, names: readonly string[]): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    for (const n of names) {
      const p = path.join(dir, n);
      if (fs.existsSync(p)) return p;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function read(p: string | undefined): string {
  try {
    return p ? fs.readFileSync(p, 'utf8') : '';
  } catch {
    return '';
  }
}

/** Dependency names of the project holding `file` (package.json, requirements/pyproject, pom/gradle, go.mod), as one text. */
export function manifestText(file: string, language: LanguageId): string {
  if (language === 'go') return read(findUp(file, ['go.mod']));
  if (language === 'python') return ['requirements.txt', 'requirements-dev.txt', 'pyproject.toml', 'setup.cfg', 'Pipfile'].map((n) => read(findUp(file, [n]))).join('\n');
  if (language === 'java') return read(findUp(file, ['pom.xml', 'build.gradle', 'build.gradle.kts']));
  return read(findUp(file, ['package.json']));
}

/** The test framework of the project: the policy's choice if any, else detected from its manifest. */
export function detectFramework(file: string, language: LanguageId, fromPolicy?: string): Framework {
  const chosen = fromPolicy?.toLowerCase().replace(/[^a-z0-9]/g, '');
  const known: Record<string, Framework> = { gotest: 'go-test', go: 'go-test', testing: 'go-test', vitest: 'vitest', jest: 'jest', mocha: 'mocha', nodetest: 'node-test', node: 'node-test', pytest: 'pytest', unittest: 'unittest', junit: 'junit5', junit5: 'junit5', jupiter: 'junit5' };
  if (chosen && known[chosen]) return known[chosen];
  if (language === 'go') return 'go-test';
  if (language === 'java') return 'junit5';
  const manifest = manifestText(file, language);
  if (language === 'python') return /\bpytest\b/.test(manifest) || !/\bunittest\b/.test(manifest) ? 'pytest' : 'unittest';
  if (/"vitest"\s*:/.test(manifest)) return 'vitest';
  if (/"jest"\s*:/.test(manifest)) return 'jest';
  if (/"mocha"\s*:/.test(manifest)) return 'mocha';
  return 'node-test';
}

/** True when `file`'s package.json says `"type": "module"`. */
export function isEsm(file: string): boolean {
  return /"type"\s*:\s*"module"/.test(read(findUp(file, ['package.json'])));
}

/** The conventional test file for a source file. */
export function testPathFor(file: string, language: LanguageId): string {
  const dir = path.dirname(file);
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  if (language === 'go') return path.join(dir, `${base}_test.go`);
  if (language === 'python') return path.join(dir, `test_${base}.py`);
  if (language === 'java') {
    const main = `${path.sep}src${path.sep}main${path.sep}java${path.sep}`;
    const i = file.lastIndexOf(main);
    const testDir = i === -1 ? dir : path.join(file.slice(0, i), 'src', 'test', 'java', path.dirname(file.slice(i + main.length)));
    return path.join(testDir, `${base}Test.java`);
  }
  // JS/TS: the project's pattern when it has one — a sibling __tests__ folder, `.spec` instead of `.test` — else beside.
  const siblings = safeList(dir);
  const specStyle = (names: string[]): boolean => names.some((n) => /\.spec\.[cm]?[jt]sx?$/.test(n)) && !names.some((n) => /\.test\.[cm]?[jt]sx?$/.test(n));
  const testsDir = path.join(dir, '__tests__');
  if (fs.existsSync(testsDir)) return path.join(testsDir, `${base}.${specStyle(safeList(testsDir)) ? 'spec' : 'test'}${ext}`);
  return path.join(dir, `${base}.${specStyle(siblings) ? 'spec' : 'test'}${ext}`);
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** The retry library the project already depends on, if any. */
export function retryLibrary(file: string, language: LanguageId): string | undefined {
  const m = manifestText(file, language);
  const libs: Record<string, [RegExp, string][]> = {
    javascript: [[/"p-retry"\s*:/, 'p-retry'], [/"cockatiel"\s*:/, 'cockatiel']],
    python: [[/\btenacity\b/, 'tenacity']],
    java: [[/resilience4j-retry|resilience4j/, 'resilience4j']],
    go: [[/github\.com\/cenkalti\/backoff\/v4/, 'backoff/v4']],
  };
  const key = language === 'typescript' || language === 'tsx' ? 'javascript' : language;
  return (libs[key] ?? []).find(([re]) => re.test(m))?.[1];
}
