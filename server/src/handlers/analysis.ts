import type { Connection } from 'vscode-languageserver/node';
import { t } from '../l10n';
import type { Analysis, Engine } from '../engine/analyzer';
import { DEFAULT_ANALYZE_OPTIONS } from '../engine/analyzer';
import type { SourceDocument } from '../engine/document';
import { isPolicyPath } from '../engine/languages';
import { StatusNotification } from '../protocol/messages';
import type { DocumentStore } from './documents';
import type { Logger } from './logger';
import { policyFindings, type ServerPolicies } from './policy-store';
import { ruleResolvers, type SettingsCache } from './settings';

/** The findings of one document version under one settings generation. */
export interface DocumentAnalysis extends Analysis {
  doc: SourceDocument;
  version: number;
  /** `<version>:<settings generation>:<policy generation>`: the pull-diagnostics result id. */
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
    /** The `.dfx.yaml` policies (none in tests that construct an analyzer without them). */
    private readonly policies?: ServerPolicies,
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
    const resultId = `${doc.version}:${this.settings.generation}:${this.policies?.generation ?? 0}`;
    const cached = this.cache.get(uri);
    if (cached && cached.resultId === resultId && cached.doc === doc) return cached;
    // A policy file is not governed by a policy (and loading it here would parse it a second time).
    const policy = isPolicyPath(uri) ? undefined : this.policies?.forUri(uri, doc.language);
    const opts = {
      ...DEFAULT_ANALYZE_OPTIONS,
      maxFileSize: settings.maxFileSizeKb * 1024,
      parseBudgetMs: settings.parseTimeoutMs,
      queryBudgetMs: Math.max(settings.parseTimeoutMs, 1000),
      ...ruleResolvers(settings, policy?.file),
      roots: this.folders,
    };
    let analysis: Analysis;
    const t0 = performance.now();
    // What changed since this document's last analysis: the local rules re-run only there (Engine.analyzeTree).
    const changed = doc.takeChanges();
    if (doc.parseError !== undefined || !doc.tree) {
      analysis = { ...this.engine.parseFailed(doc.parseError, doc.text), durationMs: 0 };
    } else if (isPolicyPath(uri) && this.policies) {
      // A policy file is checked as a policy, never as a Kubernetes manifest.
      analysis = { findings: settings.enable ? policyFindings(this.policies.problemsOf(doc)) : [], failures: [], durationMs: performance.now() - t0 };
    } else if (policy?.file && !policy.file.included) {
      analysis = { findings: [], failures: [], durationMs: 0, skipped: `not analysed: ${policy.file.reason ?? 'left out by the policy'} (${policy.loaded?.file ?? '.dfx.yaml'})` };
    } else {
      const previous = cached?.doc === doc ? cached.state : undefined;
      const key = `${this.settings.generation}:${this.policies?.generation ?? 0}`;
      analysis = this.engine.analyzeTree(uri, doc.language, doc.text, doc.tree, { ...opts, editing: true }, t0, { key, changed, ...(previous ? { previous } : {}) });
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
