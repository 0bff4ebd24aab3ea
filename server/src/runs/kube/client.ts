// The few Kubernetes operations runs need, on @kubernetes/client-node: discovery, SelfSubjectAccessReview, namespace,
// pods by label selector, CRUD of custom objects and ConfigMaps (with server-side dry run), and a watch that
// reconnects (client-node 2.0 aborts healthy watches after 30 s, and older ones could stop silently). Every error
// leaves here classified (ClusterError) with a next step.
import { AuthorizationV1Api, CoreV1Api, CustomObjectsApi, type KubeConfig, PatchStrategy, setHeaderOptions, Watch } from '@kubernetes/client-node';
import type { KubeObject, ObjectRef } from '../api';
import { classify, statusOf } from './errors';

/** Where a kind lives: group ('' = core), version, plural. */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
}

/** The ResourceType of an object reference. */
export function typeOf(ref: Pick<ObjectRef, 'apiVersion' | 'kind' | 'plural'>): ResourceType {
  const [group, version] = ref.apiVersion.includes('/') ? ref.apiVersion.split('/') : ['', ref.apiVersion];
  return { group: group ?? '', version: version ?? 'v1', plural: ref.plural, kind: ref.kind };
}

/** An object as the API returns it (the parts runs read). */
export interface LiveObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string; finalizers?: string[]; deletionTimestamp?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** A pod, as far as runs care. */
export interface PodInfo {
  name: string;
  phase: string | undefined;
  /** Exit code of the first container when it terminated. */
  exitCode: number | undefined;
}

export class Kube {
  private readonly co: CustomObjectsApi;
  private readonly core: CoreV1Api;
  private readonly authz: AuthorizationV1Api;

  constructor(
    readonly kc: KubeConfig,
    readonly server: string,
  ) {
    this.co = kc.makeApiClient(CustomObjectsApi);
    this.core = kc.makeApiClient(CoreV1Api);
    this.authz = kc.makeApiClient(AuthorizationV1Api);
  }

  private async call<T>(what: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw classify(e, what, this.server);
    }
  }

  /** Plurals served under group/version (discovery); empty when the group/version is not served (CRD missing). */
  async servedPlurals(group: string, version: string): Promise<string[]> {
    try {
      const list = await this.co.getAPIResources({ group, version });
      return list.resources.map((r) => r.name).filter((n) => !n.includes('/'));
    } catch (e) {
      if (statusOf(e) === 404) return [];
      throw classify(e, `discover ${group}/${version}`, this.server);
    }
  }

  /** SelfSubjectAccessReview: may the current user `verb` the resource in the namespace? */
  async canI(verb: string, group: string, resource: string, namespace: string): Promise<{ allowed: boolean; reason: string | undefined }> {
    // "pods/log" is resource pods, subresource log.
    const [res, subresource] = resource.split('/');
    const r = await this.call(`check permission to ${verb} ${resource}`, () =>
      this.authz.createSelfSubjectAccessReview({
        body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb, group, resource: res, namespace, ...(subresource ? { subresource } : {}) } } },
      }),
    );
    return { allowed: r.status?.allowed === true, reason: r.status?.reason ?? r.status?.evaluationError };
  }

  async namespaceExists(name: string): Promise<boolean> {
    try {
      await this.core.readNamespace({ name });
      return true;
    } catch (e) {
      if (statusOf(e) === 404) return false;
      throw classify(e, `read namespace ${name}`, this.server);
    }
  }

  async listPods(namespace: string, labelSelector: string): Promise<PodInfo[]> {
    const list = await this.call(`list pods in ${namespace}`, () => this.core.listNamespacedPod({ namespace, labelSelector }));
    return list.items.map((p) => ({
      name: p.metadata?.name ?? '',
      phase: p.status?.phase,
      exitCode: p.status?.containerStatuses?.[0]?.state?.terminated?.exitCode,
    }));
  }

  async podLog(namespace: string, name: string): Promise<string> {
    return this.call(`read the log of pod ${name}`, () => this.core.readNamespacedPodLog({ namespace, name }));
  }

  /** Create an object (or validate it with dryRun=All). */
  async create(t: ResourceType, namespace: string, body: KubeObject, dryRun = false): Promise<LiveObject> {
    const what = `${dryRun ? 'dry-run create' : 'create'} ${t.plural} ${body.metadata.name} in ${namespace}`;
    if (t.group === '' && t.plural === 'configmaps') {
      return this.call(what, () => this.core.createNamespacedConfigMap({ namespace, body: body as never, fieldManager: 'genai4dfx', ...(dryRun ? { dryRun: 'All' } : {}) })) as Promise<LiveObject>;
    }
    return this.call(what, () =>
      this.co.createNamespacedCustomObject({ group: t.group, version: t.version, namespace, plural: t.plural, body, fieldManager: 'genai4dfx', ...(dryRun ? { dryRun: 'All' } : {}) }),
    ) as Promise<LiveObject>;
  }

  /** Get an object; undefined when it is gone (404). */
  async get(t: ResourceType, namespace: string, name: string): Promise<LiveObject | undefined> {
    try {
      if (t.group === '' && t.plural === 'configmaps') return (await this.core.readNamespacedConfigMap({ namespace, name })) as LiveObject;
      return (await this.co.getNamespacedCustomObject({ group: t.group, version: t.version, namespace, plural: t.plural, name })) as LiveObject;
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw classify(e, `get ${t.plural} ${name} in ${namespace}`, this.server);
    }
  }

  /** Objects of a type carrying the label selector. */
  async list(t: ResourceType, namespace: string, labelSelector: string): Promise<LiveObject[]> {
    const what = `list ${t.plural} in ${namespace}`;
    if (t.group === '' && t.plural === 'configmaps') {
      const l = await this.call(what, () => this.core.listNamespacedConfigMap({ namespace, labelSelector }));
      return l.items as LiveObject[];
    }
    try {
      const l = (await this.co.listNamespacedCustomObject({ group: t.group, version: t.version, namespace, plural: t.plural, labelSelector })) as { items?: LiveObject[] };
      return l.items ?? [];
    } catch (e) {
      // The CRD may be gone (uninstalled): nothing of that type can remain.
      if (statusOf(e) === 404) return [];
      throw classify(e, what, this.server);
    }
  }

  /** Delete an object; false when it was already gone. */
  async delete(t: ResourceType, namespace: string, name: string): Promise<boolean> {
    try {
      if (t.group === '' && t.plural === 'configmaps') await this.core.deleteNamespacedConfigMap({ namespace, name });
      else await this.co.deleteNamespacedCustomObject({ group: t.group, version: t.version, namespace, plural: t.plural, name });
      return true;
    } catch (e) {
      if (statusOf(e) === 404) return false;
      throw classify(e, `delete ${t.plural} ${name} in ${namespace}`, this.server);
    }
  }

  /** JSON merge patch of a custom object (the content type must be set explicitly with client-node). */
  async mergePatch(t: ResourceType, namespace: string, name: string, body: object): Promise<void> {
    await this.call(`patch ${t.plural} ${name} in ${namespace}`, () =>
      this.co.patchNamespacedCustomObject({ group: t.group, version: t.version, namespace, plural: t.plural, name, body }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch)),
    );
  }

  /**
   * Watch objects of a type with a label selector; `onChange` gets every ADDED/MODIFIED/DELETED object. A watch that
   * ends (dropped connection, server timeout, client-node's 30 s abort) is restarted from the last resourceVersion
   * (a 410 Gone restarts from now). Returns stop().
   */
  watch(t: ResourceType, namespace: string, labelSelector: string, onChange: (type: string, o: LiveObject) => void): () => void {
    const w = new Watch(this.kc);
    const prefix = t.group === '' ? `/api/${t.version}` : `/apis/${t.group}/${t.version}`;
    const path = `${prefix}/namespaces/${namespace}/${t.plural}`;
    let stopped = false;
    let rv: string | undefined;
    let ctrl: AbortController | undefined;
    let failures = 0;
    const start = (): void => {
      if (stopped) return;
      w.watch(
        path,
        { labelSelector, allowWatchBookmarks: true, ...(rv ? { resourceVersion: rv } : {}) },
        (type: string, o: LiveObject) => {
          failures = 0;
          if (type === 'ERROR') {
            // 410 Gone: our resourceVersion is too old; start again from now.
            rv = undefined;
            return;
          }
          if (o.metadata?.resourceVersion) rv = o.metadata.resourceVersion;
          if (type !== 'BOOKMARK') onChange(type, o);
        },
        () => {
          if (stopped) return;
          failures++;
          setTimeout(start, Math.min(5000, 50 * 2 ** Math.min(failures, 7))).unref();
        },
      ).then(
        (c) => {
          ctrl = c;
          if (stopped) c.abort();
        },
        () => {
          if (stopped) return;
          failures++;
          setTimeout(start, Math.min(5000, 50 * 2 ** Math.min(failures, 7))).unref();
        },
      );
    };
    start();
    return () => {
      stopped = true;
      ctrl?.abort();
    };
  }
}
