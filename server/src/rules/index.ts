import type { RuleDefinition } from '../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files.
import directClockCall from './testability/direct-clock-call';
import goDiscardedError from './reliability/go-discarded-error';
import goHttpNoTimeout from './reliability/go-http-no-timeout';
import goTlsInsecureSkipVerify from './security/go-tls-insecure-skip-verify';
import javaEmptyCatch from './reliability/java-empty-catch';
import javaHttpClientNoTimeout from './reliability/java-http-client-no-timeout';
import jsFetchNoTimeout from './reliability/js-fetch-no-timeout';
import k8sImageLatestTag from './security/k8s-image-latest-tag';
import k8sMissingProbes from './reliability/k8s-missing-probes';
import k8sMissingResourceLimits from './performance/k8s-missing-resource-limits';
import k8sSingleReplica from './reliability/k8s-single-replica';
import nodeTlsVerificationDisabled from './security/node-tls-verification-disabled';
import pythonBareExcept from './reliability/python-bare-except';
import pythonRequestsNoTimeout from './reliability/python-requests-no-timeout';
import pythonTlsVerifyDisabled from './security/python-tls-verify-disabled';
import regexCompileInLoop from './performance/regex-compile-in-loop';
import sqlStringConcatenation from './security/sql-string-concatenation';

/** The built-in rule catalogue. Static imports, so the bundler sees every rule. */
export const RULES: readonly RuleDefinition[] = [
  directClockCall,
  goDiscardedError,
  goHttpNoTimeout,
  goTlsInsecureSkipVerify,
  javaEmptyCatch,
  javaHttpClientNoTimeout,
  jsFetchNoTimeout,
  k8sImageLatestTag,
  k8sMissingProbes,
  k8sMissingResourceLimits,
  k8sSingleReplica,
  nodeTlsVerificationDisabled,
  pythonBareExcept,
  pythonRequestsNoTimeout,
  pythonTlsVerifyDisabled,
  regexCompileInLoop,
  sqlStringConcatenation,
];
