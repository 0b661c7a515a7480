import * as vscode from 'vscode';
import { contextValueOf } from './contextValues';
import type { MessageNode } from './treeNodes';
import { COMMANDS } from '../manifest/commandIds';

/**
 * Items that are not account data: an error (click or the inline action to
 * retry), a missing scope (click to replace the token), "Load more…" and the
 * reason a list is empty. Clicking runs the command with a plain argument
 * object, as a keybinding would.
 */
export function messageTreeItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(labelOf(node), vscode.TreeItemCollapsibleState.None);
  item.id = `${node.view}:message:${node.kind}${node.kind === 'missingScope' && node.command ? `:${node.command}` : ''}`;
  item.contextValue = contextValueOf(node);
  switch (node.kind) {
    case 'error':
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.description = vscode.l10n.t('Retry');
      item.tooltip = new vscode.MarkdownString()
        .appendText(node.message)
        .appendMarkdown('\n\n')
        .appendText(vscode.l10n.t('Click to try again.'));
      item.command = { command: COMMANDS.refreshView, title: vscode.l10n.t('Retry'), arguments: [{ view: node.view }] };
      break;
    case 'missingScope':
      item.iconPath = new vscode.ThemeIcon('lock', new vscode.ThemeColor('list.warningForeground'));
      item.description = vscode.l10n.t('Replace token…');
      item.tooltip = new vscode.MarkdownString()
        .appendText(labelOf(node))
        .appendMarkdown('\n\n')
        .appendText(vscode.l10n.t('Click to replace the token with one that has this scope.'));
      item.command = { command: COMMANDS.rotateToken, title: vscode.l10n.t('Replace Token') };
      break;
    case 'loadMore':
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: COMMANDS.loadMore, title: vscode.l10n.t('Load more…'), arguments: [{ view: node.view }] };
      break;
    case 'empty':
      item.iconPath = new vscode.ThemeIcon('info');
      item.tooltip = node.message;
      break;
  }
  return item;
}

function labelOf(node: MessageNode): string {
  switch (node.kind) {
    case 'error':
    case 'empty':
      return node.message;
    case 'loadMore':
      return vscode.l10n.t('Load more…');
    case 'missingScope':
      return node.command === COMMANDS.buyNumber
        ? vscode.l10n.t('This token cannot buy fax numbers — it needs {0}', node.scopes.join(vscode.l10n.t(' or ')))
        : missingScopeSentence(node.view, node.scopes);
  }
}

function missingScopeSentence(view: MessageNode['view'], scopes: readonly string[]): string {
  const needed = scopes.join(vscode.l10n.t(' or '));
  switch (view) {
    case 'outbox':
      return vscode.l10n.t('This token cannot read the outbox — it needs {0}', needed);
    case 'numbers':
      return vscode.l10n.t('This token cannot read fax numbers — it needs {0}', needed);
    case 'members':
      return vscode.l10n.t('This token cannot read account members — it needs {0}', needed);
    default:
      return vscode.l10n.t('This token cannot read faxes — it needs {0}', needed);
  }
}
