import * as vscode from 'vscode';
import type { Fax } from '../api/models';
import { contextValueOf } from './contextValues';
import { faxStatusMeaning } from './faxStatusMeaning';
import { detailsTooltip } from './detailsTooltip';
import { partyDisplay, type NumberOwner } from '../format/phoneDisplay';
import { faxStatusIcon } from './statusIcons';
import type { TimeDisplay } from '../format/timeDisplay';
import type { FaxNode } from './treeNodes';
import { faxTitle } from './faxTitle';
import { COMMANDS } from '../manifest/commandIds';

/**
 * A fax in Inbox, Sent or Spam: the other party as the label, then when and
 * how many pages. Unread inbox faxes get a filled dot instead of the status
 * icon, and "unread" in the description for screen readers and colour-blind users.
 */
export function faxTreeItem(node: FaxNode, time: TimeDisplay, ownerOf?: NumberOwner): vscode.TreeItem {
  const phoneDisplay = (n: string | undefined) => partyDisplay(n, ownerOf);
  const { fax, category } = node;
  const party = category === 'sent' ? fax.to : fax.from;
  const unread = category !== 'sent' && fax.isRead === false;
  const item = new vscode.TreeItem(phoneDisplay(party) || vscode.l10n.t('Unknown number'), vscode.TreeItemCollapsibleState.None);
  item.id = `${category}:${fax.id}`;
  item.description = [
    unread ? vscode.l10n.t('unread') : undefined,
    fax.startTime ? time.relative(fax.startTime) : undefined,
    pagesText(fax),
  ]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = faxStatusIcon(fax.status, unread);
  item.contextValue = contextValueOf(node);
  // A click opens the fax, as in a mail client; the node carries the record, so no lookup is needed.
  item.command = { command: COMMANDS.openFax, title: vscode.l10n.t('Open Fax'), arguments: [node] };
  item.tooltip = faxTooltip(node, time, phoneDisplay);
  item.accessibilityInformation = { label: [item.label, item.description, faxStatusMeaning(fax.status, directionOf(category))].join(', ') };
  return item;
}

function directionOf(category: FaxNode['category']): 'sent' | 'received' {
  return category === 'sent' ? 'sent' : 'received';
}

function pagesText(fax: Fax): string | undefined {
  return fax.pages === undefined ? undefined : vscode.l10n.t('{0} p.', fax.pages);
}

function faxTooltip({ fax, category }: FaxNode, time: TimeDisplay, phoneDisplay: (n: string | undefined) => string): vscode.MarkdownString {
  return detailsTooltip(faxTitle(fax, category, fax.id, phoneDisplay), faxStatusMeaning(fax.status, directionOf(category)), [
    [vscode.l10n.t('Status'), fax.status],
    [vscode.l10n.t('From'), phoneDisplay(fax.from)],
    [vscode.l10n.t('To'), phoneDisplay(fax.to)],
    [category === 'sent' ? vscode.l10n.t('Sent') : vscode.l10n.t('Received'), fax.startTime && time.absolute(fax.startTime)],
    [vscode.l10n.t('Pages'), fax.pages],
    [vscode.l10n.t('Duration'), fax.duration === undefined ? undefined : vscode.l10n.t('{0} s', fax.duration)],
    [vscode.l10n.t('Cost'), fax.cost],
    [vscode.l10n.t('Read'), fax.isRead === undefined ? undefined : fax.isRead ? vscode.l10n.t('yes') : vscode.l10n.t('no')],
    [vscode.l10n.t('Comment'), fax.comment],
    [vscode.l10n.t('File'), fax.fileName],
    [vscode.l10n.t('Fax ID'), fax.id],
  ]);
}
