// Reading the user's kubeconfig: KUBECONFIG (several files, merged the way kubectl merges them: the first file to set
// a cluster, user, context or current-context wins) or ~/.kube/config. Only read, never written: selecting a context
// happens in memory. No kubeconfig or no context is an error, never client-node's silent fallback to localhost:8080.
import { KubeConfig, VersionApi } from '@kubernetes/client-node';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Policy } from '../../policy/types';
import type { ClusterErrorInfo, ClusterOptions, ContextList, KubeconfigSource } from '../api';
import { productionReason } from '../guardrails';
import { classify, ClusterError, clusterError } from './errors';

/** The kubeconfig files to read, in merge order. */
export function kubeconfigFiles(source: KubeconfigSource = {}): string[] {
  if (source.files?.length) return source.files;
  const env = source.env ?? process.env;
  const list = env.KUBECONFIG;
  if (list) return list.split(path.delimiter).filter(Boolean);
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  return [path.join(home, '.kube', 'config')];
}

/** The merged kubeconfig (in memory). Throws ClusterError no-kubeconfig when no file has a context. */
export function loadKubeconfig(source: KubeconfigSource = {}): { kc: KubeConfig; files: string[] } {
  const wanted = kubeconfigFiles(source);
  const files = wanted.filter((f) => fs.existsSync(f));
  if (!files.length) {
    throw clusterError('no-kubeconfig', `no kubeconfig found (looked at ${wanted.join(', ')})`, 'create one (e.g. `kind create cluster` or your cloud CLI writes it) or set KUBECONFIG');
  }
  const clusters = new Map<string, unknown>();
  const users = new Map<string, unknown>();
  const contexts = new Map<string, unknown>();
  let current: string | undefined;
  for (const f of files) {
    const one = new KubeConfig();
    try {
      // loadFromFile makes certificate paths absolute relative to the file; nothing is written.
      one.loadFromFile(f);
    } catch (e) {
      throw clusterError('no-kubeconfig', `cannot read kubeconfig ${f}: ${(e as Error).message}`, 'fix or remove that file (kubectl config view shows what kubectl makes of it)');
    }
    // kubectl merge: the first occurrence of a name wins (client-node's own merge throws on duplicates instead).
    for (const c of one.getClusters()) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of one.getUsers()) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of one.getContexts()) if (!contexts.has(c.name)) contexts.set(c.name, c);
    const cur = one.getCurrentContext();
    if (!current && cur) current = cur;
  }
  if (!contexts.size) {
    throw clusterError('no-kubeconfig', `kubeconfig ${files.join(', ')} has no contexts`, 'add a context (kubectl config set-context) or point KUBECONFIG at a kubeconfig with one');
  }
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [...clusters.values()], users: [...users.values()], contexts: [...contexts.values()], currentContext: current ?? '' });
  return { kc, files };
}

/** The contexts for the picker, with production marked by the policy's guardrails. */
export function listContexts(source?: KubeconfigSource, policy?: Policy): ContextList {
  const { kc, files } = loadKubeconfig(source);
  const current = kc.getCurrentContext() || undefined;
  return {
    files,
    currentContext: current,
    contexts: kc.getContexts().map((c) => {
      const server = kc.getCluster(c.cluster)?.server;
      return {
        name: c.name,
        cluster: c.cluster,
        user: c.user,
        server,
        namespace: c.namespace,
        production: productionReason(c.name, server, policy?.chaos?.guardrails) !== undefined,
        current: c.name === current,
      };
    }),
  };
}

/** The kubeconfig with `context` selected (in memory), or the current one; throws no-context when there is none. */
export function kubeconfigFor(opts: ClusterOptions = {}): { kc: KubeConfig; context: string; server: string; namespace: string | undefined } {
  const { kc } = loadKubeconfig(opts.kubeconfig);
  const name = opts.context ?? (kc.getCurrentContext() || undefined);
  if (!name) throw clusterError('no-context', 'the kubeconfig has no current-context and none was chosen', 'choose one with --context NAME (or Select Cluster Context); kubectl config get-contexts lists them');
  const ctx = kc.getContextObject(name);
  if (!ctx) {
    const names = kc.getContexts().map((c) => c.name);
    throw clusterError('no-context', `no context "${name}" in the kubeconfig (known: ${names.join(', ')})`, 'pick one of the known contexts');
  }
  kc.setCurrentContext(name);
  const server = kc.getCluster(ctx.cluster)?.server;
  if (!server) throw clusterError('no-context', `context "${name}" points at cluster "${ctx.cluster}", which has no server URL`, 'fix the kubeconfig entry of that cluster');
  return { kc, context: name, server, namespace: ctx.namespace };
}

/** Check a context answers: version (reachability) with the user's credentials. */
export async function checkCluster(opts: ClusterOptions): Promise<{ ok: true; server: string; version: string } | { ok: false; error: ClusterErrorInfo }> {
  let server: string | undefined;
  try {
    const k = kubeconfigFor(opts);
    server = k.server;
    const v = await k.kc.makeApiClient(VersionApi).getCode();
    return { ok: true, server: k.server, version: v.gitVersion };
  } catch (e) {
    const err = e instanceof ClusterError ? e : classify(e, 'read the server version', server);
    return { ok: false, error: err.info };
  }
}
