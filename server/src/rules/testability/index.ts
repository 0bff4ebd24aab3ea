import type { RuleDefinition } from '../../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files in this folder.
import directClockCall from './direct-clock-call';
import directRandomCall from './direct-random-call';
import exportedFunctionUntested from './exported-function-untested';
import functionTooComplex from './function-too-complex';
import globalMutableState from './global-mutable-state';
import hardCodedEndpoint from './hard-coded-endpoint';
import missingHealthEndpoint from './missing-health-endpoint';
import networkInUnitTest from './network-in-unit-test';
import sleepInTest from './sleep-in-test';

/** The testability rules. Static imports, so the bundler sees every rule. */
export const TESTABILITY: readonly RuleDefinition[] = [
  directClockCall,
  directRandomCall,
  exportedFunctionUntested,
  functionTooComplex,
  globalMutableState,
  hardCodedEndpoint,
  missingHealthEndpoint,
  networkInUnitTest,
  sleepInTest,
];
