import type { RuleDefinition } from '../../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files in this folder.
import goDeferInLoop from './go-defer-in-loop';
import k8sMissingResourceLimits from './k8s-missing-resource-limits';
import regexCompileInLoop from './regex-compile-in-loop';
import sqlSelectStar from './sql-select-star';

/** The performance rules. Static imports, so the bundler sees every rule. */
export const PERFORMANCE: readonly RuleDefinition[] = [
  goDeferInLoop,
  k8sMissingResourceLimits,
  regexCompileInLoop,
  sqlSelectStar,
];
