// The run report as one HTML page, built from a RunRecord. No vscode import: the panel passes the webview's CSP source,
// a fresh nonce and the media URIs; tests render records and read the text. Nothing remote is loaded: the CSP allows
// only the extension's own style and the one nonce'd script (media/report.js, which adds chart readouts).
import * as l10n from '@vscode/l10n';
import type { LoadSample, RunRecord, SloVerdict, TimelineEntry } from '../../../server/src/runs/api';
import { stateLabel } from './model';
import { escapeHtml as esc, formatElapsed, lineChart, type ChartSpec } from './report-svg';

export interface ReportPage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce per render. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The language of the page's static texts (`vscode.env.language` when a translation bundle is loaded); `en` if unset. */
  lang?: string;
}

/** The Content-Security-Policy of the report: no network, no inline script, no eval. */
export function reportCsp(page: Pick<ReportPage, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `img-src ${page.cspSource} data:`,
    `script-src 'nonce-${page.nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The whole document. */
export function renderReport(r: RunRecord, page: ReportPage): string {
  return `<!DOCTYPE html>
<html lang="${esc(page.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(page).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${esc(page.styleUri)}">
<title>${esc(l10n.t('{0}: run report', r.name))}</title>
</head>
<body>
<main id="report" data-run-id="${esc(r.id)}">
${renderReportBody(r)}
</main>
<script nonce="${esc(page.nonce)}" src="${esc(page.scriptUri)}"></script>
</body>
</html>`;
}

/** The body alone: the panel posts it to the page for live updates instead of reloading the document. */
export function renderReportBody(r: RunRecord): string {
  return [header(r), sloSection(r.slos, r), chartsSection(r), timelineSection(r), targetsSection(r), objectsSection(r), preflightSection(r), evidenceSection(r)]
    .filter(Boolean)
    .join('\n');
}

function header(r: RunRecord): string {
  const v = verdictOf(r);
  const kind = r.kind === 'chaos' ? l10n.t('Chaos experiment') : r.kind === 'perf' ? l10n.t('Load test') : l10n.t('Experiment under load');
  const start = r.startedAt ?? r.createdAt;
  const duration = r.finishedAt ? formatElapsed(Date.parse(r.finishedAt) - Date.parse(start)) : undefined;
  const facts: [string, string | undefined][] = [
    [l10n.t('Engine'), r.loadEngine && r.loadEngine !== r.engine ? `${r.engine} + ${r.loadEngine}` : r.engine],
    [l10n.t('Context'), r.context ? `${r.context}${r.server ? ` (${r.server})` : ''}` : l10n.t('local, no cluster')],
    [l10n.t('Namespace'), r.namespace],
    [l10n.t('Started'), l10n.t('{0} by {1}', start, `${r.who}@${r.host}`)],
    [l10n.t('Duration'), duration],
    [l10n.t('Policy'), r.policyPath],
    [l10n.t('Run id'), r.id],
  ];
  return `<header class="verdict-${v.cls}">
<h1>${esc(r.name)} <span class="badge ${v.cls}">${esc(v.text)}</span></h1>
<p class="kind">${esc(kind)}${r.dryRun ? esc(l10n.t(' — dry run, nothing was created')) : ''}${r.stoppedEarly ? ` — <strong>${esc(l10n.t('fault stopped early: the steady state broke'))}</strong>` : ''}</p>
${r.reason ? `<p class="reason">${esc(r.reason)}</p>` : ''}
<dl class="facts">${facts
    .filter((f): f is [string, string] => Boolean(f[1]))
    .map(([k, val]) => `<dt>${esc(k)}</dt><dd>${esc(val)}</dd>`)
    .join('')}</dl>
</header>`;
}

/** The badge: verdict when there is one, else the live state. */
export function verdictOf(r: Pick<RunRecord, 'verdict' | 'state'>): { text: string; cls: string } {
  switch (r.verdict) {
    case 'pass':
      return { text: l10n.t('PASSED'), cls: 'pass' };
    case 'fail':
      return { text: l10n.t('FAILED'), cls: 'fail' };
    case 'aborted':
      return { text: l10n.t('ABORTED'), cls: 'aborted' };
    case 'error':
      return { text: l10n.t('ERROR'), cls: 'error' };
    case undefined:
      return { text: stateLabel(r.state).toUpperCase(), cls: 'live' };
  }
}

function sloSection(slos: readonly SloVerdict[], r: RunRecord): string {
  if (!slos.length) {
    return `<section id="slos"><h2>SLOs</h2><p class="empty">${esc(r.kind === 'chaos' ? l10n.t('This experiment names no SLOs as its steady-state hypothesis; the verdict comes from the chaos engine.') : l10n.t('No SLO thresholds were judged.'))}</p></section>`;
  }
  const rows = slos
    .map((s) => {
      const cls = s.unknown ? 'unknown' : s.passed ? 'pass' : 'fail';
      const mark = s.unknown ? '?' : s.passed ? '✓' : '✗';
      const label = esc(s.unknown ? l10n.t('not measured') : s.passed ? l10n.t('passed') : l10n.t('failed'));
      return `<tr class="${cls}"><td class="mark" aria-label="${label}">${mark}</td><td>${esc(s.slo)}</td><td>${esc(s.metric)}</td><td>${esc(s.threshold)}</td><td>${esc(s.observed)}</td><td>${label}</td></tr>`;
    })
    .join('');
  const failed = slos.filter((s) => !s.passed && !s.unknown).length;
  return `<section id="slos"><h2>SLOs <span class="count">${slos.length - failed}/${slos.length} held</span></h2>
<table><thead><tr><th></th><th>SLO</th><th>${esc(l10n.t('Metric'))}</th><th>${esc(l10n.t('Threshold'))}</th><th>${esc(l10n.t('Observed'))}</th><th>${esc(l10n.t('Result'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The latency, throughput and error charts, with the SLO bounds and the fault marks. */
export function chartSpecs(r: RunRecord): ChartSpec[] {
  if (!r.samples.length) return [];
  const t0 = loadStart(r.samples);
  const pts = (pick: (s: LoadSample) => number): [number, number][] => r.samples.map((s) => [s.t * 1000, pick(s)]);
  const marks = r.timeline
    .filter((e) => ['injected', 'recovered', 'slo-breach', 'stop-early'].includes(e.type))
    .map((e) => ({ t: Math.max(0, Date.parse(e.at) - t0), label: e.message, kind: e.type }))
    .filter((m) => Number.isFinite(m.t));
  const threshold = (prefix: string, scale: number): ChartSpec['thresholds'] =>
    r.slos
      .filter((s) => s.metric.startsWith(prefix) && !s.unknown)
      .map((s) => ({ label: `${s.slo} ${s.metric} ${s.threshold}`, value: s.limit * scale, passed: s.passed }));
  return [
    {
      title: l10n.t('Latency'),
      unit: 'ms',
      series: [
        { name: 'p50', points: pts((s) => s.p50) },
        { name: 'p95', points: pts((s) => s.p95) },
        { name: 'p99', points: pts((s) => s.p99) },
      ],
      thresholds: threshold('latency', 1),
      marks,
    },
    { title: l10n.t('Throughput'), unit: 'req/s', series: [{ name: l10n.t('requests/s'), points: pts((s) => s.rps) }], thresholds: threshold('throughput', 1), marks },
    { title: l10n.t('Errors'), unit: '%', series: [{ name: l10n.t('error rate'), points: pts((s) => s.errorRate * 100) }], thresholds: threshold('errorRate', 100), marks },
  ];
}

/** When the load started: the first sample's time minus its offset (samples carry both). */
function loadStart(samples: readonly LoadSample[]): number {
  const first = samples[0];
  return first ? Date.parse(first.at) - first.t * 1000 : 0;
}

function chartsSection(r: RunRecord): string {
  const specs = chartSpecs(r);
  const load = r.load;
  const summary = load
    ? `<p class="summary">${l10n.t('{0} requests to {1} in {2}', load.requests, `<code>${esc(load.target)}</code>`, formatElapsed(load.durationMs))}: ${load.rps.toFixed(1)} req/s, ${l10n.t('{0}% errors', (load.errorRate * 100).toFixed(2))}, p50 ${load.latency.p50} ms, p95 ${load.latency.p95} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms${statusCodes(load.statusCodes)}.</p>`
    : '';
  if (!specs.length && !summary) return r.kind === 'chaos' ? '' : `<section id="charts"><h2>${esc(l10n.t('Load'))}</h2><p class="empty">${esc(l10n.t('No load samples yet.'))}</p></section>`;
  const key = specs.length
    ? `<p class="chart-key">${esc(l10n.t('Dashed lines: SLO bounds (green held, red broken). Dotted lines: fault injected, SLO breach (amber) and recovered (green); hover them for details.'))}</p>`
    : '';
  return `<section id="charts"><h2>${esc(l10n.t('Load'))}</h2>${summary}${key}${specs.map(lineChart).join('\n')}</section>`;
}

function statusCodes(codes: Record<string, number>): string {
  const entries = Object.entries(codes);
  return entries.length ? `; ${entries.map(([k, n]) => `${n}× ${esc(k)}`).join(', ')}` : '';
}

function timelineSection(r: RunRecord): string {
  if (!r.timeline.length) return '';
  const start = Date.parse(r.startedAt ?? r.createdAt);
  const items = r.timeline.map((e: TimelineEntry) => {
    const at = Date.parse(e.at);
    const offset = Number.isFinite(at) && Number.isFinite(start) ? `+${formatElapsed(Math.max(0, at - start))}` : '';
    return `<li class="ev ev-${esc(e.type)}"><time datetime="${esc(e.at)}" title="${esc(e.at)}">${esc(offset)}</time><span class="type">${esc(e.type)}</span> ${esc(e.message)}</li>`;
  });
  return `<section id="timeline"><h2>${esc(l10n.t('Timeline'))}</h2><ol class="timeline">${items.join('')}</ol></section>`;
}

function targetsSection(r: RunRecord): string {
  if (!r.targets.length) return r.kind === 'perf' ? '' : `<section id="targets"><h2>${esc(l10n.t('Targets'))}</h2><p class="empty">${esc(l10n.t('No targets were recorded.'))}</p></section>`;
  const rows = r.targets
    .map(
      (t) =>
        `<tr class="phase-${esc(t.phase)}"><td><code>${esc(t.id)}</code></td><td>${esc(t.phase)}</td><td>${esc(t.injectedAt ?? '—')}</td><td>${esc(t.recoveredAt ?? '—')}</td><td>${t.injectedCount}/${t.recoveredCount}</td><td>${esc(t.message ?? '')}</td></tr>`,
    )
    .join('');
  return `<section id="targets"><h2>${esc(l10n.t('Targets'))} <span class="count">${r.targets.length}</span></h2>
<table><thead><tr><th>${esc(l10n.t('Target'))}</th><th>${esc(l10n.t('Phase'))}</th><th>${esc(l10n.t('Injected at'))}</th><th>${esc(l10n.t('Recovered at'))}</th><th>${esc(l10n.t('Injected/recovered'))}</th><th>${esc(l10n.t('Message'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function objectsSection(r: RunRecord): string {
  if (!r.created.length && !r.leftovers.length) return '';
  const name = (o: { kind: string; namespace: string; name: string }): string => `${o.kind} ${o.namespace}/${o.name}`;
  const deleted = new Set(r.deleted.map(name));
  const rows = r.created.map((o) => `<li>${esc(name(o))} — ${esc(deleted.has(name(o)) ? l10n.t('deleted, verified gone') : l10n.t('not deleted yet'))}</li>`);
  const left = r.leftovers.map((o) => `<li class="leftover">${esc(name(o))} — ${esc(l10n.t('still present: {0}', o.reason))}</li>`);
  return `<section id="objects"><h2>${esc(l10n.t('Objects created'))}</h2><ul>${rows.join('')}${left.join('')}</ul></section>`;
}

function preflightSection(r: RunRecord): string {
  if (!r.preflight.length) return '';
  const mark = { pass: '✓', fail: '✗', warn: '!', skip: '–' } as const;
  const items = r.preflight.map(
    (c) =>
      `<li class="check-${c.status}"><span class="mark">${mark[c.status]}</span> <strong>${esc(c.title)}</strong> ${esc(c.detail)}${c.fix ? ` <span class="fix">${esc(l10n.t('Fix: {0}', c.fix))}</span>` : ''}</li>`,
  );
  return `<section id="preflight"><details${r.preflight.some((c) => c.status === 'fail') ? ' open' : ''}><summary><h2>${esc(l10n.t('Preflight'))}</h2></summary><ul class="checks">${items.join('')}</ul></details></section>`;
}

function evidenceSection(r: RunRecord): string {
  if (!r.evidence.length) return '';
  const items = r.evidence.map(
    (e) =>
      `<li><strong>${esc(e.source)}</strong> <time>${esc(e.at)}</time> ${esc(e.summary)}${e.data === undefined ? '' : `<details><summary>data</summary><pre>${esc(JSON.stringify(e.data, null, 2).slice(0, 20_000))}</pre></details>`}</li>`,
  );
  return `<section id="evidence"><h2>${esc(l10n.t('Evidence'))}</h2><ul>${items.join('')}</ul></section>`;
}
