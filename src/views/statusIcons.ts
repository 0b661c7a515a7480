import * as vscode from 'vscode';
import type { FaxStatus, FaxNumber, OutboxStatus } from '../api/models';
import { statusOutcome } from './faxStatusOutcome';

/**
 * Codicons for statuses. Colours are theme colours so every theme (and high
 * contrast) keeps them readable. A status we do not know gets a neutral icon:
 * the server adds statuses over time and most of them are not failures.
 */
export function faxStatusIcon(status: FaxStatus, unread: boolean): vscode.ThemeIcon {
  if (unread) {
    // Unread beats status in the inbox: it is what a person scans for.
    return new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('notificationsInfoIcon.foreground'));
  }
  switch (statusOutcome(status)) {
    case 'success':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'partial':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'failure':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    default:
      return new vscode.ThemeIcon('question');
  }
}

export function outboxStatusIcon(status: OutboxStatus): vscode.ThemeIcon {
  switch (status) {
    case 'submitted':
      return new vscode.ThemeIcon('cloud-upload');
    case 'converting':
      return new vscode.ThemeIcon('loading~spin');
    case 'scheduled_for_sending':
      return new vscode.ThemeIcon('watch');
    case 'sending':
      return new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('charts.blue'));
    default:
      return new vscode.ThemeIcon('question');
  }
}

export function numberStatusIcon(number: FaxNumber): vscode.ThemeIcon {
  if (number.isCanceled) {
    return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  }
  switch (number.status) {
    case 'active':
      return new vscode.ThemeIcon('device-mobile', new vscode.ThemeColor('testing.iconPassed'));
    case 'waiting_verification':
      return new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.warningForeground'));
    default:
      return new vscode.ThemeIcon('device-mobile');
  }
}
