// Finding and reading the .dfx.yaml the Runs view shows. No vscode import. Here a file only needs to be YAML with
// `version: 1` to list its runs; the policy module's full parser (positions, schema) reports problems as diagnostics,
// and the run engine reads the file again through it before every run (a policy with errors refuses the run).
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Policy } from '../../../server/src/policy/types';

/**
 * The policy nearest to `activeFile`: the deepest candidate whose folder contains it; with no active file inside a
 * policy's folder, the shallowest candidate (the workspace root's, when there is one).
 */
export function nearestPolicy(candidates: readonly string[], activeFile: string | undefined): string | undefined {
  const byDepth = [...candidates].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  if (activeFile) {
    const containing = byDepth.filter((c) => isInside(activeFile, path.dirname(c)));
    const deepest = containing[containing.length - 1];
    if (deepest) return deepest;
  }
  return byDepth[0];
}

function depth(p: string): number {
  return path.resolve(p).split(path.sep).length;
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The parsed policy, or a one-line reason it cannot be used. */
export function readPolicy(file: string): { policy: Policy } | { error: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { error: l10n.t('not valid YAML: {0}', e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)) };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { error: l10n.t('the file is empty or not a mapping; start it with `version: 1`') };
  const version = (doc as { version?: unknown }).version;
  if (version !== 1) return { error: l10n.t('version is {0}; this extension reads `version: 1`', JSON.stringify(version)) };
  return { policy: doc as Policy };
}
