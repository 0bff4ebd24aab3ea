import type { RuleDefinition } from '../../engine/define-rule';
// Keep sorted by id; test/engine/registry.test.ts checks this list matches the rule files in this folder.
import dynamicCodeEval from './dynamic-code-eval';
import goTlsInsecureSkipVerify from './go-tls-insecure-skip-verify';
import hardCodedSecret from './hard-coded-secret';
import insecureRandomToken from './insecure-random-token';
import javaTlsTrustAll from './java-tls-trust-all';
import jwtNoVerify from './jwt-no-verify';
import k8sAddedCapabilities from './k8s-added-capabilities';
import k8sDisallowedRegistry from './k8s-disallowed-registry';
import k8sHostNamespaces from './k8s-host-namespaces';
import k8sHostPathMount from './k8s-host-path-mount';
import k8sImageLatestTag from './k8s-image-latest-tag';
import k8sPrivilegeEscalation from './k8s-privilege-escalation';
import k8sPrivilegedContainer from './k8s-privileged-container';
import k8sRunAsRoot from './k8s-run-as-root';
import k8sSaTokenAutomount from './k8s-sa-token-automount';
import k8sSecretInEnv from './k8s-secret-in-env';
import k8sWritableRootFs from './k8s-writable-root-fs';
import nodeTlsVerificationDisabled from './node-tls-verification-disabled';
import openRedirect from './open-redirect';
import pathTraversal from './path-traversal';
import permissiveCors from './permissive-cors';
import pythonSslUnverifiedContext from './python-ssl-unverified-context';
import pythonTlsVerifyDisabled from './python-tls-verify-disabled';
import shellCommandInjection from './shell-command-injection';
import sqlStringConcatenation from './sql-string-concatenation';
import ssrfRequestUrl from './ssrf-request-url';
import unsafeDeserialization from './unsafe-deserialization';
import weakHash from './weak-hash';
import weakTlsVersion from './weak-tls-version';
import xmlExternalEntities from './xml-external-entities';

/** The security rules. Static imports, so the bundler sees every rule. */
export const SECURITY: readonly RuleDefinition[] = [
  dynamicCodeEval,
  goTlsInsecureSkipVerify,
  hardCodedSecret,
  insecureRandomToken,
  javaTlsTrustAll,
  jwtNoVerify,
  k8sAddedCapabilities,
  k8sDisallowedRegistry,
  k8sHostNamespaces,
  k8sHostPathMount,
  k8sImageLatestTag,
  k8sPrivilegeEscalation,
  k8sPrivilegedContainer,
  k8sRunAsRoot,
  k8sSaTokenAutomount,
  k8sSecretInEnv,
  k8sWritableRootFs,
  nodeTlsVerificationDisabled,
  openRedirect,
  pathTraversal,
  permissiveCors,
  pythonSslUnverifiedContext,
  pythonTlsVerifyDisabled,
  shellCommandInjection,
  sqlStringConcatenation,
  ssrfRequestUrl,
  unsafeDeserialization,
  weakHash,
  weakTlsVersion,
  xmlExternalEntities,
];
