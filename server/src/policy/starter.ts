// The starter `.dfx.yaml` the "DFX: Create Policy" command writes: filled from what a folder contains (languages,
// Kubernetes workloads with their namespaces and labels), valid as written, with the choices left to the team
// commented. No vscode imports: the server computes it, the client only writes it.
import * as path from 'node:path';
import type { Engine } from '../engine/analyzer';
import { decodeText, readTextFileSync, walkFilesSync } from '../engine/files';
import { k8sObjects, k8sWorkloads } from '../engine/kubernetes';
import { isPolicyPath, type LanguageId } from '../engine/languages';
import { yamlDocuments } from '../engine/yaml-ast';
import type { PolicyLanguage } from './types';

/** What the starter is built from. */
export interface WorkspaceFacts {
  /** Service name: the folder's name. */
  name: string;
  languages: PolicyLanguage[];
  workloads: { kind: string; name: string; namespace: string | undefined; labels: Record<string, string> }[];
  /** Files looked at (the scan stops at a bound). */
  scanned: number;
}

const LANGUAGE: Record<LanguageId, PolicyLanguage | undefined> = {
  go: 'go', typescript: 'typescript', tsx: 'typescript', javascript: 'javascript', python: 'python', java: 'java', yaml: undefined,
};

/** Scan a folder (respecting .gitignore and the vendored/generated skips), at most `maxFiles` files. */
export function gatherFacts(root: string, engine: Engine, opts: { exclude?: readonly string[]; maxFiles?: number } = {}): WorkspaceFacts {
  const languages = new Set<PolicyLanguage>();
  const workloads: WorkspaceFacts['workloads'] = [];
  let scanned = 0;
  for (const file of walkFilesSync([root], { exclude: opts.exclude ?? [], maxFileSize: 1024 * 1024 })) {
    if (++scanned > (opts.maxFiles ?? 5000)) break;
    const lang = LANGUAGE[file.language];
    if (lang) {
      languages.add(lang);
      continue;
    }
    if (file.language !== 'yaml' || isPolicyPath(file.path)) continue;
    const { text } = file.content ? decodeText(file.content) : readTextFileSync(file.path);
    if (!/^kind:/m.test(text)) continue;
    let tree;
    try {
      tree = engine.parse('yaml', text, null, 1000);
    } catch {
      continue;
    }
    try {
      for (const w of k8sWorkloads(k8sObjects(yamlDocuments(tree)))) {
        const labels: Record<string, string> = {};
        const l = w.root.pairs.find((p) => p.key === 'metadata')?.value;
        const lv = l?.kind === 'map' ? l.pairs.find((p) => p.key === 'labels')?.value : undefined;
        if (lv?.kind === 'map') for (const p of lv.pairs) if (p.value?.kind === 'scalar' && p.value.value !== null) labels[p.key] = String(p.value.value);
        workloads.push({ kind: w.kind, name: w.name, namespace: w.namespace, labels });
      }
      if (workloads.length) languages.add('kubernetes');
    } finally {
      tree.delete();
    }
  }
  const order: PolicyLanguage[] = ['go', 'typescript', 'javascript', 'python', 'java', 'kubernetes'];
  return { name: path.basename(root), languages: order.filter((l) => languages.has(l)), workloads, scanned };
}

const FRAMEWORK: Partial<Record<PolicyLanguage, string>> = { go: 'testing', typescript: 'vitest', javascript: 'vitest', python: 'pytest', java: 'junit5' };

/** A YAML plain scalar when safe, else a double-quoted string. */
function scalar(s: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(s) && !/^(true|false|yes|no|on|off|null|~|\d.*)$/i.test(s) ? s : JSON.stringify(s);
}

/** The starter policy text for the facts. It validates without errors (a test checks). */
export function starterPolicy(f: WorkspaceFacts): string {
  const name = f.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'my-service';
  const namespaces = [...new Set(f.workloads.map((w) => w.namespace ?? 'default'))].sort();
  const target = f.workloads.find((w) => Object.keys(w.labels).length && ['Deployment', 'StatefulSet'].includes(w.kind)) ?? f.workloads[0];
  const out: string[] = [
    '# DFX policy (genai4dfx, version 1): the team\'s performance, security, reliability and testability intent.',
    '# Reference: https://github.com/genai4dfx/genai4dfx/blob/main/docs/policy.md — the editor completes and checks this file.',
    'version: 1',
    `service: ${scalar(name)}`,
    '',
    'owners:',
    '  - team: my-team            # who answers for this service',
    '    contact: "#my-team"',
    '',
  ];
  if (f.languages.length) out.push(`languages: [${f.languages.join(', ')}]`);
  out.push('exclude:', '  - "**/testdata/**"', '', '# Levels by pillar or rule id: off | hint | info | warning | error (an id wins over its pillar).', 'rules:', '  security: warning', '  reliability: warning', '  performance: warning', '  testability: hint', '');
  out.push('slos:', '  - name: latency-p99', '    latency:', '      p99: 500ms', '  - name: error-rate', '    errorRate: 0.1%', '  - name: availability', '    availability: 99.9%', '    window: 30d', '');
  out.push('reliability:', '  timeouts:', '    default: 2s', '  retry:', '    maxAttempts: 3', '    backoff: exponential', '    initialDelay: 100ms', '    maxDelay: 2s', '    jitter: full');
  if (f.languages.includes('kubernetes')) out.push('  kubernetes:', '    minReplicas: 2', '    requireProbes: [liveness, readiness]', '    requireResources: true');
  out.push('', 'security:');
  if (f.languages.includes('kubernetes')) out.push('  baseline: restricted        # Pod Security Standard: privileged | baseline | restricted');
  out.push('  minTlsVersion: "1.2"', '', 'testability:', '  complexityThreshold: 15', '  clockInjection: true');
  const fw = f.languages.filter((l) => FRAMEWORK[l]);
  if (fw.length) out.push('  frameworks:', ...fw.map((l) => `    ${l}: ${FRAMEWORK[l]}`));
  if (target) {
    const ns = target.namespace ?? 'default';
    const labels = Object.entries(target.labels).slice(0, 2);
    out.push('', '# Found in the manifests: ' + f.workloads.slice(0, 8).map((w) => `${w.kind} ${w.name}${w.namespace ? ` (${w.namespace})` : ''}`).join(', ') + (f.workloads.length > 8 ? ', …' : ''));
    out.push('chaos:', '  experiments:', `    - name: ${scalar(`${target.name}-pod-kill`)}`, '      engine: chaos-mesh', '      kind: PodChaos', '      action: pod-kill', '      target:', `        namespace: ${scalar(ns)}`);
    if (labels.length) out.push('        labels:', ...labels.map(([k, v]) => `          ${scalar(k)}: ${scalar(v)}`));
    out.push('        mode: one', '      duration: 30s', '      hypothesis:', '        slos: [error-rate]');
    out.push('  guardrails:', '    allowedContexts: ["kind-*", "k3d-*", "minikube"]', `    allowedNamespaces: [${namespaces.map(scalar).join(', ')}]`, '    maxDuration: 5m', '    maxBlastRadius: 1', '    requireConfirmation: true');
  }
  out.push('', 'perf:', '  scenarios:', '    - name: smoke', '      engine: local', '      target: http://127.0.0.1:8080/healthz', '      vus: 5', '      duration: 10s', '      slos: [latency-p99, error-rate]', '');
  return out.join('\n');
}
