import type { RuleDefinition } from '../../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files in this folder.
import goDiscardedError from './go-discarded-error';
import goHttpNoTimeout from './go-http-no-timeout';
import javaEmptyCatch from './java-empty-catch';
import javaHttpClientNoTimeout from './java-http-client-no-timeout';
import jsFetchNoTimeout from './js-fetch-no-timeout';
import k8sIdenticalProbes from './k8s-identical-probes';
import k8sMissingPdb from './k8s-missing-pdb';
import k8sMissingProbes from './k8s-missing-probes';
import k8sNoAntiAffinity from './k8s-no-anti-affinity';
import k8sNoGracefulShutdown from './k8s-no-graceful-shutdown';
import k8sProbeNoTimeout from './k8s-probe-no-timeout';
import k8sPullAlwaysMutableTag from './k8s-pull-always-mutable-tag';
import k8sRollingUpdateUnavailable from './k8s-rolling-update-unavailable';
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
  k8sIdenticalProbes,
  k8sMissingPdb,
  k8sMissingProbes,
  k8sNoAntiAffinity,
  k8sNoGracefulShutdown,
  k8sProbeNoTimeout,
  k8sPullAlwaysMutableTag,
  k8sRollingUpdateUnavailable,
  k8sSingleReplica,
  pythonBareExcept,
  pythonRequestsNoTimeout,
];
