import * as vscode from 'vscode';

/** The account type in words (corporate_admin → administrator); unknown types as the API spells them. */
export function accountTypeText(type: string): string {
  switch (type) {
    case 'corporate_admin':
      return vscode.l10n.t('administrator');
    case 'corporate_member':
      return vscode.l10n.t('member');
    case 'individual':
      return vscode.l10n.t('individual');
    default:
      return type;
  }
}
