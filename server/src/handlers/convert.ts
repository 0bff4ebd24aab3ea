import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { RuleRegistry } from '../engine/registry';
import type { LineIndex } from '../engine/span';
import type { Finding, Severity, Span, TextChange } from '../engine/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol/messages';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(span: Span): Range {
  return { start: { ...span.startPos }, end: { ...span.endPos } };
}

/** An engine finding as an LSP diagnostic: code = rule id, codeDescription = docs, source genai4dfx, data for fixes. */
export function toDiagnostic(f: Finding, version: number, registry: RuleRegistry): Diagnostic {
  const meta = registry.byId.get(f.ruleId)?.meta;
  const data: DiagnosticData = { ruleId: f.ruleId, version, fixable: Boolean(f.fix) };
  if (f.data) data.facts = f.data;
  const d: Diagnostic = {
    range: toRange(f.span),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: DIAGNOSTIC_SOURCE,
    // VS Code drops every diagnostic of a report that has an empty message.
    message: f.message.trim() || f.ruleId,
    data,
  };
  if (meta) d.codeDescription = { href: meta.docs };
  if (f.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

export function toTextEdits(changes: readonly TextChange[], lines: LineIndex): TextEdit[] {
  return changes.map((c) => ({ range: { start: lines.positionAt(c.start), end: lines.positionAt(c.end) }, newText: c.newText }));
}

/** The DiagnosticData of a diagnostic we published, or undefined for anyone else's. */
export function dataOf(d: Diagnostic): DiagnosticData | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || !d.data || typeof d.data !== 'object') return undefined;
  const data = d.data as Partial<DiagnosticData>;
  return typeof data.ruleId === 'string' && typeof data.version === 'number' ? (data as DiagnosticData) : undefined;
}

/** True when two ranges are equal. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
