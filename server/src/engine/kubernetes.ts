import { getIn, scalarIn, type YDocument, type YMap, type YScalar, type YValue } from './yaml-ast';
import type { Span } from './types';

/** A Kubernetes object found in a YAML document (it has `apiVersion` and `kind`). */
export interface K8sObject {
  doc: YDocument;
  root: YMap;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  /** Where to point a finding about the object as a whole: its `kind:` value. */
  kindSpan: Span;
}

/** A container of a workload's pod template. */
export interface K8sContainer {
  value: YMap;
  name: string;
  /** The `- name: x` entry, or the map when it has no name. */
  nameSpan: Span;
  init: boolean;
}

/** An object that runs pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or Pod. */
export interface K8sWorkload extends K8sObject {
  podSpec: YMap | undefined;
  containers: K8sContainer[];
  /** `spec.replicas`, when the kind has replicas and the field is present. */
  replicas: YScalar | undefined;
  /** True for kinds that take `spec.replicas` (Deployment, StatefulSet, ReplicaSet). */
  scalable: boolean;
}

const POD_SPEC_PATHS: Record<string, string[]> = {
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Pod: ['spec'],
};
const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** The Kubernetes objects of a YAML stream; broken or templated documents are skipped. */
export function k8sObjects(docs: readonly YDocument[]): K8sObject[] {
  const out: K8sObject[] = [];
  for (const doc of docs) {
    if (doc.broken || doc.root?.kind !== 'map') continue;
    const apiVersion = scalarIn(doc.root, 'apiVersion');
    const kindNode = getIn(doc.root, 'kind');
    if (typeof apiVersion !== 'string' || kindNode?.kind !== 'scalar' || typeof kindNode.value !== 'string') continue;
    const name = scalarIn(doc.root, 'metadata', 'name');
    const ns = scalarIn(doc.root, 'metadata', 'namespace');
    out.push({
      doc,
      root: doc.root,
      apiVersion,
      kind: kindNode.value,
      name: typeof name === 'string' ? name : '(unnamed)',
      namespace: typeof ns === 'string' ? ns : undefined,
      kindSpan: kindNode.span,
    });
  }
  return out;
}

/** The workloads among the objects, with their pod spec and containers resolved. */
export function k8sWorkloads(objects: readonly K8sObject[]): K8sWorkload[] {
  const out: K8sWorkload[] = [];
  for (const o of objects) {
    const path = POD_SPEC_PATHS[o.kind];
    if (!path) continue;
    const podSpec = asMap(getIn(o.root, ...path));
    const containers: K8sContainer[] = [];
    for (const [field, init] of [['containers', false], ['initContainers', true]] as const) {
      const seq = getIn(podSpec, field);
      if (seq?.kind !== 'seq') continue;
      for (const c of seq.items) {
        if (c.kind !== 'map') continue;
        const nameNode = getIn(c, 'name');
        containers.push({
          value: c,
          name: nameNode?.kind === 'scalar' ? String(nameNode.value) : '(unnamed)',
          nameSpan: nameNode?.span ?? c.span,
          init,
        });
      }
    }
    const replicas = getIn(o.root, 'spec', 'replicas');
    out.push({ ...o, podSpec, containers, replicas: replicas?.kind === 'scalar' ? replicas : undefined, scalable: SCALABLE.has(o.kind) });
  }
  return out;
}

function asMap(v: YValue | undefined): YMap | undefined {
  return v?.kind === 'map' ? v : undefined;
}
