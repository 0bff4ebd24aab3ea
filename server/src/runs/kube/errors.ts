// Cluster errors with a message and a next step for each case: no kubeconfig, no context, unreachable, 401, 403,
// 404, 409, invalid. Never a silent fallback to localhost.
import type { ClusterErrorInfo, ClusterErrorKind } from '../api';

/** An error talking to (or choosing) a cluster; `info.kind` is stable for code and tests. */
export class ClusterError extends Error {
  constructor(readonly info: ClusterErrorInfo) {
    super(`${info.message}. ${info.nextStep}`);
  }
}

export function clusterError(kind: ClusterErrorKind, message: string, nextStep: string, status?: number): ClusterError {
  return new ClusterError({ kind, message, nextStep, ...(status !== undefined ? { status } : {}) });
}

interface ApiLike {
  code?: unknown;
  body?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The Kubernetes Status message of an ApiException body, when there is one. */
function statusMessage(body: unknown): string | undefined {
  let b: unknown = body;
  if (typeof body === 'string') {
    try {
      b = JSON.parse(body);
    } catch {
      return body.slice(0, 300) || undefined;
    }
  }
  if (b && typeof b === 'object' && 'message' in b && typeof (b as { message: unknown }).message === 'string') return (b as { message: string }).message;
  return undefined;
}

/** HTTP status of a client-node error (ApiException has `.code`), if any. */
export function statusOf(e: unknown): number | undefined {
  const c = (e as ApiLike | undefined)?.code;
  return typeof c === 'number' && c >= 100 && c < 600 ? c : undefined;
}

/**
 * Classify anything client-node throws. `what` says what we were doing ("create podchaos in shop"), `server` the API
 * server URL, so the message can say where.
 */
export function classify(e: unknown, what: string, server: string | undefined): ClusterError {
  if (e instanceof ClusterError) return e;
  const status = statusOf(e);
  const detail = statusMessage((e as ApiLike | undefined)?.body) ?? (e instanceof Error ? e.message : String(e));
  switch (status) {
    case 401:
      return clusterError('unauthorized', `${what}: the API server ${server ?? ''} rejected the credentials (401)`, 'your token or certificate has expired or is wrong: log in again (e.g. refresh your cloud credentials) and retry', 401);
    case 403:
      return clusterError('forbidden', `${what}: forbidden (403): ${detail}`, `ask a cluster admin for RBAC that allows ${what}`, 403);
    case 404:
      return clusterError('not-found', `${what}: not found (404): ${detail}`, 'check the namespace and that the CRD is installed', 404);
    case 409:
      return clusterError('conflict', `${what}: already exists (409): ${detail}`, 'an object with that name exists: run `genai4dfx runs cleanup` or delete it', 409);
    case 400:
    case 422:
      return clusterError('invalid', `${what}: the API server rejected the object (${status}): ${detail}`, 'fix the experiment parameters in .dfx.yaml', status);
  }
  if (status !== undefined) return clusterError('other', `${what}: HTTP ${status}: ${detail}`, 'see the API server message above', status);
  const causes: string[] = [];
  let c: unknown = e;
  for (let i = 0; c && i < 5; i++) {
    const m = (c as ApiLike).message;
    const code = (c as { code?: unknown }).code;
    if (typeof m === 'string') causes.push(m);
    if (typeof code === 'string') causes.push(code);
    c = (c as ApiLike).cause;
  }
  const text = causes.join(': ');
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|fetch failed|socket|certificate|TLS|UND_ERR/i.test(text)) {
    return clusterError('unreachable', `${what}: cannot reach the API server ${server ?? ''} (${text})`, 'check the cluster is running and the context points at it (kubectl cluster-info), VPN/proxy, and that its certificate is valid');
  }
  return clusterError('other', `${what}: ${text || String(e)}`, 'retry; with GENAI4DFX_DEBUG=1 the CLI prints the stack');
}
