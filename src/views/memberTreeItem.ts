import * as vscode from 'vscode';
import { accountTypeText } from './accountTypeText';
import type { Account } from '../api/models';
import { contextValueOf } from './contextValues';
import { detailsTooltip } from './detailsTooltip';
import { fullName } from '../format/personName';
import type { TimeDisplay } from '../format/timeDisplay';
import type { MemberNode } from './treeNodes';

/** A member of the corporate account: name (or email), then email and role. */
export function memberTreeItem(node: MemberNode, time: TimeDisplay): vscode.TreeItem {
  const { account } = node;
  const name = fullName(account);
  const item = new vscode.TreeItem(name ?? account.email ?? account.uid, vscode.TreeItemCollapsibleState.None);
  item.id = `member:${account.uid}`;
  item.description = [name ? account.email : undefined, roleText(account)].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(account.accountType === 'corporate_admin' ? 'shield' : 'person');
  item.contextValue = contextValueOf(node);
  item.tooltip = detailsTooltip(name ?? account.email ?? account.uid, undefined, [
    [vscode.l10n.t('Email'), account.email],
    [vscode.l10n.t('Role'), account.role],
    [vscode.l10n.t('Account type'), accountTypeText(account.accountType)],
    [vscode.l10n.t('Status'), account.status],
    [vscode.l10n.t('Phone'), account.phone],
    [vscode.l10n.t('Member since'), account.creationDate && time.absolute(account.creationDate)],
    [vscode.l10n.t('User ID'), account.uid],
  ]);
  return item;
}

function roleText(account: Account): string {
  return account.role ?? accountTypeText(account.accountType);
}
