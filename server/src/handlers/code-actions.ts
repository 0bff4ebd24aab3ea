import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { t } from '../l10n';
import { fixAllChanges } from '../engine/fixes';
import { languageInfo } from '../engine/languages';
import type { LineIndex } from '../engine/span';
import { UNUSED_SUPPRESSION } from '../engine/suppressions';
import type { Finding } from '../engine/types';
import { FIX_ALL_KIND } from '../protocol/messages';
import type { DocumentAnalysis, DocumentAnalyzer } from './analysis';
import { dataOf, sameRange, toRange, toTextEdits } from './convert';
import type { Logger } from './logger';

/**
 * Code actions: the certain fix of a finding, suppress on this line / in this file, remove an unused suppression, and fix-all;
 * `more` adds other providers' actions (the AI actions, resolved lazily).
 */
export function registerCodeActions(connection: Connection, analyzer: DocumentAnalyzer, log: Logger, more?: (a: DocumentAnalysis, params: CodeActionParams) => CodeAction[]): void {
  connection.onCodeAction(async (params) => {
    const { textDocument, context } = params;
    try {
      const a = await analyzer.analyze(textDocument.uri);
      if (!a) return [];
      const uri = textDocument.uri;
      const wants = (kind: string): boolean => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        for (const d of context.diagnostics) {
          const data = dataOf(d);
          // A diagnostic computed for another version of the document is stale: its ranges may point anywhere.
          if (!data || data.version !== a.version) continue;
          const f = a.findings.find((x) => x.ruleId === data.ruleId && sameRange(toRange(x.span), d.range));
          if (!f) continue;
          actions.push(...quickFixes(f, d, a, uri));
        }
      }
      if (wants(FIX_ALL_KIND)) {
        const changes = fixAllChanges(a.findings);
        if (changes.length) {
          actions.push({ title: t('Fix all auto-fixable DFX problems'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: toTextEdits(changes, a.doc.lineIndex) } } });
        }
      }
      if (more) actions.push(...more(a, params));
      return actions;
    } catch (e) {
      log.error(`code actions failed: ${(e as Error).message}`);
      return [];
    }
  });
}

function quickFixes(f: Finding, d: Diagnostic, a: DocumentAnalysis, uri: string): CodeAction[] {
  const lines = a.doc.lineIndex;
  const edit = (edits: TextEdit[]): CodeAction['edit'] => ({ changes: { [uri]: edits } });
  if (f.ruleId === UNUSED_SUPPRESSION) {
    return [{ title: t('Remove unused dfx-ignore'), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: edit([removeSuppression(f, lines)]) }];
  }
  if (f.meta) return [];
  const out: CodeAction[] = [];
  if (f.fix) {
    out.push({ title: f.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: edit(toTextEdits(f.fix.changes, lines)) });
  }
  const comment = languageInfo(a.doc.language).lineComment;
  const line = f.span.startPos.line;
  const indent = /^\s*/.exec(lines.lineText(line))?.[0] ?? '';
  out.push({
    title: t('Suppress {0} on this line', f.ruleId),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: edit([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment} dfx-ignore ${f.ruleId}: reason\n` }]),
  });
  const first = lines.lineText(0).startsWith('#!') ? 1 : 0;
  out.push({
    title: t('Suppress {0} in this file', f.ruleId),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: edit([{ range: { start: { line: first, character: 0 }, end: { line: first, character: 0 } }, newText: `${comment} dfx-ignore-file ${f.ruleId}\n` }]),
  });
  return out;
}

/** Delete a whole comment line, or just the marker when the comment trails code. */
function removeSuppression(f: Finding, lines: LineIndex): TextEdit {
  const line = f.span.startPos.line;
  const text = lines.lineText(line);
  const before = text.slice(0, f.span.startPos.character).replace(/(\/\/|#|\/\*)\s*$/, '');
  if (!before.trim()) {
    return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  }
  return { range: { start: { line, character: before.trimEnd().length }, end: { line, character: text.length } }, newText: '' };
}
