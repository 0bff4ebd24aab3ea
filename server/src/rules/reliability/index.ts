import type { RuleDefinition } from '../../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files in this folder.
import goDiscardedError from './go-discarded-error';
import goHttpNoTimeout from './go-http-no-timeout';
import javaEmptyCatch from './java-empty-catch';
import javaHttpClientNoTimeout from './java-http-client-no-timeout';
import jsFetchNoTimeout from './js-fetch-no-timeout';
import k8sMissingProbes from './k8s-missing-probes';
import k8sSingleReplica from './k8s-single-replica';
import pythonBareExcept from './python-bare-except';
import pythonRequestsNoTimeout from './python-requests-no-timeout';

/** The reliability rules. Static imports, so the bundler sees every rule. */
export const RELIABILITY: readonly RuleDefinition[] = [
  goDiscardedError,
  goHttpNoTimeout,
  javaEmptyCatch,
  javaHttpClientNoTimeout,
  jsFetchNoTimeout,
  k8sMissingProbes,
  k8sSingleReplica,
  pythonBareExcept,
  pythonRequestsNoTimeout,
];
