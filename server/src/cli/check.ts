import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_ANALYZE_OPTIONS, FILE_SKIPPED, PARSE_TIMEOUT, type Analysis, type Engine } from '../engine/analyzer';
import { decodeText, readTextFileSync, walkFilesSync, type SkipKind } from '../engine/files';
import { overrideLevels } from '../engine/runner';
import { LineIndex } from '../engine/span';
import { didYouMean, UNUSED_SUPPRESSION } from '../engine/suppressions';
import { PILLARS, SEVERITIES, type Finding, type Pillar, type RuleLevel, type RuleMeta, type Severity, type Span } from '../engine/types';
import { combine, policyForFile } from '../policy/apply';
import { PolicyLoader } from '../policy/load';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { UsageError, type CheckOptions, type FailOn } from './args';

/** A 1-based position; `column` counts UTF-16 code units, as editors and SARIF's `utf16CodeUnits` do. */
export interface Location {
  line: number;
  column: number;
}

/** A 1-based range whose end is exclusive (the column after the last character). */
export interface Range {
  start: Location;
  end: Location;
}

/** A finding as the CLI reports it: positions made 1-based, the path relative to the working folder. */
export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  pillar: Pillar | undefined;
  message: string;
  path: string;
  range: Range;
  fix?: { title: string; edits: { range: Range; newText: string }[] };
}

/** A file that was analysed. */
export interface ReportFile {
  path: string;
  language: string;
  bytes: number;
  findings: number;
  /** Set when the file was not valid UTF-8 and was decoded with replacement characters. */
  lossy?: true;
}

/** Why a file found by the walk was not analysed. */
export type SkipReasonKind = SkipKind | 'parse-failed' | 'analysis-failed';

/** A file that was not analysed, and why. */
export interface ReportSkip {
  path: string;
  reason: SkipReasonKind;
  message: string;
}

/** Something about the analysis itself, not a DFX finding: a rule that failed, an unused suppression, a lossy decode. */
export interface ReportNotification {
  kind: 'unused-suppression' | 'rule-failure' | 'lossy-decoding' | 'incomplete' | 'policy';
  level: 'error' | 'warning' | 'note';
  message: string;
  path: string;
  range?: Range;
  ruleId?: string;
}

/** Counts and timings of one check. */
export interface CheckStats {
  files: number;
  bytes: number;
  /** Walk, read and analysis, without loading the grammars. */
  durationMs: number;
  /** Loading the grammars and compiling the rules. */
  startupMs: number;
  findings: Record<Severity, number>;
  skipped: number;
}

/** Everything one `check` found, in the order files were walked; the formatters turn it into text, JSON or SARIF. */
export interface CheckReport {
  /** Absolute working folder the paths are relative to. */
  cwd: string;
  files: ReportFile[];
  findings: ReportFinding[];
  skipped: ReportSkip[];
  notifications: ReportNotification[];
  stats: CheckStats;
  /** The whole catalogue, for SARIF's rule descriptors. */
  rules: RuleMeta[];
  startedAt: Date;
  endedAt: Date;
}

/** Walk the paths and analyse every file, one after another with one engine. Throws UsageError for a missing path or unknown rule. */
export function runCheck(engine: Engine, o: CheckOptions, cwd: string, startupMs: number): CheckReport {
  const rules = engine.registry.metas();
  const level = levelResolver(o.rules, rules);
  // The nearest .dfx.yaml above each file governs it; --rule (like the editor's settings) overrides it.
  const policies = o.noPolicy ? undefined : new PolicyLoader((t) => engine.parse('yaml', t, null, 5000), () => rules);
  const reportedPolicies = new Set<string>();
  for (const p of o.paths) {
    if (!fs.existsSync(path.resolve(cwd, p))) throw new UsageError(`path not found: ${p}`);
  }
  const maxFileSize = o.maxFileSizeKb * 1024;
  // Rules see paths relative to the folder being scanned (a file argument's folder).
  const roots = o.paths.map((p) => path.resolve(cwd, p)).map((p) => (fs.statSync(p).isFile() ? path.dirname(p) : p));
  const analyzeOptions = { ...DEFAULT_ANALYZE_OPTIONS, maxFileSize, level, roots };
  const display = (p: string): string => displayPath(cwd, p);
  const report: CheckReport = {
    cwd,
    files: [],
    findings: [],
    skipped: [],
    notifications: [],
    stats: { files: 0, bytes: 0, durationMs: 0, startupMs, findings: { error: 0, warning: 0, info: 0, hint: 0 }, skipped: 0 },
    rules,
    startedAt: new Date(),
    endedAt: new Date(),
  };
  const t0 = performance.now();
  // Sequential and synchronous: parsing dominates, and one engine is reused for every file.
  const files = walkFilesSync(o.paths.map((p) => path.resolve(cwd, p)), {
    exclude: [...DEFAULT_SETTINGS.exclude, ...o.exclude],
    maxFileSize,
    onSkip: (p, r) => report.skipped.push({ path: display(p), reason: r.kind, message: r.message }),
  });
  for (const file of files) {
    const rel = display(file.path);
    let text: string;
    let lossy: boolean;
    let bytes: number;
    try {
      ({ text, lossy, bytes } = file.content ? decodeText(file.content) : readTextFileSync(file.path));
    } catch (e) {
      report.skipped.push({ path: rel, reason: 'unreadable', message: (e as Error).message });
      continue;
    }
    const loaded = policies?.forFile(file.path);
    if (loaded && !reportedPolicies.has(loaded.file)) {
      reportedPolicies.add(loaded.file);
      const where = display(loaded.file);
      for (const p of loaded.problems) {
        report.notifications.push({ kind: 'policy', level: p.severity === 'info' ? 'note' : p.severity, path: where, range: rangeOf(p.span), ruleId: 'dfx-policy', message: p.message });
      }
      if (!loaded.current) {
        report.notifications.push({ kind: 'policy', level: 'error', path: where, ruleId: 'dfx-policy', message: `the policy has errors and is not applied (built-in defaults are used); run 'genai4dfx policy validate ${where}'` });
      }
    }
    const filePolicy = loaded?.policy ? policyForFile(loaded.policy, loaded.dir, file.path, file.language) : undefined;
    if (filePolicy && !filePolicy.included) continue;
    let analysis: Analysis;
    try {
      analysis = engine.analyzeText(file.path, file.language, text, filePolicy ? { ...analyzeOptions, ...combine((k) => o.rules.get(k), filePolicy) } : analyzeOptions);
    } catch (e) {
      // One file the engine chokes on must not end the whole check.
      report.skipped.push({ path: rel, reason: 'analysis-failed', message: (e as Error).message });
      continue;
    }
    if (analysis.skipped) {
      const reason = analysis.findings.some((f) => f.ruleId === FILE_SKIPPED) ? 'too-large' : 'parse-failed';
      report.skipped.push({ path: rel, reason, message: analysis.skipped.replace(/^genai4dfx skipped this file: /, '') });
      continue;
    }
    const entry: ReportFile = { path: rel, language: file.language, bytes, findings: 0 };
    report.files.push(entry);
    report.stats.bytes += bytes;
    if (lossy) {
      entry.lossy = true;
      report.notifications.push({ kind: 'lossy-decoding', level: 'warning', path: rel, message: 'not valid UTF-8: invalid bytes were read as U+FFFD, so columns on those lines may be off' });
    }
    let lines: LineIndex | undefined;
    const offsetRange = (start: number, end: number): Range => {
      lines ??= new LineIndex(text);
      return rangeOf(lines.span(start, end));
    };
    for (const f of analysis.findings) {
      if (f.meta) {
        report.notifications.push(metaNotification(f, rel, rangeOf(f.span)));
        continue;
      }
      entry.findings++;
      report.stats.findings[f.severity]++;
      report.findings.push(toReportFinding(f, rel, rangeOf(f.span), offsetRange));
    }
    for (const failure of analysis.failures) {
      report.notifications.push({ kind: 'rule-failure', level: 'error', path: rel, ruleId: failure.ruleId, message: `rule ${failure.ruleId} failed on this file and was skipped: ${failure.message}` });
    }
  }
  report.stats.files = report.files.length;
  report.stats.skipped = report.skipped.length;
  report.stats.durationMs = performance.now() - t0;
  report.endedAt = new Date();
  return report;
}

/** True when a finding is at or above `failOn`, which makes `check` exit 1. */
export function failsOn(report: CheckReport, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  // A broken policy is not applied: CI must not pass on the defaults without saying so.
  if (report.notifications.some((n) => n.kind === 'policy' && n.level === 'error')) return true;
  const rank = SEVERITIES.indexOf(failOn);
  return SEVERITIES.some((s, i) => i <= rank && report.stats.findings[s] > 0);
}

/** A rule's level: `--rule ID=LEVEL` first, then `--rule PILLAR=LEVEL`, then its default. Unknown ids are a usage error. */
function levelResolver(overrides: ReadonlyMap<string, RuleLevel>, rules: readonly RuleMeta[]): (m: RuleMeta) => RuleLevel {
  const known = [...rules.map((r) => r.id), ...PILLARS];
  for (const id of overrides.keys()) {
    if (!known.includes(id)) throw new UsageError(`--rule: no rule or pillar "${id}"${didYouMean(id, known)} (see 'genai4dfx rules')`);
  }
  return overrideLevels((key) => overrides.get(key));
}

function toReportFinding(f: Finding, rel: string, range: Range, offsetRange: (start: number, end: number) => Range): ReportFinding {
  const out: ReportFinding = { ruleId: f.ruleId, severity: f.severity, pillar: f.pillar, message: f.message, path: rel, range };
  if (f.fix) {
    out.fix = { title: f.fix.title, edits: f.fix.changes.map((c) => ({ range: offsetRange(c.start, c.end), newText: c.newText })) };
  }
  return out;
}

function metaNotification(f: Finding, rel: string, range: Range): ReportNotification {
  if (f.ruleId === UNUSED_SUPPRESSION) return { kind: 'unused-suppression', level: 'note', path: rel, range, ruleId: f.ruleId, message: f.message };
  if (f.ruleId === PARSE_TIMEOUT) return { kind: 'incomplete', level: 'warning', path: rel, ruleId: f.ruleId, message: f.message };
  return { kind: 'incomplete', level: 'note', path: rel, range, ruleId: f.ruleId, message: f.message };
}

function rangeOf(span: Span): Range {
  return {
    start: { line: span.startPos.line + 1, column: span.startPos.character + 1 },
    end: { line: span.endPos.line + 1, column: span.endPos.character + 1 },
  };
}

/** A path relative to the working folder with `/` separators, or absolute when it lies outside it. */
export function displayPath(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  if (!rel) return '.';
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return p.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}
