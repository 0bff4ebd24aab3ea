import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../engine/analyzer';
import { readTextFileSync } from '../engine/files';
import { checkPolicyText, findPolicyFile, POLICY_FILE } from '../policy/load';
import type { PolicyProblem } from '../policy/parse';
import { UsageError } from './args';
import { displayPath } from './check';

/** One validated policy file. */
export interface PolicyReport {
  path: string;
  valid: boolean;
  problems: { severity: PolicyProblem['severity']; code: PolicyProblem['code']; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

/** The policy files the arguments stand for: a file as is, a folder as the `.dfx.yaml` governing it. */
export function policyFiles(args: readonly string[], cwd: string): string[] {
  return args.map((a) => {
    const abs = path.resolve(cwd, a);
    if (!fs.existsSync(abs)) throw new UsageError(`path not found: ${a}`);
    if (fs.statSync(abs).isFile()) return abs;
    const found = findPolicyFile(path.join(abs, POLICY_FILE));
    if (!found) throw new UsageError(`no ${POLICY_FILE} in ${a} or any folder above it; 'DFX: Create Policy' in VS Code writes a starter`);
    return found;
  });
}

/** Validate each policy with the same parser and checks as the editor. */
export function validatePolicies(engine: Engine, files: readonly string[], cwd: string): PolicyReport[] {
  const rules = engine.registry.metas();
  return files.map((file) => {
    const { text } = readTextFileSync(file);
    const { policy, problems } = checkPolicyText(text, (t) => engine.parse('yaml', t, null, 10_000), rules);
    return {
      path: displayPath(cwd, file),
      valid: policy !== undefined,
      problems: problems.map((p) => ({
        severity: p.severity,
        code: p.code,
        message: p.message,
        line: p.span.startPos.line + 1,
        column: p.span.startPos.character + 1,
        endLine: p.span.endPos.line + 1,
        endColumn: p.span.endPos.character + 1,
      })),
    };
  });
}

/** Compiler-style lines, then one summary line per file. */
export function formatPolicyText(reports: readonly PolicyReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    for (const p of r.problems) out.push(`${r.path}:${p.line}:${p.column} ${p.severity} dfx-policy/${p.code} ${p.message}`);
    const count = (s: string): number => r.problems.filter((p) => p.severity === s).length;
    out.push(`${r.path}: ${r.valid ? 'valid' : 'invalid'} (${count('error')} errors, ${count('warning')} warnings)`);
  }
  return `${out.join('\n')}\n`;
}
