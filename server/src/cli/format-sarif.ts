import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Severity } from '../engine/types';
import type { CheckReport, Range, ReportFinding, ReportNotification, ReportSkip } from './check';
import { TOOL } from './tool';

// The subset of SARIF 2.1.0 this formatter writes (https://docs.oasis-open.org/sarif/sarif/v2.1.0/).
type SarifLevel = 'error' | 'warning' | 'note';
interface Message {
  text: string;
  markdown?: string;
}
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  physicalLocation: { artifactLocation: ArtifactLocation; region?: Region };
}
interface ReportingDescriptor {
  id: string;
  name?: string;
  shortDescription: Message;
  fullDescription?: Message;
  help?: Message;
  helpUri?: string;
  defaultConfiguration?: { level: SarifLevel };
  properties?: Record<string, unknown>;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: Message;
  locations: SarifLocation[];
  fixes?: {
    description: Message;
    artifactChanges: { artifactLocation: ArtifactLocation; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[];
  }[];
  properties?: Record<string, unknown>;
}
interface SarifNotification {
  level: SarifLevel;
  message: Message;
  descriptor: { id: string; index: number };
  associatedRule?: { id: string; index: number };
  locations?: SarifLocation[];
  properties?: Record<string, unknown>;
}
/** A SARIF 2.1.0 log with one run. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: {
        driver: {
          name: string;
          version: string;
          semanticVersion: string;
          informationUri: string;
          rules: ReportingDescriptor[];
          notifications: ReportingDescriptor[];
        };
      };
      invocations: {
        executionSuccessful: boolean;
        startTimeUtc: string;
        endTimeUtc: string;
        workingDirectory: ArtifactLocation;
        toolExecutionNotifications: SarifNotification[];
      }[];
      originalUriBaseIds: Record<string, ArtifactLocation>;
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
      properties: Record<string, unknown>;
    },
  ];
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** Descriptors of what `toolExecutionNotifications` report: the analysis itself, not DFX findings. */
const NOTIFICATIONS: readonly ReportingDescriptor[] = [
  { id: 'dfx-file-skipped', shortDescription: { text: 'A file was not analysed (too large, binary, generated, unreadable, or it could not be parsed).' } },
  { id: 'dfx-unused-suppression', shortDescription: { text: 'A dfx-ignore comment suppresses nothing.' } },
  { id: 'dfx-parse-timeout', shortDescription: { text: 'The analysis of a file stopped at its time budget; its findings may be incomplete.' } },
  { id: 'dfx-rule-failure', shortDescription: { text: 'A rule failed on a file and was skipped for it.' } },
  { id: 'dfx-lossy-decoding', shortDescription: { text: 'A file was not valid UTF-8 and was decoded with replacement characters.' } },
  { id: 'dfx-policy', shortDescription: { text: 'A problem in a .dfx.yaml policy (a policy with errors is not applied).' } },
];

/** The check report as a SARIF 2.1.0 log: the whole catalogue as rules, findings as results, the rest as notifications. */
export function formatSarif(report: CheckReport): string {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const uri = (p: string): ArtifactLocation =>
    path.isAbsolute(p) ? { uri: pathToFileURL(p).href } : { uri: p.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  const log: SarifLog = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL.name,
            version: TOOL.version,
            semanticVersion: TOOL.version,
            informationUri: TOOL.informationUri,
            rules: report.rules.map(ruleDescriptor),
            notifications: [...NOTIFICATIONS],
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.startedAt.toISOString(),
            endTimeUtc: report.endedAt.toISOString(),
            workingDirectory: { uri: dirUri(report.cwd) },
            toolExecutionNotifications: [
              ...report.skipped.map((s) => skipNotification(s, uri)),
              ...report.notifications.map((n) => notification(n, uri, ruleIndex)),
            ],
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: dirUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.flatMap((f) => {
          const index = ruleIndex.get(f.ruleId);
          return index === undefined ? [] : [result(f, index, uri)];
        }),
        properties: { filesScanned: report.stats.files, bytesScanned: report.stats.bytes, durationMs: Math.round(report.stats.durationMs) },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(r: RuleMeta): ReportingDescriptor {
  const firstParagraph = r.description.split(/\n\s*\n/)[0] ?? r.title;
  return {
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_, __: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: plainText(firstParagraph), markdown: firstParagraph },
    help: { text: `${plainText(r.description)}\n\nDocs: ${r.docs}`, markdown: `${r.description}\n\n[Rule documentation](${r.docs})` },
    helpUri: r.docs,
    defaultConfiguration: { level: levelOf(r.severity) },
    properties: {
      tags: [...new Set([r.pillar, ...r.tags])],
      pillar: r.pillar,
      languages: r.languages,
      fixable: r.fixable,
      // GitHub code scanning reads this to rank alerts.
      'problem.severity': r.severity === 'error' || r.severity === 'warning' ? r.severity : 'recommendation',
    },
  };
}

function result(f: ReportFinding, ruleIndex: number, uri: (p: string) => ArtifactLocation): SarifResult {
  const out: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex,
    level: levelOf(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: uri(f.path), region: region(f.range) } }],
  };
  if (f.pillar) out.properties = { pillar: f.pillar, severity: f.severity };
  if (f.fix) {
    out.fixes = [
      {
        description: { text: f.fix.title },
        artifactChanges: [
          {
            artifactLocation: uri(f.path),
            replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
          },
        ],
      },
    ];
  }
  return out;
}

function skipNotification(s: ReportSkip, uri: (p: string) => ArtifactLocation): SarifNotification {
  return {
    level: s.reason === 'generated' || s.reason === 'unsupported' ? 'note' : 'warning',
    message: { text: `${s.path} was not analysed: ${s.message}` },
    descriptor: { id: 'dfx-file-skipped', index: 0 },
    locations: [{ physicalLocation: { artifactLocation: uri(s.path) } }],
    properties: { reason: s.reason },
  };
}

function notification(n: ReportNotification, uri: (p: string) => ArtifactLocation, ruleIndex: ReadonlyMap<string, number>): SarifNotification {
  const id = { 'unused-suppression': 'dfx-unused-suppression', incomplete: 'dfx-parse-timeout', 'rule-failure': 'dfx-rule-failure', 'lossy-decoding': 'dfx-lossy-decoding', policy: 'dfx-policy' }[n.kind];
  const out: SarifNotification = {
    level: n.level,
    message: { text: n.message },
    descriptor: { id, index: NOTIFICATIONS.findIndex((d) => d.id === id) },
    locations: [{ physicalLocation: n.range ? { artifactLocation: uri(n.path), region: region(n.range) } : { artifactLocation: uri(n.path) } }],
  };
  const rule = n.kind === 'rule-failure' && n.ruleId !== undefined ? ruleIndex.get(n.ruleId) : undefined;
  if (rule !== undefined && n.ruleId) out.associatedRule = { id: n.ruleId, index: rule };
  return out;
}

function region(r: Range): Region {
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

function levelOf(s: Severity): SarifLevel {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

function dirUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Markdown to readable plain text: code fences and inline markup dropped, links as `text (url)`. */
function plainText(md: string): string {
  return md
    .replace(/```\w*\n?/g, '')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}
