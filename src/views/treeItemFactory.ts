import type * as vscode from 'vscode';
import { faxTreeItem } from './faxTreeItem';
import { memberTreeItem } from './memberTreeItem';
import { messageTreeItem } from './messageTreeItem';
import { numberTreeItem } from './numberTreeItem';
import { outboxTreeItem } from './outboxTreeItem';
import type { TimeDisplay } from '../format/timeDisplay';
import type { TreeNode } from './treeNodes';

/** Turns any sidebar node into the TreeItem VS Code shows. */
export class TreeItemFactory {
  constructor(private readonly time: TimeDisplay) {}

  create(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'fax':
        return faxTreeItem(node, this.time);
      case 'outbox':
        return outboxTreeItem(node, this.time);
      case 'number':
        return numberTreeItem(node, this.time);
      case 'member':
        return memberTreeItem(node, this.time);
      default:
        return messageTreeItem(node);
    }
  }
}
