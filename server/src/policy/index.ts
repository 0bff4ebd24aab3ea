// The `.dfx.yaml` policy: what the language server, the CLI and the runs/AI code import. No vscode imports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParserPool } from '../engine/parser-pool';
import type { RuleMeta } from '../engine/types';
import { checkPolicyText, POLICY_FILE, PolicyLoader, type LoadedPolicy } from './load';
import type { PolicyProblem } from './parse';
import type { Policy } from './types';

export * from './types';
export { parseBlastRadius, parseDuration, parsePercent, parseRate, formatDuration } from './units';
export { policyForFile, combine, type FilePolicy } from './apply';
export { checkPolicyText, findPolicyFile, PolicyLoader, POLICY_FILE, type LoadedPolicy } from './load';
export { OPTION_MAPPINGS, SWITCH_MAPPINGS, sectionOptions, sectionLevel } from './mapping';
export type { PolicyProblem } from './parse';

/** What {@link loadPolicyFor} returns. */
export interface PolicyFor {
  /** The policy in force (the last valid version when the file has errors), or undefined: built-in defaults apply. */
  policy: Policy | undefined;
  /** The `.dfx.yaml` that governs the path, or undefined when there is none. */
  file: string | undefined;
  /** Error-level problems of the current file (empty when it is valid). Warnings are in `problems`. */
  errors: PolicyProblem[];
  problems: PolicyProblem[];
}

interface Shared {
  loader: PolicyLoader;
  parse: (text: string) => ReturnType<ParserPool['parse']>;
  metas: RuleMeta[];
}

let shared: Promise<Shared> | undefined;

/** A parser and the built-in rule catalogue (for rule-id checks), and a loader over them, created on first use. */
function sharedParts(): Promise<Shared> {
  shared ??= (async () => {
    const pool = await ParserPool.create();
    const { RULES } = await import('../rules/index');
    const metas: RuleMeta[] = RULES.map((r) => r.meta);
    const parse = (text: string): ReturnType<ParserPool['parse']> => pool.parse('yaml', text, null, 5000);
    return { loader: new PolicyLoader(parse, () => metas), parse, metas };
  })();
  return shared;
}

async function sharedLoader(): Promise<PolicyLoader> {
  return (await sharedParts()).loader;
}

/** Parse and validate a policy text that is not a file (a model's answer, a snippet): the same checks as a file gets. */
export async function validatePolicyText(text: string): Promise<{ policy: Policy | undefined; errors: PolicyProblem[]; problems: PolicyProblem[] }> {
  const { parse, metas } = await sharedParts();
  const { policy, problems } = checkPolicyText(text, parse, metas);
  return { policy, errors: problems.filter((p) => p.severity === 'error'), problems };
}

/**
 * The policy governing `filePath` (the nearest `.dfx.yaml` above it), parsed and validated, cached by mtime: for the
 * runs and AI code, the CLI and tests. Async only because the parser loads once; later calls are a stat.
 */
export async function loadPolicyFor(filePath: string): Promise<PolicyFor> {
  const loader = await sharedLoader();
  // A folder is governed by the policy in it, not by the one above it.
  const target = isDirectory(filePath) ? path.join(filePath, POLICY_FILE) : filePath;
  const loaded: LoadedPolicy | undefined = loader.forFile(target);
  if (!loaded) return { policy: undefined, file: undefined, errors: [], problems: [] };
  return { policy: loaded.policy, file: loaded.file, errors: loaded.problems.filter((p) => p.severity === 'error'), problems: loaded.problems };
}

/** One policy file (any name, e.g. `staging.dfx.yaml` given with `--policy`), parsed and validated, cached by mtime. */
export async function loadPolicyFile(file: string): Promise<PolicyFor> {
  const loader = await sharedLoader();
  const loaded = loader.load(path.resolve(file));
  if (!loaded) return { policy: undefined, file: undefined, errors: [], problems: [] };
  return { policy: loaded.current ? loaded.policy : undefined, file: loaded.file, errors: loaded.problems.filter((p) => p.severity === 'error'), problems: loaded.problems };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
