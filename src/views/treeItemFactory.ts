import type * as vscode from 'vscode';
import { faxTreeItem } from './faxTreeItem';
import { memberTreeItem } from './memberTreeItem';
import { messageTreeItem } from './messageTreeItem';
import { numberTreeItem } from './numberTreeItem';
import { outboxTreeItem } from './outboxTreeItem';
import { TimeDisplay } from '../format/timeDisplay';
import type { NumberOwner } from '../format/phoneDisplay';
import type { TreeNode } from './treeNodes';
import type { TreeItems } from './deferredTreeItems';

/** Turns any sidebar node into the TreeItem VS Code shows. */
export class TreeItemFactory implements TreeItems {
  private readonly time: TimeDisplay;

  constructor(
    /** VS Code's display language: dates and times are written in its format. */
    language: string,
    /** Names from the address book, so a known number shows as "Dr. Chen — +1 617 555 0199". */
    private readonly ownerOf?: NumberOwner,
  ) {
    this.time = new TimeDisplay(language);
  }

  create(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'fax':
        return faxTreeItem(node, this.time, this.ownerOf);
      case 'outbox':
        return outboxTreeItem(node, this.time, this.ownerOf);
      case 'number':
        return numberTreeItem(node, this.time);
      case 'member':
        return memberTreeItem(node, this.time);
      default:
        return messageTreeItem(node);
    }
  }
}
