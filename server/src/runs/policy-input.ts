// A minimal policy loader for runs, until the policy module's `loadPolicyFor` (parse with positions + validation)
// replaces it: read the nearest .dfx.yaml with the `yaml` package and check only what runs rely on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Policy } from '../policy/types';

/** A loaded policy and where it came from. */
export interface LoadedPolicy {
  policy: Policy;
  path: string;
  /** The policy's folder: runs are recorded under `<root>/.dfx/runs/`. */
  root: string;
}

/** The nearest `.dfx.yaml` from `start` upwards, or undefined. */
export function findPolicyFile(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const f = path.join(dir, '.dfx.yaml');
    if (fs.existsSync(f)) return f;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Load a policy file; throws an Error with the file name and what is wrong. */
export function loadPolicyFile(file: string): LoadedPolicy {
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${file}: expected a mapping with version: 1`);
  const p = raw as Partial<Policy> & Record<string, unknown>;
  if (p.version !== 1) throw new Error(`${file}: version must be 1 (got ${JSON.stringify(p.version)})`);
  for (const key of ['slos'] as const) {
    if (p[key] !== undefined && !Array.isArray(p[key])) throw new Error(`${file}: ${key} must be a list`);
  }
  if (p.chaos?.experiments !== undefined && !Array.isArray(p.chaos.experiments)) throw new Error(`${file}: chaos.experiments must be a list`);
  if (p.perf?.scenarios !== undefined && !Array.isArray(p.perf.scenarios)) throw new Error(`${file}: perf.scenarios must be a list`);
  return { policy: p as Policy, path: file, root: path.dirname(file) };
}

/** Load the nearest policy from `start`; throws when there is none. */
export function loadNearestPolicy(start: string): LoadedPolicy {
  const f = findPolicyFile(start);
  if (!f) throw new Error(`no .dfx.yaml found in ${path.resolve(start)} or above: create one with chaos.experiments / perf.scenarios`);
  return loadPolicyFile(f);
}
