import type { RuleMeta, Severity } from '../engine/types';
import type { CheckReport, ReportFile, ReportFinding, ReportNotification, ReportSkip } from './check';
import { TOOL } from './tool';

/** Version of the JSON report shape; bumped only on an incompatible change (fields may be added at any time). */
export const JSON_REPORT_VERSION = 1;

/**
 * `genai4dfx check --format json`, version 1:
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "tool": { "name": "genai4dfx", "version": "0.1.0", "informationUri": "…" },
 *   "cwd": "/abs/working/folder",                          // every path below is relative to it ("/" separators)
 *   "files": [{ "path", "language", "bytes", "findings", "lossy"? }],
 *   "findings": [{
 *     "ruleId", "severity": "error|warning|info|hint", "pillar", "message", "path",
 *     "range": { "start": { "line", "column" }, "end": { "line", "column" } },   // 1-based, end exclusive, UTF-16 columns
 *     "docs",                                              // the rule's documentation URL
 *     "fix"?: { "title", "edits": [{ "range", "newText" }] }
 *   }],
 *   "skipped": [{ "path", "reason": "too-large|binary|generated|symlink-loop|unreadable|unsupported|parse-failed|analysis-failed", "message" }],
 *   "notifications": [{ "kind", "level": "error|warning|note", "message", "path", "range"?, "ruleId"? }],
 *   "stats": { "files", "bytes", "durationMs", "startupMs", "mbPerSecond", "filesPerSecond",
 *              "findings": { "error", "warning", "info", "hint" }, "skipped" }
 * }
 * ```
 */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string; informationUri: string };
  cwd: string;
  files: ReportFile[];
  findings: (ReportFinding & { docs: string | undefined })[];
  skipped: ReportSkip[];
  notifications: ReportNotification[];
  stats: {
    files: number;
    bytes: number;
    durationMs: number;
    startupMs: number;
    mbPerSecond: number;
    filesPerSecond: number;
    findings: Record<Severity, number>;
    skipped: number;
  };
}

/** The check report as JSON (see JsonReport for the shape). */
export function formatJson(report: CheckReport): string {
  const docs = new Map(report.rules.map((r) => [r.id, r.docs]));
  const { stats } = report;
  const seconds = stats.durationMs / 1000;
  const out: JsonReport = {
    version: JSON_REPORT_VERSION,
    tool: { ...TOOL },
    cwd: report.cwd,
    files: report.files,
    findings: report.findings.map((f) => ({ ...f, docs: docs.get(f.ruleId) })),
    skipped: report.skipped,
    notifications: report.notifications,
    stats: {
      files: stats.files,
      bytes: stats.bytes,
      durationMs: round(stats.durationMs),
      startupMs: round(stats.startupMs),
      mbPerSecond: seconds > 0 ? round(stats.bytes / 1024 / 1024 / seconds) : 0,
      filesPerSecond: seconds > 0 ? round(stats.files / seconds) : 0,
      findings: stats.findings,
      skipped: stats.skipped,
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** `genai4dfx rules --format json`: `{ version, tool, rules: [{ id, pillar, severity, languages, kubernetes, fixable, title, description, docs, tags }] }`. */
export function formatRulesJson(rules: readonly RuleMeta[]): string {
  return `${JSON.stringify({ version: JSON_REPORT_VERSION, tool: { ...TOOL }, rules }, null, 2)}\n`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
