// Finding and loading policies: the nearest `.dfx.yaml` above a file governs it; each policy file is parsed and
// validated once per change (mtime and size on disk, or the editor's version when it is open), and the last valid
// version of a file stays in force while the current one has errors.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tree } from 'web-tree-sitter';
import type { RuleMeta } from '../engine/types';
import { t } from '../l10n';
import { parsePolicyTree, type PolicyProblem } from './parse';
import type { Policy } from './types';
import { validatePolicy } from './validate';

/** The file name that governs a folder and everything below it. (`*.dfx.yaml` files are validated but govern nothing.) */
export const POLICY_FILE = '.dfx.yaml';

/** A policy file as loaded. */
export interface LoadedPolicy {
  /** Absolute path of the `.dfx.yaml`. */
  file: string;
  /** Its folder: globs in the policy are relative to it. */
  dir: string;
  /** The policy in force: the current text when it is valid, else the last valid version seen, else undefined (built-in defaults). */
  policy: Policy | undefined;
  /** True when `policy` is the current text (no errors). */
  current: boolean;
  /** Every problem of the current text. */
  problems: PolicyProblem[];
  /** Bumped whenever the loaded text changes. */
  generation: number;
}

/** Parses a policy text with tree-sitter-yaml (the caller owns the tree and deletes it). */
export type PolicyParser = (text: string) => Tree;

/** Text of an open editor document, when the policy file is open (unsaved edits apply at once). */
export type PolicyOverlay = (file: string) => { text: string; version: number } | undefined;

/** Parse and validate a policy text. */
export function checkPolicyText(text: string, parse: PolicyParser, rules: readonly RuleMeta[]): { policy: Policy | undefined; problems: PolicyProblem[] } {
  const tree = parse(text);
  try {
    return validatePolicy(parsePolicyTree(tree, text), rules);
  } finally {
    tree.delete();
  }
}

/** The `.dfx.yaml` nearest above `filePath` (its own folder first), or undefined. */
export function findPolicyFile(filePath: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
  for (let dir = path.dirname(path.resolve(filePath)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, POLICY_FILE);
    if (exists(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Loads policies by file, caches them by change stamp, and resolves the policy of any file. */
export class PolicyLoader {
  private readonly loaded = new Map<string, LoadedPolicy & { stamp: string }>();
  private readonly nearest = new Map<string, string | null>();
  private generation = 0;

  constructor(private readonly parse: PolicyParser, private readonly rules: () => readonly RuleMeta[], private readonly overlay?: PolicyOverlay) {}

  /** The policy governing `filePath`, or undefined when no `.dfx.yaml` is above it. */
  forFile(filePath: string): LoadedPolicy | undefined {
    const dir = path.dirname(path.resolve(filePath));
    let file = this.nearest.get(dir);
    if (file === undefined) {
      file = findPolicyFile(filePath, (p) => this.overlay?.(p) !== undefined || fs.existsSync(p)) ?? null;
      if (this.nearest.size > 10_000) this.nearest.clear();
      this.nearest.set(dir, file);
    }
    return file ? this.load(file) : undefined;
  }

  /** Load (or reuse) one policy file; a file that cannot be read yields a problem, never a throw. */
  load(file: string): LoadedPolicy | undefined {
    const open = this.overlay?.(file);
    let stamp: string;
    let text: string | undefined;
    if (open) {
      stamp = `open:${open.version}:${open.text.length}`;
      text = open.text;
    } else {
      let st: fs.Stats;
      try {
        st = fs.statSync(file);
      } catch {
        this.loaded.delete(file);
        return undefined;
      }
      stamp = `disk:${st.mtimeMs}:${st.size}`;
    }
    const prev = this.loaded.get(file);
    if (prev && prev.stamp === stamp) return prev;
    let problems: PolicyProblem[];
    let policy: Policy | undefined;
    try {
      text ??= fs.readFileSync(file, 'utf8');
      ({ policy, problems } = checkPolicyText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, this.parse, this.rules()));
    } catch (e) {
      policy = undefined;
      const zero = { start: 0, end: 0, startPos: { line: 0, character: 0 }, endPos: { line: 0, character: 0 } };
      problems = [{ severity: 'error', code: 'syntax', message: t('cannot read or parse the policy: {0}', (e as Error).message), span: zero }];
    }
    const entry = {
      file,
      dir: path.dirname(file),
      policy: policy ?? prev?.policy,
      current: policy !== undefined,
      problems,
      generation: ++this.generation,
      stamp,
    };
    this.loaded.set(file, entry);
    return entry;
  }

  /** Forget where policies are (a `.dfx.yaml` was created or deleted) and, for `file`, its cached text. */
  invalidate(file?: string): void {
    this.nearest.clear();
    if (file) {
      const prev = this.loaded.get(file);
      // Keep the last valid policy; only the stamp is dropped so the next load re-reads the file.
      if (prev) prev.stamp = '';
    }
  }
}
