// `npm run bench`: prints figures for the core issue's targets. Not a test: nothing here fails on a slow machine.
//   1. CLI scan throughput (MB/s, files/s) on the corpus the core issue names (examples/ and generated code), on
//      real open-source code (npm packages, and Debian's Go and Python sources when installed), and on a stress
//      corpus of rule fixtures (a finding every few lines);
//   2. edit-to-diagnostics latency over the real LSP connection for one-character edits in a 2,000-line file;
//   3. server start to first diagnostics, and server RSS after a workspace scan of the corpus;
//   4. `.dfx.yaml`: a 10,000-line policy (first diagnostics, edit→diagnostics, completion over LSP) and bad input
//      (syntax error in the middle, tabs, duplicate keys, aliases, several documents) parsed and validated in process.
//   BENCH_ONLY=policy runs only 4; BENCH_ONLY=cli only 1; BENCH_ONLY=edit only 2.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import { Query } from 'web-tree-sitter';
import { Engine } from '../../server/src/engine/analyzer';
import { isQueryRule } from '../../server/src/engine/define-rule';
import { languageForPath } from '../../server/src/engine/languages';
import { querySource } from '../../server/src/engine/registry';
import { CompletionRequest } from 'vscode-languageserver-protocol/node';
import { checkPolicyText } from '../../server/src/policy/load';
import { ROOT } from '../helpers/engine';
import { TestClient } from '../helpers/lsp-client';
import { buildCorpus, buildSpecCorpus, generatedGo, generatedTs } from './corpus';

const corpusMb = Number(process.env.BENCH_CORPUS_MB ?? 8);
const edits = Number(process.env.BENCH_EDITS ?? 300);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
const f1 = (n: number): string => n.toFixed(1);
const f2 = (n: number): string => n.toFixed(2);

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

async function editLatency(label: string, languageId: string, ext: string, text: string): Promise<void> {
  const { client } = await TestClient.start();
  const uri = `file:///bench/big.${ext}`;
  await client.open(uri, languageId, text);
  await client.diagnostics(uri);
  const lines = text.split('\n');
  const times: number[] = [];
  let findings = 0;
  let line = 40;
  let character = 0;
  for (let i = 0; i < edits; i++) {
    // Type a character somewhere in the file, then delete it on the next round: realistic typing.
    if (i % 2 === 0) {
      line = 40 + ((i * 37) % (lines.length - 80));
      character = Math.min(2, lines[line]?.length ?? 0);
    }
    const t0 = performance.now();
    if (i % 2 === 0) await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
    else await client.change(uri, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' }]);
    findings = (await client.diagnostics(uri)).length;
    times.push(performance.now() - t0);
  }
  console.log(`edit→diagnostics  ${label.padEnd(26)} p50 ${f2(pct(times, 50))} ms  p99 ${f2(pct(times, 99))} ms  max ${f2(Math.max(...times))} ms  (${edits} edits, ${findings} findings, target p99 < 30 ms)`);
  await client.stop();
}

/** `genai4dfx check` as CI runs it, timed from spawn to exit (start-up included); returns the bytes it scanned. */
/**
 * `genai4dfx check` of `dir` in a process of its own, RUNS times; the figure is the median wall time (this machine's
 * speed drifts by 5-8% over minutes, more than a single run can tell from a change), with the spread beside it.
 */
function cliThroughput(label: string, dir: string): number {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  const times: number[] = [];
  let report: { findings: unknown[]; stats: { files: number; bytes: number; startupMs: number } } | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    // Bytes, decoded after the clock stops: turning 12 MB of report into a string is this process's work, not the CLI's.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', dir, '--format', 'json', '--fail-on', 'none'], { maxBuffer: 1 << 30 });
    times.push((performance.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`cli exited ${r.status}: ${r.stderr.toString('utf8')}`);
    const parsed = JSON.parse(r.stdout.toString('utf8')) as NonNullable<typeof report>;
    if (report && parsed.findings.length !== report.findings.length) throw new Error(`${label}: ${parsed.findings.length} findings, then ${report.findings.length}`);
    report = parsed;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const secs = sorted[Math.floor(sorted.length / 2)] as number;
  const { files, bytes, startupMs } = (report as NonNullable<typeof report>).stats;
  const spread = runs > 1 ? `, median of ${runs}: ${sorted.map((t) => f2(t)).join(' / ')} s` : '';
  console.log(`cli check         ${label.padEnd(14)} ${f2(bytes / 1024 / 1024 / secs)} MB/s, ${Math.round(files / secs)} files/s (${files} files, ${f1(bytes / 1024 / 1024)} MB, ${(report as NonNullable<typeof report>).findings.length} findings) in ${f2(secs)} s wall incl. ${Math.round(startupMs)} ms start${spread} (target ≥ 3 MB/s)`);
  return bytes;
}

/**
 * Real open-source code at hand on any machine that ran `npm ci` (openai's TypeScript SDK, undici), plus Go and
 * Python from Debian packages when installed (grpc-go, the Python standard library). Copied out of node_modules,
 * which the CLI skips. Returns what went in.
 */
function realCorpus(dir: string): string[] {
  const parts: [string, string][] = [
    ['openai', path.join(ROOT, 'node_modules/openai')],
    ['undici', path.join(ROOT, 'node_modules/undici')],
    ['grpc-go', '/usr/share/gocode/src/google.golang.org/grpc'],
    ['python3.11 stdlib (email, http, json, asyncio)', '/usr/lib/python3.11/email'],
    ['', '/usr/lib/python3.11/http'],
    ['', '/usr/lib/python3.11/json'],
    ['', '/usr/lib/python3.11/asyncio'],
  ];
  const used: string[] = [];
  for (const [name, src] of parts) {
    if (!fs.existsSync(src)) continue;
    fs.cpSync(src, path.join(dir, path.basename(src)), { recursive: true, dereference: true, filter: (p) => !/(^|\/)(node_modules|__pycache__|testdata)(\/|$)/.test(path.relative(src, p)) });
    if (name) used.push(name);
  }
  return used;
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, out);
    else out.push(p);
  }
  return out;
}

/** Why the engine fuses: every rule query run separately vs one fused query per language (no gates), over the same trees. */
async function fusion(dir: string): Promise<void> {
  const engine = await Engine.create({ grammarDir: path.join(ROOT, 'grammars'), gates: false });
  let separate = 0;
  let fused = 0;
  let same = true;
  for (const [lang, f] of engine.registry.fused) {
    const files = filesUnder(dir).filter((p) => languageForPath(p) === lang).slice(0, 300);
    const trees = files.map((p) => engine.parse(lang, fs.readFileSync(p, 'utf8')));
    const singles = f.rules.filter((d) => isQueryRule(d.spec)).map((d) => new Query(engine.pool.language(lang), isQueryRule(d.spec) ? querySource(d.spec, lang) : ''));
    let a = 0;
    let b = 0;
    let t = performance.now();
    for (const tree of trees) for (const q of singles) a += q.matches(tree.rootNode).length;
    separate += performance.now() - t;
    t = performance.now();
    for (const tree of trees) b += f.query.matches(tree.rootNode).length;
    fused += performance.now() - t;
    if (a !== b) same = false;
    for (const q of singles) q.delete();
    for (const tree of trees) tree.delete();
  }
  console.log(`query fusion      separate queries ${f1(separate)} ms, fused ${f1(fused)} ms: ${f2(separate / fused)}× faster (same matches: ${same ? 'yes' : 'NO'})`);
  engine.registry.dispose();
}

/** A valid policy of about `lines` lines: many SLOs, experiments referencing them, and scenarios. */
function bigPolicy(lines: number): string {
  const out = ['version: 1', 'service: bench', 'rules:', '  security: error', 'slos:'];
  const n = Math.floor((lines - 12) / 5.75);
  for (let i = 0; i < n; i++) out.push(`  - name: slo-${i}`, `    endpoint: GET /item/${i}`, '    latency:', `      p95: ${100 + (i % 50)}ms`);
  out.push('chaos:', '  experiments:');
  for (let i = 0; i < n / 4; i++) out.push(`    - name: exp-${i}`, '      engine: chaos-mesh', '      kind: PodChaos', '      action: pod-kill', '      target: { namespace: shop, labels: { app: cart } }', '      duration: 30s', `      hypothesis: { slos: [slo-${i}] }`);
  out.push('  guardrails:', '    allowedNamespaces: [shop]', '    allowedContexts: [kind-*]');
  return `${out.join('\n')}\n`;
}

async function policyBench(): Promise<void> {
  const text = bigPolicy(10_000);
  const lineCount = text.split('\n').length - 1;
  const engine = await Engine.create({ grammarDir: path.join(ROOT, 'grammars') });
  const mid = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  const cases: [string, string][] = [
    ['valid', text],
    ['syntax error in the middle', `${text.slice(0, mid)}  - name: broken\n    latency: { p95: 200ms\n${text.slice(mid)}`],
    ['tabs', text.replace(/\n {4}latency:/g, '\n\tlatency:')],
    ['duplicate keys', text.replace(/\n {4}endpoint: (.*)/g, '\n    endpoint: $1\n    endpoint: $1')],
    ['aliases', text.replace('  - name: slo-0\n', '  - &first\n    name: slo-0\n').replace(/hypothesis: \{ slos: \[slo-(\d+)\] \}/g, 'target2: *first')],
    ['multi-document', `${text}---\n${text}`],
  ];
  for (const [label, t] of cases) {
    const times: number[] = [];
    let problems = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      problems = checkPolicyText(t, (x) => engine.parse('yaml', x, null, 10_000), engine.registry.metas()).problems.length;
      times.push(performance.now() - t0);
    }
    console.log(`policy check      ${label.padEnd(27)} ${f1(pct(times, 50))} ms median of 5 (${t.split('\n').length} lines, ${problems} problems; parse + validate)`);
  }
  engine.registry.dispose();

  const { client } = await TestClient.start();
  // A policy of a realistic size first: the shop example.
  const shop = fs.readFileSync(path.join(ROOT, 'examples/shop/.dfx.yaml'), 'utf8');
  const shopUri = 'file:///bench/shop/.dfx.yaml';
  await client.open(shopUri, 'dfx-policy', shop);
  await client.diagnostics(shopUri);
  const shopTimes: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    if (i % 2 === 0) await client.change(shopUri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '#' }]);
    else await client.change(shopUri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: '' }]);
    await client.diagnostics(shopUri);
    shopTimes.push(performance.now() - t0);
  }
  console.log(`policy edit→diag  shop example, ${shop.split('\n').length} lines p50 ${f2(pct(shopTimes, 50))} ms  p99 ${f2(pct(shopTimes, 99))} ms`);
  await client.close(shopUri);
  const uri = 'file:///bench/svc/.dfx.yaml';
  const o0 = performance.now();
  await client.open(uri, 'dfx-policy', text);
  const first = await client.diagnostics(uri);
  console.log(`policy LSP open   ${lineCount} lines → first diagnostics ${f1(performance.now() - o0)} ms (${first.length} problems)`);
  const lines = text.split('\n');
  const times: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < Math.min(edits, 200); i++) {
    const line = 10 + ((i * 37) % (lines.length - 20));
    const t0 = performance.now();
    if (i % 2 === 0) await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '#' }]);
    else await client.change(uri, [{ range: { start: { line: 10 + (((i - 1) * 37) % (lines.length - 20)), character: 0 }, end: { line: 10 + (((i - 1) * 37) % (lines.length - 20)), character: 1 } }, text: '' }]);
    await client.diagnostics(uri);
    times.push(performance.now() - t0);
    if (i % 10 === 0) {
      const c0 = performance.now();
      await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: lines.length - 5, character: 4 } });
      completions.push(performance.now() - c0);
    }
  }
  console.log(`policy edit→diag  ${lineCount} lines p50 ${f2(pct(times, 50))} ms  p99 ${f2(pct(times, 99))} ms  (${times.length} edits; completion p50 ${f2(pct(completions, 50))} ms)`);
  await client.stop();
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'policy') {
    await policyBench();
    return;
  }
  if (process.env.BENCH_ONLY === 'edit') {
    await editLatency('Go, 2,000 lines', 'go', 'go', generatedGo(2000));
    await editLatency('TypeScript, 2,000 lines', 'typescript', 'ts', generatedTs(2000));
    return;
  }
  const dir = path.join(os.tmpdir(), `genai4dfx-bench-${process.pid}`);
  try {
    console.log(`genai4dfx bench — node ${process.version}, ${os.cpus().length} cpu(s) ${os.cpus()[0]?.model ?? ''}`);
    // 1. CLI throughput (one process, one thread, all rules on) on three corpora: the one the core issue names
    //    (examples + generated code), real open-source code, and a stress corpus of rule fixtures.
    const spec = path.join(dir, 'spec');
    const sc = buildSpecCorpus(ROOT, spec, corpusMb);
    console.log(`corpus            spec: ${sc.files} files, ${f1(sc.bytes / 1024 / 1024)} MB (examples/ with renamed identifiers + generated Go/TS/Python/Java)`);
    cliThroughput('spec corpus', spec);
    const real = realCorpus(path.join(dir, 'real'));
    if (real.length) {
      console.log(`corpus            real code: ${real.join(', ')}`);
      cliThroughput('real code', path.join(dir, 'real'));
    }
    const stress = path.join(dir, 'stress');
    const corpus = buildCorpus(ROOT, stress, corpusMb);
    fs.writeFileSync(path.join(stress, 'big.go'), generatedGo(2000));
    console.log(`corpus            stress: ${corpus.files + 1} files, ${f1(corpus.bytes / 1024 / 1024)} MB (every rule fixture, copied: a finding every few lines)`);
    const total = cliThroughput('stress corpus', stress);

    if (process.env.BENCH_ONLY === 'cli') return;
    await fusion(stress);

    // 2. Edit latency.
    await editLatency('Go, 2,000 lines', 'go', 'go', generatedGo(2000));
    await editLatency('TypeScript, 2,000 lines', 'typescript', 'ts', generatedTs(2000));

    // 3. Start to first diagnostics, then RSS after a workspace scan.
    const s0 = performance.now();
    const { client } = await TestClient.start({ rootUri: `file://${stress}` });
    const goText = fs.readFileSync(path.join(ROOT, 'examples/shop/cart/handlers.go'), 'utf8');
    await client.open('file:///bench/first.go', 'go', goText);
    const first = await client.diagnostics('file:///bench/first.go');
    console.log(`start→first diag  ${f1(performance.now() - s0)} ms (spawn, initialize, load grammars and rules, open, analyse; ${first.length} findings)`);
    console.log(`server RSS idle   ${f1(rssMb(client.proc.pid!))} MB`);
    const w0 = performance.now();
    const ws = await client.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    const wsecs = (performance.now() - w0) / 1000;
    const n = ws.items.reduce((k, i) => k + (i.kind === 'full' ? i.items.length : 0), 0);
    console.log(`workspace scan    ${ws.items.length} files, ${n} findings in ${f2(wsecs)} s (${f2(total / 1024 / 1024 / wsecs)} MB/s)`);
    console.log(`server RSS        ${f1(rssMb(client.proc.pid!))} MB after the workspace scan (target < 300 MB)`);
    await client.stop();

    // 4. Policies.
    await policyBench();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
