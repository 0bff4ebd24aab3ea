// Line charts as inline SVG strings for the run report webview. No vscode import, no DOM: the HTML is built here and
// tested as text; media/report.js only adds the hover readout. Colours come from the theme through CSS classes.

import * as l10n from '@vscode/l10n';

/** One line: points as [milliseconds since the run started, value]. */
export interface ChartSeries {
  name: string;
  points: readonly (readonly [number, number])[];
}

export interface ChartSpec {
  /** Heading and accessible name. */
  title: string;
  /** Unit printed after values on the axis and in the readout ("ms", "req/s", "%"). */
  unit: string;
  series: readonly ChartSeries[];
  /** SLO bounds drawn as dashed lines; `passed` colours them. */
  thresholds?: readonly { label: string; value: number; passed: boolean }[];
  /** Vertical marks (fault injected, recovered, aborted) at milliseconds since the start. */
  marks?: readonly { t: number; label: string; kind: string }[];
}

const W = 640;
const H = 200;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };

/** The chart as an `<svg>` element; an empty chart says there is no data instead of drawing axes over nothing. */
export function lineChart(spec: ChartSpec): string {
  const points = spec.series.flatMap((s) => s.points);
  if (!points.length) return `<p class="empty">${escapeHtml(l10n.t('No {0} samples were recorded.', spec.title.toLowerCase()))}</p>`;
  const tMax = Math.max(1000, ...points.map(([t]) => t), ...(spec.marks ?? []).map((m) => m.t));
  const vMax = niceCeil(Math.max(...points.map(([, v]) => v), ...(spec.thresholds ?? []).map((t) => t.value * 1.1), 0));
  const x = (t: number): number => PAD.left + (t / tMax) * (W - PAD.left - PAD.right);
  const y = (v: number): number => H - PAD.bottom - (vMax ? (v / vMax) * (H - PAD.top - PAD.bottom) : 0);
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1]) {
    const v = vMax * tick;
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(v))}" y2="${f(y(v))}"/>`);
    parts.push(`<text class="axis" x="${PAD.left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${escapeHtml(formatValue(v, spec.unit))}</text>`);
  }
  const step = timeStep(tMax);
  for (let t = 0; t <= tMax + 1; t += step) {
    parts.push(`<text class="axis" x="${f(x(t))}" y="${H - 8}" text-anchor="middle">${escapeHtml(formatElapsed(t))}</text>`);
  }
  for (const m of spec.marks ?? []) {
    parts.push(
      `<line class="mark mark-${cssIdent(m.kind)}" x1="${f(x(m.t))}" x2="${f(x(m.t))}" y1="${PAD.top}" y2="${H - PAD.bottom}"><title>${escapeHtml(l10n.t('{0} at {1}', m.label, formatElapsed(m.t)))}</title></line>`,
    );
  }
  for (const th of spec.thresholds ?? []) {
    const cls = th.passed ? 'threshold pass' : 'threshold fail';
    parts.push(
      `<line class="${cls}" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(th.value))}" y2="${f(y(th.value))}"><title>${escapeHtml(`${th.label}: ${formatValue(th.value, spec.unit)}`)}</title></line>`,
    );
  }
  spec.series.forEach((s, i) => {
    if (!s.points.length) return;
    const d = s.points.map(([t, v], j) => `${j ? 'L' : 'M'}${f(x(t))},${f(y(v))}`).join(' ');
    // data-points feeds report.js's hover readout: "t,v;t,v".
    const data = s.points.map(([t, v]) => `${Math.round(t)},${round(v)}`).join(';');
    parts.push(`<path class="line s${i % 6}" d="${d}" data-name="${escapeHtml(s.name)}" data-points="${data}"><title>${escapeHtml(s.name)}</title></path>`);
  });
  const legend = spec.series
    .map((s, i) => `<span class="key s${i % 6}">${escapeHtml(s.name)}</span>`)
    .join(' ');
  return (
    `<figure class="chart" data-unit="${escapeHtml(spec.unit)}" data-tmax="${tMax}" data-vmax="${vMax}">` +
    `<figcaption>${escapeHtml(spec.title)} <span class="legend">${legend}</span></figcaption>` +
    `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(spec.title)}" preserveAspectRatio="none">${parts.join('')}</svg>` +
    `<output class="readout" aria-live="polite"></output></figure>`
  );
}

const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);

/** Time ticks on round times, at most ~5 of them: 30 s gets 0s, 10s, 20s, 30s rather than quarters (7.5 s). */
export function timeStep(tMax: number): number {
  return TIME_STEPS.find((s) => tMax / s <= 5) ?? niceCeil(tMax / 5);
}

/** 0 → 0, 7 → 10, 230 → 250, 0.004 → 0.005: an axis top a reader can take in at a glance. */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * exp) return m * exp;
  return 10 * exp;
}

export function formatValue(v: number, unit: string): string {
  const n = Math.abs(v) >= 100 ? Math.round(v).toString() : Math.abs(v) >= 1 ? String(round(v, 1)) : String(round(v, 3));
  return unit === '%' ? `${n}%` : unit ? `${n} ${unit}` : n;
}

/** 0 → "0s", 90_500 → "1m30s", 3_723_000 → "1h2m3s". */
export function formatElapsed(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${sec || (!h && !m) ? `${sec}s` : ''}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function cssIdent(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

function f(n: number): string {
  return n.toFixed(1);
}

function round(v: number, digits = 3): number {
  const p = Math.pow(10, digits);
  return Math.round(v * p) / p;
}
