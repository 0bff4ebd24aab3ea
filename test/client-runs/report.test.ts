// The run report page built from records: strict CSP, nothing remote, escaped data, the SLO verdicts both ways, the
// charts with their thresholds and fault marks, the chaos timeline and targets; and media/report.js compiles.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { LoadSample, SloVerdict } from '../../server/src/runs/api';
import { chartSpecs, renderReport, renderReportBody } from '../../client/src/runs/report-html';
import { formatElapsed, lineChart, niceCeil, timeStep } from '../../client/src/runs/report-svg';
import { iso, record } from './fake-runs';

const PAGE = { cspSource: 'vscode-webview://abc', nonce: 'bm9uY2UxMjM0NQ==', scriptUri: 'vscode-webview://abc/media/report.js', styleUri: 'vscode-webview://abc/media/report.css' };

function samples(n: number, p95: (i: number) => number): LoadSample[] {
  return Array.from({ length: n }, (_, i) => ({ t: i + 1, at: iso((i + 1) * 1000), requests: 100, rps: 100, errors: i === 3 ? 5 : 0, errorRate: i === 3 ? 0.05 : 0, p50: 5, p95: p95(i), p99: p95(i) * 1.5, max: 60 }));
}

const latencyOk: SloVerdict = { slo: 'latency', metric: 'latency.p95', threshold: '< 200ms', observed: '42ms', limit: 200, value: 42, bound: 'max', passed: true };
const errorsBad: SloVerdict = { slo: 'errors', metric: 'errorRate', threshold: '< 0.1%', observed: '0.5%', limit: 0.001, value: 0.005, bound: 'max', passed: false };

describe('client-runs: run report', () => {
  it('has a strict CSP with a nonce, loads nothing remote and has no inline handlers', () => {
    const html = renderReport(record({ samples: samples(5, () => 40), slos: [latencyOk] }), PAGE);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-bm9uY2UxMjM0NQ=='/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${PAGE.nonce}" src="${PAGE.scriptUri}">`]);
    assert.doesNotMatch(html, /\s(src|href)="(https?:)?\/\//, 'no remote resources');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  });

  it('escapes everything that comes from the record', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = renderReport(
      record({ name: evil, reason: evil, timeline: [{ at: iso(0), type: 'note', message: evil }], evidence: [{ source: evil, at: iso(0), summary: evil, data: { x: evil } }] }),
      PAGE,
    );
    assert.ok(!html.includes('<img'), 'no raw markup from the record');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  it('judges each SLO threshold: passed and failed rows, the count, the verdict badge and reason', () => {
    const body = renderReportBody(record({ verdict: 'fail', state: 'failed', reason: 'errors: 0.5% > 0.1%', slos: [latencyOk, errorsBad], samples: samples(5, () => 40) }));
    assert.match(body, /<span class="badge fail">FAILED<\/span>/);
    assert.match(body, /<p class="reason">errors: 0.5% &gt; 0.1%<\/p>/);
    assert.match(body, /1\/2 held/);
    assert.match(body, /<tr class="pass"><td class="mark" aria-label="passed">✓<\/td><td>latency<\/td><td>latency.p95<\/td><td>&lt; 200ms<\/td><td>42ms<\/td><td>passed<\/td><\/tr>/);
    assert.match(body, /<tr class="fail"><td class="mark" aria-label="failed">✗<\/td><td>errors<\/td><td>errorRate<\/td><td>&lt; 0.1%<\/td><td>0.5%<\/td><td>failed<\/td><\/tr>/);
    const passed = renderReportBody(record({ slos: [latencyOk], samples: samples(3, () => 40) }));
    assert.match(passed, /<span class="badge pass">PASSED<\/span>/);
    assert.match(passed, /1\/1 held/);
  });

  it('draws latency, throughput and error charts over time, with SLO bounds and fault marks', () => {
    const r = record({
      kind: 'under-load',
      samples: samples(10, (i) => (i >= 4 ? 250 : 40)),
      slos: [{ ...latencyOk, passed: false, observed: '250ms', value: 250 }, errorsBad],
      timeline: [
        { at: iso(4000), type: 'injected', message: 'NetworkChaos delay injected into 2 pods' },
        { at: iso(9000), type: 'recovered', message: 'all targets recovered' },
        { at: iso(0), type: 'phase', message: 'creating' },
      ],
    });
    const specs = chartSpecs(r);
    assert.deepEqual(specs.map((s) => s.title), ['Latency', 'Throughput', 'Errors']);
    const latency = specs[0]!;
    assert.deepEqual(latency.series.map((s) => s.name), ['p50', 'p95', 'p99']);
    assert.deepEqual(latency.series[1]?.points.slice(3, 6), [[4000, 40], [5000, 250], [6000, 250]]);
    assert.deepEqual(latency.thresholds, [{ label: 'latency latency.p95 < 200ms', value: 200, passed: false }]);
    assert.deepEqual(latency.marks?.map((m) => [m.t, m.kind]), [[4000, 'injected'], [9000, 'recovered']]);
    assert.deepEqual(specs[2]?.thresholds?.map((t) => t.value), [0.1], 'error thresholds in percent like the series');
    assert.deepEqual(specs[2]?.series[0]?.points[3], [4000, 5]);

    const body = renderReportBody(r);
    assert.equal(body.match(/<figure class="chart"/g)?.length, 3);
    assert.match(body, /<line class="threshold fail"[^>]*><title>latency latency.p95 &lt; 200ms: 200 ms<\/title>/);
    assert.match(body, /<line class="mark mark-injected"[^>]*><title>NetworkChaos delay injected into 2 pods at 4s<\/title>/);
    assert.match(body, /data-points="1000,40;2000,40;3000,40;4000,40;5000,250/);
  });

  it('shows the chaos timeline, per-target records, objects and leftovers, and the preflight', () => {
    const body = renderReportBody(
      record({
        kind: 'chaos',
        name: 'cart-pod-kill',
        engine: 'chaos-mesh',
        context: 'kind-dfx',
        server: 'https://127.0.0.1:6443',
        namespace: 'shop',
        timeline: [
          { at: iso(0), type: 'created', message: 'PodChaos shop/dfx-cart-pod-kill-1' },
          { at: iso(2000), type: 'injected', message: 'shop/cart-7d9f injected' },
          { at: iso(62_000), type: 'recovered', message: 'shop/cart-7d9f recovered' },
        ],
        targets: [{ id: 'shop/cart-7d9f', phase: 'recovered', injectedAt: iso(2000), recoveredAt: iso(62_000), injectedCount: 1, recoveredCount: 1, message: undefined }],
        created: [{ apiVersion: 'chaos-mesh.org/v1alpha1', kind: 'PodChaos', plural: 'podchaos', namespace: 'shop', name: 'dfx-cart-pod-kill-1' }],
        deleted: [],
        leftovers: [{ apiVersion: 'chaos-mesh.org/v1alpha1', kind: 'PodChaos', plural: 'podchaos', namespace: 'shop', name: 'dfx-cart-pod-kill-1', reason: 'finalizer chaos-mesh/records stuck' }],
        preflight: [{ id: 'crd', title: 'CRDs present', status: 'pass', detail: 'podchaos.chaos-mesh.org v1alpha1' }],
      }),
    );
    assert.match(body, /Chaos experiment/);
    assert.match(body, /<dt>Context<\/dt><dd>kind-dfx \(https:\/\/127.0.0.1:6443\)<\/dd>/);
    assert.match(body, /<li class="ev ev-injected"><time datetime="[^"]+" title="[^"]+">\+2s<\/time><span class="type">injected<\/span> shop\/cart-7d9f injected<\/li>/);
    assert.match(body, /<li class="ev ev-recovered"><time[^>]*>\+1m2s<\/time>/);
    assert.match(body, /<tr class="phase-recovered"><td><code>shop\/cart-7d9f<\/code><\/td><td>recovered<\/td>/);
    assert.match(body, /<li class="leftover">PodChaos shop\/dfx-cart-pod-kill-1 — still present: finalizer chaos-mesh\/records stuck<\/li>/);
    assert.match(body, /CRDs present/);
    assert.doesNotMatch(body, /<figure/, 'a chaos run without load has no charts');
    assert.match(body, /names no SLOs as its steady-state hypothesis/);
  });

  it('says so when a load test has no samples yet, and labels a live run by its state', () => {
    const body = renderReportBody(record({ state: 'running', verdict: undefined, finishedAt: undefined }));
    assert.match(body, /No load samples yet/);
    assert.match(body, /<span class="badge live">RUNNING<\/span>/);
  });

  it('chart helpers: empty charts say so, axis tops are round, elapsed times read naturally', () => {
    assert.match(lineChart({ title: 'Latency', unit: 'ms', series: [{ name: 'p95', points: [] }] }), /No latency samples were recorded/);
    assert.deepEqual([0, 7, 230, 0.004, 1000].map(niceCeil), [1, 10, 250, 0.005, 1000]);
    assert.deepEqual([1000, 10_000, 30_000, 95_000, 3_600_000].map(timeStep), [1000, 2000, 10_000, 30_000, 900_000]);
    const ticks = [...lineChart({ title: 'T', unit: '', series: [{ name: 'a', points: [[0, 1], [30_000, 2]] }] }).matchAll(/text-anchor="middle">([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(ticks, ['0s', '10s', '20s', '30s']);
    assert.deepEqual([0, 999, 90_500, 3_723_000, 3_600_000].map(formatElapsed), ['0s', '1s', '1m31s', '1h2m3s', '1h0m']);
  });

  it('media/report.js and report.css exist, and the script compiles without a DOM', () => {
    const media = path.resolve(__dirname, '../../media');
    const js = fs.readFileSync(path.join(media, 'report.js'), 'utf8');
    assert.doesNotThrow(() => new vm.Script(js, { filename: 'report.js' }));
    assert.doesNotMatch(js, /https?:\/\/|eval\(|new Function/);
    assert.ok(fs.statSync(path.join(media, 'report.css')).size > 0);
  });
});
