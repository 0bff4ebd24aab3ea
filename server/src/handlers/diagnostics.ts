import { DocumentDiagnosticReportKind, type Connection, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { Engine } from '../engine/analyzer';
import type { DocumentAnalyzer } from './analysis';
import { toDiagnostic } from './convert';
import type { Logger } from './logger';

/** Pull diagnostics for open documents (`textDocument/diagnostic`). */
export function registerDocumentDiagnostics(connection: Connection, engine: Engine, analyzer: DocumentAnalyzer, log: Logger): void {
  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    try {
      const a = await analyzer.analyze(uri);
      if (!a || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (params.previousResultId === a.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: a.resultId };
      return {
        kind: DocumentDiagnosticReportKind.Full,
        resultId: a.resultId,
        items: a.findings.map((f) => toDiagnostic(f, a.version, engine.registry)),
      };
    } catch (e) {
      log.error(`diagnostics for ${uri} failed: ${(e as Error).stack ?? String(e)}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });
}
