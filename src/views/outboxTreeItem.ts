import * as vscode from 'vscode';
import { contextValueOf } from './contextValues';
import { detailsTooltip } from './detailsTooltip';
import { outboxStatusMeaning } from './faxStatusMeaning';
import { partyDisplay, type NumberOwner } from '../format/phoneDisplay';
import { outboxStatusIcon } from './statusIcons';
import type { TimeDisplay } from '../format/timeDisplay';
import type { OutboxNode } from './treeNodes';

/** Destinations listed in a tooltip; a fax may have up to 4000. */
const MAX_LISTED_DESTINATIONS = 20;

/** A fax waiting to be sent: its destinations, then its stage and when it goes out. */
export function outboxTreeItem(node: OutboxNode, time: TimeDisplay, ownerOf?: NumberOwner): vscode.TreeItem {
  const phoneDisplay = (n: string | undefined) => partyDisplay(n, ownerOf);
  const { fax } = node;
  const first = phoneDisplay(fax.to[0]) || vscode.l10n.t('No destination');
  const label = fax.to.length > 1 ? vscode.l10n.t('{0} and {1} more', first, fax.to.length - 1) : first;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `outbox:${fax.id}`;
  item.description = [
    statusWord(fax.status),
    fax.sendTime && fax.sendTime.getTime() > Date.now() ? vscode.l10n.t('sends {0}', time.relative(fax.sendTime)) : undefined,
    fax.submitTime && !fax.sendTime ? time.relative(fax.submitTime) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = outboxStatusIcon(fax.status);
  item.contextValue = contextValueOf(node);
  const listed = fax.to.slice(0, MAX_LISTED_DESTINATIONS).map(phoneDisplay).join(', ');
  const more = fax.to.length > MAX_LISTED_DESTINATIONS ? vscode.l10n.t(' and {0} more', fax.to.length - MAX_LISTED_DESTINATIONS) : '';
  item.tooltip = detailsTooltip(vscode.l10n.t('Fax waiting to be sent'), outboxStatusMeaning(fax.status), [
    [vscode.l10n.t('Status'), fax.status],
    [vscode.l10n.t('To'), listed + more],
    [vscode.l10n.t('From'), phoneDisplay(fax.from)],
    [vscode.l10n.t('Contact'), fax.contactName],
    [vscode.l10n.t('Pages'), fax.pageCount],
    [vscode.l10n.t('Files'), fax.files.length],
    [vscode.l10n.t('Submitted'), fax.submitTime && time.absolute(fax.submitTime)],
    [vscode.l10n.t('Scheduled for'), fax.sendTime && time.absolute(fax.sendTime)],
    [vscode.l10n.t('Comment'), fax.comment?.text],
    [vscode.l10n.t('Fax ID'), fax.id],
  ]);
  return item;
}

function statusWord(status: string): string {
  switch (status) {
    case 'submitted':
      return vscode.l10n.t('submitted');
    case 'converting':
      return vscode.l10n.t('converting');
    case 'scheduled_for_sending':
      return vscode.l10n.t('scheduled');
    case 'sending':
      return vscode.l10n.t('sending');
    default:
      return status;
  }
}
