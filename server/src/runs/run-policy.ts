// The policy a run acts on, read through the policy module (tree-sitter parse with positions, schema and semantic
// validation): the editor's diagnostics, `genai4dfx policy validate` and the run engine see the same policy. A run
// never starts from a policy the validator rejects, nor from the last valid version the editor keeps in force.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import { findPolicyFile, loadPolicyFile, type PolicyProblem } from '../policy/index';
import type { Policy } from '../policy/types';

/** A validated policy and where it came from. */
export interface RunPolicy {
  policy: Policy;
  /** The policy file. */
  path: string;
  /** The policy's folder: runs are recorded under `<root>/.dfx/runs/`. */
  root: string;
  /** Warnings and hints of the validator (errors refuse the run). */
  problems: PolicyProblem[];
}

/** The policy has validator errors: nothing runs. `problems` are the validator's, with their spans. */
export class PolicyRejected extends Error {
  constructor(readonly file: string, readonly problems: readonly PolicyProblem[]) {
    super(t('{0} has {1} error(s); fix them (genai4dfx policy validate) before running', file, problems.length));
  }

  /** `file:line:col: message`, one a line, as compilers print them (editors and terminals link them). */
  locations(): string[] {
    return this.problems.map((p) => `${this.file}:${p.span.startPos.line + 1}:${p.span.startPos.character + 1}: ${p.message}`);
  }
}

/**
 * The policy for a run: `file` when given, else the nearest `.dfx.yaml` from `cwd` upwards. Throws a plain Error when
 * there is none or it cannot be read, and {@link PolicyRejected} when the validator reports errors.
 */
export async function loadRunPolicy(cwd: string, file?: string): Promise<RunPolicy> {
  const f = file !== undefined ? path.resolve(cwd, file) : findPolicyFile(path.join(path.resolve(cwd), '_'));
  if (f === undefined) throw new Error(t('no .dfx.yaml found in {0} or above: create one with chaos.experiments / perf.scenarios', path.resolve(cwd)));
  if (!fs.existsSync(f)) throw new Error(t('{0}: no such policy file', f));
  const r = await loadPolicyFile(f);
  if (r.errors.length) throw new PolicyRejected(f, r.errors);
  if (!r.policy) throw new Error(t('{0}: the policy is empty; start it with `version: 1`', f));
  return { policy: r.policy, path: f, root: path.dirname(f), problems: r.problems };
}
