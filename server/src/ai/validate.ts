// Checking generated code before it is offered: it must parse with no ERROR or MISSING node, and where a compiler for
// the language is on this machine (tsc from node_modules, javac, python3), it must compile too.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { ParserPool } from '../engine/parser-pool';
import type { LanguageId } from '../engine/languages';

/** What validation found: problems (empty when the code is good) and how far it was checked. */
export interface Validation {
  ok: boolean;
  problems: string[];
  /** "parsed", "parsed and compiled with tsc", "parsed; go is not installed here, so not compiled", ... */
  checked: string;
}

/** Syntax errors of a text: each ERROR or MISSING node with its line. */
export function syntaxProblems(pool: ParserPool, language: LanguageId, text: string): string[] {
  const tree = pool.parse(language, text, null, 3000);
  try {
    const out: string[] = [];
    const walk = (n: Node): void => {
      if (out.length >= 10) return;
      if (n.isError || n.type === 'ERROR') out.push(`line ${n.startPosition.row + 1}: syntax error near "${n.text.slice(0, 40)}"`);
      else if (n.isMissing) out.push(`line ${n.startPosition.row + 1}: missing ${n.type}`);
      if (n.hasError) for (const c of n.children) if (c) walk(c);
    };
    walk(tree.rootNode);
    return out;
  } finally {
    tree.delete();
  }
}

function run(cmd: string, args: string[], cwd: string, timeoutMs = 60_000): Promise<{ code: number | null; out: string; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out: `${stdout}${stderr}`, missing: e?.code === 'ENOENT' });
    });
  });
}

/** A project file to place next to the code under check (the source the tests import). */
export interface CompanionFile {
  relPath: string;
  text: string;
}

/** Where tsc is: the project's node_modules (the project's own TypeScript), else one above this module (development). */
function findTsc(from: string): string | undefined {
  for (const start of [from, __dirname]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const p = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
      if (fs.existsSync(p)) return p;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

const JUNIT_STUB = `package org.junit.jupiter.api;
public final class Assertions {
  public interface Executable { void execute() throws Throwable; }
  public static <T extends Throwable> T assertThrows(Class<T> type, Executable e) { return null; }
  public static void assertDoesNotThrow(Executable e) {}
  public static void assertEquals(Object a, Object b) {}
  public static void assertTrue(boolean b) {}
  public static void assertFalse(boolean b) {}
  public static void assertNotNull(Object o) {}
}
`;

/** The few resilience4j types the "add retries" action uses (its jars are not on this machine), by file. */
const RESILIENCE4J_STUBS: Record<string, string> = {
  'io/github/resilience4j/core/IntervalFunction.java': `package io.github.resilience4j.core;
public interface IntervalFunction {
  Long apply(Integer attempt);
  static IntervalFunction ofExponentialRandomBackoff(long initialIntervalMillis, double multiplier, double randomizationFactor, long maxIntervalMillis) { return a -> initialIntervalMillis; }
}
`,
  'io/github/resilience4j/retry/RetryConfig.java': `package io.github.resilience4j.retry;
import io.github.resilience4j.core.IntervalFunction;
public class RetryConfig {
  public static <T> Builder<T> custom() { return new Builder<>(); }
  public static class Builder<T> {
    public Builder<T> maxAttempts(int n) { return this; }
    public Builder<T> intervalFunction(IntervalFunction f) { return this; }
    @SafeVarargs public final Builder<T> retryExceptions(Class<? extends Throwable>... types) { return this; }
    public RetryConfig build() { return new RetryConfig(); }
  }
}
`,
  'io/github/resilience4j/retry/Retry.java': `package io.github.resilience4j.retry;
import java.util.concurrent.Callable;
public interface Retry {
  static Retry of(String name, RetryConfig config) { return null; }
  default <T> T executeCallable(Callable<T> callable) throws Exception { return callable.call(); }
}
`,
};

/**
 * Compile `text` (written at `relPath`) together with its companions in a temporary folder. JUnit is stood in for by a
 * small stub of its API (the real jar is not on this machine); a TypeScript framework other than node:test is
 * type-checked only when its types resolve.
 */
export async function compile(language: LanguageId, relPath: string, text: string, companions: CompanionFile[], projectDir: string): Promise<{ problems: string[]; checked: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfx-ai-'));
  try {
    const put = (rel: string, t: string): string => {
      const p = path.join(dir, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, t);
      return p;
    };
    for (const c of companions) put(c.relPath, c.text);
    const main = put(relPath, text);
    if (language === 'python') {
      const r = await run('python3', ['-m', 'py_compile', main], dir);
      if (r.missing) return { problems: [], checked: 'parsed; python3 is not installed here, so not compiled' };
      return { problems: r.code ? [r.out.trim()] : [], checked: 'parsed and compiled with python3 -m py_compile' };
    }
    if (language === 'java') {
      put('org/junit/jupiter/api/Assertions.java', JUNIT_STUB);
      put('org/junit/jupiter/api/Test.java', 'package org.junit.jupiter.api;\npublic @interface Test {}\n');
      put('org/junit/jupiter/api/DisplayName.java', 'package org.junit.jupiter.api;\npublic @interface DisplayName { String value(); }\n');
      // resilience4j is stood in for the same way when the checked file uses it (and the project has no copy of its own).
      const stubs = /\bio\.github\.resilience4j\./.test(text) ? Object.entries(RESILIENCE4J_STUBS).filter(([rel]) => !companions.some((c) => c.relPath === rel)).map(([rel, t]) => put(rel, t)) : [];
      const sources = [...companions.map((c) => path.join(dir, c.relPath)), main, ...['Assertions', 'Test', 'DisplayName'].map((n) => path.join(dir, `org/junit/jupiter/api/${n}.java`)), ...stubs];
      const r = await run('javac', ['-d', path.join(dir, 'out'), '-Xmaxerrs', '50', ...sources], dir);
      if (r.missing) return { problems: [], checked: 'parsed; javac is not installed here, so not compiled' };
      if (!r.code) return { problems: [], checked: `parsed and compiled with javac (${stubs.length ? 'resilience4j' : 'JUnit 5'} API stubbed)` };
      // Only errors in the checked file count: the project's own dependencies are not on the class path here.
      const mine = r.out.split('\n').filter((l) => l.startsWith(main) && /: error:/.test(l)).map((l) => l.slice(dir.length + 1));
      return { problems: mine, checked: mine.length ? 'compiled with javac' : 'parsed and compiled with javac (JUnit 5 API stubbed; errors in the project\'s own sources ignored)' };
    }
    if (language === 'go') return { problems: [], checked: 'parsed; go is not installed here, so not vetted or compiled' };
    if (language === 'typescript' || language === 'tsx') {
      const tsc = findTsc(projectDir);
      if (!tsc) return { problems: [], checked: 'parsed; typescript is not installed here, so not type-checked' };
      const types = path.join(path.dirname(path.dirname(path.dirname(tsc))), '@types');
      // Only the ambient types that are installed next to that TypeScript (node for node:test, mocha/jest globals).
      const ambient = ['node', 'mocha', 'jest'].filter((t) => fs.existsSync(path.join(types, t)));
      const typeArgs = ambient.length ? ['--typeRoots', types, '--types', ambient.join(',')] : ['--types', ''];
      const r = await run(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'commonjs', '--moduleResolution', 'node', '--esModuleInterop', '--jsx', 'react-jsx', ...typeArgs, main], dir);
      // Only errors in the checked file count: the source's own imports may not resolve in the scratch folder.
      const errors = r.out.split('\n').filter((l) => /error TS/.test(l) && path.resolve(dir, l.split('(')[0] ?? '') === main);
      // The framework's own types may be absent here (vitest, jest): say so instead of failing good code.
      const unresolved = errors.filter((l) => /TS2307: Cannot find module '(vitest|@jest\/globals)'|TS2582|TS2304: Cannot find name '(expect|describe|it|jest)'/.test(l));
      // A module that does not resolve in the scratch folder (a sibling the source imports, an uninstalled package) is
      // the environment, not the generated code.
      const real = errors.filter((l) => !unresolved.includes(l) && !/TS2307|TS7016|TS2875/.test(l));
      return { problems: real, checked: unresolved.length ? 'parsed and type-checked with tsc (the test framework\'s types are not installed here)' : 'parsed and type-checked with tsc' };
    }
    const r = await run(process.execPath, ['--check', main], dir);
    return { problems: r.code ? [r.out.trim()] : [], checked: 'parsed and checked with node --check' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
