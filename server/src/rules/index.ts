import type { RuleDefinition } from '../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files.
import goHttpNoTimeout from './reliability/go-http-no-timeout';
import goTlsInsecureSkipVerify from './security/go-tls-insecure-skip-verify';
import nodeTlsVerificationDisabled from './security/node-tls-verification-disabled';
import pythonRequestsNoTimeout from './reliability/python-requests-no-timeout';
import pythonTlsVerifyDisabled from './security/python-tls-verify-disabled';
import regexCompileInLoop from './performance/regex-compile-in-loop';
import sqlStringConcatenation from './security/sql-string-concatenation';

/** The built-in rule catalogue. Static imports, so the bundler sees every rule. */
export const RULES: readonly RuleDefinition[] = [
  goHttpNoTimeout,
  goTlsInsecureSkipVerify,
  nodeTlsVerificationDisabled,
  pythonRequestsNoTimeout,
  pythonTlsVerifyDisabled,
  regexCompileInLoop,
  sqlStringConcatenation,
];
