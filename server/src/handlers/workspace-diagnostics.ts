import { URI } from 'vscode-uri';
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  type ClientCapabilities,
  type Connection,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { Engine } from '../engine/analyzer';
import { DEFAULT_ANALYZE_OPTIONS } from '../engine/analyzer';
import { decodeText, readTextFile, walkFiles, type SkipReason } from '../engine/files';
import { isPolicyPath, LANGUAGES } from '../engine/languages';
import type { Finding } from '../engine/types';
import { StatusNotification } from '../protocol/messages';
import { toDiagnostic } from './convert';
import type { DocumentStore } from './documents';
import type { Logger } from './logger';
import { policyFindings, uriPath, type ServerPolicies } from './policy-store';
import { ruleResolvers, type SettingsCache } from './settings';

/** Controls of the workspace scan the server wiring needs. */
export interface WorkspaceDiagnostics {
  /** Something changed (files, settings): the next workspace request rescans. */
  invalidate(): void;
  /** Ask the client to tell us about changed source files. */
  watchFiles(caps: ClientCapabilities): void;
  dispose(): void;
}

const BATCH = 25;

/**
 * Workspace diagnostics (`workspace/diagnostic`) for files that are not open: walks each folder (respecting
 * .gitignore and the exclude setting), reports per-file results as partial results with progress, and answers
 * "unchanged" for files whose size and mtime did not move. The client re-requests as soon as we answer, so once
 * everything is reported the request is held open until something changes (long polling), not answered in a loop.
 */
export function registerWorkspaceDiagnostics(
  connection: Connection,
  engine: Engine,
  documents: DocumentStore,
  settings: SettingsCache,
  log: Logger,
  /** Workspace folder URIs. */
  folders: readonly string[],
  /** The `.dfx.yaml` policies: each file gets the levels and options of the one governing it. */
  policies?: ServerPolicies,
): WorkspaceDiagnostics {
  let dirty = true;
  let wake: (() => void) | undefined;
  const invalidate = (): void => {
    dirty = true;
    wake?.();
  };
  documents.onDidChange((uri) => {
    if (!documents.get(uri)) invalidate();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    // A policy created, edited or deleted on disk changes what every file below it reports.
    for (const c of changes) if (isPolicyPath(c.uri)) policies?.changed(uriPath(c.uri));
    invalidate();
  });

  connection.languages.diagnostics.onWorkspace(async (params, token, workDone, resultProgress) => {
    if (!dirty) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        token.onCancellationRequested(() => resolve());
      });
      wake = undefined;
      if (token.isCancellationRequested) return { items: [] };
    }
    dirty = false;
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    let batch: WorkspaceDocumentDiagnosticReport[] = [];
    const flush = (): void => {
      if (!batch.length) return;
      if (params.partialResultToken !== undefined) resultProgress?.report({ items: batch });
      else items.push(...batch);
      batch = [];
    };
    workDone.begin('DFX: analysing workspace', 0, undefined, true);
    let scanned = 0;
    try {
      for (const folder of folders) {
        const s = await settings.get(folder);
        if (!s.enable || !s.workspaceDiagnostics) continue;
        const root = URI.parse(folder).fsPath;
        const opts = { ...DEFAULT_ANALYZE_OPTIONS, maxFileSize: s.maxFileSizeKb * 1024, parseBudgetMs: s.parseTimeoutMs, ...ruleResolvers(s, undefined), roots: [root] };
        const tooLarge: { path: string; size: number }[] = [];
        const onSkip = (p: string, reason: SkipReason): void => {
          if (reason.kind === 'too-large') tooLarge.push({ path: p, size: reason.size ?? 0 });
        };
        // A file over the size cap gets one info diagnostic, as it would when opened.
        const reportTooLarge = (): void => {
          for (const big of tooLarge.splice(0)) {
            const uri = URI.file(big.path).toString();
            const a = engine.oversize(big.size, opts);
            if (documents.get(uri) || !a) continue;
            batch.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: `oversize:${big.size}:${settings.generation}`, items: a.findings.map((f) => toDiagnostic(f, -1, engine.registry)) });
          }
        };
        for await (const file of walkFiles([root], { exclude: s.exclude, maxFileSize: opts.maxFileSize, onSkip })) {
          reportTooLarge();
          if (token.isCancellationRequested) return { items: [] };
          const uri = URI.file(file.path).toString();
          if (documents.get(uri)) continue;
          scanned++;
          const resultId = `${file.mtimeMs}:${file.size}:${settings.generation}:${policies?.generation ?? 0}`;
          if (previous.get(uri) === resultId) {
            batch.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
          } else {
            const { text } = file.content ? decodeText(file.content) : await readTextFile(file.path);
            const policy = policies?.forPath(file.path, file.language).file;
            let findings: Finding[];
            if (isPolicyPath(file.path) && policies) findings = policyFindings(policies.problemsOfText(text));
            else if (policy && !policy.included) findings = [];
            else findings = engine.analyzeText(file.path, file.language, text, { ...opts, ...ruleResolvers(s, policy) }).findings;
            batch.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: findings.map((f) => toDiagnostic(f, -1, engine.registry)) });
          }
          if (batch.length >= BATCH) {
            flush();
            workDone.report(`${scanned} files`);
            void connection.sendNotification(StatusNotification, { state: 'analyzing', scanned, message: `workspace: ${scanned} files` });
          }
          // Let requests for open documents in between: typing must never wait for the scan.
          await new Promise((r) => setImmediate(r));
        }
        reportTooLarge();
      }
      flush();
    } catch (e) {
      log.error(`workspace diagnostics failed: ${(e as Error).message}`);
    } finally {
      workDone.done();
      void connection.sendNotification(StatusNotification, { state: 'ready', scanned, message: `workspace: ${scanned} files analysed` });
    }
    return { items };
  });

  return {
    invalidate,
    watchFiles(caps) {
      if (!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
      const exts = LANGUAGES.flatMap((l) => l.extensions.map((e) => e.slice(1)));
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/*.{${exts.join(',')}}` }, { globPattern: '**/.gitignore' }, { globPattern: '**/.dfx.yaml' }],
      });
    },
    dispose() {
      wake?.();
    },
  };
}
