import type { RuleDefinition } from '../../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files in this folder.
import k8sMissingResourceLimits from './k8s-missing-resource-limits';
import regexCompileInLoop from './regex-compile-in-loop';

/** The performance rules. Static imports, so the bundler sees every rule. */
export const PERFORMANCE: readonly RuleDefinition[] = [
  k8sMissingResourceLimits,
  regexCompileInLoop,
];
