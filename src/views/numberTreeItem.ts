import * as vscode from 'vscode';
import { contextValueOf } from './contextValues';
import { detailsTooltip } from './detailsTooltip';
import { phoneDisplay } from '../format/phoneDisplay';
import { numberStatusIcon } from './statusIcons';
import type { TimeDisplay } from '../format/timeDisplay';
import type { NumberNode } from './treeNodes';

/** A fax number and who uses it (names when the token may list members, else user ids). */
export function numberTreeItem(node: NumberNode, time: TimeDisplay): vscode.TreeItem {
  const { number } = node;
  const who = node.assignees ?? number.assignedTo;
  const item = new vscode.TreeItem(phoneDisplay(number.number), vscode.TreeItemCollapsibleState.None);
  item.id = `number:${number.id}:${number.number}`;
  item.description = [
    who.length > 0 ? who.join(', ') : vscode.l10n.t('unassigned'),
    number.status === 'active' ? undefined : statusWord(number.status),
  ]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = numberStatusIcon(number);
  item.contextValue = contextValueOf(node);
  item.tooltip = detailsTooltip(vscode.l10n.t('Fax number {0}', phoneDisplay(number.number)), undefined, [
    [vscode.l10n.t('Number'), number.number],
    [vscode.l10n.t('Status'), statusWord(number.status)],
    [vscode.l10n.t('Assigned to'), who.length > 0 ? who.join(', ') : vscode.l10n.t('nobody')],
    [vscode.l10n.t('Acquired'), number.acquiredDate && time.absolute(number.acquiredDate)],
    [vscode.l10n.t('Renews or expires'), number.expirationDate && time.absolute(number.expirationDate)],
    [vscode.l10n.t('Cancelled'), number.isCanceled ? vscode.l10n.t('yes') : undefined],
  ]);
  return item;
}

function statusWord(status: string): string {
  switch (status) {
    case 'active':
      return vscode.l10n.t('active');
    case 'waiting_verification':
      return vscode.l10n.t('waiting for verification');
    default:
      return status;
  }
}
