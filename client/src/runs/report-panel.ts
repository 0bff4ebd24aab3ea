import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { RunsController } from './controller';
import type { RunRecord } from '../../../server/src/runs/api';
import { isTerminal } from './model';
import { renderReport, renderReportBody } from './report-html';

/** One webview per run report; live runs get their body re-rendered (at most once a second) as events arrive. */
export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly dirty = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];
  /** Runs whose panel shows a state that is not final, started by another window or the CLI: follow their record file. */
  private readonly unfinished = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly runs: RunsController,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscriptions = [
      runs.onRunEvent((e) => {
        if (!this.panels.has(e.runId)) return;
        this.dirty.add(e.runId);
        this.timer ??= setTimeout(() => this.flush(), e.type === 'done' ? 0 : 1000);
      }),
      // The history changed on disk (.dfx/runs/): another process may have moved a run we show.
      runs.onDidChange(() => {
        for (const id of this.unfinished) if (!runs.liveRun(id)) this.update(id);
      }),
    ];
  }

  /** Open (or reveal) the report of `runId`; false when there is no record of it. */
  open(runId: string): boolean {
    const existing = this.panels.get(runId);
    if (existing) {
      existing.reveal();
      this.render(existing, runId);
      return true;
    }
    const record = this.runs.record(runId);
    if (!record) return false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('genai4dfx.runReport', vscode.l10n.t('Run: {0}', record.name), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'dfx.svg');
    this.render(panel, runId);
    this.panels.set(runId, panel);
    panel.onDidDispose(() => {
      this.panels.delete(runId);
      this.unfinished.delete(runId);
    });
    // A hidden panel loses its page: render the whole page again when it becomes visible.
    let wasVisible = true;
    panel.onDidChangeViewState(() => {
      if (panel.visible && !wasVisible) this.render(panel, runId);
      wasVisible = panel.visible;
    });
    return true;
  }

  private render(panel: vscode.WebviewPanel, runId: string): void {
    const record = this.runs.record(runId);
    if (!record) return;
    this.track(runId, record);
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const webview = panel.webview;
    webview.html = renderReport(record, {
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css')).toString(),
      // Without a bundle for the display language the static texts are English.
      lang: vscode.l10n.bundle ? vscode.env.language : 'en',
    });
  }

  private flush(): void {
    this.timer = undefined;
    for (const id of this.dirty) this.update(id);
    this.dirty.clear();
  }

  private update(runId: string): void {
    const panel = this.panels.get(runId);
    const record = this.runs.record(runId);
    if (!panel || !record) return;
    this.track(runId, record);
    void panel.webview.postMessage({ type: 'update', html: renderReportBody(record) });
  }

  private track(runId: string, record: RunRecord): void {
    if (isTerminal(record.state)) this.unfinished.delete(runId);
    else this.unfinished.add(runId);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    for (const p of [...this.panels.values()]) p.dispose();
  }
}
