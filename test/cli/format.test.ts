// The three report formatters on a hand-made report: what no built-in rule produces yet (fixes, every severity,
// paths outside the working folder, odd characters) still comes out right and, for SARIF, valid.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CheckReport, ReportFinding } from '../../server/src/cli/check';
import { formatJson } from '../../server/src/cli/format-json';
import { formatSarif } from '../../server/src/cli/format-sarif';
import { formatText, summaryLine } from '../../server/src/cli/format-text';
import type { RuleMeta } from '../../server/src/engine/types';
import { sarifErrors } from './sarif-schema';

const rule = (id: string, severity: RuleMeta['severity'], fixable = false): RuleMeta => ({
  id,
  pillar: 'performance',
  languages: ['go'],
  kubernetes: false,
  severity,
  title: `${id} title`,
  description: `What \`${id}\` finds.\n\n**Why.** Because.\n\n\`\`\`go\nx := 1\n\`\`\`\n[docs](https://example.com/${id})`,
  docs: `https://example.com/rules/${id}.md`,
  fixable,
  tags: ['performance', 'hot-path'],
  options: {},
});

const range = (l1: number, c1: number, l2: number, c2: number): ReportFinding['range'] => ({ start: { line: l1, column: c1 }, end: { line: l2, column: c2 } });

function report(): CheckReport {
  const cwd = path.resolve('/work/project');
  return {
    cwd,
    files: [{ path: 'src/a b#1.go', language: 'go', bytes: 2048, findings: 3 }],
    findings: [
      {
        ruleId: 'go-regexp-in-loop',
        severity: 'warning',
        pillar: 'performance',
        message: 'regexp.MustCompile in a loop: hoist it',
        path: 'src/a b#1.go',
        range: range(3, 2, 3, 30),
        fix: { title: 'Hoist the regexp', edits: [{ range: range(1, 1, 1, 1), newText: 'var re = regexp.MustCompile(`x`)\n' }, { range: range(3, 2, 3, 30), newText: 're' }] },
      },
      { ruleId: 'go-info-rule', severity: 'info', pillar: 'performance', message: 'info', path: 'src/a b#1.go', range: range(4, 1, 4, 2) },
      { ruleId: 'go-hint-rule', severity: 'hint', pillar: 'performance', message: 'hint', path: '/elsewhere/b.go', range: range(1, 1, 1, 5) },
    ],
    skipped: [{ path: 'big.go', reason: 'too-large', message: '3.0 MB, over the 2.0 MB cap' }],
    notifications: [
      { kind: 'unused-suppression', level: 'note', path: 'src/a b#1.go', range: range(9, 4, 9, 20), ruleId: 'dfx-unused-suppression', message: 'dfx-ignore x suppresses nothing' },
      { kind: 'rule-failure', level: 'error', path: 'src/a b#1.go', ruleId: 'go-info-rule', message: 'rule go-info-rule failed' },
    ],
    stats: { files: 1, bytes: 2048, durationMs: 500, startupMs: 100, findings: { error: 0, warning: 1, info: 1, hint: 1 }, skipped: 1 },
    rules: [rule('go-hint-rule', 'hint'), rule('go-info-rule', 'info'), rule('go-regexp-in-loop', 'warning', true)],
    startedAt: new Date('2025-01-01T00:00:00Z'),
    endedAt: new Date('2025-01-01T00:00:01Z'),
  };
}

describe('cli formatters', () => {
  it('text: one compiler-style line per finding, notes, skipped files and a summary', () => {
    const lines = formatText(report(), { quiet: false }).trimEnd().split('\n');
    assert.equal(lines[0], 'src/a b#1.go:3:2 warning go-regexp-in-loop regexp.MustCompile in a loop: hoist it');
    assert.equal(lines[2], '/elsewhere/b.go:1:1 hint go-hint-rule hint');
    assert.ok(lines.includes('src/a b#1.go:9:4 note dfx-unused-suppression dfx-ignore x suppresses nothing'));
    assert.ok(lines.includes('big.go: skipped (too-large): 3.0 MB, over the 2.0 MB cap'));
    assert.equal(lines.at(-1), summaryLine(report()));
    assert.match(summaryLine(report()), /^genai4dfx: 1 file scanned \(2\.0 KB\), 3 findings \(1 warning, 1 info, 1 hint\), 1 skipped \(1 too-large\) in 0\.50 s: 0\.00 MB\/s, 2 files\/s/);
    assert.equal(formatText(report(), { quiet: true }).trimEnd().split('\n').length, 3);
  });

  it('json: findings with 1-based ranges, fixes and docs links', () => {
    const json = JSON.parse(formatJson(report())) as { findings: (ReportFinding & { docs: string })[]; stats: { mbPerSecond: number } };
    const f = json.findings[0];
    assert.deepEqual(f?.range, range(3, 2, 3, 30));
    assert.equal(f?.fix?.edits.length, 2);
    assert.equal(f?.docs, 'https://example.com/rules/go-regexp-in-loop.md');
  });

  it('sarif: valid, with fixes, note levels, encoded relative URIs and absolute ones outside the root', () => {
    const log = JSON.parse(formatSarif(report())) as {
      runs: {
        results: {
          level: string;
          ruleIndex: number;
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
          fixes?: { artifactChanges: { replacements: { deletedRegion: object; insertedContent: { text: string } }[] }[] }[];
        }[];
        invocations: { toolExecutionNotifications: { level: string; associatedRule?: { id: string } }[] }[];
      }[];
    };
    assert.equal(sarifErrors(log), '');
    const [warning, info, hint] = log.runs[0]?.results ?? [];
    assert.deepEqual([warning?.level, info?.level, hint?.level], ['warning', 'note', 'note']);
    assert.deepEqual([warning?.ruleIndex, info?.ruleIndex, hint?.ruleIndex], [2, 1, 0]);
    assert.deepEqual(warning?.locations[0]?.physicalLocation.artifactLocation, { uri: 'src/a%20b%231.go', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(hint?.locations[0]?.physicalLocation.artifactLocation, { uri: 'file:///elsewhere/b.go' });
    const replacements = warning?.fixes?.[0]?.artifactChanges[0]?.replacements ?? [];
    assert.deepEqual(replacements[0], { deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, insertedContent: { text: 'var re = regexp.MustCompile(`x`)\n' } });
    const notes = log.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    assert.equal(notes.length, 3);
    assert.equal(notes.find((n) => n.level === 'error')?.associatedRule?.id, 'go-info-rule');
  });
});
