import * as vscode from 'vscode';
import type { Pillar, Severity } from '../../../server/src/engine/types';

const PILLAR_ICONS: Record<Pillar, string> = {
  performance: 'dashboard',
  security: 'shield',
  reliability: 'pulse',
  testability: 'beaker',
};

export function pillarIcon(pillar: Pillar): vscode.ThemeIcon {
  return new vscode.ThemeIcon(PILLAR_ICONS[pillar]);
}

export function pillarLabel(pillar: string): string {
  switch (pillar) {
    case 'performance':
      return vscode.l10n.t('Performance');
    case 'security':
      return vscode.l10n.t('Security');
    case 'reliability':
      return vscode.l10n.t('Reliability');
    case 'testability':
      return vscode.l10n.t('Testability');
    default:
      return pillar.charAt(0).toUpperCase() + pillar.slice(1);
  }
}

/** The Problems panel's icon and colour for a rule severity. */
export function severityIcon(severity: Severity): vscode.ThemeIcon {
  switch (severity) {
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'info':
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    case 'hint':
      return new vscode.ThemeIcon('lightbulb');
  }
}

export function toSeverity(s: vscode.DiagnosticSeverity): Severity {
  switch (s) {
    case vscode.DiagnosticSeverity.Error:
      return 'error';
    case vscode.DiagnosticSeverity.Warning:
      return 'warning';
    case vscode.DiagnosticSeverity.Information:
      return 'info';
    case vscode.DiagnosticSeverity.Hint:
      return 'hint';
  }
}
