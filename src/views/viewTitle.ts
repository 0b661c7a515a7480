import * as vscode from 'vscode';
import type { ViewName } from './treeNodes';

/** A view's name as the sidebar shows it, for quick picks that list views or group by them. */
export function viewTitle(view: ViewName): string {
  switch (view) {
    case 'outbox':
      return vscode.l10n.t('Outbox');
    case 'inbox':
      return vscode.l10n.t('Inbox');
    case 'sent':
      return vscode.l10n.t('Sent');
    case 'spam':
      return vscode.l10n.t('Spam');
    case 'numbers':
      return vscode.l10n.t('Numbers');
    case 'members':
      return vscode.l10n.t('Members');
  }
}
