import type { RuleDefinition } from '../../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files in this folder.
import exitInLibraryCode from './exit-in-library-code';
import goContextBackgroundInHandler from './go-context-background-in-handler';
import goDiscardedError from './go-discarded-error';
import goHttpNoTimeout from './go-http-no-timeout';
import goResponseBodyNotClosed from './go-response-body-not-closed';
import goSqlUnboundedPool from './go-sql-unbounded-pool';
import javaCatchThrowable from './java-catch-throwable';
import javaEmptyCatch from './java-empty-catch';
import javaHttpClientNoTimeout from './java-http-client-no-timeout';
import javaOkhttpNoTimeout from './java-okhttp-no-timeout';
import javaResourceNotClosed from './java-resource-not-closed';
import javaResttemplateNoTimeout from './java-resttemplate-no-timeout';
import jsEmptyCatch from './js-empty-catch';
import jsFetchNoTimeout from './js-fetch-no-timeout';
import jsFloatingPromise from './js-floating-promise';
import jsHttpClientNoTimeout from './js-http-client-no-timeout';
import k8sIdenticalProbes from './k8s-identical-probes';
import k8sMissingPdb from './k8s-missing-pdb';
import k8sMissingProbes from './k8s-missing-probes';
import k8sNoAntiAffinity from './k8s-no-anti-affinity';
import k8sNoGracefulShutdown from './k8s-no-graceful-shutdown';
import k8sProbeNoTimeout from './k8s-probe-no-timeout';
import k8sPullAlwaysMutableTag from './k8s-pull-always-mutable-tag';
import k8sRollingUpdateUnavailable from './k8s-rolling-update-unavailable';
import k8sSingleReplica from './k8s-single-replica';
import kafkaProducerUnsafeAcks from './kafka-producer-unsafe-acks';
import mongodbWriteConcernZero from './mongodb-write-concern-zero';
import outboundCallNoRetry from './outbound-call-no-retry';
import pythonBareExcept from './python-bare-except';
import pythonHttpClientNoTimeout from './python-http-client-no-timeout';
import pythonOpenWithoutWith from './python-open-without-with';
import pythonRequestsNoTimeout from './python-requests-no-timeout';
import redisClientNoTimeout from './redis-client-no-timeout';
import retryLoopNoBackoff from './retry-loop-no-backoff';

/** The reliability rules. Static imports, so the bundler sees every rule. */
export const RELIABILITY: readonly RuleDefinition[] = [
  exitInLibraryCode,
  goContextBackgroundInHandler,
  goDiscardedError,
  goHttpNoTimeout,
  goResponseBodyNotClosed,
  goSqlUnboundedPool,
  javaCatchThrowable,
  javaEmptyCatch,
  javaHttpClientNoTimeout,
  javaOkhttpNoTimeout,
  javaResourceNotClosed,
  javaResttemplateNoTimeout,
  jsEmptyCatch,
  jsFetchNoTimeout,
  jsFloatingPromise,
  jsHttpClientNoTimeout,
  k8sIdenticalProbes,
  k8sMissingPdb,
  k8sMissingProbes,
  k8sNoAntiAffinity,
  k8sNoGracefulShutdown,
  k8sProbeNoTimeout,
  k8sPullAlwaysMutableTag,
  k8sRollingUpdateUnavailable,
  k8sSingleReplica,
  kafkaProducerUnsafeAcks,
  mongodbWriteConcernZero,
  outboundCallNoRetry,
  pythonBareExcept,
  pythonHttpClientNoTimeout,
  pythonOpenWithoutWith,
  pythonRequestsNoTimeout,
  redisClientNoTimeout,
  retryLoopNoBackoff,
];
