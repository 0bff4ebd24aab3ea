import type { Connection } from 'vscode-languageserver/node';
import { t } from '../l10n';
import type { Analysis, Engine } from '../engine/analyzer';
import { DEFAULT_ANALYZE_OPTIONS } from '../engine/analyzer';
import type { SourceDocument } from '../engine/document';
import { StatusNotification } from '../protocol/messages';
import type { DocumentStore } from './documents';
import type { Logger } from './logger';
import { levelResolver, type SettingsCache } from './settings';

/** The findings of one document version under one settings generation. */
export interface DocumentAnalysis extends Analysis {
  doc: SourceDocument;
  version: number;
  /** `<version>:<settings generation>`: the pull-diagnostics result id. */
  resultId: string;
}

/**
 * Analyses open documents on demand and keeps the last result per document, so diagnostics, hover and code
 * actions for the same version share one analysis.
 */
export class DocumentAnalyzer {
  private readonly cache = new Map<string, DocumentAnalysis>();

  constructor(
    private readonly connection: Connection,
    private readonly engine: Engine,
    private readonly documents: DocumentStore,
    private readonly settings: SettingsCache,
    private readonly log: Logger,
    /** Workspace folder URIs: rules see document paths relative to the folder that holds them. */
    private readonly folders: readonly string[] = [],
  ) {
    documents.onDidChange((uri) => {
      if (!documents.get(uri)) {
        this.cache.delete(uri);
        settings.forget(uri);
      }
    });
  }

  /** Findings for the current version of an open document, or undefined when it is not open or not analysable. */
  async analyze(uri: string): Promise<DocumentAnalysis | undefined> {
    const settings = await this.settings.get(uri);
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const resultId = `${doc.version}:${this.settings.generation}`;
    const cached = this.cache.get(uri);
    if (cached && cached.resultId === resultId && cached.doc === doc) return cached;
    const opts = {
      ...DEFAULT_ANALYZE_OPTIONS,
      maxFileSize: settings.maxFileSizeKb * 1024,
      parseBudgetMs: settings.parseTimeoutMs,
      queryBudgetMs: Math.max(settings.parseTimeoutMs, 1000),
      level: levelResolver(settings),
      roots: this.folders,
    };
    let analysis: Analysis;
    if (doc.parseError !== undefined || !doc.tree) {
      analysis = { ...this.engine.parseFailed(doc.parseError, doc.text), durationMs: 0 };
    } else {
      analysis = this.engine.analyzeTree(uri, doc.language, doc.text, doc.tree, opts);
    }
    for (const f of analysis.failures) {
      this.log.warnOnce(`${f.ruleId}:${uri}`, `rule ${f.ruleId} failed on ${uri} (skipped; the other rules still ran): ${f.message}`);
    }
    const result: DocumentAnalysis = { ...analysis, doc, version: doc.version, resultId };
    this.cache.set(uri, result);
    void this.connection.sendNotification(StatusNotification, {
      state: analysis.failures.length ? 'error' : 'ready',
      lastAnalysisMs: Math.round(analysis.durationMs * 100) / 100,
      uri,
      findings: analysis.findings.length,
      message: analysis.failures.length ? t('{0} rule(s) failed; see the output', analysis.failures.length) : analysis.skipped,
    });
    return result;
  }

  /** Forget all results (settings changed). */
  clear(): void {
    this.cache.clear();
  }
}
