import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../server/src/protocol/commands';
import type { StatusParams } from '../../server/src/protocol/messages';

/** An analysis slower than this turns the item into a warning: typing will feel the lag. */
const SLOW_MS = 1000;
/** At the default parse budget (genai4dfx.parseTimeoutMs) an analysis is close to being cut off and may miss findings. */
const TOO_SLOW_MS = 3000;

/** The "DFX" language status item: spinner while the server works, the last analysis' time and findings, errors. */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  /** False until the server reports something after a (re)start. */
  private reported = false;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('genai4dfx.status', selector);
    this.item.name = 'genai4dfx';
    this.item.text = 'DFX';
    this.starting();
  }

  starting(): void {
    this.reported = false;
    this.set({ busy: true, detail: vscode.l10n.t('starting…') });
  }

  /** The client is connected; keep whatever the server already reported. */
  running(): void {
    if (!this.reported) this.set({ busy: false, detail: vscode.l10n.t('ready') });
  }

  stopped(): void {
    this.reported = false;
    this.set({
      busy: false,
      detail: vscode.l10n.t('server stopped'),
      severity: vscode.LanguageStatusSeverity.Error,
      command: { title: vscode.l10n.t('Restart'), command: COMMANDS.restartServer },
    });
  }

  update(p: StatusParams): void {
    this.reported = true;
    const file = p.uri ? path.posix.basename(vscode.Uri.parse(p.uri).path) : undefined;
    switch (p.state) {
      case 'starting':
        this.starting();
        return;
      case 'analyzing': {
        const progress = p.total ? vscode.l10n.t(' ({0}/{1} files)', p.scanned ?? 0, p.total) : '';
        this.set({ busy: true, detail: `${p.message ?? vscode.l10n.t('analysing…')}${progress}` });
        return;
      }
      case 'error':
        this.set({ busy: false, detail: p.message ?? vscode.l10n.t('analysis failed; see the output'), severity: vscode.LanguageStatusSeverity.Error });
        return;
      case 'ready': {
        const facts = [
          file,
          p.findings === undefined ? undefined : p.findings === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', p.findings),
          p.lastAnalysisMs === undefined || !p.uri ? undefined : `${formatMs(p.lastAnalysisMs)}${p.lastAnalysisMs > SLOW_MS ? vscode.l10n.t(' (slow)') : ''}`,
          p.message,
        ].filter((x): x is string => Boolean(x));
        // Thresholds apply to document analyses only; the start-up report carries the engine's load time instead.
        const ms = p.uri ? (p.lastAnalysisMs ?? 0) : 0;
        const severity =
          ms > TOO_SLOW_MS ? vscode.LanguageStatusSeverity.Error : ms > SLOW_MS ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
        this.set({ busy: false, detail: facts.length ? vscode.l10n.t('last analysis: {0}', facts.join(', ')) : vscode.l10n.t('ready'), severity });
        return;
      }
    }
  }

  dispose(): void {
    this.item.dispose();
  }

  private set(s: { busy: boolean; detail: string; severity?: vscode.LanguageStatusSeverity; command?: vscode.Command }): void {
    this.item.busy = s.busy;
    this.item.detail = s.detail;
    this.item.severity = s.severity ?? vscode.LanguageStatusSeverity.Information;
    this.item.command = s.command ?? { title: vscode.l10n.t('Show Output'), command: COMMANDS.showOutput };
    this.item.accessibilityInformation = { label: `genai4dfx: ${s.detail}` };
  }
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
