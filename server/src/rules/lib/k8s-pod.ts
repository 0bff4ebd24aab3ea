// Pod-spec helpers shared by the k8s-* rules: long-running kinds, security contexts, replica counts, label selectors,
// image references, and certain-fix edits that keep the manifest's indentation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleContext } from '../../engine/define-rule';
import type { K8sContainer, K8sObject, K8sWorkload } from '../../engine/kubernetes';
import { getIn, pairOf, scalarIn, type YMap, type YScalar, type YValue } from '../../engine/yaml-ast';
import type { Span, TextChange } from '../../engine/types';

/** Kinds whose pods run until stopped (Jobs and CronJobs run to completion). */
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod']);

/** True for workloads whose pods serve until stopped; a bare Pod with restartPolicy Never/OnFailure is a one-off task. */
export function isLongRunning(w: K8sWorkload): boolean {
  if (!LONG_RUNNING.has(w.kind)) return false;
  return !(w.kind === 'Pod' && /^(Never|OnFailure)$/.test(String(scalarIn(w.podSpec, 'restartPolicy'))));
}

/** The value under `key` when it is a map. */
export function mapIn(v: YValue | undefined, ...path: string[]): YMap | undefined {
  const m = getIn(v, ...path);
  return m?.kind === 'map' ? m : undefined;
}

/** The scalar under a path, as a node (for its span). */
export function scalarNode(v: YValue | undefined, ...path: string[]): YScalar | undefined {
  const s = getIn(v, ...path);
  return s?.kind === 'scalar' ? s : undefined;
}

/**
 * A security-context field as Kubernetes resolves it: the container's value wins over the pod's. `from` says where it
 * was set; undefined when neither sets it.
 */
export function effectiveSecurity(w: K8sWorkload, c: K8sContainer, key: string): { node: YScalar; from: 'container' | 'pod' } | undefined {
  const own = scalarNode(c.value, 'securityContext', key);
  if (own) return { node: own, from: 'container' };
  const pod = scalarNode(w.podSpec, 'securityContext', key);
  return pod ? { node: pod, from: 'pod' } : undefined;
}

/** True when a scalar is the boolean true (YAML `true`, or the string "true" some generators emit). */
export function isTrue(s: YScalar | undefined): boolean {
  return s?.value === true || s?.value === 'true';
}

/** True when a scalar is the boolean false. */
export function isFalse(s: YScalar | undefined): boolean {
  return s?.value === false || s?.value === 'false';
}

/** An autoscaler (HPA or KEDA ScaledObject) in the same file that manages this workload's replica count. */
export function autoscaled(objects: readonly K8sObject[], w: K8sWorkload): boolean {
  return objects.some((o) =>
    (o.kind === 'HorizontalPodAutoscaler' || o.kind === 'ScaledObject') &&
    o.namespace === w.namespace &&
    scalarIn(o.root, 'spec', 'scaleTargetRef', 'name') === w.name &&
    (scalarIn(o.root, 'spec', 'scaleTargetRef', 'kind') ?? 'Deployment') === w.kind);
}

/** True for a scalable workload that runs (or may be scaled to) two or more pods: `replicas` ≥ 2, or an autoscaler in the file. */
export function isMultiReplica(objects: readonly K8sObject[], w: K8sWorkload): boolean {
  if (!w.scalable) return false;
  const n = w.replicas?.value;
  return (typeof n === 'number' && n >= 2) || autoscaled(objects, w);
}

/** The labels of a workload's pods (its pod template's, or a Pod's own). */
export function podLabels(w: K8sWorkload): Map<string, string> {
  const path = w.kind === 'Pod' ? ['metadata', 'labels'] : w.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'] : ['spec', 'template', 'metadata', 'labels'];
  const out = new Map<string, string>();
  for (const p of mapIn(w.root, ...path)?.pairs ?? []) if (p.value?.kind === 'scalar') out.set(p.key, String(p.value.value));
  return out;
}

/** True when a LabelSelector (`matchLabels`, `matchExpressions`) selects these labels; an empty selector selects all. */
export function selectorMatches(selector: YValue | undefined, labels: ReadonlyMap<string, string>): boolean {
  if (selector?.kind !== 'map') return false;
  for (const p of mapIn(selector, 'matchLabels')?.pairs ?? []) {
    if (p.value?.kind !== 'scalar' || labels.get(p.key) !== String(p.value.value)) return false;
  }
  const exprs = getIn(selector, 'matchExpressions');
  for (const e of exprs?.kind === 'seq' ? exprs.items : []) {
    const key = String(scalarIn(e, 'key'));
    const op = scalarIn(e, 'operator');
    const vals = getIn(e, 'values');
    const values = vals?.kind === 'seq' ? vals.items.map((v) => (v.kind === 'scalar' ? String(v.value) : '')) : [];
    const has = labels.has(key);
    const ok = op === 'In' ? has && values.includes(labels.get(key) ?? '')
      : op === 'NotIn' ? !has || !values.includes(labels.get(key) ?? '')
      : op === 'Exists' ? has
      : op === 'DoesNotExist' ? !has
      : false;
    if (!ok) return false;
  }
  return true;
}

/** The parts of an image reference; `registry` is `docker.io` when the reference names none. */
export interface ImageRef {
  registry: string;
  /** Repository path without the registry, with Docker Hub's implicit `library/` added. */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Parse an image reference the way container runtimes do (a first segment with `.` or `:`, or `localhost`, is a registry). */
export function parseImage(image: string): ImageRef {
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const ref = at === -1 ? image : image.slice(0, at);
  const slash = ref.indexOf('/');
  const first = slash === -1 ? '' : ref.slice(0, slash);
  const hasRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let rest = hasRegistry ? ref.slice(slash + 1) : ref;
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined;
  if (tag !== undefined) rest = rest.slice(0, colon);
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return { registry, repository: rest, tag, digest };
}

/** True for image strings that are placeholders filled in later (`$(IMAGE)`, `${IMAGE}`, `IMAGE_PLACEHOLDER`-style). */
export function isImagePlaceholder(image: string): boolean {
  return /[$<>{}]/.test(image) || /^[A-Z_]+$/.test(image);
}

/** Structural equality of two YAML values, ignoring positions, quoting and key order. */
export function sameValue(a: YValue | undefined, b: YValue | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'scalar' || b.kind === 'scalar') return a.kind === 'scalar' && b.kind === 'scalar' && a.value === b.value;
  if (a.kind === 'seq' || b.kind === 'seq') {
    if (a.kind !== 'seq' || b.kind !== 'seq' || a.items.length !== b.items.length) return false;
    return a.items.every((x, i) => sameValue(x, b.items[i]));
  }
  if (a.pairs.length !== b.pairs.length) return false;
  return a.pairs.every((p) => sameValue(p.value, pairOf(b, p.key)?.value));
}

/** True for a block (indented) mapping, which fixes can add keys to; flow mappings (`{...}`) are left alone. */
export function isBlockMap(ctx: RuleContext, m: YMap | undefined): m is YMap {
  return !!m && m.pairs.length > 0 && ctx.text[m.span.start] !== '{';
}

/**
 * A change that adds lines to a block mapping after its last entry, indented like its keys; `lines` are relative to
 * that indentation (nest with two spaces). Undefined when the map is not a block map.
 */
export function appendToMap(ctx: RuleContext, m: YMap | undefined, lines: readonly string[]): TextChange | undefined {
  if (!isBlockMap(ctx, m)) return undefined;
  const first = m.pairs[0];
  const last = m.pairs[m.pairs.length - 1];
  if (!first || !last) return undefined;
  const column = first.keySpan.startPos.character;
  const indent = ' '.repeat(column);
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  // The last entry ends at its last line indented deeper than the keys (or a `- ` item at the keys' column, the
  // compact sequence style). Syntax-tree spans are not used: block scalars swallow trailing blank and comment lines.
  let endLine = last.span.startPos.line;
  for (let l = endLine + 1; l < ctx.lines.lineCount; l++) {
    const t = ctx.lines.lineText(l);
    const body = t.trimStart();
    if (!body || body.startsWith('#')) continue;
    const ind = t.length - body.length;
    if (ind < column || (ind === column && !/^-(\s|$)/.test(body))) break;
    endLine = l;
  }
  const at = ctx.lines.lineStart(endLine) + ctx.lines.lineText(endLine).length;
  return { start: at, end: at, newText: lines.map((l) => `${eol}${indent}${l}`).join('') };
}

/** A change that replaces a scalar's text. */
export function replaceScalar(s: YScalar, text: string): TextChange {
  return { start: s.span.start, end: s.span.end, newText: text };
}

/**
 * The change that sets `securityContext.<key>: <value>` on a container (or a pod spec): rewrites an existing scalar,
 * adds the key to an existing block securityContext, or adds a securityContext. Undefined when that cannot be done
 * without guessing (a flow-style or empty securityContext).
 */
export function setSecurityField(ctx: RuleContext, owner: YMap, key: string, value: string): TextChange | undefined {
  const sc = pairOf(owner, 'securityContext');
  if (!sc) return appendToMap(ctx, owner, ['securityContext:', `  ${key}: ${value}`]);
  if (sc.value?.kind !== 'map') return undefined;
  const existing = scalarNode(sc.value, key);
  if (existing) return replaceScalar(existing, value);
  return appendToMap(ctx, sc.value, [`${key}: ${value}`]);
}

/** Where to point at a container: its `securityContext` key when it has one, else its name. */
export function securitySpan(c: K8sContainer): Span {
  return pairOf(c.value, 'securityContext')?.keySpan ?? c.nameSpan;
}

/** "container x of Deployment y" (init containers say so). */
export function describeContainer(w: K8sWorkload, c: K8sContainer): string {
  return `${c.init ? 'init container' : 'container'} ${c.name} of ${w.kind} ${w.name}`;
}

/** The `spec:` key of the pod spec (a Pod's own spec, or the template's), for findings about the pod as a whole. */
export function podSpecSpan(w: K8sWorkload): Span {
  const path = w.kind === 'Pod' ? [] : w.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
  return pairOf(path.length ? getIn(w.root, ...path) : w.root, 'spec')?.keySpan ?? w.kindSpan;
}

/** Build and deploy tools that replace an image reference written in a manifest, and how to read their image names. */
const IMAGE_REWRITERS: { files: string[]; names: (text: string) => Set<string> }[] = [
  // kustomize: `images: [{ name: cart, newTag: 1.8.2 }]` (a line scan: the block is a flat list of small maps).
  { files: ['kustomization.yaml', 'kustomization.yml', 'Kustomization'], names: (text) => {
    const names = new Set<string>();
    let inImages = false;
    for (const line of text.split(/\r?\n/)) {
      if (/^\S/.test(line)) inImages = /^images:\s*$/.test(line);
      else if (inImages) {
        const m = /^\s*(?:-\s*)?name:\s*["']?([^"'\s#]+)/.exec(line);
        if (m?.[1]) names.add(m[1]);
      }
    }
    return names;
  } },
  // Skaffold: `build.artifacts[].image` names are replaced by the built, tagged image at deploy time.
  { files: ['skaffold.yaml', 'skaffold.yml'], names: (text) => new Set([...text.matchAll(/^\s*-\s*image:\s*["']?([^"'\s#]+)/gm)].map((m) => m[1] ?? '')) },
];
const rewriterCache = new Map<string, { mtimeMs: number; names: ReadonlySet<string> }>();

function rewrittenNames(file: string, read: (text: string) => Set<string>): ReadonlySet<string> {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return new Set();
  }
  const cached = rewriterCache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.names;
  const names = read(fs.readFileSync(file, 'utf8'));
  rewriterCache.set(file, { mtimeMs, names });
  return names;
}

/**
 * True when a kustomization (`images:`) or a Skaffold config (`build.artifacts[].image`) in the manifest's folder or
 * one of its parents (within the project) rewrites this image: the tag written in the manifest is not the one deployed.
 */
export function imageRewrittenByTooling(ctx: RuleContext, image: string): boolean {
  let file: string;
  try {
    file = ctx.path.startsWith('file:') ? fileURLToPath(ctx.path) : ctx.path;
  } catch {
    return false;
  }
  if (!path.isAbsolute(file)) return false;
  const ref = parseImage(image);
  const written = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const candidates = [written, `${ref.registry}/${ref.repository}`, ref.repository.replace(/^library\//, '')];
  const levels = Math.min(4, Math.max(1, ctx.relativePath.split(/[\\/]/).length));
  let dir = path.dirname(file);
  for (let i = 0; i < levels; i++) {
    for (const tool of IMAGE_REWRITERS) {
      for (const f of tool.files) {
        const names = rewrittenNames(path.join(dir, f), tool.names);
        if (candidates.some((c) => names.has(c))) return true;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return false;
}
