// Shared set-up of the AI tests: fixture projects copied to a temp dir, and an action run on the offline provider.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { apply, prepareAction, runAction, type ActionInput, type ActionResult, type PreparedAction } from '../../server/src/ai/actions';
import { OfflineProvider } from '../../server/src/ai/providers/offline';
import type { AiAction, AiProvider } from '../../server/src/ai/types';
import type { Engine } from '../../server/src/engine/analyzer';
import { languageForPath } from '../../server/src/engine/languages';
import type { Policy } from '../../server/src/policy/types';
import { ROOT } from '../helpers/engine';

export const FIXTURES = path.join(ROOT, 'test/ai/fixtures');

/** tsx by absolute URL: the temp projects have no node_modules. */
export const TSX = pathToFileURL(require.resolve('tsx')).href;

/** True when pytest is installed here. */
export const hasPytest = ((): boolean => {
  try {
    execFileSync('python3', ['-m', 'pytest', '--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Run a command; on failure, the error carries its output. */
export function run(cmd: string, args: string[], cwd: string): void {
  try {
    execFileSync(cmd, args, { cwd, stdio: 'pipe', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  } catch (e) {
    const x = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${x.stdout?.toString() ?? ''}${x.stderr?.toString() ?? ''}`);
  }
}

/**
 * Temp projects for one test file: a copy of a fixture folder (plus extra files), or just the given files. Call
 * `cleanup()` in `after()`.
 */
export function tempProjects(): { fixture(sub: string, extra?: Record<string, string>): string; files(files: Record<string, string>): string; cleanup(): void } {
  const cleanups: (() => void)[] = [];
  const fixture = (sub: string, extra: Record<string, string> = {}): string => {
    const p = copyFixture(sub, extra);
    cleanups.push(p.cleanup);
    return p.dir;
  };
  return {
    fixture,
    files: (files) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfx-ai-test-'));
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
      }
      return dir;
    },
    cleanup: () => {
      for (const c of cleanups.splice(0)) c();
    },
  };
}

/** A copy of a fixture folder in a fresh temp dir (removed by `cleanup`). */
export function copyFixture(sub: string, extra: Record<string, string> = {}): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfx-ai-test-'));
  fs.cpSync(path.join(FIXTURES, sub), dir, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Prepare an action at the first `needle` of a file. */
export function prepare(engine: Engine, file: string, needle: string, action: AiAction, opts: { policy?: Policy; threatTarget?: 'comment' | 'file'; root?: string } = {}): { prepared: PreparedAction | string; input: ActionInput; free: () => void } {
  const text = fs.readFileSync(file, 'utf8');
  const language = languageForPath(file)!;
  const tree = engine.parse(language, text);
  const offset = text.indexOf(needle);
  if (offset === -1) throw new Error(`"${needle}" not in ${file}`);
  const input: ActionInput = {
    action, path: file, language, text, tree, offset,
    findings: engine.analyzeText(file, language, text).findings,
    policy: opts.policy, pool: engine.pool, threatTarget: opts.threatTarget ?? 'comment', ...(opts.root ? { root: opts.root } : {}),
  };
  return { prepared: prepareAction(input), input, free: () => tree.delete() };
}

/** Run an action and write its edits to disk (as the editor would apply the WorkspaceEdit). */
export async function runAndApply(engine: Engine, file: string, needle: string, action: AiAction, opts: Parameters<typeof prepare>[4] & { provider?: AiProvider } = {}): Promise<ActionResult> {
  const { prepared, free } = prepare(engine, file, needle, action, opts);
  try {
    if (typeof prepared === 'string') throw new Error(prepared);
    const result = await runAction(prepared, opts.provider ?? new OfflineProvider(), new AbortController().signal);
    for (const e of result.edits) {
      const before = e.create ? '' : fs.readFileSync(e.path, 'utf8');
      fs.mkdirSync(path.dirname(e.path), { recursive: true });
      fs.writeFileSync(e.path, apply(before, e.changes));
    }
    return result;
  } finally {
    free();
  }
}
