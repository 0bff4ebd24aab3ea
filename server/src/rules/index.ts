import type { RuleDefinition } from '../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files.
import goHttpNoTimeout from './reliability/go-http-no-timeout';

/** The built-in rule catalogue. Static imports, so the bundler sees every rule. */
export const RULES: readonly RuleDefinition[] = [
  goHttpNoTimeout,
];
