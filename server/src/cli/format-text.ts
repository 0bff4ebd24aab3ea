import { formatBytes } from '../engine/files';
import { SEVERITIES, type RuleMeta } from '../engine/types';
import type { CheckReport, ReportSkip } from './check';

/**
 * Compiler-style lines, `path:line:col severity rule-id message`, one per finding; then (unless quiet) notes about
 * the analysis in the same shape, one line per skipped file, and the summary.
 */
export function formatText(report: CheckReport, opts: { quiet: boolean }): string {
  const out: string[] = [];
  for (const f of report.findings) out.push(`${f.path}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.ruleId} ${f.message}`);
  if (!opts.quiet) {
    for (const n of report.notifications) {
      const at = n.range ? `${n.range.start.line}:${n.range.start.column}` : '1:1';
      out.push(`${n.path}:${at} ${n.level} ${n.ruleId ?? `dfx-${n.kind}`} ${n.message}`);
    }
    // Generated files are counted in the summary, not listed: a repository can have thousands.
    for (const s of report.skipped) if (s.reason !== 'generated') out.push(`${s.path}: skipped (${s.reason}): ${s.message}`);
    out.push(summaryLine(report));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** One line: files scanned, findings by severity, skipped files by reason, time and throughput. */
export function summaryLine(report: CheckReport): string {
  const { stats } = report;
  const total = SEVERITIES.reduce((n, s) => n + stats.findings[s], 0);
  const bySeverity = SEVERITIES.filter((s) => stats.findings[s] > 0).map((s) => plural(stats.findings[s], s === 'info' ? 'info' : s));
  const findings = total ? `${plural(total, 'finding')} (${bySeverity.join(', ')})` : 'no findings';
  const skipped = report.skipped.length ? `, ${report.skipped.length} skipped (${skipCounts(report.skipped)})` : '';
  const seconds = stats.durationMs / 1000;
  const mbps = seconds > 0 ? stats.bytes / 1024 / 1024 / seconds : 0;
  const fps = seconds > 0 ? stats.files / seconds : 0;
  return (
    `genai4dfx: ${plural(stats.files, 'file')} scanned (${formatBytes(stats.bytes)}), ${findings}${skipped} ` +
    `in ${seconds.toFixed(2)} s: ${mbps.toFixed(2)} MB/s, ${Math.round(fps)} files/s (+${(stats.startupMs / 1000).toFixed(2)} s startup)`
  );
}

function skipCounts(skipped: readonly ReportSkip[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ');
}

function plural(n: number, word: string): string {
  return word === 'info' || n === 1 ? `${n} ${word}` : `${n} ${word}s`;
}

/** The catalogue as an aligned table: id, pillar, severity, languages, title. */
export function formatRulesText(rules: readonly RuleMeta[]): string {
  const rows = [['ID', 'PILLAR', 'SEVERITY', 'LANGUAGES', 'TITLE'], ...rules.map((r) => [r.id, r.pillar, r.severity, languagesOf(r), r.title])];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const lines = rows.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  '));
  lines.push('', `${plural(rules.length, 'rule')}; docs: ${rules[0]?.docs.replace(/[^/]+$/, '') ?? ''}`);
  return `${lines.join('\n')}\n`;
}

function languagesOf(r: RuleMeta): string {
  return r.kubernetes ? 'kubernetes' : r.languages.join(',');
}
