// A local stand-in for the Kubernetes API server, driven in tests by the real @kubernetes/client-node. It speaks the
// REST wire format for what the run engine uses: /version, discovery of API groups, SelfSubjectAccessReview, namespaces,
// pods listed by label selector, namespaced CRUD of the Chaos Mesh / Litmus / k6 custom resources and ConfigMaps
// (create with dryRun=All, merge patch, delete with finalizers), watch streams (newline-delimited JSON events, resumable
// by resourceVersion, droppable on demand), bearer-token auth (401), RBAC denials (403), 404 and 409 as Status
// objects. It plays the controllers: Chaos Mesh objects get finalizers, select pods, report containerRecords
// Injected → Not Injected through desiredPhase Run → Stop when the duration is over or on pause, and recover before
// their finalizer lets a delete finish; a Litmus ChaosEngine runs its experiment and writes a ChaosResult.
// It is a test fixture, not a product feature: only the paths and fields runs use exist.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDuration } from '../../server/src/policy/units';

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    uid: string;
    resourceVersion: string;
    creationTimestamp: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    deletionTimestamp?: string;
    [k: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  data?: Record<string, string>;
  [k: string]: unknown;
};

interface Resource {
  group: string;
  version: string;
  plural: string;
  kind: string;
}

export const CHAOS_MESH_RESOURCES: Resource[] = ['PodChaos', 'NetworkChaos', 'StressChaos', 'IOChaos', 'HTTPChaos', 'TimeChaos', 'DNSChaos', 'Schedule'].map((kind) => ({
  group: 'chaos-mesh.org',
  version: 'v1alpha1',
  plural: kind === 'Schedule' ? 'schedules' : kind.toLowerCase(),
  kind,
}));
export const LITMUS_RESOURCES: Resource[] = [
  { group: 'litmuschaos.io', version: 'v1alpha1', plural: 'chaosengines', kind: 'ChaosEngine' },
  { group: 'litmuschaos.io', version: 'v1alpha1', plural: 'chaosexperiments', kind: 'ChaosExperiment' },
  { group: 'litmuschaos.io', version: 'v1alpha1', plural: 'chaosresults', kind: 'ChaosResult' },
];

export const K6_RESOURCES: Resource[] = [{ group: 'k6.io', version: 'v1alpha1', plural: 'testruns', kind: 'TestRun' }];

export interface Pod {
  name: string;
  labels: Record<string, string>;
  phase?: string;
  exitCode?: number;
  log?: string;
}

export interface FakeKubeOptions {
  /** Custom resources served (CRDs installed). */
  resources?: Resource[];
  namespaces?: string[];
  pods?: Record<string, Pod[]>;
  /** Bearer token the server accepts (anything else is 401). */
  token?: string;
  /** Denied `verb plural namespace` triples (SSAR says no, and the request gets 403). */
  deny?: string[];
  /** Plurals whose finalizer is never released (a stuck delete). */
  stuckFinalizers?: string[];
  /** Controller tick, ms. */
  tickMs?: number;
  /** Litmus verdict the runner reports. */
  litmusVerdict?: 'Pass' | 'Fail';
  /** What k6 runner i of a TestRun ends with: exit code and log (the k6-operator plays k6 here). */
  k6Runner?: (i: number) => { exitCode: number; log: string };
}

interface Watcher {
  res: http.ServerResponse;
  key: string;
  selector: Record<string, string>;
}

/** The stand-in API server. */
export class FakeKube {
  readonly objects = new Map<string, Obj>();
  readonly requests: string[] = [];
  private rv = 1000;
  private uid = 0;
  private readonly watchers = new Set<Watcher>();
  /** Every change, for watches resuming from a resourceVersion. */
  private readonly log: Array<{ rv: number; key: string; type: string; obj: Obj }> = [];
  private timer: NodeJS.Timeout | undefined;
  private server!: http.Server;
  url = '';
  readonly o: Required<FakeKubeOptions>;
  /** Called before a (non-dry-run) create is stored: tests check the audit record exists by then, or crash the client. */
  beforeCreate: ((key: string) => void) | undefined;
  /** Injection/recovery times the controller recorded, by object key. */
  private readonly injectedAt = new Map<string, number>();

  constructor(o: FakeKubeOptions = {}) {
    this.o = {
      resources: o.resources ?? [...CHAOS_MESH_RESOURCES, ...LITMUS_RESOURCES, ...K6_RESOURCES],
      namespaces: o.namespaces ?? ['default', 'shop'],
      pods: o.pods ?? {},
      token: o.token ?? 'test-token',
      deny: o.deny ?? [],
      stuckFinalizers: o.stuckFinalizers ?? [],
      tickMs: o.tickMs ?? 20,
      litmusVerdict: o.litmusVerdict ?? 'Pass',
      k6Runner: o.k6Runner ?? (() => ({ exitCode: 0, log: '' })),
    };
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => this.status(res, 500, 'InternalError', String(e)));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.timer = setInterval(() => this.reconcile(), this.o.tickMs);
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.dropWatches();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A kubeconfig file pointing at this server (context `name`), in a temp dir; returns its path. */
  writeKubeconfig(dir: string, name = 'kind-dfx', token = this.o.token): string {
    const file = path.join(dir, `kubeconfig-${name}`);
    fs.writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        `current-context: ${name}`,
        'clusters:',
        `- name: ${name}`,
        '  cluster:',
        `    server: ${this.url}`,
        '    insecure-skip-tls-verify: true',
        'users:',
        `- name: ${name}-user`,
        '  user:',
        `    token: ${token}`,
        'contexts:',
        `- name: ${name}`,
        '  context:',
        `    cluster: ${name}`,
        `    user: ${name}-user`,
        '',
      ].join('\n'),
    );
    return file;
  }

  /** Close every open watch stream (a dropped connection, as a load balancer or API server restart does). */
  dropWatches(): void {
    if (this.down) {
      // going down: also drop the kept-alive connections
      this.server.closeAllConnections();
    }
    for (const w of this.watchers) w.res.destroy();
    this.watchers.clear();
  }

  get watchCount(): number {
    return this.watchers.size;
  }

  /** Objects of a plural (for assertions). */
  list(plural: string): Obj[] {
    return [...this.objects.entries()].filter(([k]) => k.split('/')[2] === plural).map(([, v]) => v);
  }

  /** Put an object directly (as another tool would have created it). */
  put(r: Resource, ns: string, body: { metadata: { name: string; [k: string]: unknown }; [k: string]: unknown }): void {
    const key = `${r.group}/${r.version}/${r.plural}/${ns}/${body.metadata.name}`;
    const obj = this.stamp({ apiVersion: `${r.group}/${r.version}`, kind: r.kind, ...body, metadata: { ...body.metadata, namespace: ns } } as unknown as Obj);
    this.objects.set(key, obj);
    this.changed('ADDED', key, obj);
  }

  // ----- HTTP ---------------------------------------------------------------------------------------------------

  /** While true, every connection is dropped without an answer (the API server is unreachable). */
  down = false;

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.down) {
      req.socket.destroy();
      return;
    }
    const u = new URL(req.url ?? '/', 'http://x');
    const body = await readBody(req);
    this.requests.push(`${req.method ?? ''} ${u.pathname}${u.search}`);
    if (req.headers.authorization !== `Bearer ${this.o.token}`) return this.status(res, 401, 'Unauthorized', 'Unauthorized');
    const p = u.pathname.split('/').filter(Boolean);
    const q = u.searchParams;

    if (u.pathname === '/version') return json(res, 200, { major: '1', minor: '31', gitVersion: 'v1.31.0-fake' });
    if (u.pathname === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews' && req.method === 'POST') {
      const b = JSON.parse(body) as { spec?: { resourceAttributes?: { verb?: string; resource?: string; subresource?: string; namespace?: string } } };
      const a = b.spec?.resourceAttributes ?? {};
      const denied = this.denied(a.verb ?? '', `${a.resource ?? ''}${a.subresource ? `/${a.subresource}` : ''}`, a.namespace ?? '');
      return json(res, 201, { ...b, status: { allowed: !denied, ...(denied ? { reason: 'no RBAC policy matched' } : {}) } });
    }
    // Core: /api/v1/namespaces/{ns}[/pods|/configmaps[/{name}]]
    if (p[0] === 'api' && p[1] === 'v1' && p[2] === 'namespaces' && p[3]) {
      const ns = p[3];
      if (p.length === 4) {
        return this.o.namespaces.includes(ns) ? json(res, 200, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns }, status: { phase: 'Active' } }) : this.status(res, 404, 'NotFound', `namespaces "${ns}" not found`);
      }
      if (p[4] === 'pods' && p.length === 5 && req.method === 'GET') {
        if (this.denied('list', 'pods', ns)) return this.forbidden(res, 'list', 'pods', ns);
        const sel = parseSelector(q.get('labelSelector'));
        const items = (this.o.pods[ns] ?? []).filter((pod) => matches(pod.labels, sel)).map((pod) => ({
          metadata: { name: pod.name, namespace: ns, labels: pod.labels },
          status: { phase: pod.phase ?? 'Running', ...(pod.exitCode !== undefined ? { containerStatuses: [{ name: 'k6', ready: false, restartCount: 0, image: 'grafana/k6', imageID: '', state: { terminated: { exitCode: pod.exitCode } } }] } : {}) },
        }));
        return json(res, 200, { apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: String(this.rv) }, items });
      }
      if (p[4] === 'pods' && p[5] && p[6] === 'log' && req.method === 'GET') {
        if (this.denied('get', 'pods/log', ns)) return this.forbidden(res, 'get', 'pods/log', ns);
        const pod = (this.o.pods[ns] ?? []).find((x) => x.name === p[5]);
        if (!pod) return this.status(res, 404, 'NotFound', `pods "${p[5]}" not found`);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(pod.log ?? '');
        return;
      }
      if (p[4] === 'configmaps') return this.crud(req, res, { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap' }, ns, p[5], q, body);
    }
    // Discovery: /apis/{group}/{version}
    if (p[0] === 'apis' && p.length === 3) {
      const rs = this.o.resources.filter((r) => r.group === p[1] && r.version === p[2]);
      if (!rs.length) return this.status(res, 404, 'NotFound', 'the server could not find the requested resource');
      return json(res, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: `${p[1]}/${p[2]}`,
        resources: rs.flatMap((r) => [
          { name: r.plural, singularName: r.kind.toLowerCase(), namespaced: true, kind: r.kind, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
          { name: `${r.plural}/status`, singularName: '', namespaced: true, kind: r.kind, verbs: ['get', 'patch', 'update'] },
        ]),
      });
    }
    // Custom objects: /apis/{group}/{version}/namespaces/{ns}/{plural}[/{name}]
    if (p[0] === 'apis' && p[3] === 'namespaces' && p[4] && p[5]) {
      const r = this.o.resources.find((x) => x.group === p[1] && x.version === p[2] && x.plural === p[5]);
      if (!r) return this.status(res, 404, 'NotFound', 'the server could not find the requested resource');
      return this.crud(req, res, r, p[4], p[6], q, body);
    }
    return this.status(res, 404, 'NotFound', 'the server could not find the requested resource');
  }

  private crud(req: http.IncomingMessage, res: http.ServerResponse, r: Resource, ns: string, name: string | undefined, q: URLSearchParams, body: string): void {
    const base = `${r.group}/${r.version}/${r.plural}/${ns}`;
    const verb = req.method === 'POST' ? 'create' : req.method === 'DELETE' ? 'delete' : req.method === 'PATCH' ? 'patch' : name ? 'get' : q.get('watch') === 'true' ? 'watch' : 'list';
    if (this.denied(verb, r.plural, ns)) return this.forbidden(res, verb, r.plural, ns);
    if (!this.o.namespaces.includes(ns)) return this.status(res, 404, 'NotFound', `namespaces "${ns}" not found`);
    if (!name && req.method === 'GET') {
      const sel = parseSelector(q.get('labelSelector'));
      if (q.get('watch') === 'true') return this.watch(res, base, sel, q.get('resourceVersion'));
      const items = [...this.objects.entries()].filter(([k, o]) => k.startsWith(`${base}/`) && matches(o.metadata.labels ?? {}, sel)).map(([, o]) => o);
      return json(res, 200, { apiVersion: r.group ? `${r.group}/${r.version}` : 'v1', kind: `${r.kind}List`, metadata: { resourceVersion: String(this.rv) }, items });
    }
    if (!name && req.method === 'POST') {
      const o = JSON.parse(body) as Obj;
      const key = `${base}/${o.metadata?.name ?? ''}`;
      const invalid = validate(r, o);
      if (invalid) return this.status(res, 422, 'Invalid', `admission webhook "v${r.kind.toLowerCase()}.kb.io" denied the request: ${invalid}`);
      if (this.objects.has(key)) return this.status(res, 409, 'AlreadyExists', `${r.plural}.${r.group} "${o.metadata.name}" already exists`);
      const obj = this.stamp({ ...o, metadata: { ...o.metadata, namespace: ns } });
      if (q.get('dryRun') === 'All') return json(res, 201, obj);
      this.beforeCreate?.(key);
      if (r.group === 'chaos-mesh.org') obj.metadata.finalizers = ['chaos-mesh/records'];
      if (r.kind === 'ChaosEngine') obj.metadata.finalizers = ['chaosengine.litmuschaos.io/finalizer'];
      this.objects.set(key, obj);
      this.changed('ADDED', key, obj);
      return json(res, 201, obj);
    }
    const key = `${base}/${name ?? ''}`;
    const cur = this.objects.get(key);
    if (!cur) return this.status(res, 404, 'NotFound', `${r.plural}.${r.group} "${name ?? ''}" not found`);
    if (req.method === 'GET') return json(res, 200, cur);
    if (req.method === 'PATCH') {
      if (!/merge-patch/.test(req.headers['content-type'] ?? '')) return this.status(res, 415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`);
      const next = mergePatch(cur, JSON.parse(body)) as Obj;
      this.objects.set(key, this.stamp(next));
      this.changed('MODIFIED', key, next);
      return json(res, 200, next);
    }
    if (req.method === 'DELETE') {
      if (cur.metadata.finalizers?.length) {
        cur.metadata.deletionTimestamp ??= new Date().toISOString();
        this.stamp(cur);
        this.changed('MODIFIED', key, cur);
        return json(res, 200, cur);
      }
      this.objects.delete(key);
      this.changed('DELETED', key, cur);
      if (r.kind === 'TestRun') this.o.pods[ns] = (this.o.pods[ns] ?? []).filter((x) => x.labels.k6_cr !== name);
      return json(res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success', details: { name, kind: r.plural } });
    }
    return this.status(res, 405, 'MethodNotAllowed', 'method not allowed');
  }

  private watch(res: http.ServerResponse, base: string, selector: Record<string, string>, fromRv: string | null): void {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const w: Watcher = { res, key: base, selector };
    this.watchers.add(w);
    res.on('close', () => this.watchers.delete(w));
    const since = fromRv ? Number(fromRv) : undefined;
    if (since !== undefined) {
      for (const e of this.log) if (e.rv > since && e.key.startsWith(`${base}/`) && matches(e.obj.metadata.labels ?? {}, selector)) send(res, e.type, e.obj);
    } else {
      for (const [k, o] of this.objects) if (k.startsWith(`${base}/`) && matches(o.metadata.labels ?? {}, selector)) send(res, 'ADDED', o);
    }
  }

  private denied(verb: string, plural: string, ns: string): boolean {
    return this.o.deny.includes(`${verb} ${plural} ${ns}`) || this.o.deny.includes(`* ${plural} ${ns}`);
  }

  private forbidden(res: http.ServerResponse, verb: string, plural: string, ns: string): void {
    this.status(res, 403, 'Forbidden', `${plural} is forbidden: User "dev" cannot ${verb} resource "${plural}" in the namespace "${ns}"`);
  }

  private status(res: http.ServerResponse, code: number, reason: string, message: string): void {
    json(res, code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
  }

  private stamp(o: Obj): Obj {
    o.metadata.resourceVersion = String(++this.rv);
    o.metadata.uid ??= `uid-${++this.uid}`;
    o.metadata.creationTimestamp ??= new Date().toISOString();
    return o;
  }

  private changed(type: string, key: string, obj: Obj): void {
    const snapshot = structuredClone(obj);
    this.log.push({ rv: Number(obj.metadata.resourceVersion), key, type, obj: snapshot });
    const base = key.slice(0, key.lastIndexOf('/'));
    for (const w of this.watchers) if (w.key === base && matches(obj.metadata.labels ?? {}, w.selector)) send(w.res, type, snapshot);
  }

  private update(key: string, o: Obj): void {
    this.stamp(o);
    this.changed('MODIFIED', key, o);
  }

  // ----- controllers --------------------------------------------------------------------------------------------

  private reconcile(): void {
    for (const [key, o] of [...this.objects]) {
      const plural = key.split('/')[2] ?? '';
      if (o.apiVersion.startsWith('chaos-mesh.org/') && o.kind !== 'Schedule') this.chaosMesh(key, plural, o);
      else if (o.kind === 'ChaosEngine') this.litmus(key, o);
      else if (o.kind === 'TestRun') this.k6(key, o);
      else if (o.metadata.deletionTimestamp && !this.o.stuckFinalizers.includes(plural)) {
        this.objects.delete(key);
        this.changed('DELETED', key, o);
      }
    }
  }

  private chaosMesh(key: string, plural: string, o: Obj): void {
    const spec = o.spec ?? {};
    const ns = o.metadata.namespace;
    const now = Date.now();
    const st = (o.status ??= {}) as { conditions?: Array<{ type: string; status: string }>; experiment?: { desiredPhase: string; containerRecords: Array<Record<string, unknown>> } };
    const oneShot = o.kind === 'PodChaos' && (spec.action === 'pod-kill' || spec.action === 'container-kill');
    const d = parseDuration(spec.duration);
    const started = Date.parse(o.metadata.creationTimestamp);
    const over = d.ok && now - started >= d.value;
    const paused = o.metadata.annotations?.['experiment.chaos-mesh.org/pause'] === 'true';
    const deleting = o.metadata.deletionTimestamp !== undefined;
    const stop = deleting || (!oneShot && (over || paused));
    const ts = new Date(now).toISOString();
    let changed = false;
    if (!st.experiment) {
      // Select: the pods of the selector's namespaces with all labelSelectors, then the mode.
      const sel = (spec.selector ?? {}) as { namespaces?: string[]; labelSelectors?: Record<string, string> };
      const pods = (sel.namespaces ?? [ns]).flatMap((n) => (this.o.pods[n] ?? []).filter((p) => (p.phase ?? 'Running') === 'Running' && matches(p.labels, sel.labelSelectors ?? {})).map((p) => `${n}/${p.name}`));
      const n = pods.length;
      const v = Number(spec.value ?? 0);
      const count = spec.mode === 'all' ? n : spec.mode === 'fixed' ? Math.min(v, n) : String(spec.mode).endsWith('percent') ? Math.floor((n * v) / 100) : Math.min(1, n);
      st.experiment = { desiredPhase: 'Run', containerRecords: pods.slice(0, count).map((id) => ({ id, selectorKey: '.', phase: 'Not Injected', injectedCount: 0, recoveredCount: 0, events: [] })) };
      st.conditions = [
        { type: 'Selected', status: count > 0 ? 'True' : 'False' },
        { type: 'AllInjected', status: 'False' },
        { type: 'AllRecovered', status: 'False' },
        { type: 'Paused', status: 'False' },
      ];
      changed = true;
    } else if (!stop && st.experiment.containerRecords.some((r) => r.phase !== 'Injected') && !this.injectedAt.has(key)) {
      for (const r of st.experiment.containerRecords) {
        r.phase = 'Injected';
        r.injectedCount = Number(r.injectedCount) + 1;
        (r.events as unknown[]).push({ type: 'Succeeded', operation: 'Apply', timestamp: ts });
      }
      if (st.experiment.containerRecords.length) this.injectedAt.set(key, now);
      setCondition(st, 'AllInjected', st.experiment.containerRecords.length > 0);
      changed = st.experiment.containerRecords.length > 0;
    } else if (stop && st.experiment.desiredPhase !== 'Stop') {
      st.experiment.desiredPhase = 'Stop';
      for (const r of st.experiment.containerRecords) {
        if (r.phase !== 'Injected') continue;
        r.phase = 'Not Injected';
        r.recoveredCount = Number(r.recoveredCount) + 1;
        (r.events as unknown[]).push({ type: 'Succeeded', operation: 'Recover', timestamp: ts });
      }
      setCondition(st, 'AllInjected', false);
      setCondition(st, 'AllRecovered', true);
      if (paused) setCondition(st, 'Paused', true);
      changed = true;
    } else if (deleting && (oneShot || st.experiment.desiredPhase === 'Stop') && !this.o.stuckFinalizers.includes(plural)) {
      // Recovered: the finalizer lets go and the object disappears.
      this.objects.delete(key);
      this.changed('DELETED', key, o);
      return;
    }
    if (changed) this.update(key, o);
  }

  /** k6-operator: stages initialization → initialized → created → started → finished; runner pods with exit codes. */
  private k6(key: string, o: Obj): void {
    const ns = o.metadata.namespace;
    const name = o.metadata.name;
    if (o.metadata.deletionTimestamp) return;
    const st = (o.status ??= {}) as { stage?: string };
    const order = ['initialization', 'initialized', 'created', 'started', 'finished'];
    const i = st.stage ? order.indexOf(st.stage) : -1;
    if (i >= order.length - 1) return;
    const next = order[i + 1] ?? 'finished';
    if (next === 'finished') {
      const n = Number((o.spec as { parallelism?: number } | undefined)?.parallelism ?? 1);
      const pods = (this.o.pods[ns] ??= []);
      for (let r = 1; r <= n; r++) {
        const out = this.o.k6Runner(r);
        pods.push({ name: `${name}-${r}-abcde`, labels: { app: 'k6', k6_cr: name, runner: 'true' }, phase: out.exitCode === 0 ? 'Succeeded' : 'Failed', exitCode: out.exitCode, log: out.log });
      }
    }
    st.stage = next;
    this.update(key, o);
  }

  private litmus(key: string, o: Obj): void {
    const spec = o.spec as { engineState?: string; experiments?: Array<{ name: string; spec?: { components?: { env?: Array<{ name: string; value: string }> } } }> };
    const exp = spec.experiments?.[0];
    const ns = o.metadata.namespace;
    const resultKey = `litmuschaos.io/v1alpha1/chaosresults/${ns}/${o.metadata.name}-${exp?.name ?? ''}`;
    const st = (o.status ??= {}) as { engineStatus?: string; experiments?: Array<Record<string, unknown>> };
    const total = Number(exp?.spec?.components?.env?.find((e) => e.name === 'TOTAL_CHAOS_DURATION')?.value ?? '30') * 1000;
    const setResult = (phase: string, verdict: string): void => {
      const r = this.objects.get(resultKey) ?? this.stamp({ apiVersion: 'litmuschaos.io/v1alpha1', kind: 'ChaosResult', metadata: { name: `${o.metadata.name}-${exp?.name ?? ''}`, namespace: ns, labels: { chaosUID: o.metadata.uid } } as unknown as Obj['metadata'], spec: { engine: o.metadata.name, experiment: exp?.name } });
      r.status = { experimentStatus: { phase, verdict, probeSuccessPercentage: verdict === 'Pass' ? '100' : '0' }, history: { targets: [{ name: 'cart', kind: 'deployment', chaosStatus: phase === 'Running' ? 'injected' : 'reverted' }] } };
      this.objects.set(resultKey, r);
      this.update(resultKey, r);
    };
    if (o.metadata.deletionTimestamp) {
      if (!this.o.stuckFinalizers.includes('chaosengines')) {
        this.objects.delete(key);
        this.changed('DELETED', key, o);
      }
      return;
    }
    if (!st.engineStatus) {
      st.engineStatus = 'initialized';
      st.experiments = [{ name: exp?.name, status: 'Running', verdict: 'Awaited', runner: `${o.metadata.name}-runner` }];
      setResult('Running', 'Awaited');
      this.update(key, o);
    } else if (st.engineStatus === 'initialized' && spec.engineState === 'stop') {
      st.engineStatus = 'stopped';
      st.experiments = [{ name: exp?.name, status: 'Forcefully Aborted', verdict: 'Stopped' }];
      setResult('Stopped', 'Stopped');
      this.update(key, o);
    } else if (st.engineStatus === 'initialized' && Date.now() - Date.parse(o.metadata.creationTimestamp) >= total) {
      st.engineStatus = 'completed';
      st.experiments = [{ name: exp?.name, status: 'Completed', verdict: this.o.litmusVerdict }];
      setResult('Completed', this.o.litmusVerdict);
      this.update(key, o);
    }
  }
}

/** The admission webhook's checks, as far as runs' objects go. */
function validate(r: Resource, o: Obj): string | undefined {
  if (!o.metadata?.name) return 'metadata.name: Required value';
  if (r.group !== 'chaos-mesh.org' || r.kind === 'Schedule') return undefined;
  const s = o.spec ?? {};
  if (!s.selector) return 'spec.selector: Required value';
  if (!s.mode) return 'spec.mode: Required value';
  if (r.kind === 'IOChaos' && !s.volumePath) return 'spec.volumePath: Required value';
  if (r.kind === 'StressChaos' && !s.stressors) return 'missing stressors';
  if (s.duration !== undefined && !parseDuration(s.duration).ok) return `spec.duration: Invalid value: "${String(s.duration)}": time: invalid duration`;
  return undefined;
}

function setCondition(st: { conditions?: Array<{ type: string; status: string }> }, type: string, v: boolean): void {
  const c = st.conditions?.find((x) => x.type === type);
  if (c) c.status = v ? 'True' : 'False';
}

function send(res: http.ServerResponse, type: string, object: unknown): void {
  if (!res.destroyed) res.write(`${JSON.stringify({ type, object })}\n`);
}

function json(res: http.ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseSelector(s: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (s ?? '').split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    if (k) out[k] = v ?? '';
  }
  return out;
}

function matches(labels: Record<string, string>, sel: Record<string, string>): boolean {
  return Object.entries(sel).every(([k, v]) => labels[k] === v);
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** A temp dir for kubeconfigs and .dfx/runs, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
