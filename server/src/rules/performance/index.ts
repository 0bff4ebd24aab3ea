import type { RuleDefinition } from '../../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files in this folder.
import analyticsInsertInLoop from './analytics-insert-in-loop';
import callInLoop from './call-in-loop';
import goDeferInLoop from './go-defer-in-loop';
import jsonInLoop from './json-in-loop';
import k8sMissingResourceLimits from './k8s-missing-resource-limits';
import readWholeBody from './read-whole-body';
import regexCompileInLoop from './regex-compile-in-loop';
import sqlSelectStar from './sql-select-star';
import stringConcatInLoop from './string-concat-in-loop';
import syncIoInAsync from './sync-io-in-async';
import unboundedFanOut from './unbounded-fan-out';

/** The performance rules. Static imports, so the bundler sees every rule. */
export const PERFORMANCE: readonly RuleDefinition[] = [
  analyticsInsertInLoop,
  callInLoop,
  goDeferInLoop,
  jsonInLoop,
  k8sMissingResourceLimits,
  readWholeBody,
  regexCompileInLoop,
  sqlSelectStar,
  stringConcatInLoop,
  syncIoInAsync,
  unboundedFanOut,
];
